package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// The PostgreSQL side of the store: how it opens, migrates and reports
// failures. Everything else (the identity rules, the queries) is shared
// with SQLite; the dialect differences live here and in migrations:
// placeholders ($1 for ?), strings bound as bytes (BYTEA columns), booleans
// bound as integers.

// ErrRefused: PostgreSQL would not let seedfeed in (wrong user or
// password, a database that does not exist, a server that cannot be
// reached) or would not let it create its tables.
var ErrRefused = errors.New("store: PostgreSQL refused seedfeed")

// IsPostgresURL reports whether location names a PostgreSQL database (a
// postgres:// or postgresql:// URL) rather than an SQLite file.
func IsPostgresURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// pgConnectTimeout bounds the first connection when neither the caller's
// context nor the URL (connect_timeout) does: an unreachable host must stop
// seedfeed with a message, not hang it.
const pgConnectTimeout = 15 * time.Second

// pgParseProblem is what a failure of pgx.ParseConfig says, after ": ",
// without the URL: pgx quotes the URL in its errors with the password
// masked only on a best effort (a URL that does not parse may hide it), so
// the message is taken with the URL left out. "" when err is not a
// ParseConfigError.
func pgParseProblem(err error) string {
	var pce *pgconn.ParseConfigError
	if !errors.As(err, &pce) {
		return ""
	}
	bare := *pce
	bare.ConnString = ""
	return ": " + strings.TrimPrefix(bare.Error(), "cannot parse ``: ")
}

func openPostgres(ctx context.Context, rawURL, host string) (*Store, error) {
	shown := redactPostgresURL(rawURL)
	if host == "" {
		return nil, fmt.Errorf("store: open %s: empty host for tag: ids", shown)
	}
	cc, err := pgConnConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w: the URL does not parse (fix state.url)%s", shown, ErrRefused, pgParseProblem(err))
	}
	s := &Store{path: shown, host: host, pg: true, prepared: map[string]*sql.Stmt{}}
	s.wdb = stdlib.OpenDB(*cc)
	// One writer connection, as on SQLite: Apply is serialized anyway,
	// and the statements prepared below live on it.
	s.wdb.SetMaxOpenConns(1)
	s.wdb.SetMaxIdleConns(1)
	s.wdb.SetConnMaxLifetime(0)
	s.wdb.SetConnMaxIdleTime(0)
	pctx := ctx
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		pctx, cancel = context.WithTimeout(ctx, pgConnectTimeout)
		defer cancel()
	}
	if err := s.wdb.PingContext(pctx); err != nil {
		s.wdb.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, classifyConnect(err))
	}
	if err := s.migratePostgres(ctx); err != nil {
		s.wdb.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, err)
	}
	if err := s.wdb.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&s.schema); err != nil {
		s.wdb.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, classify(err))
	}
	for _, q := range slices.Concat(applyStatements, labelStatements, []string{qAddLabelPostgres}) {
		st, err := s.wdb.PrepareContext(ctx, rebindDollar(q))
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("store: open %s: prepare: %w", shown, classify(err))
		}
		s.prepared[q] = st
	}
	s.rdb = stdlib.OpenDB(*cc)
	s.rdb.SetMaxOpenConns(4)
	s.rdb.SetMaxIdleConns(4)
	// The writer's lock and the listener each hold a session for as
	// long as the store is open.
	s.lead.db = stdlib.OpenDB(*cc)
	s.lead.db.SetMaxIdleConns(0)
	return s, nil
}

// redactPostgresURL is the URL with its password hidden, for messages.
func redactPostgresURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "the PostgreSQL URL in state.url"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// migratePostgres brings the schema to the current version, one step per
// transaction (PostgreSQL's DDL is transactional) under an advisory lock,
// so that several seedfeeds starting together migrate once.
func (s *Store) migratePostgres(ctx context.Context) error {
	for {
		done, err := s.migratePostgresStep(ctx)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migratePostgresStep(ctx context.Context) (done bool, err error) {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return false, classify(err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreDone(tx.Rollback()))
		}
	}()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(applicationID)); err != nil {
		return false, classify(err)
	}
	version, err := schemaVersionPostgres(ctx, tx)
	if err != nil {
		return false, err
	}
	if version == len(migrations) {
		return true, tx.Commit()
	}
	if version == 0 {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE seedfeed_schema (application_id BIGINT NOT NULL, version INTEGER NOT NULL);
			INSERT INTO seedfeed_schema VALUES (`+strconv.Itoa(applicationID)+`, 0)`); err != nil {
			return false, fmt.Errorf("migrate schema 0→1: %w", classifySchemaWrite(err))
		}
	}
	if _, err := tx.ExecContext(ctx, migrations[version].postgres); err != nil {
		return false, fmt.Errorf("migrate schema %d→%d: %w", version, version+1, classifySchemaWrite(err))
	}
	if fill := migrationFills[version]; fill != nil {
		if err := fill(ctx, tx, true); err != nil {
			return false, fmt.Errorf("migrate schema %d→%d: %w", version, version+1, classify(err))
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE seedfeed_schema SET version = $1`, version+1); err != nil {
		return false, fmt.Errorf("migrate schema %d→%d: %w", version, version+1, classify(err))
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate schema %d→%d: %w", version, version+1, classify(err))
	}
	return false, nil
}

// schemaVersionPostgres reads the version in the current schema (the
// first of search_path) and checks that it is seedfeed's, or empty.
func schemaVersionPostgres(ctx context.Context, tx *sql.Tx) (int, error) {
	var schema sql.NullString
	if err := tx.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return 0, classify(err)
	}
	if !schema.Valid {
		return 0, fmt.Errorf("%w: no schema of search_path exists: create it (CREATE SCHEMA) or fix search_path in state.url", ErrRefused)
	}
	var ours bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name = 'seedfeed_schema')`).Scan(&ours); err != nil {
		return 0, classify(err)
	}
	if !ours {
		var tables int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables
			WHERE table_schema = current_schema()`).Scan(&tables); err != nil {
			return 0, classify(err)
		}
		if tables > 0 {
			return 0, fmt.Errorf("%w: schema %q already holds %d tables; point state.url at a new database, or at a schema of its own with ?search_path=NAME", ErrForeign, schema.String, tables)
		}
		return 0, nil
	}
	var appID int64
	var version int
	if err := tx.QueryRowContext(ctx, `SELECT application_id, version FROM seedfeed_schema`).Scan(&appID, &version); err != nil {
		return 0, fmt.Errorf("%w: schema %q: seedfeed_schema is unreadable (%w); point state.url at a new database", ErrForeign, schema.String, classify(err))
	}
	switch {
	case appID != applicationID:
		return 0, fmt.Errorf("%w: schema %q: application_id is %#x; point state.url at a new database", ErrForeign, schema.String, appID)
	case version > len(migrations):
		return 0, fmt.Errorf("%w: database has schema version %d, this seedfeed knows up to %d: run a newer seedfeed, or point state.url at another database", ErrNewerSchema, version, len(migrations))
	}
	return version, nil
}

// classifyConnect explains why the first connection failed.
func classifyConnect(err error) error {
	if c := classify(err); c != err {
		return c
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: cannot reach the server (check host and port in state.url, and that PostgreSQL runs and accepts TCP connections): %w", ErrRefused, oneLineError{err})
	}
	return oneLineError{err}
}

// oneLineError is err with its message on one line: pgx lists every
// address and TLS attempt of a failed connection on lines of their own,
// and seedfeed's start-up errors are one line.
type oneLineError struct{ err error }

func (e oneLineError) Error() string {
	return strings.Join(strings.Fields(strings.ReplaceAll(e.err.Error(), "\n", "; ")), " ")
}

func (e oneLineError) Unwrap() error { return e.err }

// classifySchemaWrite is classify, with the advice for a role that may not
// create tables.
func classifySchemaWrite(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return fmt.Errorf("%w: the role may not create tables here (GRANT CREATE ON SCHEMA ... TO the role in state.url, or use a schema it owns): %w", ErrRefused, err)
	}
	return classify(err)
}

// classifyPostgres wraps PostgreSQL failures that an operator must act on
// with the matching sentinel; ok is false for any other error.
func classifyPostgres(err error) (error, bool) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err, false
	}
	switch pe.Code {
	case "28P01", "28000":
		return fmt.Errorf("%w: wrong user or password (fix them in state.url, or the server's pg_hba.conf): %w", ErrRefused, pe), true
	case "3D000":
		return fmt.Errorf("%w: the database does not exist (create it, e.g. createdb NAME, or fix its name in state.url): %w", ErrRefused, pe), true
	case "53100":
		return fmt.Errorf("%w (free space on the database server; the next scan catches up): %w", ErrDiskFull, err), true
	case "25006", "42501":
		return fmt.Errorf("%w (check the role's privileges, and that state.url names the primary, not a read-only standby): %w", ErrReadOnly, err), true
	case "XX001", "XX002":
		return fmt.Errorf("%w (restore a backup of the database): %w", ErrCorrupt, err), true
	}
	return err, false
}

// rebindDollar turns the ? placeholders of the shared SQL into $1, $2…
// (none of the shared statements has a ? inside a string literal; the
// scan skips literals anyway).
func rebindDollar(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, quoted := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// qAddLabelPostgres gives an article a label as setLabels does on SQLite
// (qInsertLabel, then countLabel's qCountLabel and qBumpLabel with a
// delta of 1), in one statement. Each statement is a round trip to the
// server, and these were three of the four a new article with one author
// cost (the fourth is qInsertArticle); on SQLite a statement is a function
// call, and the three stay apart. The three parts write different tables,
// so running them in one statement changes nothing they see.
const qAddLabelPostgres = `WITH labelled AS (
		INSERT INTO article_labels (kind, slug, published, id, name) VALUES ($1, $2, $3, $4, $5)
	), counted AS (
		INSERT INTO label_counts (kind, slug, name, count) VALUES ($1, $2, $5, 1)
		ON CONFLICT (kind, slug, name) DO UPDATE SET count = label_counts.count + excluded.count
	)
	INSERT INTO label_versions (kind, slug, version) VALUES ($1, $2, 1)
	ON CONFLICT (kind, slug) DO UPDATE SET version = label_versions.version + 1`

// bindPostgres converts arguments for the PostgreSQL columns: strings go
// to BYTEA (or to TEXT, which pgx accepts as bytes), booleans to INTEGER.
func bindPostgres(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = []byte(v)
		case bool:
			out[i] = int64(0)
			if v {
				out[i] = int64(1)
			}
		default:
			out[i] = a
		}
	}
	return out
}

// integrityCheckPostgres reads every row of every table as text, which
// detoasts every value: a damaged page or TOAST chunk fails the read
// (PostgreSQL checks page headers, and checksums when the cluster has them).
func (s *Store) integrityCheckPostgres(ctx context.Context) error {
	for _, table := range []string{"articles", "rejected_files", "removed_articles", "article_labels", "label_counts", "label_versions", "folder_files"} {
		var n int64
		q := `SELECT count(md5(t::text)) FROM ` + table + ` t`
		if err := s.rdb.QueryRowContext(ctx, q).Scan(&n); err != nil {
			err = classify(err)
			var pe *pgconn.PgError
			if errors.As(err, &pe) && strings.HasPrefix(pe.Code, "XX") && !errors.Is(err, ErrCorrupt) {
				err = fmt.Errorf("%w (restore a backup of the database): %w", ErrCorrupt, err)
			}
			return fmt.Errorf("store: integrity check %s: %s: %w", s.path, table, err)
		}
	}
	return nil
}
