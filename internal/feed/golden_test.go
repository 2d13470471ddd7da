package feed

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

type renderCase struct {
	name  string
	meta  Meta
	items []Item
}

// renderCases are the inputs of the golden files, also used by the
// structure and validator tests.
func renderCases() []renderCase {
	summary := fullMeta()
	summary.BaseURL = "https://news.example.org:8443/harbour/"
	summary.FeedID = ""
	summary.FullContent = false
	summary.Stylesheet = ""
	summary.Subtitle = ""
	summary.Language = "de-CH"
	summary.TTL = 0
	empty := fullMeta()
	empty.Author = ""
	return []renderCase{
		{name: "full", meta: fullMeta(), items: hardItems()},
		{name: "summary", meta: summary, items: hardItems()},
		{name: "empty", meta: empty, items: nil},
		{name: "websub", meta: websubMeta(), items: hardItems()[:2]},
	}
}

func goldenPath(name, path string) string {
	return filepath.Join("testdata", name+"."+strings.TrimPrefix(path, "/")+".golden")
}

func TestRenderGolden(t *testing.T) {
	for _, tc := range renderCases() {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render(tc.meta, tc.items)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Render(tc.meta, tc.items)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 4 {
				t.Errorf("Render returned %d documents, want 4", len(got))
			}
			for _, p := range []string{PathFeed, PathAtom, PathRSS, PathJSON} {
				if !bytes.Equal(got[p], again[p]) {
					t.Errorf("%s: two renders of the same input differ", p)
				}
				gp := goldenPath(tc.name, p)
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

// firstDiff shows the first line that differs, enough to find it.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}
