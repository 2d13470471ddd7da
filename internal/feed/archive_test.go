package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestParseArchivePath(t *testing.T) {
	tests := []struct {
		path string
		page int
		ct   string
	}{
		{"/archive/1/feed.xml", 1, "application/atom+xml; charset=utf-8"},
		{"/archive/12/rss.xml", 12, "application/rss+xml; charset=utf-8"},
		{"/archive/999999999/feed.json", 999999999, "application/feed+json; charset=utf-8"},
		{"/archive/0/feed.xml", 0, ""},
		{"/archive/01/feed.xml", 0, ""},
		{"/archive/-1/feed.xml", 0, ""},
		{"/archive/+1/feed.xml", 0, ""},
		{"/archive/1000000000/feed.xml", 0, ""},
		{"/archive/1/atom.xml", 0, ""},
		{"/archive/1/", 0, ""},
		{"/archive/1", 0, ""},
		{"/archive//feed.xml", 0, ""},
		{"/archive/1/feed.xml/", 0, ""},
		{"/archive/1/x/feed.xml", 0, ""},
		{"/archive/１/feed.xml", 0, ""}, // a fullwidth digit
		{"/feed.xml", 0, ""},
	}
	for _, tc := range tests {
		page, ct, ok := ParseArchivePath(tc.path)
		if ok != (tc.page > 0) || page != tc.page || ct != tc.ct {
			t.Errorf("ParseArchivePath(%q) = %d, %q, %v; want %d, %q", tc.path, page, ct, ok, tc.page, tc.ct)
		}
		if got := ContentType(tc.path); tc.page > 0 && got != tc.ct {
			t.Errorf("ContentType(%q) = %q, want %q", tc.path, got, tc.ct)
		}
	}
	for n := 1; n < 2000; n += 7 {
		for _, p := range []string{ArchiveAtomPath(n), ArchiveRSSPath(n), ArchiveJSONPath(n)} {
			if got, _, ok := ParseArchivePath(p); !ok || got != n {
				t.Errorf("ParseArchivePath(%q) = %d, %v; want %d", p, got, ok, n)
			}
		}
	}
}

func TestRenderArchivedRejectsBadPositions(t *testing.T) {
	for _, pos := range []ArchivePosition{
		{Page: -1},
		{Page: 0, Prev: -1},
		{Page: 0, Prev: 2, Next: 3}, // the subscription feed has nothing newer
		{Page: 2, Prev: 2},
		{Page: 2, Prev: 3},
		{Page: 2, Next: 2},
		{Page: 2, Next: 1},
		{Page: 2, Next: -1},
	} {
		if _, err := RenderArchived(fullMeta(), hardItems(), pos); !errors.Is(err, ErrMeta) {
			t.Errorf("position %+v: err = %v, want ErrMeta", pos, err)
		}
	}
	// A tag's feeds are not archived: their pages would carry the
	// site's archive paths. Without a position they render as Render's.
	label := fullMeta()
	label.Dir = LabelDir("/tags", "port")
	for _, pos := range []ArchivePosition{{Prev: 1}, {Page: 1}} {
		if _, err := RenderArchived(label, hardItems(), pos); !errors.Is(err, ErrMeta) {
			t.Errorf("label feeds at %+v: err = %v, want ErrMeta", pos, err)
		}
	}
	docs, err := RenderArchived(label, hardItems(), ArchivePosition{})
	if err != nil || len(docs) != 3 || docs[label.Dir+PathRSS] == nil {
		t.Errorf("label feeds without a position: %d documents, %v", len(docs), err)
	}
}

// archiveCase is one document position of the archived feed.
type archiveCase struct {
	name string
	pos  ArchivePosition
}

func archiveCases() []archiveCase {
	return []archiveCase{
		{"archive-oldest", ArchivePosition{Page: 1, Next: 2}},
		{"archive-middle", ArchivePosition{Page: 4, Prev: 2, Next: 7}},
		{"archive-newest", ArchivePosition{Page: 7, Prev: 4}},
		{"subscription-archived", ArchivePosition{Prev: 7}},
	}
}

// archiveDocPaths are the documents RenderArchived returns at pos.
func archiveDocPaths(pos ArchivePosition) []string {
	if pos.Page == 0 {
		return []string{PathFeed, PathAtom, PathRSS, PathJSON}
	}
	return []string{ArchiveAtomPath(pos.Page), ArchiveRSSPath(pos.Page), ArchiveJSONPath(pos.Page)}
}

// TestArchiveGolden pins the bytes of archive pages and of a subscription
// feed that links to its archive, in every format.
func TestArchiveGolden(t *testing.T) {
	for _, tc := range archiveCases() {
		t.Run(tc.name, func(t *testing.T) {
			got, err := RenderArchived(fullMeta(), hardItems(), tc.pos)
			if err != nil {
				t.Fatal(err)
			}
			again, err := RenderArchived(fullMeta(), hardItems(), tc.pos)
			if err != nil {
				t.Fatal(err)
			}
			paths := archiveDocPaths(tc.pos)
			if keys := slices.Sorted(maps.Keys(got)); !slices.Equal(keys, slices.Sorted(slices.Values(paths))) {
				t.Fatalf("documents %q, want %q", keys, paths)
			}
			for _, p := range paths {
				if !bytes.Equal(got[p], again[p]) {
					t.Errorf("%s: two renders of the same input differ", p)
				}
				gp := goldenPath(tc.name, p[strings.LastIndex(p, "/"):])
				if *update {
					if err := os.WriteFile(gp, got[p], 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(gp)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got[p], want) {
					t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", p, gp, firstDiff(got[p], want))
				}
			}
		})
	}
}

// TestArchiveSubscriptionUnchanged: a subscription feed without archive
// pages is exactly what Render gives.
func TestArchiveSubscriptionUnchanged(t *testing.T) {
	for _, tc := range renderCases() {
		want, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatal(err)
		}
		got, err := RenderArchived(tc.meta, tc.items, ArchivePosition{})
		if err != nil {
			t.Fatal(err)
		}
		for p, b := range want {
			if !bytes.Equal(got[p], b) {
				t.Errorf("%s %s: RenderArchived at no position differs from Render", tc.name, p)
			}
		}
	}
}

// wantArchiveLinks is the rel → href set of the RFC 5005 links (and self)
// a document at pos must carry, for a format's subscription path and
// page-path function.
func wantArchiveLinks(base string, pos ArchivePosition, sub, self string, page func(int) string) map[string]string {
	want := map[string]string{"self": base + self}
	if pos.Page > 0 {
		want["self"] = base + page(pos.Page)
		want["current"] = base + sub
	}
	if pos.Prev > 0 {
		want["prev-archive"] = base + page(pos.Prev)
	}
	if pos.Next > 0 {
		want["next-archive"] = base + page(pos.Next)
	}
	return want
}

// TestArchiveStructure reads every archive document strictly with
// encoding/xml (and JSON) and with gofeed, and checks its RFC 5005 links,
// the fh:archive marker and its items.
func TestArchiveStructure(t *testing.T) {
	const base = "http://localhost:8080"
	items := hardItems()
	for _, tc := range archiveCases() {
		out, err := RenderArchived(fullMeta(), items, tc.pos)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range archiveDocPaths(tc.pos) {
			t.Run(tc.name+p, func(t *testing.T) {
				body := out[p]
				f, err := gofeed.NewParser().ParseString(string(body))
				if err != nil {
					t.Fatalf("gofeed: %v", err)
				}
				if len(f.Items) != len(items) {
					t.Fatalf("gofeed reads %d items, want %d", len(f.Items), len(items))
				}
				for i, it := range f.Items {
					if it.GUID != items[i].ID {
						t.Errorf("item %d guid %q, want %q", i, it.GUID, items[i].ID)
					}
				}
				switch {
				case strings.HasSuffix(p, ".json"):
					checkArchiveJSON(t, body, base, tc.pos)
				case strings.HasSuffix(p, "rss.xml"):
					checkArchiveXML(t, body, tc.pos, "channel", nsAtom,
						wantArchiveLinks(base, tc.pos, PathRSS, PathRSS, ArchiveRSSPath))
				default:
					checkArchiveXML(t, body, tc.pos, "", nsAtom,
						wantArchiveLinks(base, tc.pos, PathFeed, p, ArchiveAtomPath))
				}
			})
		}
	}
}

// checkArchiveXML checks an Atom feed (channel "") or an RSS channel: its
// link elements in the Atom namespace with an RFC 5005 or self relation
// are exactly want, and fh:archive is there exactly on archive pages.
func checkArchiveXML(t *testing.T, body []byte, pos ArchivePosition, channel, linkNS string, want map[string]string) {
	t.Helper()
	doc, err := parseXML(body)
	if err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	parent := doc.root
	if channel != "" {
		if parent = doc.root.one("", channel); parent == nil {
			t.Fatalf("no single %s", channel)
		}
	}
	got := map[string]string{}
	for _, l := range parent.all(linkNS, "link") {
		rel, _ := l.attr("", "rel")
		href, _ := l.attr("", "href")
		if rel == "alternate" {
			continue
		}
		if _, dup := got[rel]; dup {
			t.Errorf("two links rel=%q", rel)
		}
		got[rel] = href
	}
	if !maps.Equal(got, want) {
		t.Errorf("links %v, want %v", got, want)
	}
	marks := parent.all(NSHistory, "archive")
	if n := len(marks); n != map[bool]int{true: 1, false: 0}[pos.Page > 0] {
		t.Errorf("%d fh:archive elements on page %d", n, pos.Page)
	}
	doc.root.walk(func(n *xnode) {
		if n.name.Space == NSHistory && (n.name.Local != "archive" || len(n.kids) > 0 || strings.TrimSpace(n.text) != "") {
			t.Errorf("unexpected history element %v %q", n.name, n.text)
		}
	})
}

func checkArchiveJSON(t *testing.T, body []byte, base string, pos ArchivePosition) {
	t.Helper()
	var jf struct {
		Version string `json:"version"`
		FeedURL string `json:"feed_url"`
		NextURL string `json:"next_url"`
		Items   []any  `json:"items"`
	}
	if err := json.Unmarshal(body, &jf); err != nil {
		t.Fatal(err)
	}
	if jf.Version != "https://jsonfeed.org/version/1.1" || jf.FeedURL != base+PathJSON {
		t.Errorf("version %q feed_url %q", jf.Version, jf.FeedURL)
	}
	want := ""
	if pos.Prev > 0 {
		want = base + ArchiveJSONPath(pos.Prev)
	}
	if jf.NextURL != want {
		t.Errorf("next_url %q, want %q", jf.NextURL, want)
	}
}

// TestNewsboatArchivePage has Debian's newsboat read an archive page in
// Atom and in RSS: it must store every item, with its link. Skipped
// unless newsboat and python3 are installed.
func TestNewsboatArchivePage(t *testing.T) {
	pos := ArchivePosition{Page: 4, Prev: 2, Next: 7}
	out, err := RenderArchived(fullMeta(), hardItems(), pos)
	must(t, err)
	ex := expectationsFor(renderCase{meta: fullMeta(), items: hardItems()})
	for _, path := range []string{ArchiveAtomPath(4), ArchiveRSSPath(4)} {
		t.Run(path, func(t *testing.T) {
			rows := newNewsboatCache(t, "page.xml").reload(t, out[path])
			links := map[string]string{}
			for _, r := range rows {
				links[r.GUID] = r.URL
			}
			if len(rows) != len(ex.items) || len(links) != len(ex.items) {
				t.Fatalf("newsboat stored %d items (%d ids), want %d", len(rows), len(links), len(ex.items))
			}
			for _, it := range ex.items {
				if links[it.id] != it.link {
					t.Errorf("item %s: link %q, want %q", it.id, links[it.id], it.link)
				}
			}
		})
	}
}

// TestArchiveHubs: with WebSub hubs configured, the subscription feeds
// name them and archive pages (no WebSub topics) do not; every XML
// document keeps exactly one self link, and gofeed reads each.
func TestArchiveHubs(t *testing.T) {
	meta := fullMeta()
	meta.Hubs = []string{"https://hub.example.net/", "https://pubsubhubbub.example.org/"}
	for _, tc := range archiveCases() {
		out, err := RenderArchived(meta, hardItems(), tc.pos)
		if err != nil {
			t.Fatal(err)
		}
		var wantHubs []string
		if tc.pos.Page == 0 {
			wantHubs = meta.Hubs
		}
		for _, p := range archiveDocPaths(tc.pos) {
			body := out[p]
			if _, err := gofeed.NewParser().ParseString(string(body)); err != nil {
				t.Errorf("%s %s: gofeed: %v", tc.name, p, err)
			}
			if strings.HasSuffix(p, ".json") {
				var doc struct {
					Hubs []struct{ Type, URL string } `json:"hubs"`
				}
				if err := json.Unmarshal(body, &doc); err != nil {
					t.Fatalf("%s %s: %v", tc.name, p, err)
				}
				var got []string
				for _, h := range doc.Hubs {
					got = append(got, h.URL)
				}
				if !slices.Equal(got, wantHubs) {
					t.Errorf("%s %s: hubs %q, want %q", tc.name, p, got, wantHubs)
				}
				continue
			}
			doc, err := parseXML(body)
			if err != nil {
				t.Fatalf("%s %s: not well-formed: %v", tc.name, p, err)
			}
			parent := doc.root
			if strings.HasSuffix(p, "rss.xml") {
				parent = doc.root.one("", "channel")
			}
			var hubs []string
			selfs := 0
			for _, l := range parent.all(nsAtom, "link") {
				rel, _ := l.attr("", "rel")
				href, _ := l.attr("", "href")
				switch rel {
				case "hub":
					hubs = append(hubs, href)
				case "self":
					selfs++
				}
			}
			if !slices.Equal(hubs, wantHubs) || selfs != 1 {
				t.Errorf("%s %s: hub links %q and %d self links, want %q and 1", tc.name, p, hubs, selfs, wantHubs)
			}
		}
	}
}
