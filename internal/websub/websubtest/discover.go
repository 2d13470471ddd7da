package websubtest

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Link is one link-value of an HTTP Link header (RFC 8288).
type Link struct {
	URL  string
	Rels []string // lower case
}

// Has reports whether the link has relation type rel.
func (l Link) Has(rel string) bool { return slices.Contains(l.Rels, rel) }

// ParseLinks parses Link header field values; link-values it cannot read
// are skipped, as RFC 8288 lets a client do.
func ParseLinks(values []string) []Link {
	var out []Link
	for _, v := range values {
		for len(v) > 0 {
			v = strings.TrimLeft(v, " \t,")
			if !strings.HasPrefix(v, "<") {
				// Skip to the next link-value.
				_, rest, ok := cutTopLevel(v, ',')
				if !ok {
					break
				}
				v = rest
				continue
			}
			end := strings.IndexByte(v, '>')
			if end < 0 {
				break
			}
			l := Link{URL: v[1:end]}
			params, rest, _ := cutTopLevel(v[end+1:], ',')
			v = rest
			for p := range strings.SplitSeq(params, ";") {
				name, val, ok := strings.Cut(p, "=")
				if !ok || !strings.EqualFold(strings.TrimSpace(name), "rel") {
					continue
				}
				val = strings.TrimSpace(val)
				if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
					val = val[1 : len(val)-1]
				}
				for _, r := range strings.Fields(val) {
					l.Rels = append(l.Rels, strings.ToLower(r))
				}
				break // the first rel parameter counts (RFC 8288 section 3.3)
			}
			out = append(out, l)
		}
	}
	return out
}

// cutTopLevel cuts s at the first sep outside a quoted string.
func cutTopLevel(s string, sep byte) (before, after string, found bool) {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case c == sep && !quoted:
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// Found is what discovery found in one place: the hub URLs and every
// self URL (a topic must have exactly one).
type Found struct {
	Hubs  []string
	Selfs []string
}

func (f Found) complete() bool { return len(f.Hubs) > 0 && len(f.Selfs) > 0 }

// Discovery is the outcome of Discover: the topic's hubs and self URL and
// where they came from ("header" or "body"), with both places' findings.
type Discovery struct {
	Hubs   []string
	Self   string
	From   string
	Header Found
	Body   Found
}

// Discover fetches topic and finds its hubs and self URL as websub.rocks
// checks a publisher: the HTTP Link headers first; only when they do not
// name both a hub and a self URL, the document's own links (Atom
// link, RSS atom:link, JSON Feed hubs and feed_url). Relative URLs are
// resolved against the topic URL.
func Discover(ctx context.Context, client *http.Client, topic string) (Discovery, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, topic, nil)
	if err != nil {
		return Discovery{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return Discovery{}, fmt.Errorf("discover %s: %w", topic, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return Discovery{}, fmt.Errorf("discover %s: %w", topic, err)
	}
	if resp.StatusCode != http.StatusOK {
		return Discovery{}, fmt.Errorf("discover %s: status %d", topic, resp.StatusCode)
	}
	base := resp.Request.URL
	var d Discovery
	for _, l := range ParseLinks(resp.Header.Values("Link")) {
		u := resolve(base, l.URL)
		if l.Has("hub") {
			d.Header.Hubs = append(d.Header.Hubs, u)
		}
		if l.Has("self") {
			d.Header.Selfs = append(d.Header.Selfs, u)
		}
	}
	d.Body, err = DiscoverBody(resp.Header.Get("Content-Type"), body, base)
	if err != nil {
		return d, fmt.Errorf("discover %s: %w", topic, err)
	}
	found := d.Header
	d.From = "header"
	if !found.complete() {
		found, d.From = d.Body, "body"
	}
	if !found.complete() {
		return d, fmt.Errorf("discover %s: no hub and self URL in the headers or the document", topic)
	}
	d.Hubs, d.Self = found.Hubs, found.Selfs[0]
	return d, nil
}

// DiscoverBody finds the hub and self links a feed document carries:
// feed-level Atom links, RSS channel atom:links, or JSON Feed hubs and
// feed_url. XML is read strictly; a document that is not well-formed is
// an error.
func DiscoverBody(contentType string, body []byte, base *url.URL) (Found, error) {
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "application/feed+json" || mt == "application/json" {
		var doc struct {
			FeedURL string `json:"feed_url"`
			Hubs    []struct {
				Type string `json:"type"`
				URL  string `json:"url"`
			} `json:"hubs"`
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			return Found{}, fmt.Errorf("JSON Feed: %w", err)
		}
		var f Found
		for _, h := range doc.Hubs {
			if strings.EqualFold(h.Type, "websub") {
				f.Hubs = append(f.Hubs, resolve(base, h.URL))
			}
		}
		if doc.FeedURL != "" {
			f.Selfs = append(f.Selfs, resolve(base, doc.FeedURL))
		}
		return f, nil
	}
	return discoverXML(body, base)
}

const nsAtom = "http://www.w3.org/2005/Atom"

// discoverXML collects the atom links that are children of an Atom feed
// or of an RSS channel; those of entries and items name other things.
func discoverXML(body []byte, base *url.URL) (Found, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	var f Found
	var stack []xml.Name
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Found{}, fmt.Errorf("XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name == (xml.Name{Space: nsAtom, Local: "link"}) && len(stack) > 0 {
				parent := stack[len(stack)-1]
				if parent == (xml.Name{Space: nsAtom, Local: "feed"}) || parent == (xml.Name{Local: "channel"}) {
					var href, rel string
					for _, a := range t.Attr {
						switch a.Name.Local {
						case "href":
							href = a.Value
						case "rel":
							rel = a.Value
						}
					}
					for _, r := range strings.Fields(strings.ToLower(rel)) {
						switch r {
						case "hub":
							f.Hubs = append(f.Hubs, resolve(base, href))
						case "self":
							f.Selfs = append(f.Selfs, resolve(base, href))
						}
					}
				}
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		return Found{}, errors.New("XML: unclosed elements")
	}
	return f, nil
}

func resolve(base *url.URL, ref string) string {
	u, err := url.Parse(ref)
	if err != nil || base == nil {
		return ref
	}
	return base.ResolveReference(u).String()
}
