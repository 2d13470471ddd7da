package feed

import (
	"encoding/xml"
	"fmt"
	"net/url"

	"github.com/gorilla/feeds"
)

// rssHubLink is an atom:link rel="hub" in an RSS channel. It names its
// element itself, so that the channel can hold it beside the rel="self"
// atom:link field, which encoding/xml would otherwise call a conflict.
type rssHubLink struct {
	XMLName xml.Name `xml:"atom:link"`
	Href    string   `xml:"href,attr"`
	Rel     string   `xml:"rel,attr"`
}

// prepareHubs checks the WebSub hubs: each must be an absolute http or
// https URL, since subscribers send their subscription requests there.
func prepareHubs(hubs []string) ([]string, error) {
	if len(hubs) == 0 {
		return nil, nil
	}
	out := make([]string, 0, len(hubs))
	for _, h := range hubs {
		c := cleanLine(h)
		u, err := url.Parse(c)
		if err != nil || c != h || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%w: hub %q is not an absolute http(s) URL", ErrMeta, h)
		}
		out = append(out, c)
	}
	return out, nil
}

// atomHubLinks are the feed-level link rel="hub" elements of Atom.
func atomHubLinks(d *doc) []feeds.AtomLink {
	links := make([]feeds.AtomLink, len(d.hubs))
	for i, h := range d.hubs {
		links[i] = feeds.AtomLink{Href: h, Rel: "hub"}
	}
	return links
}

// rssHubLinks are the channel's atom:link rel="hub" elements.
func rssHubLinks(d *doc) []rssHubLink {
	if len(d.hubs) == 0 {
		return nil
	}
	links := make([]rssHubLink, len(d.hubs))
	for i, h := range d.hubs {
		links[i] = rssHubLink{Href: h, Rel: "hub"}
	}
	return links
}

// jsonHubs is JSON Feed 1.1's hubs list: each endpoint with its protocol.
func jsonHubs(d *doc) []*feeds.JSONHub {
	if len(d.hubs) == 0 {
		return nil
	}
	hubs := make([]*feeds.JSONHub, len(d.hubs))
	for i, h := range d.hubs {
		hubs[i] = &feeds.JSONHub{Type: "WebSub", Url: h}
	}
	return hubs
}
