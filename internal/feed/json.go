package feed

import (
	"bytes"
	"encoding/json"

	"github.com/gorilla/feeds"
)

// jsonDoc always writes items: feeds.JSONFeed omits an empty list, which
// JSON Feed 1.1 requires. The shallower Items field hides the embedded one.
type jsonDoc struct {
	*feeds.JSONFeed
	Items []*feeds.JSONItem `json:"items"`
}

func renderJSON(d *doc) ([]byte, error) {
	jf := (&feeds.JSON{Feed: gorillaFeed(d)}).JSONFeed()
	jf.FeedUrl = d.base + PathJSON
	jf.Language = d.lang
	jf.Author = nil // deprecated in 1.1 in favour of authors
	out := jsonDoc{JSONFeed: jf, Items: make([]*feeds.JSONItem, len(jf.Items))}
	for i, it := range jf.Items {
		e := d.entries[i]
		it.Author = nil
		it.Tags = e.tags
		// An item needs content_html or content_text.
		if it.ContentHTML == "" {
			it.ContentText = e.summary
			if it.ContentText == "" {
				it.ContentText = e.title
			}
		}
		out.Items[i] = it
	}
	jf.Items = nil
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
