package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"seedfeed/internal/article"
)

// Record is one published article with its identity.
type Record struct {
	ID        string // tag: URI, fixed at first sight
	Slug      string // fixed at first sight
	Path      string // seeds-relative, slash-separated
	FirstSeen time.Time
	Published time.Time
	Updated   time.Time
	Article   *article.Article
}

// FileState is what the store knows of one file in the seeds folder,
// enough to tell whether it changed without reading it.
type FileState struct {
	ModTime time.Time
	Size    int64
	Hash    Hash   // zero when a rejected file was never read
	Reason  string // why the file is rejected; empty for an article
	// ParsedBy stamps the normalizer and options that read the file
	// (Upsert.ParsedBy); 0 for rows written before stamps were kept.
	ParsedBy int64
}

// Files returns every path the store knows: articles (drafts included) and
// rejected files. For a path with both (a published file later broken),
// the reject is its current state.
func (s *Store) Files(ctx context.Context) (map[string]FileState, error) {
	var n int
	if err := s.rdb.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM rejected_files)`).Scan(&n); err != nil {
		return nil, fmt.Errorf("store: files: %w", classify(err))
	}
	out := make(map[string]FileState, n)
	for _, q := range []string{
		`SELECT path, mtime_ns, size, hash, '', parsed_by FROM articles`,
		`SELECT path, mtime_ns, size, hash, reason, parsed_by FROM rejected_files`,
	} {
		if err := s.files(ctx, q, out); err != nil {
			return nil, fmt.Errorf("store: files: %w", classify(err))
		}
	}
	return out, nil
}

func (s *Store) files(ctx context.Context, q string, out map[string]FileState) error {
	rows, err := s.rdb.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		p      string
		ns     int64
		st     FileState
		hash   []byte
		reason string
	)
	for rows.Next() {
		if err := rows.Scan(&p, &ns, &st.Size, &hash, &reason, &st.ParsedBy); err != nil {
			return err
		}
		st.ModTime = time.Unix(0, ns).UTC()
		st.Hash = Hash{}
		copy(st.Hash[:], hash)
		st.Reason = reason
		out[p] = st
	}
	return rows.Err()
}

const recordCols = `id, slug, path, first_seen, published, updated, article, record, title, summary, author`

func scanRecord(sc interface{ Scan(...any) error }) (Record, error) {
	var (
		r          Record
		fs, pb, up int64
		js, rec    []byte
		a          article.Article
	)
	if err := sc.Scan(&r.ID, &r.Slug, &r.Path, &fs, &pb, &up, &js, &rec, &a.Title, &a.Summary, &a.Author); err != nil {
		return r, err
	}
	r.FirstSeen, r.Published, r.Updated = fromSecs(fs), fromSecs(pb), fromSecs(up)
	r.Article = &a
	if rec == nil {
		// Written before schema 5: the JSON holds the whole article.
		a = article.Article{}
		if err := json.Unmarshal(js, &a); err != nil {
			return r, fmt.Errorf("decode article %s: %w", r.ID, err)
		}
		return r, nil
	}
	if err := decodeArticle(rec, &a); err != nil {
		return r, fmt.Errorf("decode article %s: %w", r.ID, err)
	}
	if a.Authors == nil && a.Author != "" {
		a.Authors = []string{a.Author}
	}
	return r, nil
}

// Latest returns the n newest published articles, by published time
// (newest first), then id: LatestAfter with no skip and no bound on seq.
func (s *Store) Latest(ctx context.Context, n int) ([]Record, error) {
	return s.LatestAfter(ctx, 0, n, math.MaxInt64)
}

// Each calls fn for every published article, newest first, without holding
// them all in memory. fn must not call Apply.
func (s *Store) Each(ctx context.Context, fn func(Record) error) error {
	err := s.each(ctx, `SELECT `+recordCols+` FROM articles WHERE draft = 0
		ORDER BY published DESC, id`, nil, fn)
	if err != nil {
		return fmt.Errorf("store: each: %w", err)
	}
	return nil
}

func (s *Store) each(ctx context.Context, q string, args []any, fn func(Record) error) error {
	rows, err := s.rdb.QueryContext(ctx, s.sqlFor(q), s.bind(args)...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return classify(err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}

// BySlug returns the published article with that slug, or ErrNotFound.
func (s *Store) BySlug(ctx context.Context, slug string) (Record, error) {
	r, err := scanRecord(s.rdb.QueryRowContext(ctx, s.sqlFor(`SELECT `+recordCols+` FROM articles
		WHERE slug = ? AND draft = 0`), s.bind([]any{slug})...))
	if errors.Is(err, sql.ErrNoRows) {
		return Record{}, fmt.Errorf("%w: slug %q", ErrNotFound, slug)
	}
	if err != nil {
		return Record{}, fmt.Errorf("store: slug %q: %w", slug, classify(err))
	}
	return r, nil
}

// SlugAt returns the slug of the published article read from the
// seeds-relative path, or ErrNotFound.
func (s *Store) SlugAt(ctx context.Context, path string) (string, error) {
	var slug string
	err := s.rdb.QueryRowContext(ctx, s.sqlFor(`SELECT slug FROM articles WHERE path = ? AND draft = 0`), s.bind([]any{path})...).Scan(&slug)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%w: path %q", ErrNotFound, path)
	}
	if err != nil {
		return "", fmt.Errorf("store: path %q: %w", path, classify(err))
	}
	return slug, nil
}

// Count is the number of published articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.rdb.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE draft = 0`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", classify(err))
	}
	return n, nil
}

// IntegrityCheck runs PRAGMA integrity_check (it reads the whole file) and
// returns ErrCorrupt with SQLite's findings when the file is damaged. On
// PostgreSQL it reads every row (integrityCheckPostgres).
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.pg {
		return s.integrityCheckPostgres(ctx)
	}
	rows, err := s.rdb.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("store: integrity check %s: %w", s.path, classify(err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("store: integrity check %s: %w", s.path, classify(err))
		}
		if line != "ok" && len(problems) < 10 {
			problems = append(problems, strings.ReplaceAll(line, "\n", "; "))
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: integrity check %s: %w", s.path, classify(err))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s: %s (restore a backup, or move the file aside and restart to rebuild it from the seeds folder, which gives every article a new id)",
			ErrCorrupt, s.path, strings.Join(problems, "; "))
	}
	return nil
}
