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
	"strconv"
	"sync"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/store"
)

// benchStateLocation is one backend the cluster benchmarks run on.
type benchStateLocation struct{ backend, loc string }

// benchStateLocations are the backends the cluster benchmarks run on, in
// this order: SQLite always, then PostgreSQL (a schema of its own, dropped
// afterwards) when SEEDFEED_TEST_POSTGRES_URL is set. -count repeats each
// backend before running the other; to alternate them, run the test binary
// several times (bench/backends.sh does).
func benchStateLocations(b *testing.B) []benchStateLocation {
	b.Helper()
	out := []benchStateLocation{{"sqlite", filepath.Join(b.TempDir(), "state.db")}}
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
	return append(out, benchStateLocation{"postgres", u.String()})
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
// changes one article of 100,000 (SEEDFEED_BENCH_ARTICLES to change it):
// compare the fingerprint, then rebuild and swap the snapshot (refresh),
// on each backend. A rebuild publishes the feeds and the front page,
// then, if archive pages are missing from the cache, the history
// (Daemon.publish); the index pages are left to the server (rendered on
// request), so after the first rebuild no second step is taken. The
// figures from before (every index page in the second step, 4.4–7.9 s at
// 100,000 on SQLite) are in docs/performance.md. feeds-ms/op and history-ms/op are each step's time
// as the daemon logs it (0 for a step not taken), ns/op the whole
// refresh, snapshot-MB what the last snapshot holds.
func BenchmarkReplicaRebuild(b *testing.B) {
	n := 100000
	if s := os.Getenv("SEEDFEED_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	for _, bl := range benchStateLocations(b) {
		b.Run(fmt.Sprintf("%s/N=%d", bl.backend, n), func(b *testing.B) {
			ctx := context.Background()
			cfg := config.Default()
			cfg.Site.BaseURL = "https://news.example.org"
			cfg.Seeds.Dir = b.TempDir()
			st, err := store.Open(ctx, bl.loc, cfg.Site.Host())
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
			version := 0
			steps := &publishStepTimes{}
			d, err := newDaemon(cfg, st, slog.New(steps))
			if err != nil {
				b.Fatal(err)
			}
			d.refresh(ctx, true)
			var feeds, history time.Duration
			for b.Loop() {
				b.StopTimer()
				at = at.Add(time.Minute)
				version++
				if _, err := st.Apply(ctx, store.Changes{At: at, Upserts: []store.Upsert{benchArticle(version%n, version)}}); err != nil {
					b.Fatal(err)
				}
				steps.reset()
				b.StartTimer()
				d.refresh(ctx, true)
				b.StopTimer()
				f, h, sawFeeds, sawHistory := steps.get()
				if !sawFeeds || sawHistory {
					b.Fatalf("the rebuild published the feeds %v, the history %v", sawFeeds, sawHistory)
				}
				feeds, history = feeds+f, history+h
				b.StartTimer()
			}
			snap := d.srv.Snapshot()
			if snap == nil || snap.Articles != n {
				b.Fatalf("snapshot of %v articles", snap)
			}
			b.ReportMetric(float64(feeds.Milliseconds())/float64(b.N), "feeds-ms/op")
			b.ReportMetric(float64(history.Milliseconds())/float64(b.N), "history-ms/op")
			b.ReportMetric(float64(snapshotBytes(snap))/1e6, "snapshot-MB")
		})
	}
}

// publishStepTimes is a slog.Handler that keeps the "took" of the
// daemon's two publish messages: the feeds step and the history step.
type publishStepTimes struct {
	mu             sync.Mutex
	feeds, history time.Duration
	sawFeeds, sawH bool
}

func (p *publishStepTimes) Enabled(context.Context, slog.Level) bool { return true }
func (p *publishStepTimes) WithAttrs([]slog.Attr) slog.Handler       { return p }
func (p *publishStepTimes) WithGroup(string) slog.Handler            { return p }

func (p *publishStepTimes) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "published" && r.Message != "published the history" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key != "took" {
			return true
		}
		p.mu.Lock()
		defer p.mu.Unlock()
		if r.Message == "published" {
			p.feeds, p.sawFeeds = a.Value.Duration(), true
		} else {
			p.history, p.sawH = a.Value.Duration(), true
		}
		return false
	})
	return nil
}

func (p *publishStepTimes) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.feeds, p.history, p.sawFeeds, p.sawH = 0, 0, false, false
}

// get returns the two steps' times, and whether each was logged since
// the last reset.
func (p *publishStepTimes) get() (feeds, history time.Duration, sawFeeds, sawHistory bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.feeds, p.history, p.sawFeeds, p.sawH
}
