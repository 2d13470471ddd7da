//go:build unix

package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/store"
)

// The tests of state.url run the real binary against a real PostgreSQL:
// the one SEEDFEED_TEST_POSTGRES_URL names (scripts/pg-test-cluster.sh
// starts a throwaway cluster). Without it they skip.

const postgresTestEnv = "SEEDFEED_TEST_POSTGRES_URL"

// postgresAdmin is a connection to the test database, closed when t ends.
func postgresAdmin(t *testing.T) (*sql.DB, string) {
	t.Helper()
	raw := os.Getenv(postgresTestEnv)
	if raw == "" {
		t.Skipf("no PostgreSQL: set %s (scripts/pg-test-cluster.sh starts a cluster)", postgresTestEnv)
	}
	db, err := sql.Open("pgx", raw)
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		t.Fatalf("%s is set but PostgreSQL does not answer: %v", postgresTestEnv, err)
	}
	t.Cleanup(func() { db.Close() })
	return db, raw
}

// postgresSchema creates an empty schema for this test and returns the
// test database's URL with search_path set to it; it is dropped when t
// ends.
func postgresSchema(t *testing.T) string {
	t.Helper()
	db, raw := postgresAdmin(t)
	b := make([]byte, 8)
	rand.Read(b)
	schema := "cmd_" + hex.EncodeToString(b)
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return editPostgresURL(t, raw, func(u *url.URL) {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
	})
}

func editPostgresURL(t *testing.T, raw string, edit func(u *url.URL)) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	edit(u)
	return u.String()
}

// writePostgresConfig is writeConfig with state.url set.
func writePostgresConfig(t *testing.T, dir, seedsYAML, stateURL string) string {
	t.Helper()
	p := writeConfig(t, dir, seedsYAML)
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("  url: \"" + stateURL + "\"\n"); err != nil {
		t.Fatal(err)
	}
	return p
}

// A PostgreSQL that refuses stops seedfeed at start: exit status 1, one
// message that says what to do and hides the password, nothing served,
// the refused schema untouched.
func TestPostgresRefusedAtStart(t *testing.T) {
	_, raw := postgresAdmin(t)
	u, _ := url.Parse(raw)
	password, _ := u.User.Password()
	tests := []struct {
		name    string
		prepare func(t *testing.T) string
		want    []string
	}{
		{"wrong password", func(t *testing.T) string {
			return editPostgresURL(t, raw, func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), "wrong-password") })
		}, []string{"wrong user or password", "state.url", "xxxxx"}},
		{"missing database", func(t *testing.T) string {
			return editPostgresURL(t, raw, func(u *url.URL) { u.Path = "/seedfeed_missing_db" })
		}, []string{"database does not exist", "createdb"}},
		{"nobody listening", func(t *testing.T) string {
			addr := freeAddr(t) // free: nothing listens there
			return editPostgresURL(t, raw, func(u *url.URL) { u.Host = addr })
		}, []string{"cannot reach the server", "check host and port"}},
		{"newer schema", func(t *testing.T) string {
			s := postgresSchema(t)
			st, err := store.Open(context.Background(), s, "news.example.org")
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			db, _ := postgresAdmin(t)
			if _, err := db.Exec(`UPDATE ` + schemaOf(t, s) + `.seedfeed_schema SET version = 99`); err != nil {
				t.Fatal(err)
			}
			return s
		}, []string{"schema is newer", "run a newer seedfeed"}},
		{"another program's tables", func(t *testing.T) string {
			s := postgresSchema(t)
			db, _ := postgresAdmin(t)
			if _, err := db.Exec(`CREATE TABLE ` + schemaOf(t, s) + `.invoices (n INTEGER)`); err != nil {
				t.Fatal(err)
			}
			return s
		}, []string{"not a seedfeed database", "point state.url at a new database"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writePostgresConfig(t, t.TempDir(), "", tt.prepare(t))
			p := startProc(t, cfg)
			if code := p.wait(30 * time.Second); code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			stderr := p.logs.String()
			checkOneMessage(t, tt.name, stderr, tt.want[0])
			for _, w := range tt.want[1:] {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			if password != "" && strings.Contains(stderr, password) {
				t.Errorf("stderr shows the password:\n%s", stderr)
			}
			t.Logf("stderr: %s", stderr)
		})
	}
}

func schemaOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("search_path")
}

// seedfeed serve on PostgreSQL publishes, and a restart keeps every id.
func TestPostgresServeAndRestart(t *testing.T) {
	dir := t.TempDir()
	cfg := writePostgresConfig(t, dir, "  settle: 50ms\n", postgresSchema(t))
	seeds := filepath.Join(dir, "seeds")
	writeSeed(t, seeds, "alpha.txt", articleText("Alpha on PostgreSQL", "The first article is kept in PostgreSQL."))
	writeSeed(t, seeds, "beta.md", articleText("Beta on PostgreSQL", "The second article is kept there too."))
	p := startHealthy(t, cfg)
	var first []byte
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, body := p.get("/feed.xml")
		if code == 200 && strings.Contains(string(body), "Alpha on PostgreSQL") && strings.Contains(string(body), "Beta on PostgreSQL") {
			first = body
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("feed never carried both articles: %d\n%s", code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.signal(os.Interrupt)
	if code := p.wait(20 * time.Second); code != 0 {
		t.Fatalf("exit status %d after SIGINT", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "state.db")); err == nil {
		t.Error("an SQLite file was written although state.url is set")
	}
	p2 := startHealthy(t, cfg)
	code, again := p2.get("/feed.xml")
	if code != 200 || string(again) != string(first) {
		t.Errorf("feed after restart differs (%d):\n%s\nbefore:\n%s", code, again, first)
	}
}
