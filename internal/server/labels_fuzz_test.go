package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"seedfeed/internal/pages"
	"seedfeed/internal/taxonomy"
)

// Whatever a client puts where a tag goes, the answer is the tag's feed
// (when the slug is a listed one, as written), a redirect to a listed
// tag's address, or not found; nothing unlisted reaches the source.
func FuzzLabelPath(f *testing.F) {
	for _, s := range []string{"economie", "Économie", "हिंदी", "c#", "..", "a/b", "%", "gone", "", "\x00", "ECONOMIE "} {
		f.Add(s)
	}
	src := &fakeLabels{}
	srv := New(Config{Labels: src})
	snap := labelSnapshot(1)
	srv.Publish(snap)
	f.Fuzz(func(t *testing.T, s string) {
		before := src.total.Load()
		target := "/tags/" + url.PathEscape(s) + "/feed.xml"
		if _, err := url.ParseRequestURI(target); err != nil {
			return
		}
		req := httptest.NewRequest("GET", target, nil)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		_, listed := snap.Labels[LabelKey(pages.SectionTags, s)]
		canon := taxonomy.Slug(s)
		_, canonListed := snap.Labels[LabelKey(pages.SectionTags, canon)]
		switch rec.Code {
		case http.StatusOK:
			if !listed || canon != s {
				t.Errorf("%q: 200 for an unlisted or unfolded slug", s)
			}
		case http.StatusMovedPermanently:
			if want := pages.LabelDir(pages.SectionTags, canon) + "/feed.xml"; !canonListed || rec.Header().Get("Location") != want {
				t.Errorf("%q: redirect to %q, want %q (listed %v)", s, rec.Header().Get("Location"), want, canonListed)
			}
		case http.StatusNotFound:
		default:
			// net/http cleans some paths ("..", "//") with its own redirect.
			if rec.Code != http.StatusTemporaryRedirect && rec.Code != http.StatusMovedPermanently {
				t.Errorf("%q: status %d", s, rec.Code)
			}
		}
		if !listed && src.total.Load() != before {
			t.Errorf("%q: the source was asked for an unlisted label", s)
		}
	})
}
