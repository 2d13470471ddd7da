package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	parser "seedfeed/internal/article"
)

// The probe must parse as an article dated now, or it would not be the
// newest item of a feed whose articles are dated by when they were seen.
func TestProbeIsNewestArticle(t *testing.T) {
	now := time.Date(2026, 11, 25, 23, 40, 7, 0, time.UTC)
	title := "Watch Probe 1 Reaches The Feed 42"
	a, err := parser.Parse("watch-probe-1.md", article(title, now), parser.Options{Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != title {
		t.Errorf("title %q, want %q", a.Title, title)
	}
	if a.Published == nil || !a.Published.Equal(now) {
		t.Errorf("published %v, want %v", a.Published, now)
	}
}

func TestPollerConditional(t *testing.T) {
	var body atomic.Value
	body.Store("<feed>old</feed>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := body.Load().(string)
		etag := `"` + b + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Etag", etag)
		_, _ = w.Write([]byte(b))
	}))
	defer srv.Close()
	p := &poller{client: srv.Client(), url: srv.URL}
	ctx := context.Background()
	for i, tt := range []struct {
		set  string
		want bool
	}{
		{"", false},                      // first fetch: 200 without the title
		{"", false},                      // unchanged: 304
		{"<feed>new Probe</feed>", true}, // changed: 200 with it
	} {
		if tt.set != "" {
			body.Store(tt.set)
		}
		got, err := p.has(ctx, []byte("Probe"))
		if err != nil || got != tt.want {
			t.Fatalf("poll %d: %v, %v; want %v", i, got, err, tt.want)
		}
	}
	if !strings.Contains(p.etag, "new") {
		t.Errorf("etag %q not updated", p.etag)
	}
}
