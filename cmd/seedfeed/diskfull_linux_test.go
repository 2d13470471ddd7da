package main

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/mmcdole/gofeed"
)

// setFileSizeLimit sets the soft RLIMIT_FSIZE of another process, keeping
// its hard limit: past it, every write to a regular file fails (EFBIG, or a
// short write that SQLite reports as SQLITE_FULL), as on a full disk. Go
// ignores SIGXFSZ, so the process is not killed. A process of the same user
// may do this without privileges.
func setFileSizeLimit(t *testing.T, pid int, soft uint64) {
	t.Helper()
	var old syscall.Rlimit
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), syscall.RLIMIT_FSIZE, 0, uintptr(unsafe.Pointer(&old)), 0, 0); e != 0 {
		t.Skipf("prlimit: %v", e)
	}
	lim := syscall.Rlimit{Cur: soft, Max: old.Max}
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), syscall.RLIMIT_FSIZE, uintptr(unsafe.Pointer(&lim)), 0, 0, 0); e != 0 {
		t.Skipf("prlimit: %v", e)
	}
}

// A write that fails like on a full disk while the daemon runs: the scan
// fails with a clear error, the last good snapshot keeps serving, and the
// next scan after the fault clears catches up.
func TestDiskFullWhileRunning(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	cfg := writeConfig(t, dir, "  schedule: \"@every 1s\"\n  watch: true\n  settle: 100ms\n")
	writeSeed(t, seeds, "harbour.txt", articleText("Harbour wall repairs", "Repairs begin on Monday."))
	p := startHealthy(t, cfg)
	in := &instance{t: t, url: p.url, logs: p.logs}
	in.waitFor("the first article", 20*time.Second, func(f *gofeed.Feed) bool { return len(f.Items) == 1 })
	resp, err := http.Get(p.url + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	etag := resp.Header.Get("ETag")

	setFileSizeLimit(t, p.cmd.Process.Pid, 1)
	writeSeed(t, seeds, "ferry.txt", articleText("Ferry timetable changes for the winter season", "Two extra sailings at the weekend."))
	waitLog(t, p.logs, "scan failed", 20*time.Second)
	time.Sleep(1500 * time.Millisecond) // another scheduled scan fails too
	var line string
	for _, l := range strings.Split(p.logs.String(), "\n") {
		if strings.Contains(l, "scan failed") {
			line = l
			break
		}
	}
	if !strings.Contains(line, "level=ERROR") || !strings.Contains(line, "still serving the last good feeds") ||
		!(strings.Contains(line, "disk full") || strings.Contains(line, "I/O error (check the disk)")) {
		t.Errorf("scan failure line does not say what happened: %q", line)
	}
	t.Logf("log line: %s", line)

	resp, err = http.Get(p.url + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") != etag {
		t.Errorf("during the fault /feed.xml is %s with ETag %s, want the last good one %s", resp.Status, resp.Header.Get("ETag"), etag)
	}
	var h struct {
		Status        string
		LastScanError *string `json:"last_scan_error"`
	}
	code, body := p.get("/healthz")
	if err := json.Unmarshal(body, &h); err != nil || code != http.StatusOK || h.Status != "degraded" || h.LastScanError == nil {
		t.Errorf("healthz during the fault: %d %s", code, body)
	}
	_, exposition := p.get("/metrics")
	if got := metric(t, exposition, `seedfeed_scans_total{outcome="error"}`); got < 1 {
		t.Errorf("scans_total{outcome=\"error\"} = %v", got)
	}

	setFileSizeLimit(t, p.cmd.Process.Pid, ^uint64(0))
	f := in.waitFor("the catch-up scan", 20*time.Second, func(f *gofeed.Feed) bool {
		return itemTitled(f, "Ferry timetable changes for the winter season") != nil
	})
	if len(f.Items) != 2 {
		t.Errorf("%d items after the catch-up, want 2", len(f.Items))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := p.get("/healthz")
		if err := json.Unmarshal(body, &h); err == nil && code == http.StatusOK && h.Status == "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("healthz after the fault cleared: %d %s", code, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Errorf("exit status %d", code)
	}
	openState(t, filepath.Join(dir, "state.db"))
}
