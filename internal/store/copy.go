package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotEmpty: the store CopyInto writes to already holds state.
var ErrNotEmpty = errors.New("store: the target already holds articles, rejects or tombstones")

// CopyCounts says how many rows CopyInto copied.
type CopyCounts struct {
	Articles, Rejected, Tombstones int
	// Labels counts the rows of article_labels (one per tag or author
	// of a published article); label_counts and label_versions are
	// copied with them, so labels keep their versions.
	Labels int
	// Files counts the files of the seeds folder kept for the servers
	// without it (FolderFiles).
	Files int
}

// The columns copied, table by table: every column but articles.seq, which
// the target numbers anew. Articles are copied in seq order, so that the
// archive (ArchiveSlots) keeps its order and its pages their articles.
// Times stay whole seconds, hashes, records and legacy JSON stay byte for
// byte.
var copyTables = []struct {
	name string
	cols []string
	// kinds say how each column is read: 's' string, 'b' bytes, 'n'
	// bytes or NULL, 'i' integer.
	kinds string
	// order is the ORDER BY of the read, empty for none.
	order string
}{
	{"articles", []string{"id", "slug", "path", "hash", "mtime_ns", "size", "first_seen", "published", "updated", "draft", "article", "record", "title", "summary", "author", "parsed_by"}, "sssbiiiiiisnsssi", "seq"},
	{"rejected_files", []string{"path", "mtime_ns", "size", "hash", "reason", "seen_at", "parsed_by"}, "siibsii", ""},
	{"removed_articles", []string{"id", "slug", "hash", "first_seen", "published", "updated", "removed_at"}, "ssbiiii", ""},
	{"article_labels", []string{"kind", "slug", "published", "id", "name"}, "isiss", ""},
	{"label_counts", []string{"kind", "slug", "name", "count"}, "issi", ""},
	{"label_versions", []string{"kind", "slug", "version"}, "isi", ""},
	{"folder_files", []string{"path", "mtime_ns", "size", "data"}, "siib", ""},
}

// CopyInto copies every article (with its id, slug, path, hash, dates and
// text), every reject, every tombstone, every label (tags and authors
// with their counts and versions) and every folder file of s into dst, which must be
// empty (else ErrNotEmpty): it moves a state from SQLite to PostgreSQL, or
// back. s is read in one read transaction, dst written in one transaction:
// a failed copy leaves dst empty. dst must not be in use by a running
// seedfeed (it holds dst's write lock, not other processes').
func (s *Store) CopyInto(ctx context.Context, dst *Store) (CopyCounts, error) {
	var n CopyCounts
	src, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return n, fmt.Errorf("store: copy from %s: %w", s.path, classify(err))
	}
	defer src.Rollback()
	tx, err := dst.Begin(ctx)
	if err != nil {
		return n, fmt.Errorf("store: copy into %s: %w", dst.path, err)
	}
	defer tx.Rollback()

	var held int
	if err := tx.tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM rejected_files) + (SELECT count(*) FROM removed_articles)`).Scan(&held); err != nil {
		return n, fmt.Errorf("store: copy into %s: %w", dst.path, classify(err))
	}
	if held > 0 {
		return n, fmt.Errorf("%w: %s holds %d rows; copy into an empty database (or schema)", ErrNotEmpty, dst.path, held)
	}
	var labelCounts, labelVersions int
	counts := []*int{&n.Articles, &n.Rejected, &n.Tombstones, &n.Labels, &labelCounts, &labelVersions, &n.Files}
	for i, t := range copyTables {
		if *counts[i], err = copyTable(ctx, src, s, tx, t.name, t.cols, t.kinds, t.order); err != nil {
			return n, fmt.Errorf("store: copy %s from %s into %s: %w", t.name, s.path, dst.path, classify(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return n, err
	}
	return n, nil
}

func copyTable(ctx context.Context, src *sql.Tx, from *Store, tx *Tx, table string, cols []string, kinds, order string) (int, error) {
	list, marks := "", ""
	for i, c := range cols {
		if i > 0 {
			list += ", "
			marks += ", "
		}
		list += c
		marks += "?"
	}
	q := `SELECT ` + list + ` FROM ` + table
	if order != "" {
		q += ` ORDER BY ` + order
	}
	rows, err := src.QueryContext(ctx, q)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	ins, err := tx.tx.PrepareContext(ctx, tx.s.sqlFor(`INSERT INTO `+table+` (`+list+`) VALUES (`+marks+`)`))
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range cols {
		switch kinds[i] {
		case 's':
			ptrs[i] = new(string)
		case 'b', 'n':
			ptrs[i] = new([]byte)
		case 'i':
			ptrs[i] = new(int64)
		}
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		for i, p := range ptrs {
			switch v := p.(type) {
			case *string:
				vals[i] = *v
			case *[]byte:
				switch {
				case *v != nil:
					vals[i] = *v
				case kinds[i] == 'n':
					vals[i] = nil
				default: // an empty BLOB may scan as nil; the column is NOT NULL
					vals[i] = []byte{}
				}
			case *int64:
				vals[i] = *v
			}
		}
		if _, err := ins.ExecContext(ctx, tx.s.bind(vals)...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}
