package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/taxonomy"
)

// LabelKind says what a label names: a tag or an author.
type LabelKind int

// The kinds of label, as stored in article_labels.kind.
const (
	LabelTag    LabelKind = 1
	LabelAuthor LabelKind = 2
)

// Label is one tag or author of at least one published article.
type Label struct {
	Kind LabelKind
	// Slug is taxonomy.Slug of the name: names that differ only in case
	// or accents are one label.
	Slug string
	// Name is the written form most of its articles use (taxonomy.Display).
	Name string
	// Count is how many published articles carry the label.
	Count int
	// Newest is the newest published time among them.
	Newest time.Time
}

// labelRow is one label of one article.
type labelRow struct {
	kind       LabelKind
	slug, name string
}

// articleLabels lists the tags and authors of a published article, one
// row per slug: an article that says "Go" and "go" is in the tag once,
// under the form it wrote first. Names without a slug are left out.
func articleLabels(a *article.Article) []labelRow {
	if a.Draft {
		return nil
	}
	authors := a.Authors
	if len(authors) == 0 && a.Author != "" {
		authors = []string{a.Author}
	}
	out := make([]labelRow, 0, len(a.Tags)+len(authors))
	add := func(kind LabelKind, names []string) {
		for _, n := range names {
			n = strings.Join(strings.Fields(n), " ")
			s := taxonomy.Slug(n)
			if s == "" {
				continue
			}
			dup := false
			for _, have := range out {
				if have.kind == kind && have.slug == s {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, labelRow{kind, s, n})
			}
		}
	}
	add(LabelTag, a.Tags)
	add(LabelAuthor, authors)
	return out
}

const (
	qDeleteLabels = `DELETE FROM article_labels WHERE id = ?`
	qInsertLabel  = `INSERT INTO article_labels (kind, slug, published, id, name) VALUES (?, ?, ?, ?, ?)`
)

// setLabels writes the labels of the article id, replacing any it had
// when replace is set (an update; a new article has none).
func (a *applier) setLabels(id string, published int64, art *article.Article, replace bool) error {
	if replace {
		if _, err := a.exec(qDeleteLabels, id); err != nil {
			return fmt.Errorf("labels of %s: %w", id, err)
		}
	}
	for _, l := range articleLabels(art) {
		if _, err := a.exec(qInsertLabel, int(l.kind), l.slug, published, id, l.name); err != nil {
			return fmt.Errorf("labels of %s: %w", id, err)
		}
	}
	return nil
}

// fillLabels labels every article written before schema 6.
func fillLabels(ctx context.Context, tx *sql.Tx) error {
	type pending struct {
		id        string
		published int64
		labels    []labelRow
	}
	var all []pending
	rows, err := tx.QueryContext(ctx, `SELECT `+recordCols+` FROM articles WHERE draft = 0`)
	if err != nil {
		return err
	}
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			rows.Close()
			return err
		}
		all = append(all, pending{r.ID, secs(r.Published), articleLabels(r.Article)})
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, qInsertLabel)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, p := range all {
		for _, l := range p.labels {
			if _, err := ins.ExecContext(ctx, int(l.kind), l.slug, p.published, p.id, l.name); err != nil {
				return fmt.Errorf("labels of %s: %w", p.id, err)
			}
		}
	}
	return nil
}

// Labels returns every label of the kind that has published articles,
// by slug, each under its display name.
func (s *Store) Labels(ctx context.Context, kind LabelKind) ([]Label, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT slug, name, count(*), max(published)
		FROM article_labels WHERE kind = ? GROUP BY slug, name ORDER BY slug, name`, int(kind))
	if err != nil {
		return nil, fmt.Errorf("store: labels: %w", classify(err))
	}
	defer rows.Close()
	var (
		out      []Label
		variants []taxonomy.Variant
	)
	flush := func() {
		if len(variants) > 0 {
			out[len(out)-1].Name = taxonomy.Display(variants)
		}
		variants = variants[:0]
	}
	for rows.Next() {
		var (
			slug, name string
			n          int
			newest     int64
		)
		if err := rows.Scan(&slug, &name, &n, &newest); err != nil {
			return nil, fmt.Errorf("store: labels: %w", classify(err))
		}
		if len(out) == 0 || out[len(out)-1].Slug != slug {
			flush()
			out = append(out, Label{Kind: kind, Slug: slug})
		}
		l := &out[len(out)-1]
		l.Count += n
		if t := fromSecs(newest); t.After(l.Newest) {
			l.Newest = t
		}
		variants = append(variants, taxonomy.Variant{Name: name, Count: n})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: labels: %w", classify(err))
	}
	flush()
	return out, nil
}

// labelledCols are recordCols of the articles table joined as a.
var labelledCols = "a." + strings.ReplaceAll(recordCols, ", ", ", a.")

// LatestLabelled returns the n newest published articles with the label,
// in the order of Latest (published time, newest first, then id).
func (s *Store) LatestLabelled(ctx context.Context, kind LabelKind, slug string, n int) ([]Record, error) {
	if n <= 0 {
		return nil, nil
	}
	var out []Record
	err := s.each(ctx, `SELECT `+labelledCols+` FROM article_labels l JOIN articles a ON a.id = l.id
		WHERE l.kind = ? AND l.slug = ? AND a.draft = 0 ORDER BY l.published DESC, l.id LIMIT ?`,
		[]any{int(kind), slug, n}, func(r Record) error {
			out = append(out, r)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("store: latest %d of %q: %w", n, slug, err)
	}
	return out, nil
}
