package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"seedfeed/internal/longtest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestNoTornSnapshot swaps snapshots in a loop while many clients fetch
// over real connections: every response's body must hash to its own ETag
// and be one of the published bodies.
func TestNoTornSnapshot(t *testing.T) {
	longtest.Skip(t, "readers against snapshot swaps under load")
	f := newFixture(t, false)
	snaps := make([]*Snapshot, 6)
	known := map[string]bool{} // every ETag ever published
	for i := range snaps {
		snaps[i] = testSnapshot(i)
		for _, res := range snaps[i].Resources {
			known[res.ETag] = true
			known[res.GzipETag] = true
		}
	}
	f.srv.Publish(snaps[0])
	ts := httptest.NewServer(f.srv)
	defer ts.Close()

	// Run for at least 1.5 s and until the overlap means something; a
	// loaded machine gets longer, up to 30 s, rather than a false failure.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var swaps, requests atomic.Int64
	go func() {
		start := time.Now()
		for ctx.Err() == nil {
			if time.Since(start) >= 1500*time.Millisecond && swaps.Load() >= 50 && requests.Load() >= 200 {
				cancel()
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 1; ctx.Err() == nil; i++ {
			f.srv.Publish(snaps[i%len(snaps)])
			if i%7 == 0 {
				f.srv.ReportScan(time.Now(), fmt.Errorf("scan %d failed", i))
			}
			swaps.Add(1)
			time.Sleep(100 * time.Microsecond)
		}
	})

	client := ts.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 32
	client.Transport.(*http.Transport).DisableCompression = true
	errs := make(chan error, 64)
	for w := range 16 {
		wg.Go(func() {
			paths := []string{PathFeed, PathRSS, PathJSON, PathIndex, "/articles/ferry-timetable"}
			for i := 0; ctx.Err() == nil; i++ {
				path := paths[(w+i)%len(paths)]
				gz := (w+i)%2 == 0
				if err := fetchAndCheck(client, ts.URL+path, gz, path == "/articles/ferry-timetable", known); err != nil {
					select {
					case errs <- fmt.Errorf("%s gzip=%v: %w", path, gz, err):
					default:
					}
					return
				}
				requests.Add(1)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if swaps.Load() < 50 || requests.Load() < 200 {
		t.Errorf("too little overlap to mean anything: %d swaps, %d requests", swaps.Load(), requests.Load())
	}
	t.Logf("%d swaps, %d requests", swaps.Load(), requests.Load())
}

func fetchAndCheck(c *http.Client, url string, gz, rendered bool, known map[string]bool) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	etag := resp.Header.Get("Etag")
	if got := hashETag(body); got != etag {
		return fmt.Errorf("body hashes to %s, ETag says %s", got, etag)
	}
	if gz != (resp.Header.Get("Content-Encoding") == "gzip") {
		return fmt.Errorf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	if !rendered && !known[etag] {
		return fmt.Errorf("ETag %s was never published", etag)
	}
	return nil
}
