package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
)

// The store's tests run twice: on SQLite, then, when
// SEEDFEED_TEST_POSTGRES_URL names a PostgreSQL database
// (scripts/pg-test-cluster.sh starts one), all of them again on
// PostgreSQL. openTest and openAt give each test a store of the backend of
// the current pass: on PostgreSQL a schema of its own in that database,
// dropped when the test ends. The few tests about the SQLite file itself
// (its pages, permissions, PRAGMAs) skip on PostgreSQL, saying so; the
// PostgreSQL-only ones (postgres_test.go) skip on SQLite.

// testBackend is "sqlite" or "postgres", for the pass that runs.
var testBackend = "sqlite"

// testPostgres is the admin connection of the PostgreSQL pass.
var testPostgres struct {
	db  *sql.DB
	url string
	mu  sync.Mutex
	// schemas maps an openAt path to its schema, so that a test can close
	// a store and open "the same file" again.
	schemas map[string]string
}

const testPostgresEnv = "SEEDFEED_TEST_POSTGRES_URL"

func TestMain(m *testing.M) {
	code := m.Run()
	pgURL := os.Getenv(testPostgresEnv)
	if code != 0 {
		os.Exit(code)
	}
	if pgURL == "" {
		fmt.Printf("store: ran on SQLite only; set %s (scripts/pg-test-cluster.sh starts a cluster) to run every test on PostgreSQL too\n", testPostgresEnv)
		os.Exit(0)
	}
	db, err := sql.Open("pgx", pgURL)
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "store: %s is set but PostgreSQL does not answer: %v\n", testPostgresEnv, err)
		os.Exit(1)
	}
	testBackend = "postgres"
	testPostgres.db, testPostgres.url, testPostgres.schemas = db, pgURL, map[string]string{}
	fmt.Println("store: every test again, on PostgreSQL")
	code = m.Run()
	db.Close()
	os.Exit(code)
}

// skipOnPostgres skips a test about the SQLite file itself.
func skipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if testBackend == "postgres" {
		t.Skipf("SQLite only (%s); ran in the SQLite pass", why)
	}
}

// requirePostgres skips a test outside the PostgreSQL pass.
func requirePostgres(t testing.TB) {
	t.Helper()
	if testBackend != "postgres" {
		t.Skipf("PostgreSQL only: runs in the PostgreSQL pass (set %s)", testPostgresEnv)
	}
}

// postgresSchemaURL creates an empty schema for key (once) and returns the
// URL of the test database with search_path set to it. The schema is
// dropped when tb ends.
func postgresSchemaURL(tb testing.TB, key string) string {
	tb.Helper()
	testPostgres.mu.Lock()
	defer testPostgres.mu.Unlock()
	schema, ok := testPostgres.schemas[key]
	if !ok {
		sum := sha256.Sum256([]byte(key))
		schema = "t_" + hex.EncodeToString(sum[:10])
		if _, err := testPostgres.db.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE; CREATE SCHEMA ` + schema); err != nil {
			tb.Fatalf("create schema %s: %v", schema, err)
		}
		testPostgres.schemas[key] = schema
		tb.Cleanup(func() {
			testPostgres.mu.Lock()
			delete(testPostgres.schemas, key)
			testPostgres.mu.Unlock()
			if _, err := testPostgres.db.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE`); err != nil {
				tb.Errorf("drop schema %s: %v", schema, err)
			}
		})
	}
	return withSearchPath(tb, testPostgres.url, schema)
}

func withSearchPath(tb testing.TB, raw, schema string) string {
	tb.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// testLocation is where openAt opens path in the current pass.
func testLocation(tb testing.TB, path string) string {
	tb.Helper()
	if testBackend != "postgres" {
		return path
	}
	if IsPostgresURL(path) { // a store reopened by its Path()
		u, err := url.Parse(path)
		if err != nil {
			tb.Fatal(err)
		}
		return withSearchPath(tb, testPostgres.url, u.Query().Get("search_path"))
	}
	if _, isTest := tb.(*testing.T); isTest {
		tb.Logf("on PostgreSQL")
	}
	return postgresSchemaURL(tb, tb.Name()+"\x00"+path)
}

// dumpQueries read every stored row in a fixed order, as text.
func dumpQueries() []string {
	if testBackend == "postgres" {
		return []string{
			`SELECT id, slug, encode(path, 'escape'), encode(hash, 'hex'), mtime_ns, size, first_seen, published, updated, draft, encode(article, 'escape'), encode(record, 'hex'), encode(title, 'escape'), encode(summary, 'escape'), encode(author, 'escape') FROM articles ORDER BY path`,
			`SELECT id, slug, encode(hash, 'hex'), first_seen, published, updated, removed_at FROM removed_articles ORDER BY id`,
			`SELECT encode(path, 'escape'), mtime_ns, size, encode(hash, 'hex'), encode(reason, 'escape'), seen_at FROM rejected_files ORDER BY path`,
		}
	}
	return []string{
		`SELECT id, slug, path, hex(hash), mtime_ns, size, first_seen, published, updated, draft, article, hex(record), title, summary, author FROM articles ORDER BY path`,
		`SELECT id, slug, hex(hash), first_seen, published, updated, removed_at FROM removed_articles ORDER BY id`,
		`SELECT path, mtime_ns, size, hex(hash), reason, seen_at FROM rejected_files ORDER BY path`,
	}
}

// execTest runs a statement written with ? placeholders on the store's
// writer, in its dialect.
func execTest(t *testing.T, s *Store, q string, args ...any) {
	t.Helper()
	if _, err := s.wdb.ExecContext(context.Background(), s.sqlFor(q), s.bind(args)...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
