package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

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
	// Version changes whenever an article of the label is added, edited
	// or removed, and never comes back to an earlier value: what was
	// rendered for one version stays right until it changes.
	Version int64
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
	qLabelsOf     = `SELECT kind, slug, name FROM article_labels WHERE id = ?`
	qDeleteLabels = `DELETE FROM article_labels WHERE id = ?`
	qInsertLabel  = `INSERT INTO article_labels (kind, slug, published, id, name) VALUES (?, ?, ?, ?, ?)`
	qCountLabel   = `INSERT INTO label_counts (kind, slug, name, count) VALUES (?, ?, ?, ?)
		ON CONFLICT (kind, slug, name) DO UPDATE SET count = label_counts.count + excluded.count`
	qDropZeroLabel = `DELETE FROM label_counts WHERE kind = ? AND slug = ? AND name = ? AND count <= 0`
	qBumpLabel     = `INSERT INTO label_versions (kind, slug, version) VALUES (?, ?, 1)
		ON CONFLICT (kind, slug) DO UPDATE SET version = label_versions.version + 1`
)

// labelStatements are prepared with the others when the store opens.
var labelStatements = []string{qLabelsOf, qDeleteLabels, qInsertLabel, qCountLabel, qDropZeroLabel, qBumpLabel}

// setLabels writes the labels of the article id, replacing any it had
// when replace is set (an update; a new article has none).
func (a *applier) setLabels(id string, published int64, art *article.Article, replace bool) error {
	if replace {
		if err := a.dropLabels(id); err != nil {
			return err
		}
	}
	for _, l := range articleLabels(art) {
		if a.s.pg {
			// The three statements below in one round trip.
			if _, err := a.exec(qAddLabelPostgres, int(l.kind), l.slug, published, id, l.name); err != nil {
				return fmt.Errorf("labels of %s: %w", id, err)
			}
			continue
		}
		if _, err := a.exec(qInsertLabel, int(l.kind), l.slug, published, id, l.name); err != nil {
			return fmt.Errorf("labels of %s: %w", id, err)
		}
		if err := a.countLabel(l, 1); err != nil {
			return fmt.Errorf("labels of %s: %w", id, err)
		}
	}
	return nil
}

// dropLabels removes the labels of the article id, if it has any.
func (a *applier) dropLabels(id string) error {
	rows, err := a.queryRows(qLabelsOf, id)
	if err != nil {
		return fmt.Errorf("labels of %s: %w", id, err)
	}
	var old []labelRow
	for rows.Next() {
		var l labelRow
		var kind int
		if err := rows.Scan(&kind, &l.slug, &l.name); err != nil {
			rows.Close()
			return fmt.Errorf("labels of %s: %w", id, err)
		}
		l.kind = LabelKind(kind)
		old = append(old, l)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("labels of %s: %w", id, err)
	}
	if len(old) == 0 {
		return nil
	}
	if _, err := a.exec(qDeleteLabels, id); err != nil {
		return fmt.Errorf("labels of %s: %w", id, err)
	}
	for _, l := range old {
		if err := a.countLabel(l, -1); err != nil {
			return fmt.Errorf("labels of %s: %w", id, err)
		}
	}
	return nil
}

// countLabel adds delta to the count of l's written form and moves its
// label to a new version.
func (a *applier) countLabel(l labelRow, delta int) error {
	if _, err := a.exec(qCountLabel, int(l.kind), l.slug, l.name, delta); err != nil {
		return err
	}
	if delta < 0 {
		if _, err := a.exec(qDropZeroLabel, int(l.kind), l.slug, l.name); err != nil {
			return err
		}
	}
	_, err := a.exec(qBumpLabel, int(l.kind), l.slug)
	return err
}

// fillLabels labels every article written before schema 6.
// pg says whether tx is on PostgreSQL (placeholders and arguments as
// postgres.go writes them).
func fillLabels(ctx context.Context, tx *sql.Tx, pg bool) error {
	d := &Store{pg: pg} // only for sqlFor and bind
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
	ins, err := tx.PrepareContext(ctx, d.sqlFor(qInsertLabel))
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, p := range all {
		for _, l := range p.labels {
			if _, err := ins.ExecContext(ctx, d.bind([]any{int(l.kind), l.slug, p.published, p.id, l.name})...); err != nil {
				return fmt.Errorf("labels of %s: %w", p.id, err)
			}
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO label_counts (kind, slug, name, count)
		SELECT kind, slug, name, count(*) FROM article_labels GROUP BY kind, slug, name;
	INSERT INTO label_versions (kind, slug, version)
		SELECT DISTINCT kind, slug, 1 FROM article_labels;`)
	return err
}

// Labels returns every label of the kind that has published articles,
// by slug, each under its display name.
func (s *Store) Labels(ctx context.Context, kind LabelKind) ([]Label, error) {
	rows, err := s.rdb.QueryContext(ctx, s.sqlFor(`SELECT c.slug, c.name, c.count, v.version
		FROM label_counts c JOIN label_versions v ON v.kind = c.kind AND v.slug = c.slug
		WHERE c.kind = ? ORDER BY c.slug, c.name`), s.bind([]any{int(kind)})...)
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
			version    int64
		)
		if err := rows.Scan(&slug, &name, &n, &version); err != nil {
			return nil, fmt.Errorf("store: labels: %w", classify(err))
		}
		if len(out) == 0 || out[len(out)-1].Slug != slug {
			flush()
			out = append(out, Label{Kind: kind, Slug: slug})
		}
		l := &out[len(out)-1]
		l.Count += n
		l.Version = version
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

// queryRows runs a prepared query in the transaction.
func (a *Tx) queryRows(q string, args ...any) (*sql.Rows, error) {
	st, err := a.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(a.ctx, a.s.bind(args)...)
}
