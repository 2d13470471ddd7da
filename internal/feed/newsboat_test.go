package feed

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// newsboatDump prints newsboat's cached items as JSON; Python's sqlite3
// module spares the test a SQLite driver.
const newsboatDump = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute('SELECT guid, title, author, url, pubDate FROM rss_item ORDER BY id')
json.dump([dict(zip(['guid', 'title', 'author', 'url', 'pub'], r)) for r in rows], sys.stdout)
`

type newsboatItem struct {
	GUID, Title, Author, URL string
	Pub                      int64
}

// newsboatCache is one newsboat subscription to a feed file, with its own
// cache: newsboat keys items by guid alone, and two feeds rightly give an
// article the same id.
type newsboatCache struct {
	newsboat, python, dir, file, cache string
}

// newNewsboatCache skips t unless newsboat and python3 are installed.
func newNewsboatCache(t *testing.T, name string) *newsboatCache {
	t.Helper()
	newsboat, err := exec.LookPath("newsboat")
	if err != nil {
		t.Skip("newsboat not installed")
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	dir := t.TempDir()
	n := &newsboatCache{newsboat: newsboat, python: python, dir: dir,
		file: filepath.Join(dir, name), cache: filepath.Join(dir, "cache.db")}
	must(t, os.WriteFile(filepath.Join(dir, "urls"), []byte("file://"+n.file+"\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "config"), nil, 0o644))
	return n
}

// reload writes doc as the feed, has newsboat reload it, and returns the
// items its cache holds, in order.
func (n *newsboatCache) reload(t *testing.T, doc []byte) []newsboatItem {
	t.Helper()
	must(t, os.WriteFile(n.file, doc, 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, n.newsboat, "-u", filepath.Join(n.dir, "urls"), "-c", n.cache,
		"-C", filepath.Join(n.dir, "config"), "-x", "reload")
	cmd.Env = append(os.Environ(), "HOME="+n.dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newsboat: %v\n%s", err, b)
	}
	b, err := exec.CommandContext(ctx, n.python, "-c", newsboatDump, n.cache).Output()
	must(t, err)
	var rows []newsboatItem
	must(t, json.Unmarshal(b, &rows))
	return rows
}

// TestNewsboat subscribes Debian's newsboat to the Atom and RSS feeds, then
// edits an article and reloads: every item must be stored with its title,
// link, author and date, and the edit must update the item in place.
// Skipped unless newsboat and python3 are installed.
func TestNewsboat(t *testing.T) {
	// The websub meta adds hub links, which must not disturb a reader.
	metas := []struct {
		name string
		meta Meta
	}{{"full", fullMeta()}, {"websub", websubMeta()}}
	for _, m := range metas {
		for _, path := range []string{PathFeed, PathRSS} {
			t.Run(m.name+path, func(t *testing.T) {
				nb := newNewsboatCache(t, strings.TrimPrefix(path, "/"))
				reload := func(items []Item) map[string]newsboatItem {
					t.Helper()
					out, err := Render(m.meta, items)
					must(t, err)
					rows := nb.reload(t, out[path])
					byID := map[string]newsboatItem{}
					for _, r := range rows {
						byID[r.GUID] = r
					}
					if len(rows) != len(items) || len(byID) != len(items) {
						t.Fatalf("newsboat stored %d items (%d ids), want %d", len(rows), len(byID), len(items))
					}
					return byID
				}

				items := hardItems()
				ex := expectationsFor(renderCase{meta: m.meta, items: items})
				got := reload(items)
				for i, it := range items {
					row, ok := got[it.ID]
					if !ok {
						t.Errorf("item %s not stored", it.ID)
						continue
					}
					want := cleanLine(it.Title)
					// RSS cannot mark a title as text; one with an HTML end tag
					// in it is written escaped (see rssText), which newsboat,
					// reading RSS titles as text, shows as is.
					if path == PathRSS && hasEndTag(want) {
						want = escapeHTMLText(want)
					}
					if row.Title != want {
						t.Errorf("item %s title %q, want %q", it.ID, row.Title, want)
					}
					if row.URL != ex.items[i].link || row.Pub != ex.items[i].published.Unix() {
						t.Errorf("item %s: url %q date %d, want %q, %d",
							it.ID, row.URL, row.Pub, ex.items[i].link, ex.items[i].published.Unix())
					}
					// newsboat joins an Atom entry's authors; of several
					// dc:creator elements it keeps one.
					names := ex.items[i].authors
					if path == PathRSS && !slices.Contains(names, row.Author) ||
						path != PathRSS && row.Author != strings.Join(names, ", ") {
						t.Errorf("item %s: author %q, want %q", it.ID, row.Author, names)
					}
				}

				edited := hardItems()
				edited[0].Title = "Ferry timetable changes again"
				edited[0].Updated = edited[0].Updated.Add(48 * time.Hour)
				got = reload(edited)
				if row := got[edited[0].ID]; row.Title != edited[0].Title || row.Pub != ex.items[0].published.Unix() {
					t.Errorf("after the edit: %+v, want the new title and the same date", row)
				}
			})
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
