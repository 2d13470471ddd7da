package daemon

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/store"
)

// benchStateLocations are the backends the cluster benchmarks run on:
// SQLite always, PostgreSQL (a schema of its own, dropped afterwards) when
// SEEDFEED_TEST_POSTGRES_URL is set.
func benchStateLocations(b *testing.B) map[string]string {
	b.Helper()
	out := map[string]string{"sqlite": filepath.Join(b.TempDir(), "state.db")}
	raw := os.Getenv("SEEDFEED_TEST_POSTGRES_URL")
	if raw == "" {
		b.Log("PostgreSQL skipped: SEEDFEED_TEST_POSTGRES_URL is unset")
		return out
	}
	db, err := sql.Open("pgx", raw)
	if err != nil {
		b.Fatal(err)
	}
	rb := make([]byte, 6)
	rand.Read(rb)
	schema := "bench_" + hex.EncodeToString(rb)
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		db.Close()
	})
	u, _ := url.Parse(raw)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	out["postgres"] = u.String()
	return out
}

func benchArticle(i, version int) store.Upsert {
	body := fmt.Sprintf("Report %d, version %d, from the harbour where the council met to discuss the repairs.", i, version)
	a := &article.Article{
		Title:          fmt.Sprintf("Story number %d of the archive", i),
		Author:         "Desk",
		Summary:        body,
		BodyParagraphs: []string{body},
		BodyHTML:       "<p>" + body + "</p>",
	}
	return store.Upsert{Path: fmt.Sprintf("%06d.txt", i), Hash: sha256.Sum256([]byte(body)), ModTime: time.Unix(int64(i), 0), Size: int64(len(body)), Article: a}
}

// BenchmarkReplicaRebuild times what a replica does after the writer
// changes one article of 100,000: compare the fingerprint, then rebuild
// and swap the snapshot (refresh), on each backend.
func BenchmarkReplicaRebuild(b *testing.B) {
	const n = 100000
	for backend, loc := range benchStateLocations(b) {
		b.Run(backend+"/N=100000", func(b *testing.B) {
			ctx := context.Background()
			cfg := config.Default()
			cfg.Site.BaseURL = "https://news.example.org"
			cfg.Seeds.Dir = b.TempDir()
			st, err := store.Open(ctx, loc, cfg.Site.Host())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
			for from := 0; from < n; from += 1000 {
				ups := make([]store.Upsert, 0, 1000)
				for i := from; i < from+1000; i++ {
					ups = append(ups, benchArticle(i, 0))
				}
				if _, err := st.Apply(ctx, store.Changes{At: at, Upserts: ups}); err != nil {
					b.Fatal(err)
				}
			}
			d, err := newDaemon(cfg, st, slog.New(slog.DiscardHandler))
			if err != nil {
				b.Fatal(err)
			}
			d.refresh(ctx, true)
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				at = at.Add(time.Minute)
				if _, err := st.Apply(ctx, store.Changes{At: at, Upserts: []store.Upsert{benchArticle(i%n, i+1)}}); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				d.refresh(ctx, true)
			}
			if snap := d.srv.Snapshot(); snap == nil || snap.Articles != n {
				b.Fatalf("snapshot of %v articles", snap)
			}
		})
	}
}
