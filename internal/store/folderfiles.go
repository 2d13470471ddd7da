package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A server without the seeds folder (seedfeed serve -replica) cannot read
// the pictures beside the articles from disk. When several servers share
// PostgreSQL, the writer keeps the files /files/ serves in the database
// too (folder_files), and such a server serves them from there, with the
// same Last-Modified and ETag as a server reading the folder.

// FolderFile is what the store knows of one file of the seeds folder
// that it keeps, enough to tell whether it changed without reading it.
type FolderFile struct {
	ModTime time.Time
	Size    int64
}

// FolderFiles returns the files kept, by seeds-relative path.
func (s *Store) FolderFiles(ctx context.Context) (map[string]FolderFile, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT path, mtime_ns, size FROM folder_files`)
	if err != nil {
		return nil, fmt.Errorf("store: folder files: %w", classify(err))
	}
	defer rows.Close()
	out := map[string]FolderFile{}
	for rows.Next() {
		var (
			p  []byte
			ns int64
			f  FolderFile
		)
		if err := rows.Scan(&p, &ns, &f.Size); err != nil {
			return nil, fmt.Errorf("store: folder files: %w", classify(err))
		}
		f.ModTime = time.Unix(0, ns).UTC()
		out[string(p)] = f
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: folder files: %w", classify(err))
	}
	return out, nil
}

// FolderFile returns the bytes and modification time of the kept file at
// the seeds-relative path, or ErrNotFound.
func (s *Store) FolderFile(ctx context.Context, path string) ([]byte, time.Time, error) {
	var (
		data []byte
		ns   int64
	)
	err := s.rdb.QueryRowContext(ctx, s.sqlFor(`SELECT data, mtime_ns FROM folder_files WHERE path = ?`), s.bind([]any{path})...).Scan(&data, &ns)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, fmt.Errorf("%w: folder file %q", ErrNotFound, path)
	}
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("store: folder file %q: %w", path, classify(err))
	}
	return data, time.Unix(0, ns).UTC(), nil
}

// FolderFileStat returns the size and modification time of the kept file
// at the seeds-relative path, without its bytes, or ErrNotFound.
func (s *Store) FolderFileStat(ctx context.Context, path string) (FolderFile, error) {
	var (
		f  FolderFile
		ns int64
	)
	err := s.rdb.QueryRowContext(ctx, s.sqlFor(`SELECT mtime_ns, size FROM folder_files WHERE path = ?`), s.bind([]any{path})...).Scan(&ns, &f.Size)
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("%w: folder file %q", ErrNotFound, path)
	}
	if err != nil {
		return f, fmt.Errorf("store: folder file %q: %w", path, classify(err))
	}
	f.ModTime = time.Unix(0, ns).UTC()
	return f, nil
}

// FolderFileChanges are the files to keep anew (new or changed) and the
// paths to forget, written together.
type FolderFileChanges struct {
	Put    []FolderFilePut
	Remove []string
}

// FolderFilePut is one file's bytes and modification time.
type FolderFilePut struct {
	Path    string
	ModTime time.Time
	Data    []byte
}

// ApplyFolderFiles writes c in one transaction, under the same write lock
// as the articles (Begin).
func (s *Store) ApplyFolderFiles(ctx context.Context, c FolderFileChanges) error {
	if len(c.Put) == 0 && len(c.Remove) == 0 {
		return nil
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range c.Remove {
		if _, err := tx.tx.ExecContext(ctx, s.sqlFor(`DELETE FROM folder_files WHERE path = ?`), s.bind([]any{p})...); err != nil {
			return fmt.Errorf("store: forget folder file %q: %w", p, classify(err))
		}
	}
	for _, f := range c.Put {
		args := s.bind([]any{f.Path, f.ModTime.UnixNano(), int64(len(f.Data)), f.Data})
		if _, err := tx.tx.ExecContext(ctx, s.sqlFor(`INSERT INTO folder_files (path, mtime_ns, size, data) VALUES (?, ?, ?, ?)
			ON CONFLICT (path) DO UPDATE SET mtime_ns = excluded.mtime_ns, size = excluded.size, data = excluded.data`), args...); err != nil {
			return fmt.Errorf("store: keep folder file %q: %w", f.Path, classify(err))
		}
	}
	return tx.Commit()
}
