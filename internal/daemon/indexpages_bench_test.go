package daemon

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strconv"
	"testing"

	"seedfeed/internal/pages"
	"seedfeed/internal/server"
)

// BenchmarkIndexPageFirstRequest times a request for an index page that
// the server has not rendered for the snapshot it serves (each iteration
// publishes the snapshot again under a new IndexKey): read its articles
// from the store, render, compress, serve. The page deep in the history
// costs more: the database walks past every newer article. "cached" is a
// request answered from the cache. The store is benchHistoryStore's
// (SEEDFEED_BENCH_ARTICLES, default 10,000).
func BenchmarkIndexPageFirstRequest(b *testing.B) {
	st, cfg := benchHistoryStore(b)
	ctx := context.Background()
	snap, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{cache: newArchiveCache(), maxArchive: -1})
	if err != nil {
		b.Fatal(err)
	}
	srv := server.New(server.Config{IndexPages: indexPageSource{st}})
	count := snap.IndexPageCount()
	serve := func(b *testing.B, path string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		srv.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Body.Len() == 0 {
			b.Fatalf("%s: %d, %d bytes", path, rec.Code, rec.Body.Len())
		}
	}
	for _, n := range []int{2, count / 2, count} {
		path := pages.IndexPagePath(n)
		b.Run(fmt.Sprintf("page=%d-of-%d", n, count), func(b *testing.B) {
			i := 0
			for b.Loop() {
				b.StopTimer()
				next := *snap
				i++
				next.IndexKey = snap.IndexKey + "-" + strconv.Itoa(i)
				srv.Publish(&next)
				b.StartTimer()
				serve(b, path)
			}
		})
	}
	b.Run("cached", func(b *testing.B) {
		srv.Publish(snap)
		path := pages.IndexPagePath(count / 2)
		serve(b, path)
		for b.Loop() {
			serve(b, path)
		}
	})
}
