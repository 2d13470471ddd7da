package article

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenOptions are the options every golden file was made with.
func goldenOptions() Options {
	return Options{
		Ref:      time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC),
		Location: time.UTC,
		BaseURL:  "https://example.org/news/",
	}
}

// goldenResult is what a golden file holds: the article, or why the file
// was rejected.
type goldenResult struct {
	Error   string   `json:"error,omitempty"`
	Article *Article `json:"article,omitempty"`
}

// TestGolden parses every input in testdata/golden and compares the result
// with its .golden.json, which -update rewrites.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.json") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a, perr := Parse(filepath.Base(in), data, goldenOptions())
			res := goldenResult{Article: a}
			if perr != nil {
				res.Error = perr.Error()
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := in + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test -update after checking):\n%s", golden, lineDiff(string(want), string(got)))
			}
		})
	}
	if n < 10 {
		t.Fatalf("only %d golden inputs found", n)
	}
}

// lineDiff shows the first lines that differ, enough to see what changed.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
