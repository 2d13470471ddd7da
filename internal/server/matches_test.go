package server

import (
	"testing"
	"time"
)

func TestResourceMatches(t *testing.T) {
	body, page := []byte("<feed>one</feed>"), []byte("<html>one</html>")
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	links := []string{`<https://hub.example>; rel="hub"`, `<https://news.example/feed.xml>; rel="self"`}
	r := NewFeedResourceWithLinks(body, "application/atom+xml", page, at, links)
	tests := []struct {
		name        string
		body, page  []byte
		contentType string
		at          time.Time
		links       []string
		want        bool
	}{
		{"same", body, page, "application/atom+xml", at, links, true},
		{"same, within the second", body, page, "application/atom+xml", at.Add(300 * time.Millisecond), links, true},
		{"other body", []byte("<feed>two</feed>"), page, "application/atom+xml", at, links, false},
		{"other page", body, []byte("<html>two</html>"), "application/atom+xml", at, links, false},
		{"no page", body, nil, "application/atom+xml", at, links, false},
		{"other type", body, page, "application/rss+xml", at, links, false},
		{"other date", body, page, "application/atom+xml", at.Add(time.Second), links, false},
		{"no links", body, page, "application/atom+xml", at, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Matches(tt.body, tt.contentType, tt.page, tt.at, tt.links); got != tt.want {
				t.Errorf("Matches = %v, want %v", got, tt.want)
			}
		})
	}
	// An empty page is a page (a browser is shown it), not none.
	for _, c := range []struct {
		name         string
		built, asked []byte
	}{
		{"built with an empty page, asked with none", []byte{}, nil},
		{"built with none, asked with an empty page", nil, []byte{}},
	} {
		if NewFeedResourceWithLinks(body, "application/atom+xml", c.built, at, links).Matches(body, "application/atom+xml", c.asked, at, links) {
			t.Errorf("%s: matched", c.name)
		}
		if !NewFeedResourceWithLinks(body, "application/atom+xml", c.built, at, links).Matches(body, "application/atom+xml", c.built, at, links) {
			t.Errorf("%s: the resource does not match its own arguments", c.name)
		}
	}
	var none *Resource
	if none.Matches(body, "application/atom+xml", page, at, links) {
		t.Error("a nil resource matched")
	}
	if r.WithCacheControl("no-cache").Matches(body, "application/atom+xml", page, at, links) {
		t.Error("a resource with its own Cache-Control matched")
	}
}
