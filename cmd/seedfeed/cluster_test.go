//go:build unix

package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeClusterConfig writes name.yaml in dir: one of several seedfeeds on
// the same seeds folder and the same PostgreSQL.
func writeClusterConfig(t *testing.T, dir, name, stateURL string, settle time.Duration) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	return writeClusterSiteConfig(t, dir, name, fmt.Sprintf(`seeds:
  dir: seeds
  settle: %q
  schedule: "@every 1h"
server:
  listen: %q
state:
  path: %q
  url: %q
`, settle.String(), freeAddr(t), name+".db", stateURL))
}

// writeClusterSiteConfig writes name.yaml in dir: the site every cluster
// test's process publishes, then rest (the other sections).
func writeClusterSiteConfig(t *testing.T, dir, name, rest string) string {
	t.Helper()
	cfg := `site:
  title: "Cluster"
  base_url: "http://news.example.org"
  author: "Desk"
` + rest
	p := filepath.Join(dir, name+".yaml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// getWithETag fetches path and returns status, body and ETag.
func (p *proc) getWithETag(path string) (int, []byte, string) {
	p.t.Helper()
	resp, err := http.Get(p.url + path)
	if err != nil {
		p.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, b, resp.Header.Get("ETag")
}

// writers returns the index of the processes whose seedfeed_writer is 1.
func writers(t *testing.T, procs []*proc) []int {
	t.Helper()
	var out []int
	for i, p := range procs {
		if procMetric(t, p, "seedfeed_writer") == 1 {
			out = append(out, i)
		}
	}
	return out
}

// Three servers on one PostgreSQL and one seeds folder: one of them scans,
// and after 200 files arrive all three serve the same bytes with the same
// ETags.
func TestClusterThreeServersServeTheSame(t *testing.T) {
	stateURL := postgresSchema(t)
	dir := t.TempDir()
	const settle = 300 * time.Millisecond
	var procs []*proc
	for _, name := range []string{"a", "b", "c"} {
		procs = append(procs, startHealthy(t, writeClusterConfig(t, dir, name, stateURL, settle)))
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(writers(t, procs)) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("writers = %v, want exactly one", writers(t, procs))
		}
		time.Sleep(100 * time.Millisecond)
	}

	seeds := filepath.Join(dir, "seeds")
	for i := range 200 {
		writeSeed(t, seeds, fmt.Sprintf("story-%03d.txt", i), articleText(fmt.Sprintf("Story number %d of the day", i), fmt.Sprintf("Report %d from the harbour.", i)))
	}
	dropped := time.Now()

	// How soon they agree is a figure to report, not a bound to hold:
	// on a loaded machine the same run takes seconds longer.
	waitClusterServersAgree(t, procs, 200, 60*time.Second)
	t.Logf("all three serve the same 200 articles %v after the last file was written (settle %v)", time.Since(dropped).Round(time.Millisecond), settle)

	scanned := 0
	w := writers(t, procs)
	for i, p := range procs {
		if n := procScanCount(t, p); n > 0 {
			scanned++
			if len(w) != 1 || w[0] != i {
				t.Errorf("server %d scanned %v times but is not the writer (writers %v)", i, n, w)
			}
		}
	}
	if scanned != 1 {
		t.Errorf("%d servers scanned, want exactly 1", scanned)
	}
}

// The writer SIGKILLed in the middle of a scan of 10,000 files: another
// server takes over within 10 s and finishes; every file is published
// exactly once, the ids published before the kill stay, and no replica
// ever serves fewer articles than before the kill.
func TestClusterWriterKilledMidScan(t *testing.T) {
	longTest(t)
	stateURL := postgresSchema(t)
	dir := t.TempDir()
	const settle = 200 * time.Millisecond
	var procs []*proc
	for _, name := range []string{"a", "b", "c"} {
		procs = append(procs, startHealthy(t, writeClusterConfig(t, dir, name, stateURL, settle)))
	}
	seeds := filepath.Join(dir, "seeds")
	const before, bulk = 100, 10000
	for i := range before {
		writeSeed(t, seeds, fmt.Sprintf("early-%03d.txt", i), articleText(fmt.Sprintf("Early story %d", i), fmt.Sprintf("Early report %d.", i)))
	}
	published := func(p *proc) float64 { return procMetric(t, p, "seedfeed_articles_published") }
	waitAll := func(n float64, among []*proc, limit time.Duration) {
		t.Helper()
		deadline := time.Now().Add(limit)
		for _, p := range among {
			for published(p) != n {
				if time.Now().After(deadline) {
					t.Fatalf("%s publishes %v articles, want %v", p.url, published(p), n)
				}
				time.Sleep(100 * time.Millisecond)
			}
		}
	}
	waitAll(before, procs, 30*time.Second)
	idsBefore := publishedPathIDs(t, stateURL)
	if len(idsBefore) != before {
		t.Fatalf("%d ids before the kill", len(idsBefore))
	}
	w := writers(t, procs)
	if len(w) != 1 {
		t.Fatalf("writers %v", w)
	}
	writer := procs[w[0]]
	var replicas []*proc
	for i, p := range procs {
		if i != w[0] {
			replicas = append(replicas, p)
		}
	}

	// The replicas are watched from now on: never fewer than before.
	stopWatch := make(chan struct{})
	watchDone := make(chan string)
	go func() {
		var bad string
		for {
			select {
			case <-stopWatch:
				watchDone <- bad
				return
			default:
			}
			for _, p := range replicas {
				resp, err := http.Get(p.url + "/metrics")
				if err != nil {
					bad = fmt.Sprintf("%s: %v", p.url, err)
					continue
				}
				m, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if n := metric(t, m, "seedfeed_articles_published"); n < before && bad == "" {
					bad = fmt.Sprintf("%s served %v articles", p.url, n)
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()

	for i := range bulk {
		writeSeed(t, seeds, fmt.Sprintf("bulk-%05d.txt", i), articleText(fmt.Sprintf("Bulk story %d", i), fmt.Sprintf("Bulk report %d.", i)))
	}
	// Kill the writer once its scan has written part of the folder.
	deadline := time.Now().Add(120 * time.Second)
	for {
		if procMetric(t, writer, "seedfeed_files_changed_total") > before+500 || strings.Contains(writer.logs.String(), "msg=progress") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the writer never got into the scan")
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("killing the writer after %v files changed", procMetric(t, writer, "seedfeed_files_changed_total"))
	writer.cmd.Process.Kill()
	killed := time.Now()
	writer.wait(10 * time.Second)

	deadline = killed.Add(10 * time.Second)
	for len(writers(t, replicas)) != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("no replica took over within 10 s (writers %v)", writers(t, replicas))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("a replica took over %v after the kill", time.Since(killed).Round(time.Millisecond))

	waitAll(before+bulk, replicas, 10*time.Minute)
	t.Logf("all %d published %v after the kill", before+bulk, time.Since(killed).Round(time.Millisecond))
	close(stopWatch)
	if bad := <-watchDone; bad != "" {
		t.Errorf("a replica went below the articles of before the kill: %s", bad)
	}

	// Every file published once, the ids of before the kill kept.
	checkIDsKept(t, "the kill", stateURL, idsBefore, before+bulk)
}
