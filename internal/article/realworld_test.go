package article_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/longtest"
	"seedfeed/internal/score"
)

var worst = flag.Int("worst", 0, "print the N worst pages of the real-world corpus")

// parseBody is article.Parse as the corpus scorer sees it: the body
// paragraphs of the normalized article, header fields excluded.
func parseBody(name string, data []byte) ([]string, error) {
	a, err := article.Parse(name, data, article.Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, err
	}
	return a.BodyParagraphs, nil
}

// TestRealWorldParse scores the whole normalizer (not Classify or Extract
// alone) on the shared real-world corpus and prints both figures the issue
// asks for. It skips when the shared folder is absent.
func TestRealWorldParse(t *testing.T) {
	longtest.Skip(t, "every real-world page, text and HTML")
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "realworld")
	if _, err := os.Stat(filepath.Join(dir, "expected")); err != nil {
		t.Skipf("real-world corpus absent: %v", err)
	}
	if testing.Short() {
		t.Skip("corpus scoring skipped in -short mode")
	}
	for _, src := range []struct {
		name string
		src  score.Source
	}{{"text", score.Text}, {"html", score.HTML}} {
		rep, err := score.Corpus(os.DirFS(dir), src.src, parseBody)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v", src.name, rep)
		for _, p := range rep.Worst(*worst) {
			t.Logf("  %s P=%.3f R=%.3f F1=%.3f err=%v", p.Name, p.Tokens.P, p.Tokens.R, p.Tokens.F1, p.Err)
		}
		// Floors well below the current figures: Parse must not undo
		// what Classify and Extract found.
		switch src.src {
		case score.Text:
			if rep.Tokens.F1 < 0.88 {
				t.Errorf("text token F1 %.3f fell below 0.88", rep.Tokens.F1)
			}
		case score.HTML:
			if rep.Shingles.F1 < 0.93 {
				t.Errorf("html shingle F1 %.3f fell below 0.93", rep.Shingles.F1)
			}
		}
	}
}
