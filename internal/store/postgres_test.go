package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRebindDollar(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`WHERE a = ? AND b = ?`, `WHERE a = $1 AND b = $2`},
		{`VALUES ('?', ?, '', ?)`, `VALUES ('?', $1, '', $2)`},
		{`x IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `x IN ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`},
	}
	for _, tt := range tests {
		if got := rebindDollar(tt.in); got != tt.want {
			t.Errorf("rebindDollar(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactPostgresURL(t *testing.T) {
	for _, in := range []string{
		"postgres://u:secret@h:5432/db",
		"postgres://u@h/db?password=secret&sslmode=disable",
	} {
		if got := redactPostgresURL(in); strings.Contains(got, "secret") || !strings.Contains(got, "h") {
			t.Errorf("redactPostgresURL(%q) = %q", in, got)
		}
	}
}

// A PostgreSQL that seedfeed must not use is refused at Open with the
// sentinel, a message saying what to do, and no password in it; a refused
// schema is left as it was.
func TestPostgresOpenRefuses(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	base, err := url.Parse(testPostgres.url)
	if err != nil {
		t.Fatal(err)
	}
	password, _ := base.User.Password()
	withURL := func(edit func(u *url.URL)) string {
		u := *base
		edit(&u)
		return u.String()
	}
	closedPort := func(t *testing.T) string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return addr
	}
	tests := []struct {
		name    string
		prepare func(t *testing.T) string // returns the URL to open
		want    error
		hint    string
	}{
		{"newer schema", func(t *testing.T) string {
			u := postgresSchemaURL(t, t.Name())
			s, err := Open(ctx, u, testHost)
			if err != nil {
				t.Fatal(err)
			}
			execTest(t, s, `UPDATE seedfeed_schema SET version = 99`)
			s.Close()
			return u
		}, ErrNewerSchema, "run a newer seedfeed"},
		{"someone else's tables", func(t *testing.T) string {
			u := postgresSchemaURL(t, t.Name())
			if _, err := testPostgres.db.Exec(`CREATE TABLE ` + schemaOfURL(t, u) + `.invoices (n INTEGER)`); err != nil {
				t.Fatal(err)
			}
			return u
		}, ErrForeign, "new database"},
		{"another application's id", func(t *testing.T) string {
			u := postgresSchemaURL(t, t.Name())
			if _, err := testPostgres.db.Exec(`CREATE TABLE ` + schemaOfURL(t, u) + `.seedfeed_schema (application_id BIGINT NOT NULL, version INTEGER NOT NULL);
				INSERT INTO ` + schemaOfURL(t, u) + `.seedfeed_schema VALUES (42, 1)`); err != nil {
				t.Fatal(err)
			}
			return u
		}, ErrForeign, "new database"},
		{"wrong password", func(t *testing.T) string {
			return withURL(func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), "not-the-password") })
		}, ErrRefused, "wrong user or password"},
		{"missing database", func(t *testing.T) string {
			return withURL(func(u *url.URL) { u.Path = "/seedfeed_no_such_database" })
		}, ErrRefused, "database does not exist"},
		{"missing schema", func(t *testing.T) string {
			return withSearchPath(t, testPostgres.url, "seedfeed_no_such_schema")
		}, ErrRefused, "CREATE SCHEMA"},
		{"nobody listening", func(t *testing.T) string {
			addr := closedPort(t)
			return withURL(func(u *url.URL) { u.Host = addr })
		}, ErrRefused, "cannot reach"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.prepare(t)
			before := schemaDump(t, u)
			s, err := Open(ctx, u, testHost)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.hint) {
				t.Errorf("error = %v\nwant %v, saying %q", err, tt.want, tt.hint)
			}
			if password != "" && strings.Contains(err.Error(), password) {
				t.Errorf("the error shows the password: %v", err)
			}
			t.Logf("error: %q", err)
			if after := schemaDump(t, u); !slices.Equal(before, after) {
				t.Errorf("the refused schema was modified:\n before %q\n after  %q", before, after)
			}
		})
	}
}

// schemaOfURL is the search_path of a test URL.
func schemaOfURL(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	return p.Query().Get("search_path")
}

// schemaDump lists the tables, columns and seedfeed_schema row of the
// schema a test URL points at (nothing for a URL outside the test database).
func schemaDump(t *testing.T, u string) []string {
	t.Helper()
	schema := schemaOfURL(t, u)
	if schema == "" {
		return nil
	}
	rows, err := testPostgres.db.Query(`SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns
		WHERE table_schema = $1 ORDER BY table_name, ordinal_position`, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	var app, version int64
	if err := testPostgres.db.QueryRow(`SELECT application_id, version FROM `+schema+`.seedfeed_schema`).Scan(&app, &version); err == nil {
		out = append(out, fmt.Sprintf("seedfeed_schema %d %d", app, version))
	}
	return out
}

// Several seedfeeds starting at once on an empty database migrate it once
// (the advisory lock) and all open it.
func TestPostgresMigrateTogether(t *testing.T) {
	requirePostgres(t)
	u := postgresSchemaURL(t, t.Name())
	for i, err := range openTogether(u, 6) {
		if err != nil {
			t.Errorf("Open %d: %v", i, err)
		}
	}
	var version int
	if err := testPostgres.db.QueryRow(`SELECT version FROM ` + schemaOfURL(t, u) + `.seedfeed_schema`).Scan(&version); err != nil || version != SchemaVersion() {
		t.Errorf("version = %d, %v; want %d", version, err, SchemaVersion())
	}
}

// The two dialects of every migration give the same tables with the same
// columns in the same order (the types differ on purpose: migrate.go).
func TestPostgresColumnsMatchSQLite(t *testing.T) {
	requirePostgres(t)
	lite, err := Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), testHost)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := openTest(t)
	for _, table := range []string{"articles", "rejected_files", "removed_articles", "article_labels", "label_counts", "label_versions"} {
		var liteCols, pgCols []string
		rows, err := lite.rdb.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			liteCols = append(liteCols, c)
		}
		rows.Close()
		rows, err = pg.rdb.Query(`SELECT column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			pgCols = append(pgCols, c)
		}
		rows.Close()
		if len(liteCols) == 0 || !slices.Equal(liteCols, pgCols) {
			t.Errorf("%s: SQLite columns %q, PostgreSQL %q", table, liteCols, pgCols)
		}
	}
	if err := pg.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("IntegrityCheck: %v", err)
	}
}

// A PostgreSQL database of schema 5 that holds articles gets its labels
// from them on the step to 6 (fillLabels on PostgreSQL): the same labels,
// counts and newest articles as a store that kept them from the start.
func TestPostgresMigrateFillsLabels(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	u := postgresSchemaURL(t, t.Name())
	s, err := Open(ctx, u, testHost)
	if err != nil {
		t.Fatal(err)
	}
	d := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	a1 := tagged("One", "one", d(1), "Économie", "Go")
	a2 := tagged("Two", "two", d(2), "economie", "हिंदी")
	a2.Authors = []string{"Zoë Roy", "Ada Writer"}
	draft := tagged("Three", "three", d(3), "Secret")
	draft.Draft = true
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("1.md", a1, t0), up("2.md", a2, t0), up("3.md", draft, t0)}})
	want := map[LabelKind][]Label{}
	for _, kind := range []LabelKind{LabelTag, LabelAuthor} {
		if want[kind], err = s.Labels(ctx, kind); err != nil || len(want[kind]) == 0 {
			t.Fatalf("Labels(%d) = %v, %v", kind, want[kind], err)
		}
	}
	wantNewest := labelledSlugs(t, s, LabelTag, "economie", 10)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	schema := schemaOfURL(t, u)
	if _, err := testPostgres.db.Exec(`DROP TABLE ` + schema + `.article_labels, ` + schema + `.label_counts, ` + schema + `.label_versions;
		ALTER TABLE ` + schema + `.articles DROP COLUMN parsed_by;
		ALTER TABLE ` + schema + `.rejected_files DROP COLUMN parsed_by;
		DROP TABLE ` + schema + `.folder_files;
		UPDATE ` + schema + `.seedfeed_schema SET version = 5`); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, u, testHost)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, kind := range []LabelKind{LabelTag, LabelAuthor} {
		got, err := s.Labels(ctx, kind)
		if err != nil {
			t.Fatal(err)
		}
		// The fill starts every label at version 1; a render cache lives
		// in memory, so no version of before the upgrade is cached.
		for i := range got {
			if got[i].Version != 1 {
				t.Errorf("%s: version %d after the upgrade, want 1", got[i].Slug, got[i].Version)
			}
			got[i].Version = 0
		}
		for i := range want[kind] {
			want[kind][i].Version = 0
		}
		if !reflect.DeepEqual(got, want[kind]) {
			t.Errorf("labels of kind %d after the upgrade:\n got  %+v\n want %+v", kind, got, want[kind])
		}
	}
	if got := labelledSlugs(t, s, LabelTag, "economie", 10); !slices.Equal(got, wantNewest) || len(got) != 2 {
		t.Errorf("newest of economie after the upgrade = %v, want %v", got, wantNewest)
	}
}
