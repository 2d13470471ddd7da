//go:build unix

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// loadDuration is how long the load runs: well under the 60 s cap.
const loadDuration = 20 * time.Second

// memSample is the server's memory as its /metrics reports it.
type memSample struct{ heap, rss, goroutines float64 }

func sampleMemory(t *testing.T, p *proc) memSample {
	t.Helper()
	_, b := p.get("/metrics")
	return memSample{
		heap:       metric(t, b, "go_memstats_heap_alloc_bytes"),
		rss:        metric(t, b, "process_resident_memory_bytes"),
		goroutines: metric(t, b, "go_goroutines"),
	}
}

// lowest takes the smallest of a few samples a little apart: the heap
// right after a collection, which is what a leak raises.
func lowest(t *testing.T, p *proc) memSample {
	t.Helper()
	var s []memSample
	for range 8 {
		s = append(s, sampleMemory(t, p))
		time.Sleep(150 * time.Millisecond)
	}
	out := s[0]
	for _, x := range s[1:] {
		out.heap, out.rss, out.goroutines = min(out.heap, x.heap), min(out.rss, x.rss), min(out.goroutines, x.goroutines)
	}
	return out
}

// A bounded load test on loopback: clients request every route at full
// speed while a writer changes seeds/ every 100 ms. No request may fail,
// every body must match its own ETag (no torn snapshot), and the server's
// memory must stay flat.
func TestLoadWhileSeedsChange(t *testing.T) {
	longTest(t)
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	cfg := writeConfig(t, dir, "  schedule: \"@every 1s\"\n  watch: true\n  settle: 50ms\n")
	const stable, churn = 30, 10
	for i := range stable {
		writeSeed(t, seeds, fmt.Sprintf("stable-%02d.txt", i), bigArticle(i, 4<<10))
	}
	for i := range churn {
		writeSeed(t, seeds, fmt.Sprintf("churn-%02d.txt", i), articleText(fmt.Sprintf("Changing story number %d", i), "Version 0."))
	}
	p := startHealthy(t, cfg)
	in := &instance{t: t, url: p.url, logs: p.logs}
	in.waitFor("every article", 30*time.Second, func(f *gofeed.Feed) bool { return len(f.Items) == stable+churn })
	paths := []string{"/feed.xml", "/atom.xml", "/rss.xml", "/feed.json", "/", "/healthz", "/feed.css",
		"/articles/" + slugOf(t, in, "Report number 7 on the state of the coastal path"),
		"/articles/no-such-article"}

	ctx, cancel := context.WithTimeout(context.Background(), loadDuration+2*time.Second)
	defer cancel()
	var (
		wg                 sync.WaitGroup
		requests, notModif atomic.Int64
		failures           atomic.Int64
		firstFailure       atomic.Value
		edits              atomic.Int64
		transport          = &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16}
		client             = &http.Client{Transport: transport, Timeout: 30 * time.Second}
	)
	fail := func(err error) {
		if failures.Add(1) == 1 {
			firstFailure.Store(err.Error())
		}
	}

	// The writer: an edit every 100 ms, and now and then a file removed
	// and written back.
	wg.Go(func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for i := 1; ; i++ {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			name := fmt.Sprintf("churn-%02d.txt", i%churn)
			full := filepath.Join(seeds, name)
			if i%10 == 0 {
				os.Remove(full)
				continue
			}
			body := articleText(fmt.Sprintf("Changing story number %d", i%churn), fmt.Sprintf("Version %d.", i))
			tmp := filepath.Join(seeds, "."+name+".tmp")
			if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil || os.Rename(tmp, full) != nil {
				fail(fmt.Errorf("writer: %v", err))
				return
			}
			edits.Add(1)
		}
	})

	const clients = 8
	for c := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 42))
			etags := map[string]string{}
			for ctx.Err() == nil {
				path := paths[rng.IntN(len(paths))]
				gz := rng.IntN(2) == 0
				cond := etags[path] != "" && rng.IntN(4) == 0
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url+path, nil)
				if err != nil {
					fail(err)
					return
				}
				if gz {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				if cond {
					req.Header.Set("If-None-Match", etags[path])
				}
				status, etag, err := fetch(client, req)
				if ctx.Err() != nil {
					return
				}
				switch {
				case err != nil:
					fail(fmt.Errorf("%s: %w", path, err))
				case path == "/articles/no-such-article":
					if status != http.StatusNotFound {
						fail(fmt.Errorf("%s: status %d", path, status))
					}
				case status == http.StatusNotModified && cond:
					notModif.Add(1)
				case status != http.StatusOK:
					fail(fmt.Errorf("%s: status %d", path, status))
				}
				if !gz && etag != "" {
					etags[path] = etag
				}
				requests.Add(1)
			}
		})
	}

	time.Sleep(3 * time.Second) // warm-up: connections, caches, the first snapshots
	start := lowest(t, p)
	startRequests := requests.Load()
	time.Sleep(loadDuration - 6*time.Second)
	end := lowest(t, p)
	cancel()
	wg.Wait()
	transport.CloseIdleConnections()

	n := requests.Load()
	t.Logf("%d requests (%d during the measured part, %d answered 304), %d edits, %d snapshots; heap %.1f → %.1f MB, RSS %.1f → %.1f MB, goroutines %.0f → %.0f",
		n, n-startRequests, notModif.Load(), edits.Load(), strings.Count(p.logs.String(), "msg=published "), start.heap/(1<<20), end.heap/(1<<20), start.rss/(1<<20), end.rss/(1<<20), start.goroutines, end.goroutines)
	if f := failures.Load(); f != 0 {
		t.Errorf("%d failed requests; first: %v", f, firstFailure.Load())
	}
	swaps := strings.Count(p.logs.String(), "msg=published ")
	if n < 1000 || edits.Load() < 50 || swaps < 20 {
		t.Errorf("too little load to mean anything: %d requests, %d edits, %d snapshots published", n, edits.Load(), swaps)
	}
	if end.heap > 2*start.heap+32<<20 {
		t.Errorf("heap grew from %.1f MB to %.1f MB under steady load", start.heap/(1<<20), end.heap/(1<<20))
	}
	if end.rss > 1.5*start.rss+64<<20 {
		t.Errorf("resident memory grew from %.1f MB to %.1f MB under steady load", start.rss/(1<<20), end.rss/(1<<20))
	}
	if end.goroutines > start.goroutines+2*clients+16 {
		t.Errorf("goroutines grew from %.0f to %.0f", start.goroutines, end.goroutines)
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Errorf("exit status %d after the load", code)
	}
}

// fetch does one request and checks that the body it received hashes to
// the ETag it came with (for the bytes as sent, gzip or not).
func fetch(c *http.Client, req *http.Request) (status int, etag string, err error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, "", fmt.Errorf("reading the body: %w", err)
	}
	etag = resp.Header.Get("ETag")
	if resp.StatusCode == http.StatusOK && etag != "" {
		sum := sha256.Sum256(body)
		if got := `"` + hex.EncodeToString(sum[:16]) + `"`; got != etag {
			return resp.StatusCode, etag, fmt.Errorf("body hashes to %s but its ETag is %s (torn snapshot?)", got, etag)
		}
	}
	return resp.StatusCode, etag, nil
}
