package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"seedfeed/internal/article"
)

// seedVersion[v] writes, with the schema of version v, the rows a user of
// that version would have. Every row must survive every later migration.
var seedVersion = map[int]func(ctx context.Context, db *sql.DB) error{
	1: func(ctx context.Context, db *sql.DB) error {
		_, err := db.ExecContext(ctx, `INSERT INTO articles
			(id, slug, path, hash, mtime_ns, size, first_seen, published, updated, draft, article)
			VALUES ('tag:example.org,2025-01-02:/articles/v1', 'v1', 'v1.txt', x'0101010101010101010101010101010101010101010101010101010101010101', 1735776000000000000, 10,
				1735776000, 1735689600, 1735776000, 0,
				'{"title":"From v1","summary":"Old summary","author":"Old Author","body_html":"<p>v1</p>"}'),
			('tag:example.org,2025-01-02:/articles/v1-draft', 'v1-draft', 'draft.md', x'0202020202020202020202020202020202020202020202020202020202020202', 1, 1,
				1735776000, 1735776000, 1735776000, 1, '{"title":"Draft","draft":true}')`)
		return err
	},
	2: func(ctx context.Context, db *sql.DB) error {
		_, err := db.ExecContext(ctx, `INSERT INTO rejected_files (path, mtime_ns, size, hash, reason, seen_at)
			VALUES ('empty.txt', 5, 0, x'', 'empty', 1735776000)`)
		return err
	},
	3: func(ctx context.Context, db *sql.DB) error {
		_, err := db.ExecContext(ctx, `INSERT INTO articles
			(id, slug, path, hash, mtime_ns, size, first_seen, published, updated, draft, article, title, summary, author)
			VALUES ('tag:example.org,2025-02-01:/articles/v3', 'v3', 'v3.txt', x'0303030303030303030303030303030303030303030303030303030303030303', 7, 3,
				1738368000, 1738368000, 1738368000, 0, '{"title":"From v3"}', 'From v3', '', '')`)
		return err
	},
	4: func(ctx context.Context, db *sql.DB) error {
		_, err := db.ExecContext(ctx, `INSERT INTO removed_articles
			(id, slug, hash, first_seen, published, updated, removed_at)
			VALUES ('tag:example.org,2025-03-01:/articles/v4', 'v4', x'0404040404040404040404040404040404040404040404040404040404040404',
				1740787200, 1740787200, 1740787200, 1740873600)`)
		return err
	},
	5: func(ctx context.Context, db *sql.DB) error {
		// A schema 5 record with tags and two authors, and a draft with
		// a tag, which gets no label.
		rec, err := encodeArticle(nil, &article.Article{Slug: "v5", Tags: []string{"Économie", "économie", "हिंदी"},
			Authors: []string{"Ana Lima", "Bo Chen"}, BodyParagraphs: []string{"v5"}, BodyHTML: "<p>v5</p>"})
		if err != nil {
			return err
		}
		draft, err := encodeArticle(nil, &article.Article{Slug: "v5-draft", Tags: []string{"Secret"}, Draft: true})
		if err != nil {
			return err
		}
		_, err = db.ExecContext(ctx, `INSERT INTO articles
			(id, slug, path, hash, mtime_ns, size, first_seen, published, updated, draft, article, record, title, summary, author)
			VALUES ('tag:example.org,2025-04-01:/articles/v5', 'v5', 'v5.md', x'0505050505050505050505050505050505050505050505050505050505050505', 9, 5,
				1743465600, 1743465600, 1743465600, 0, '', ?, 'From v5', '', 'Ana Lima, Bo Chen'),
			('tag:example.org,2025-04-01:/articles/v5-draft', 'v5-draft', 'v5-draft.md', x'0606060606060606060606060606060606060606060606060606060606060606', 9, 5,
				1743465600, 1743465600, 1743465600, 1, '', ?, 'Draft v5', '', '')`, rec, draft)
		return err
	},
	6: func(ctx context.Context, db *sql.DB) error {
		// An article and a reject of schema 6, which knew no parse
		// stamps: both are read again by the first scan after it.
		rec, err := encodeArticle(nil, &article.Article{Slug: "v6", BodyParagraphs: []string{"v6"}, BodyHTML: "<p>v6</p>"})
		if err != nil {
			return err
		}
		if _, err = db.ExecContext(ctx, `INSERT INTO articles
			(id, slug, path, hash, mtime_ns, size, first_seen, published, updated, draft, article, record, title, summary, author)
			VALUES ('tag:example.org,2025-05-01:/articles/v6', 'v6', 'v6.md', x'0707070707070707070707070707070707070707070707070707070707070707', 11, 6,
				1746057600, 1746057600, 1746057600, 0, '', ?, 'From v6', '', '')`, rec); err != nil {
			return err
		}
		_, err = db.ExecContext(ctx, `INSERT INTO rejected_files (path, mtime_ns, size, hash, reason, seen_at)
			VALUES ('notes.rtf', 12, 40, x'08', 'parse_error', 1746057600)`)
		return err
	},
	7: func(ctx context.Context, db *sql.DB) error {
		// An article of schema 7, with its parse stamp, which stays.
		rec, err := encodeArticle(nil, &article.Article{Slug: "v7", BodyParagraphs: []string{"v7"}, BodyHTML: "<p>v7</p>"})
		if err != nil {
			return err
		}
		_, err = db.ExecContext(ctx, `INSERT INTO articles
			(id, slug, path, hash, mtime_ns, size, first_seen, published, updated, draft, article, record, title, summary, author, parsed_by)
			VALUES ('tag:example.org,2025-06-01:/articles/v7', 'v7', 'v7.md', x'0909090909090909090909090909090909090909090909090909090909090909', 13, 7,
				1748736000, 1748736000, 1748736000, 0, '', ?, 'From v7', '', '', 77)`, rec)
		return err
	},
}

func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// buildAt makes a database as a seedfeed of schema version v left it.
func buildAt(t *testing.T, path string, v int) {
	t.Helper()
	ctx := context.Background()
	db := openRaw(t, path)
	for step := 1; step <= v; step++ {
		if err := migrateTo(ctx, db, step); err != nil {
			t.Fatalf("migrate to %d: %v", step, err)
		}
		if seed := seedVersion[step]; seed != nil {
			if err := seed(ctx, db); err != nil {
				t.Fatalf("seed version %d: %v", step, err)
			}
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func schemaOf(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name`)
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
	return out
}

func TestMigrateFromEveryVersion(t *testing.T) {
	skipOnPostgres(t, "fixtures of SQLite files of every schema version; postgres_test.go has the PostgreSQL migration tests")
	if len(seedVersion) != SchemaVersion()-1 {
		t.Fatalf("seedVersion has fixtures for %d versions; add one for each schema version below %d", len(seedVersion), SchemaVersion())
	}
	ctx := context.Background()
	fresh := openTest(t)
	want := schemaOf(t, fresh.wdb)

	for from := 0; from < SchemaVersion(); from++ {
		t.Run("from v"+string(rune('0'+from)), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			buildAt(t, path, from)
			s := openAt(t, path)

			var v, app int
			s.wdb.QueryRow(`PRAGMA user_version`).Scan(&v)
			s.wdb.QueryRow(`PRAGMA application_id`).Scan(&app)
			if v != SchemaVersion() || app != applicationID {
				t.Errorf("after open: version %d app %#x", v, app)
			}
			if got := schemaOf(t, s.wdb); !slices.Equal(got, want) {
				t.Errorf("schema after migration differs from a fresh one:\n got  %q\n want %q", got, want)
			}
			files, err := s.Files(ctx)
			if err != nil {
				t.Fatal(err)
			}
			recs := latest(t, s)
			if from >= 1 {
				r, err := s.BySlug(ctx, "v1")
				if err != nil {
					t.Fatalf("v1 article lost: %v", err)
				}
				if r.ID != "tag:example.org,2025-01-02:/articles/v1" || r.Published.Unix() != 1735689600 || r.Article.Title != "From v1" {
					t.Errorf("v1 article = %+v", r)
				}
				var title, summary, author string
				s.wdb.QueryRow(`SELECT title, summary, author FROM articles WHERE slug = 'v1'`).Scan(&title, &summary, &author)
				if title != "From v1" || summary != "Old summary" || author != "Old Author" {
					t.Errorf("backfilled columns = %q %q %q", title, summary, author)
				}
				if _, ok := files["draft.md"]; !ok {
					t.Error("v1 draft lost")
				}
			}
			if from >= 2 && files["empty.txt"].Reason != "empty" {
				t.Errorf("v2 reject lost: %+v", files["empty.txt"])
			}
			if from >= 3 {
				if _, err := s.BySlug(ctx, "v3"); err != nil {
					t.Errorf("v3 article lost: %v", err)
				}
			}
			if from >= 4 {
				// The tombstone of version 4 gives its id back to the
				// same bytes, which are then stored as a schema 5 record.
				var h Hash
				copy(h[:], bytes.Repeat([]byte{4}, len(h)))
				mustApply(t, s, Changes{At: t0, Upserts: []Upsert{{Path: "back.txt", Hash: h, ModTime: t0, Article: art("Back", "x")}}})
				r, err := s.BySlug(ctx, "v4")
				if err != nil || r.ID != "tag:example.org,2025-03-01:/articles/v4" || r.Article.Title != "Back" || r.Article.BodyHTML != "<p>x</p>" {
					t.Errorf("v4 tombstone after migration: %+v, %v", r, err)
				}
			}
			if from >= 5 {
				tags, err := s.Labels(ctx, LabelTag)
				if err != nil {
					t.Fatal(err)
				}
				want := []Label{
					{Kind: LabelTag, Slug: "economie", Name: "Économie", Count: 1, Version: 1},
					{Kind: LabelTag, Slug: "हिंदी", Name: "हिंदी", Count: 1, Version: 1},
				}
				checkLabelCounts(t, s)
				if !slices.Equal(tags, want) {
					t.Errorf("tags after migration = %+v, want %+v", tags, want)
				}
				authors, err := s.Labels(ctx, LabelAuthor)
				var names []string
				for _, a := range authors {
					names = append(names, a.Slug+"="+a.Name)
				}
				// v1's JSON author, v4's restored article, v5's two.
				if want := []string{"ada-writer=Ada Writer", "ana-lima=Ana Lima", "bo-chen=Bo Chen", "old-author=Old Author"}; err != nil || !slices.Equal(names, want) {
					t.Errorf("authors after migration = %q, %v; want %q", names, err, want)
				}
			}
			if from >= 6 {
				if _, err := s.BySlug(ctx, "v6"); err != nil {
					t.Errorf("v6 article lost: %v", err)
				}
				if st := files["notes.rtf"]; st.Reason != "parse_error" {
					t.Errorf("v6 reject lost: %+v", st)
				}
			}
			if from >= 7 {
				if _, err := s.BySlug(ctx, "v7"); err != nil || files["v7.md"].ParsedBy != 77 {
					t.Errorf("v7 article lost or its stamp changed: %v, %+v", err, files["v7.md"])
				}
			}
			// Rows of schemas before 7 carry no stamp: the next scan
			// reads them all again.
			for p, st := range files {
				if p != "v7.md" && st.ParsedBy != 0 {
					t.Errorf("%s: parse stamp %d after migration, want 0", p, st.ParsedBy)
				}
			}
			wantRecs := map[int]int{0: 0, 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 4, 7: 5}[from]
			if len(recs) != wantRecs {
				t.Errorf("%d published records, want %d", len(recs), wantRecs)
			}
			// The migrated store keeps working: a move of an old article
			// keeps its id through the tombstone table of version 4.
			if from >= 1 {
				var hash []byte
				s.wdb.QueryRow(`SELECT hash FROM articles WHERE slug = 'v1'`).Scan(&hash)
				var h Hash
				copy(h[:], hash)
				mustApply(t, s, Changes{At: t0, Removed: []string{"v1.txt"}, Upserts: []Upsert{{Path: "moved.txt", Hash: h, ModTime: t0, Article: art("From v1", "x")}}})
				if r, err := s.BySlug(ctx, "v1"); err != nil || r.Path != "moved.txt" {
					t.Errorf("move after migration: %+v, %v", r, err)
				}
			}
			if err := s.IntegrityCheck(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	skipOnPostgres(t, "damaged and foreign SQLite files; TestPostgresOpenRefuses is its PostgreSQL twin")
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    error
		hint    string
	}{
		{"newer schema", func(t *testing.T, path string) {
			buildAt(t, path, SchemaVersion())
			db := openRaw(t, path)
			if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, ErrNewerSchema, "run a newer seedfeed"},
		{"not a database", func(t *testing.T, path string) {
			junk := bytes.Repeat([]byte("this is not sqlite\n"), 400)
			if err := os.WriteFile(path, junk, 0o644); err != nil {
				t.Fatal(err)
			}
		}, ErrCorrupt, "restore a backup"},
		{"damaged schema page", func(t *testing.T, path string) {
			populate(t, path, 20)
			damage(t, path, 100, 4096-100)
		}, ErrCorrupt, "restore a backup"},
		{"someone else's database", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`CREATE TABLE invoices (n INTEGER)`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, ErrForeign, "new file"},
		{"another application's id", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`PRAGMA application_id = 42`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, ErrForeign, "new file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.db")
			tt.prepare(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, path, testHost)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.hint) || !strings.Contains(err.Error(), path) {
				t.Errorf("error = %v\nwant %v, naming the file and saying %q", err, tt.want, tt.hint)
			}
			t.Logf("error: %q", err)
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file was modified")
			}
		})
	}
}

// populate writes n articles and closes the store, leaving a checkpointed
// single-file database.
func populate(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(context.Background(), path, testHost)
	if err != nil {
		t.Fatal(err)
	}
	c := Changes{At: t0}
	for i := range n {
		body := strings.Repeat("filler text ", 300) + string(rune('a'+i%26)) + strings.Repeat("z", i)
		c.Upserts = append(c.Upserts, up("f"+strings.Repeat("x", i)+".txt", art("Title "+strings.Repeat("q", i), body), t0))
	}
	mustApply(t, s, c)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, sfx := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + sfx); err == nil {
			t.Fatalf("%s left after close", sfx)
		}
	}
}

func damage(t *testing.T, path string, off, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := off; i < off+n && i < len(b); i++ {
		b[i] = byte(i*7 + 3)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIntegrityCheck(t *testing.T) {
	skipOnPostgres(t, "damaged pages of an SQLite file")
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	populate(t, path, 40)
	s := openAt(t, path)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("healthy store: %v", err)
	}
	s.Close()

	info, _ := os.Stat(path)
	// Damage the middle of the file: data pages, not the schema, so Open
	// succeeds and only the check (or a read of those pages) finds it.
	damage(t, path, int(info.Size()/2), 4096)
	s2, err := Open(ctx, path, testHost)
	if err != nil {
		t.Fatalf("Open of a file with damaged data pages: %v", err)
	}
	defer s2.Close()
	err = s2.IntegrityCheck(ctx)
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("IntegrityCheck = %v, want ErrCorrupt", err)
	}
	t.Logf("error: %q", err)
}

func TestOpenMissingFolder(t *testing.T) {
	skipOnPostgres(t, "the folder of an SQLite file")
	path := filepath.Join(t.TempDir(), "no", "such", "state.db")
	_, err := Open(context.Background(), path, testHost)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Open = %v, want an error naming the missing folder", err)
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), ""); err == nil {
		t.Error("Open accepted an empty host")
	}
}

// TestOpenNewFileAtOnce opens one new database from several stores at the
// same moment, as two seedfeeds (or a daemon and `seedfeed check`) started
// together on a fresh state.path do: each must find the schema the first
// one made, not refuse the file as foreign or give up on a lock. The
// rounds make the interleavings that once failed (the WAL switch's
// immediate SQLITE_BUSY; a version read before another's first migration
// and a schema count read after it) show up in most runs. PostgreSQL's
// own way of migrating once is TestPostgresMigrateTogether's.
func TestOpenNewFileAtOnce(t *testing.T) {
	skipOnPostgres(t, "an SQLite file's WAL switch and schema reads")
	const rounds, stores = 20, 4
	for round := range rounds {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("state%d.db", round))
		for k, err := range openTogether(path, stores) {
			if err != nil {
				t.Fatalf("round %d, store %d: %v", round, k, err)
			}
		}
	}
}
