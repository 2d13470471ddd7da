package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/score"
)

// runScore scores body extraction on a corpus folder laid out like
// shared/corpus/realworld: input/*.txt and html/*.html.gz with
// expected/*.expected.json.
func runScore(ctx context.Context, dir string, stdout io.Writer) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usageError("check -score: %s is not a folder", dir)
	}
	extract := func(name string, data []byte) ([]string, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := article.Parse(name, data, article.Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Location: time.UTC})
		if err != nil {
			return nil, err
		}
		return a.BodyParagraphs, nil
	}
	fsys := os.DirFS(dir)
	for _, src := range []struct {
		name string
		src  score.Source
		sub  string
	}{{"plain text (input/)", score.Text, "input"}, {"HTML (html/)", score.HTML, "html"}} {
		if _, err := os.Stat(filepath.Join(dir, src.sub)); err != nil {
			continue
		}
		rep, err := score.Corpus(fsys, src.src, extract)
		if err != nil {
			return fmt.Errorf("check -score %s: %w", dir, err)
		}
		fmt.Fprintf(stdout, "%s\n%s\n", src.name, rep)
	}
	return nil
}
