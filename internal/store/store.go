// Package store keeps what seedfeed learned about the seeds folder in one
// SQLite file (modernc.org/sqlite, no cgo), or in a PostgreSQL database
// (pgx) when given a postgres:// URL: the published articles with their
// fixed identities, the files that were rejected, and tombstones of removed
// articles so that a file moved away and back keeps its id. Both run the
// same statements and rules; postgres.go holds what differs.
//
// One writer (Apply, serialized) and any number of concurrent readers, in
// WAL mode on SQLite. Every Apply is one transaction: a failed write leaves
// the state exactly as it was.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors returned by the store; test with errors.Is.
var (
	// ErrNotFound: no published article has that slug.
	ErrNotFound = errors.New("store: not found")
	// ErrNewerSchema: the database was written by a newer seedfeed.
	ErrNewerSchema = errors.New("store: database schema is newer than this seedfeed supports")
	// ErrCorrupt: the file is not a readable SQLite database, or fails its
	// integrity check.
	ErrCorrupt = errors.New("store: database is corrupt")
	// ErrForeign: a valid SQLite database that seedfeed did not create.
	ErrForeign = errors.New("store: not a seedfeed database")
	// ErrDiskFull: a write failed because the disk (or quota) is full.
	ErrDiskFull = errors.New("store: disk full")
	// ErrReadOnly: a write failed because the database or its directory
	// cannot be written.
	ErrReadOnly = errors.New("store: database is read-only")
)

// applicationID marks the file as seedfeed's ("seed" in ASCII), so that a
// state.path pointing at some other SQLite file is refused, not migrated.
const applicationID = 0x73656564

// Store is the state, in SQLite or PostgreSQL. Its methods are safe for
// concurrent use.
type Store struct {
	path string // the SQLite file, or the PostgreSQL URL without password
	host string
	pg   bool // PostgreSQL: placeholders and arguments go through postgres.go
	// schema is PostgreSQL's current_schema(), which keys the writer's
	// lock and the change notifications.
	schema string
	// wdb has exactly one connection: SQLite has one writer, and pinning
	// it keeps connection-level settings and avoids SQLITE_BUSY between
	// our own connections.
	wdb *sql.DB
	rdb *sql.DB
	// mu serializes Apply, and guards prepared (filled by Open).
	mu       sync.Mutex
	prepared map[string]*sql.Stmt // on wdb, by query text
	// lead is the writer's lock and the listener's connections
	// (PostgreSQL only; lead.go).
	lead leader
	// askAlways turns off what lookup.go knows without asking, so that
	// tests can check it gives the same rows as asking every time.
	askAlways bool
}

// Open opens (creating if needed) the database at path and migrates it to
// the current schema. path is an SQLite file, or a postgres:// URL
// (IsPostgresURL). host is the authority of new tag: ids (the base URL's
// host; a port, if given, is dropped).
//
// A file from a newer seedfeed gives ErrNewerSchema, a damaged file
// ErrCorrupt, another program's SQLite file ErrForeign: never a silent reset.
// A PostgreSQL that cannot be reached, or refuses the user, password or
// database, gives ErrRefused.
func Open(ctx context.Context, path, host string) (*Store, error) {
	host = normalizeHost(host)
	if IsPostgresURL(path) {
		return openPostgres(ctx, path, host)
	}
	if host == "" {
		return nil, fmt.Errorf("store: open %s: empty host for tag: ids", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// SQLite says only "unable to open database file" for this one.
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("store: open %s: the folder %s does not exist (create it, or set state.path)", path, filepath.Dir(abs))
	}
	s := &Store{path: abs, host: host, prepared: map[string]*sql.Stmt{}}
	if s.wdb, err = sql.Open("sqlite", dsn(abs, true)); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.wdb.SetMaxOpenConns(1)
	s.wdb.SetMaxIdleConns(1)
	s.wdb.SetConnMaxLifetime(0)
	s.wdb.SetConnMaxIdleTime(0)
	if err := s.migrate(ctx); err != nil {
		s.wdb.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	for _, q := range applyStatements {
		st, err := s.wdb.PrepareContext(ctx, q)
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("store: open %s: prepare: %w", path, classify(err))
		}
		s.prepared[q] = st
	}
	if s.rdb, err = sql.Open("sqlite", dsn(abs, false)); err != nil {
		s.wdb.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.rdb.SetMaxOpenConns(4)
	s.rdb.SetMaxIdleConns(4)
	return s, nil
}

// Close releases the database. The WAL is checkpointed by SQLite when the
// last connection closes.
func (s *Store) Close() error {
	var errs []error
	s.mu.Lock()
	for _, st := range s.prepared {
		errs = append(errs, st.Close())
	}
	s.prepared = map[string]*sql.Stmt{}
	s.mu.Unlock()
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	errs = append(errs, s.lead.close())
	errs = append(errs, s.wdb.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// Path is the absolute path of the database file, or the PostgreSQL URL
// with its password hidden.
func (s *Store) Path() string { return s.path }

// Postgres reports whether the store is in PostgreSQL.
func (s *Store) Postgres() bool { return s.pg }

// sqlFor is q in the store's dialect.
func (s *Store) sqlFor(q string) string {
	if s.pg {
		return rebindDollar(q)
	}
	return q
}

// bind converts arguments for the store's columns.
func (s *Store) bind(args []any) []any {
	if s.pg {
		return bindPostgres(args)
	}
	return args
}

func dsn(abs string, writer bool) string {
	u := url.URL{Path: abs}
	q := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	if writer {
		// IMMEDIATE takes the write lock at BEGIN, so a concurrent
		// writer (another seedfeed on the same file) waits on
		// busy_timeout instead of failing mid-transaction. WAL is set
		// by migrate, once the file is known to be ours: setting it
		// here would rewrite the header of a file we then refuse.
		q += "&_txlock=immediate"
	} else {
		q += "&_pragma=query_only(1)"
	}
	return "file:" + u.EscapedPath() + "?" + q
}

func normalizeHost(h string) string {
	h = strings.TrimSpace(strings.ToLower(h))
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	return strings.Trim(h, "[]")
}

// classify wraps SQLite (and PostgreSQL: classifyPostgres) failures that an operator must act on with the
// matching sentinel, keeping the original error in the chain.
func classify(err error) error {
	if pe, ok := classifyPostgres(err); ok {
		return pe
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return fmt.Errorf("%w (restore a backup, or move the file aside and restart to rebuild it from the seeds folder, which gives every article a new id): %w", ErrCorrupt, err)
	case sqlite3.SQLITE_FULL:
		return fmt.Errorf("%w (free space; the next scan catches up): %w", ErrDiskFull, err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%w (check permissions and mounts of the file and its directory): %w", ErrReadOnly, err)
	case sqlite3.SQLITE_IOERR:
		return fmt.Errorf("store: I/O error (check the disk): %w", err)
	}
	return err
}
