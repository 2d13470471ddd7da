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

// runScore scores a corpus folder. A folder laid out like
// shared/corpus/metadata (expected/*.expected.json carrying "labelled")
// gets the header-field figures; one laid out like shared/corpus/realworld
// (input/*.txt and html/*.html.gz with expected/*.expected.json holding
// articleBody) gets body extraction figures. pages adds the metadata
// corpus's per-page table.
func runScore(ctx context.Context, dir string, pages bool, stdout io.Writer) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usageError("check -score: %s is not a folder", dir)
	}
	fsys := os.DirFS(dir)
	meta, err := score.IsMetaCorpus(fsys)
	if err != nil {
		return fmt.Errorf("check -score %s: %w", dir, err)
	}
	if meta {
		return runMetaScore(ctx, dir, pages, stdout)
	}
	extract := func(name string, data []byte) ([]string, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a, err := article.Parse(name, data, article.Options{Ref: score.Ref, Location: time.UTC})
		if err != nil {
			return nil, err
		}
		return a.BodyParagraphs, nil
	}
	for _, src := range scoreSources {
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

var scoreSources = []struct {
	name string
	src  score.Source
	sub  string
}{{"plain text (input/)", score.Text, "input"}, {"HTML (html/)", score.HTML, "html"}}

// runMetaScore prints title, authors and date figures, overall and by
// source, for the text scrapes and the HTML pages. Each page is parsed as
// `check -json -ref 2026-11-25T00:00:00Z` parses it with the default
// configuration, so the figures are those of the corpus's score.py on that
// output.
func runMetaScore(ctx context.Context, dir string, pages bool, stdout io.Writer) error {
	extract := func(name string, data []byte) (score.MetaPred, error) {
		if err := ctx.Err(); err != nil {
			return score.MetaPred{}, err
		}
		return score.Predict(name, data)
	}
	for _, src := range scoreSources {
		if _, err := os.Stat(filepath.Join(dir, src.sub)); err != nil {
			continue
		}
		rep, err := score.MetaCorpus(os.DirFS(dir), src.src, extract)
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return fmt.Errorf("check -score %s: %w", dir, err)
		}
		fmt.Fprintf(stdout, "%s\n", src.name)
		if err := rep.WriteSummary(stdout); err != nil {
			return err
		}
		if pages {
			if err := rep.WritePages(stdout); err != nil {
				return err
			}
		}
		fmt.Fprintln(stdout)
	}
	return nil
}
