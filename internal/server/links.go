package server

import (
	"slices"
	"time"
)

// NewResourceWithLinks is NewResource for a body that is sent with Link
// header lines, such as a feed's WebSub hubs and its own URL (see
// WebSubLinks). Each line is sent as a Link header of its own, with a 200
// and with a 304 alike, on the fast path and through net/http.
func NewResourceWithLinks(body []byte, contentType string, lastMod time.Time, links []string) *Resource {
	return withLinks(NewResource(body, contentType, lastMod), links)
}

// NewFeedResourceWithLinks is NewFeedResource with Link header lines, sent
// with the feed and with the page browsers get in its place.
func NewFeedResourceWithLinks(body []byte, contentType string, page []byte, lastMod time.Time, links []string) *Resource {
	return withLinks(NewFeedResource(body, contentType, page, lastMod), links)
}

func withLinks(r *Resource, links []string) *Resource {
	if len(links) > 0 {
		r.links = slices.Clip(slices.Clone(links))
	}
	return r
}

// WebSubLinks are the Link header lines by which a WebSub subscriber
// discovers a topic (W3C WebSub section 4): one rel="hub" per hub, in
// order, then exactly one rel="self" naming the topic URL. No hubs means no
// lines. The URLs must already be valid (config.Load checks the hubs);
// they are written between angle brackets as they are.
func WebSubLinks(hubs []string, self string) []string {
	if len(hubs) == 0 {
		return nil
	}
	links := make([]string, 0, len(hubs)+1)
	for _, h := range hubs {
		links = append(links, "<"+h+`>; rel="hub"`)
	}
	return append(links, "<"+self+`>; rel="self"`)
}
