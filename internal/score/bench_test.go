package score_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/article/boilerplate"
)

// corpusTexts reads every plain-text scrape of the real-world corpus.
func corpusTexts(b *testing.B) ([][]byte, int) {
	dir := corpusDir(b)
	names, err := filepath.Glob(filepath.Join(dir, "input", "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatalf("no corpus pages: %v", err)
	}
	var pages [][]byte
	size := 0
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += len(data)
	}
	return pages, size
}

// BenchmarkParseCorpus is the whole plain-text normalizer on real pages:
// one op parses all 181 scrapes.
func BenchmarkParseCorpus(b *testing.B) {
	pages, size := corpusTexts(b)
	opts := article.Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := article.Parse("x.txt", p, opts); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkClassifyCorpus is the line classifier alone on the same pages.
func BenchmarkClassifyCorpus(b *testing.B) {
	pages, size := corpusTexts(b)
	lines := make([][]string, len(pages))
	for i, p := range pages {
		lines[i] = splitLines(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			boilerplate.Classify(l)
		}
	}
}
