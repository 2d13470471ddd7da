package feed

import (
	"strings"
	"testing"
)

// TestNewsboatPicturesAndLabels has newsboat store the items of the
// picture, tag and author feeds (pictureCases). Newsboat keeps audio and
// video enclosures only, on purpose (newsboat/newsboat#1615), so the
// test checks that the pictures cost no item, not that newsboat keeps
// them. Skipped unless newsboat and python3 are installed.
func TestNewsboatPicturesAndLabels(t *testing.T) {
	for _, tc := range pictureCases() {
		out, err := Render(tc.meta, tc.items)
		must(t, err)
		for _, p := range []string{PathFeed, PathRSS} {
			t.Run(tc.name+p, func(t *testing.T) {
				rows := newNewsboatCache(t, strings.TrimPrefix(p, "/")).reload(t, out[tc.meta.Dir+p])
				if len(rows) != len(tc.items) {
					t.Fatalf("newsboat stored %d items, want %d", len(rows), len(tc.items))
				}
				titles := map[string]string{}
				for _, r := range rows {
					titles[r.GUID] = r.Title
				}
				for _, it := range tc.items {
					if got, ok := titles[it.ID]; !ok || got != it.Title {
						t.Errorf("item %s: stored %v with title %q, want %q", it.ID, ok, got, it.Title)
					}
				}
			})
		}
	}
}
