package feed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestRenderRejects(t *testing.T) {
	item := func(f func(*Item)) []Item {
		it := Item{ID: "tag:example.org,2024:a", Slug: "a", Title: "A", Published: date("2024-01-01T00:00:00Z")}
		f(&it)
		return []Item{it}
	}
	meta := func(f func(*Meta)) Meta {
		m := fullMeta()
		f(&m)
		return m
	}
	tests := []struct {
		name  string
		meta  Meta
		items []Item
		want  error
	}{
		{"relative base URL", meta(func(m *Meta) { m.BaseURL = "/blog" }), nil, ErrMeta},
		{"base URL without scheme", meta(func(m *Meta) { m.BaseURL = "example.org" }), nil, ErrMeta},
		{"ftp base URL", meta(func(m *Meta) { m.BaseURL = "ftp://example.org" }), nil, ErrMeta},
		{"base URL with query", meta(func(m *Meta) { m.BaseURL = "https://example.org/?a=1" }), nil, ErrMeta},
		{"unparseable base URL", meta(func(m *Meta) { m.BaseURL = "http://[::1" }), nil, ErrMeta},
		{"relative feed id", meta(func(m *Meta) { m.FeedID = "my-feed" }), nil, ErrMeta},
		{"language with a space", meta(func(m *Meta) { m.Language = "en US" }), nil, ErrMeta},
		{"language with a quote", meta(func(m *Meta) { m.Language = `en"` }), nil, ErrMeta},
		{"stylesheet with a quote", meta(func(m *Meta) { m.Stylesheet = `/a".css` }), nil, ErrMeta},
		{"relative hub", meta(func(m *Meta) { m.Hubs = []string{"/hub"} }), nil, ErrMeta},
		{"hub with a control character", meta(func(m *Meta) { m.Hubs = []string{"https://hub.example/\x01"} }), nil, ErrMeta},
		{"mailto hub", meta(func(m *Meta) { m.Hubs = []string{"mailto:hub@example.org"} }), nil, ErrMeta},
		{"empty item id", fullMeta(), item(func(it *Item) { it.ID = " \x01" }), ErrItem},
		{"relative item id", fullMeta(), item(func(it *Item) { it.ID = "a" }), ErrItem},
		{"empty slug", fullMeta(), item(func(it *Item) { it.Slug = "" }), ErrItem},
		{"duplicate id", fullMeta(), append(item(func(*Item) {}), item(func(it *Item) { it.Slug = "b" })...), ErrItem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Render(tt.meta, tt.items)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Render error = %v, want %v", err, tt.want)
			}
			if out != nil {
				t.Error("Render returned documents with an error")
			}
		})
	}
}

func TestRenderDefaults(t *testing.T) {
	m := Meta{BaseURL: "HTTP://Example.ORG:8080/blog/"}
	out, err := Render(m, []Item{{ID: "tag:example.org,2024:x", Slug: "x", Published: date("2024-02-03T04:05:06Z")}})
	if err != nil {
		t.Fatal(err)
	}
	atom := string(out[PathFeed])
	for _, want := range []string{
		"<id>tag:example.org,2000:/blog/feed</id>",                // derived feed id, port dropped
		"<title>example.org:8080</title>",                         // title falls back to the host
		"<name>example.org:8080</name>",                           // and so does the author
		"<title>x</title>",                                        // item title falls back to the slug
		`href="http://example.org:8080/blog/feed.xml" rel="self"`, // scheme and host lowercased
	} {
		if !strings.Contains(atom, want) {
			t.Errorf("Atom output lacks %s", want)
		}
	}
	if strings.Contains(atom, "xml-stylesheet") || strings.Contains(atom, "xml:lang") || strings.Contains(atom, "<generator") {
		t.Error("empty Stylesheet, Language and Generator should leave those out")
	}
	if rss := string(out[PathRSS]); strings.Contains(rss, "<ttl>") || !strings.Contains(rss, "<description>example.org:8080</description>") {
		t.Error("RSS: want no ttl and the title as channel description")
	}
}

func TestItemDates(t *testing.T) {
	paris := time.FixedZone("CEST", 2*3600)
	p := time.Date(2024, 5, 2, 8, 15, 30, 999, paris)
	u := time.Date(2024, 5, 3, 9, 0, 0, 0, paris)
	utc := func(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }
	tests := []struct {
		name         string
		pub, upd     time.Time
		wantP, wantU time.Time
	}{
		{"both", p, u, utc(p), utc(u)},
		{"no updated", p, time.Time{}, utc(p), utc(p)},
		{"no published", time.Time{}, u, utc(u), utc(u)},
		{"neither", time.Time{}, time.Time{}, undated(), undated()},
		{"updated before published", u, p, utc(u), utc(u)},
		{"year out of range", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), u, utc(u), utc(u)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gp, gu := itemDates(tt.pub, tt.upd)
			if !gp.Equal(tt.wantP) || !gu.Equal(tt.wantU) || gp.Location() != time.UTC || gu.Location() != time.UTC {
				t.Errorf("itemDates = %v, %v; want %v, %v in UTC", gp, gu, tt.wantP, tt.wantU)
			}
		})
	}
}

func TestContentType(t *testing.T) {
	tests := map[string]string{
		PathFeed:       "application/atom+xml; charset=utf-8",
		PathAtom:       "application/atom+xml; charset=utf-8",
		PathRSS:        "application/rss+xml; charset=utf-8",
		PathJSON:       "application/feed+json; charset=utf-8",
		PathStylesheet: "text/css; charset=utf-8",
		"/index.html":  "",
	}
	for path, want := range tests {
		if got := ContentType(path); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestRenderKeepsInputOrderAndInput(t *testing.T) {
	items := hardItems()
	before := items[0].Tags[1]
	out, err := Render(fullMeta(), items)
	if err != nil {
		t.Fatal(err)
	}
	if items[0].Tags[1] != before {
		t.Error("Render modified its input")
	}
	atom := string(out[PathAtom])
	last := -1
	for _, it := range items {
		i := strings.Index(atom, "<id>"+it.ID+"</id>")
		if i <= last {
			t.Fatalf("item %s out of order", it.ID)
		}
		last = i
	}
}
