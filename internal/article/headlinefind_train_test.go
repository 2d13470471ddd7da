package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"seedfeed/internal/article/boilerplate"
)

// TestDumpHeadlineFeatures writes the features of every headline
// candidate of the metadata corpus's text scrapes, one JSON object a line,
// to the file SEEDFEED_HEADLINE_DUMP names. The weights in headWeights were
// fitted on such a dump; it runs only when asked.
func TestDumpHeadlineFeatures(t *testing.T) {
	out := os.Getenv("SEEDFEED_HEADLINE_DUMP")
	if out == "" {
		t.Skip("SEEDFEED_HEADLINE_DUMP not set")
	}
	dir := filepath.Join(sharedDir(t), "corpus", "metadata", "input")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no corpus: %v", err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := cleanInput(data)
		if err != nil {
			continue
		}
		paras := splitParagraphs(text)
		res := boilerplate.Classify(paras)
		if res.Start < 0 || res.Start > res.Body || res.Body > res.End || res.Start == res.End {
			continue
		}
		a := &Article{Removed: map[string][]string{}}
		tr := &textReader{paras: paras, kinds: res.Kinds, a: a, roles: make([]role, len(paras))}
		tr.bylines = tr.bylineBuf[:0]
		tr.findCaptions(res.Start, res.End)
		body := tr.bylineBelow(res.Body, res.End)
		tr.readBody(body, res.End)
		if len(a.BodyParagraphs) == 0 {
			continue
		}
		tr.headerLines(res.Start, body)
		for _, c := range tr.headlineCandidates(res.Start, body) {
			row := map[string]any{"name": strings.TrimSuffix(filepath.Base(path), ".txt"), "i": c.i, "body": body, "text": paras[c.i], "f": c.f[:]}
			if err := enc.Encode(row); err != nil {
				t.Fatal(err)
			}
		}
	}
}
