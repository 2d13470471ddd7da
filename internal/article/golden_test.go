package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
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

// TestGoldenVersion holds Version to the golden outputs: when they
// change, Version must move, or stores keep what the old normalizer made
// of files that do not change. testdata/golden.version records the
// version and a digest of the goldens; -update rewrites it, but only
// once Version has been raised.
func TestGoldenVersion(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("testdata", "golden", "*.golden.json"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	h := sha256.New()
	for _, g := range goldens { // Glob sorts them
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(g), len(data))
		h.Write(data)
	}
	digest := hex.EncodeToString(h.Sum(nil))
	path := filepath.Join("testdata", "golden.version")
	var version int
	var recorded string
	data, err := os.ReadFile(path)
	if err == nil {
		if _, err := fmt.Sscanf(string(data), "version %d\ngoldens %s\n", &version, &recorded); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		t.Fatal(err)
	case version == Version && recorded == digest:
		return
	case version == Version:
		t.Fatalf("the golden outputs changed, but article.Version is still %d, as %s records: raise it, "+
			"so that every store reads its unchanged files again, then run go test -update", Version, path)
	case version > Version:
		t.Fatalf("%s records version %d, above article.Version %d", path, version, Version)
	case !*update:
		t.Fatalf("%s records version %d, article.Version is %d: run go test -update", path, version, Version)
	}
	if err := os.WriteFile(path, fmt.Appendf(nil, "version %d\ngoldens %s\n", Version, digest), 0o644); err != nil {
		t.Fatal(err)
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
