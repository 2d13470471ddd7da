//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"seedfeed/internal/store"
)

// bigArticle is about size bytes of article text, unique to n.
func bigArticle(n, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report number %d on the state of the coastal path\n\n", n)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Paragraph %d of report %d: the rangers walked the coastal path from the lighthouse to the harbour and noted the erosion at every bend.\n\n", i, n)
	}
	return b.String()
}

// openState opens the daemon's database after it has stopped and checks
// it with PRAGMA integrity_check.
func openState(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path, "news.example.org")
	if err != nil {
		t.Fatalf("open the state after the daemon stopped: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("integrity check: %v", err)
	}
	return st
}

// SIGTERM: the daemon stops accepting connections at once, finishes the
// response it is writing, closes the database and exits 0 within 10 s.
func TestSIGTERMFinishesInFlightRequests(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	// Fifty articles of 200 KB: a feed of about 10 MB, far more than the
	// socket buffers hold, so the handler is still writing while the
	// client reads slowly.
	for i := range 50 {
		writeSeed(t, filepath.Join(dir, "seeds"), fmt.Sprintf("report-%02d.txt", i), bigArticle(i, 200<<10))
	}
	p := startHealthy(t, cfg)
	addr := strings.TrimPrefix(p.url, "http://")

	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		if err != nil {
			return err
		}
		return serr
	}}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET /feed.xml HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", addr)
	br := bufio.NewReaderSize(conn, 4096)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.ContentLength < 8<<20 {
		t.Fatalf("GET /feed.xml: %s, %d bytes; want a feed of several MB", resp.Status, resp.ContentLength)
	}
	head := make([]byte, 64<<10)
	if _, err := io.ReadFull(resp.Body, head); err != nil {
		t.Fatal(err)
	}

	sent := time.Now()
	p.signal(syscall.SIGTERM)
	// New connections are refused once the listener closes...
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Since(sent) > 5*time.Second {
			t.Fatal("still accepting connections 5 s after SIGTERM")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// ...while the response in flight keeps the process alive.
	select {
	case <-p.exited:
		t.Fatalf("exited before the in-flight response was read:\n%s", p.logs)
	default:
	}
	rest, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("in-flight response cut off: %v", err)
	}
	body := append(head, rest...)
	sum := sha256.Sum256(body)
	if int64(len(body)) != resp.ContentLength || `"`+hex.EncodeToString(sum[:16])+`"` != resp.Header.Get("ETag") {
		t.Errorf("in-flight response: %d of %d bytes, or body does not match its ETag", len(body), resp.ContentLength)
	}
	if code := p.wait(10*time.Second - time.Since(sent)); code != 0 {
		t.Errorf("exit status %d, want 0:\n%s", code, p.logs)
	}
	if !strings.Contains(p.logs.String(), "shutting down") {
		t.Errorf("no shutdown line in the log:\n%s", p.logs)
	}
	// A closed SQLite database in WAL mode leaves no -wal file behind.
	if _, err := os.Stat(filepath.Join(dir, "state.db-wal")); err == nil {
		t.Error("state.db-wal left behind: the database was not closed")
	}
	if n, err := openState(t, filepath.Join(dir, "state.db")).Count(context.Background()); err != nil || n != 50 {
		t.Errorf("after the stop: %d articles (%v), want 50", n, err)
	}
}

// SIGTERM during a scan lets the scan finish and commit before the
// process exits 0.
func TestSIGTERMFinishesRunningScan(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	const n = 2000
	writeManySeeds(t, filepath.Join(dir, "seeds"), n)
	p := startProc(t, cfg)
	changed := waitMidScan(t, p, n)
	sent := time.Now()
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit status %d, want 0:\n%s", code, p.logs)
	}
	t.Logf("SIGTERM after %v files were written; exited in %v", changed, time.Since(sent).Round(time.Millisecond))
	if strings.Contains(p.logs.String(), "abandoning") {
		t.Errorf("the running scan was abandoned:\n%s", p.logs)
	}
	if got, err := openState(t, filepath.Join(dir, "state.db")).Count(context.Background()); err != nil || got != n {
		t.Errorf("after the stop: %d articles (%v), want all %d: the running scan did not finish", got, err, n)
	}
}

// writeManySeeds writes n small articles, a tenth of them with a dateline
// and date and some pairs sharing a title (so slugs collide).
func writeManySeeds(t *testing.T, seeds string, n int) {
	t.Helper()
	for i := range n {
		title := fmt.Sprintf("Harbour report number %d", i)
		if i%500 == 1 {
			title = fmt.Sprintf("Harbour report number %d", i-1)
		}
		body := fmt.Sprintf("The harbour master logged %d arrivals on day %d, more than the week before, and asked skippers to book berths early.\n\nA second paragraph about report %d explains the tides and the dredging of the channel.\n", i*3, i, i)
		if i%10 == 0 {
			body = fmt.Sprintf("Porthaven, March %d: ", 1+i%28) + body
		}
		name := filepath.Join(seeds, fmt.Sprintf("%02d/report-%05d.txt", i%20, i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(title+"\n\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// waitMidScan polls /metrics until the first scan has written some of the
// n files but not all, and returns how many it had written.
func waitMidScan(t *testing.T, p *proc, n int) float64 {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(p.url + "/metrics")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			switch got := metric(t, b, "seedfeed_files_changed_total"); {
			case got >= float64(n):
				t.Fatalf("the scan of %d files finished before the test saw it running", n)
			case got > 0:
				return got
			}
		}
		select {
		case <-p.exited:
			t.Fatalf("seedfeed exited early:\n%s", p.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the scan wrote nothing within a minute:\n%s", p.logs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// SIGHUP re-reads config.yaml: a valid change takes effect, an invalid
// file is rejected with one clear log line and the old config stays.
func TestSIGHUPReload(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: true\n  settle: 100ms\n")
	writeSeed(t, filepath.Join(dir, "seeds"), "harbour.txt", articleText("Harbour wall repairs", "Repairs begin on Monday."))
	p := startHealthy(t, cfg)
	feedTitle := func() string {
		_, b := p.get("/feed.xml")
		_, after, _ := bytes.Cut(b, []byte("<title>"))
		title, _, _ := bytes.Cut(after, []byte("</title>"))
		return string(title)
	}
	if got := feedTitle(); got != "End to end" {
		t.Fatalf("feed title %q", got)
	}
	original, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rewrite := func(s string) {
		if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		p.signal(syscall.SIGHUP)
	}

	rewrite(strings.Replace(string(original), `title: "End to end"`, `title: "Reloaded title"`, 1))
	waitLog(t, p.logs, "config reloaded", 10*time.Second)
	deadline := time.Now().Add(10 * time.Second)
	for feedTitle() != "Reloaded title" {
		if time.Now().After(deadline) {
			t.Fatalf("feed title still %q after a valid reload:\n%s", feedTitle(), p.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}

	invalid := strings.Replace(string(original), `title: "End to end"`, "title: \"Never\"\n  colour: red", 1)
	rewrite(invalid)
	waitLog(t, p.logs, "config reload rejected", 10*time.Second)
	time.Sleep(time.Second)
	var lines []string
	for _, l := range strings.Split(p.logs.String(), "\n") {
		if strings.Contains(l, "config reload rejected") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 || !strings.Contains(lines[0], "level=ERROR") || !strings.Contains(lines[0], "config.yaml:3: site.colour: unknown key") ||
		!strings.Contains(lines[0], "keeping the running config") {
		t.Errorf("rejection lines %q, want one error naming config.yaml:3 and site.colour", lines)
	}
	if got := feedTitle(); got != "Reloaded title" {
		t.Errorf("after an invalid reload the feed title is %q", got)
	}
	if code, _ := p.get("/healthz"); code != http.StatusOK {
		t.Errorf("healthz %d after an invalid reload", code)
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// SIGHUP also rescans the folder, so `systemctl reload seedfeed` (the
// unit's ExecReload) publishes a file at once when watching is off and
// the next scheduled scan is an hour away.
func TestSIGHUPRescans(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 100ms\n")
	seeds := filepath.Join(dir, "seeds")
	writeSeed(t, seeds, "harbour.txt", articleText("Harbour wall repairs", "Repairs begin on Monday."))
	// Settled before the start: a file still settling at the first scan
	// has it look at the whole folder again once settled, and that scan
	// would publish the next file without the signal.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(seeds, "harbour.txt"), old, old); err != nil {
		t.Fatal(err)
	}
	p := startHealthy(t, cfg)
	writeSeed(t, seeds, "ferry.txt", articleText("Ferry timetable changes", "The winter timetable starts in December."))
	// Settled, and not published without a scan.
	time.Sleep(500 * time.Millisecond)
	if _, b := p.get("/feed.xml"); bytes.Contains(b, []byte("Ferry timetable")) {
		t.Fatal("the new file is published without a scan: the test shows nothing")
	}
	p.signal(syscall.SIGHUP)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, b := p.get("/feed.xml"); bytes.Contains(b, []byte("Ferry timetable")) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new file is not in the feed 20 s after SIGHUP:\n%s", p.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Errorf("exit status %d", code)
	}
}
