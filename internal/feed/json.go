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
	// Every page names the subscription feed, which identifies the feed;
	// next_url walks back through the archive, newest page first.
	jf.FeedUrl = d.base + d.dir + PathJSON
	if d.pos.Prev > 0 {
		jf.NextUrl = d.base + ArchiveJSONPath(d.pos.Prev)
	}
	jf.Language = d.lang
	jf.Hubs = jsonHubs(d)
	// Every item names its own authors, so the feed names none: JSON Feed
	// 1.1 makes the top-level authors those of the items without any,
	// and Miniflux, for one, adds them to every item's own instead.
	// author is deprecated in 1.1 in favour of authors.
	jf.Author, jf.Authors = nil, nil
	// JSON Feed's icon is large and square, its favicon small: the logo
	// and the icon, each standing in for the other when only one is set.
	jf.Icon, jf.Favicon = d.logo, d.icon
	if jf.Icon == "" {
		jf.Icon = d.icon
	}
	if jf.Favicon == "" {
		jf.Favicon = d.logo
	}
	out := jsonDoc{JSONFeed: jf, Items: make([]*feeds.JSONItem, len(jf.Items))}
	for i, it := range jf.Items {
		e := d.entries[i]
		it.Authors = make([]*feeds.JSONAuthor, len(e.authors))
		for j, a := range e.authors {
			it.Authors[j] = &feeds.JSONAuthor{Name: a}
		}
		it.Tags = e.tags
		if len(e.pictures) > 0 {
			it.Image = e.pictures[0].url
		}
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
