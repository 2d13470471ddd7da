//go:build unix

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// ownPostgresCluster starts a PostgreSQL cluster of the test's own with
// scripts/pg-test-cluster.sh (this test stops and starts it, which would
// break the other tests on a shared one), and returns its URL and a
// function that runs the script's pause or resume on it.
func ownPostgresCluster(t *testing.T) (string, func(verb string)) {
	t.Helper()
	script, err := filepath.Abs("../../scripts/pg-test-cluster.sh")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "seedfeed-pg-outage-")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(script, "start", dir).Output()
	if err != nil {
		os.RemoveAll(dir)
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Skipf("no PostgreSQL cluster of its own (%v: %s); install postgresql to run this test", err, stderr)
	}
	t.Cleanup(func() {
		if out, err := exec.Command(script, "stop", dir).CombinedOutput(); err != nil {
			t.Errorf("stop the cluster: %v\n%s", err, out)
		}
	})
	var url string
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "export SEEDFEED_TEST_POSTGRES_URL="); ok {
			url = v
		}
	}
	if url == "" {
		t.Fatalf("the script printed no URL:\n%s", out)
	}
	return url, func(verb string) {
		t.Helper()
		if out, err := exec.Command(script, verb, dir).CombinedOutput(); err != nil {
			t.Fatalf("%s the cluster: %v\n%s", verb, err, out)
		}
	}
}

func healthStatus(p *proc) string {
	resp, err := http.Get(p.url + "/healthz")
	if err != nil {
		return "unreachable: " + err.Error()
	}
	defer resp.Body.Close()
	var doc struct {
		Status string `json:"status"`
	}
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &doc); err != nil {
		return "bad body: " + string(b)
	}
	return doc.Status
}

// PostgreSQL stopped for 30 s while readers poll all three servers: not
// one feed request fails, /healthz says degraded, and once the database is
// back the files that arrived meanwhile are published everywhere.
func TestClusterDatabaseOutage(t *testing.T) {
	longTest(t)
	pgURL, cluster := ownPostgresCluster(t)
	dir := t.TempDir()
	const settle = 200 * time.Millisecond
	var procs []*proc
	for _, name := range []string{"a", "b", "c"} {
		procs = append(procs, startHealthy(t, writeClusterConfig(t, dir, name, pgURL, settle)))
	}
	seeds := filepath.Join(dir, "seeds")
	for i := range 20 {
		writeSeed(t, seeds, fmt.Sprintf("before-%02d.txt", i), articleText(fmt.Sprintf("Before the outage %d", i), fmt.Sprintf("Report %d.", i)))
	}
	waitPublished := func(n float64, limit time.Duration) {
		t.Helper()
		deadline := time.Now().Add(limit)
		for _, p := range procs {
			for {
				_, m := p.get("/metrics")
				if metric(t, m, "seedfeed_articles_published") == n {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s never published %v articles", p.url, n)
				}
				time.Sleep(100 * time.Millisecond)
			}
		}
	}
	waitPublished(20, 30*time.Second)

	// Readers: two per server, each request after the last, 2 ms apart.
	var total, failed atomic.Int64
	var firstFailure atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 5 * time.Second}
	for _, p := range procs {
		for r := range 2 {
			wg.Go(func() {
				paths := []string{"/feed.xml", "/rss.xml", "/feed.json"}
				for i := r; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					resp, err := client.Get(p.url + paths[i%3])
					total.Add(1)
					if err == nil {
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err == nil && resp.StatusCode != 200 {
							err = fmt.Errorf("status %d", resp.StatusCode)
						}
					}
					if err != nil {
						failed.Add(1)
						firstFailure.CompareAndSwap(nil, fmt.Sprintf("%s%s: %v", p.url, paths[i%3], err))
					}
					time.Sleep(2 * time.Millisecond)
				}
			})
		}
	}

	cluster("pause")
	down := time.Now()
	for i := range 5 {
		writeSeed(t, seeds, fmt.Sprintf("during-%02d.txt", i), articleText(fmt.Sprintf("During the outage %d", i), fmt.Sprintf("Report %d.", i)))
	}
	degraded := make([]bool, len(procs))
	for time.Since(down) < 30*time.Second {
		for i, p := range procs {
			if healthStatus(p) == "degraded" {
				degraded[i] = true
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	for i, d := range degraded {
		if !d {
			t.Errorf("server %d never said degraded while the database was down", i)
		}
	}
	cluster("resume")
	up := time.Now()
	waitPublished(25, 60*time.Second)
	for i, p := range procs {
		deadline := time.Now().Add(30 * time.Second)
		for healthStatus(p) != "ok" {
			if time.Now().After(deadline) {
				t.Errorf("server %d: /healthz %q 30 s after the database returned", i, healthStatus(p))
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Logf("all three caught up %v after the database returned", time.Since(up).Round(time.Millisecond))
	close(stop)
	wg.Wait()
	t.Logf("%d feed requests during the test, %d failed", total.Load(), failed.Load())
	if failed.Load() != 0 {
		t.Errorf("%d of %d feed requests failed; first: %v", failed.Load(), total.Load(), firstFailure.Load())
	}
	if n := len(writers(t, procs)); n != 1 {
		t.Errorf("%d writers after the outage, want 1", n)
	}
}
