package feed

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// newsboatEnclosures prints newsboat's cached items, id and title.
const newsboatEnclosures = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute('SELECT guid, title FROM rss_item ORDER BY id')
json.dump([dict(zip(['guid', 'title'], r)) for r in rows], sys.stdout)
`

// TestNewsboatPicturesAndLabels has newsboat store the items of the
// picture, tag and author feeds (pictureCases). Newsboat keeps audio and
// video enclosures only, on purpose (newsboat/newsboat#1615), so the
// test checks that the pictures cost no item, not that newsboat keeps
// them. Skipped unless newsboat and python3 are installed.
func TestNewsboatPicturesAndLabels(t *testing.T) {
	newsboat, err := exec.LookPath("newsboat")
	if err != nil {
		t.Skip("newsboat not installed")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	for _, tc := range pictureCases() {
		out, err := Render(tc.meta, tc.items)
		must(t, err)
		for _, p := range []string{PathFeed, PathRSS} {
			t.Run(tc.name+p, func(t *testing.T) {
				dir := t.TempDir()
				file := filepath.Join(dir, strings.TrimPrefix(p, "/"))
				cache := filepath.Join(dir, "cache.db")
				must(t, os.WriteFile(file, out[tc.meta.Dir+p], 0o644))
				must(t, os.WriteFile(filepath.Join(dir, "urls"), []byte("file://"+file+"\n"), 0o644))
				must(t, os.WriteFile(filepath.Join(dir, "config"), nil, 0o644))
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				cmd := exec.CommandContext(ctx, newsboat, "-u", filepath.Join(dir, "urls"), "-c", cache,
					"-C", filepath.Join(dir, "config"), "-x", "reload")
				cmd.Env = append(os.Environ(), "HOME="+dir)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("newsboat: %v\n%s", err, b)
				}
				b, err := exec.CommandContext(ctx, python, "-c", newsboatEnclosures, cache).Output()
				must(t, err)
				var rows []struct{ GUID, Title string }
				must(t, json.Unmarshal(b, &rows))
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
