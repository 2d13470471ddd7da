//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"seedfeed/internal/progress/ptytest"
)

// progressSite is a config over n seeds, for a build to report on.
func progressSite(t *testing.T, n int) (cfg, out string) {
	t.Helper()
	dir := t.TempDir()
	cfg = writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	for i := range n {
		name := fmt.Sprintf("note-%03d.txt", i)
		body := articleText(fmt.Sprintf("Parish notice number %d", i), fmt.Sprintf("Notice %d concerns the allotments.", i))
		if err := os.WriteFile(filepath.Join(dir, "seeds", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return cfg, filepath.Join(dir, "site")
}

// On a pipe (a log file, the journal) build logs plain progress lines and
// never a carriage return.
func TestBuildProgressOnPipe(t *testing.T) {
	cfg, out := progressSite(t, 40)
	var stderr bytes.Buffer
	// -progress 1ns: a line at every batch, so that 40 files show lines.
	err := run(context.Background(), []string{"build", "-config", cfg, "-out", out, "-progress", "1ns"},
		func(string) string { return "" }, io.Discard, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	logs := stderr.String()
	if strings.ContainsAny(logs, "\r\x1b") {
		t.Fatalf("terminal controls in a log: %q", logs)
	}
	for _, want := range []string{
		"level=INFO msg=progress phase=scan done=40 total=40 files_per_second=",
		`level=INFO msg=progress phase="write pages" done=40 total=40 files_per_second=`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("no %q in\n%s", want, logs)
		}
	}
	if n := strings.Count(logs, "phase=scan done=40 total=40"); n != 1 {
		t.Errorf("the end of the scan logged %d times", n)
	}
	// The default (every 5 s) says nothing about a build this short.
	stderr.Reset()
	if err := run(context.Background(), []string{"build", "-config", cfg, "-out", out},
		func(string) string { return "" }, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "progress") {
		t.Errorf("a short build logged progress: %q", stderr.String())
	}
}

// On a terminal build redraws one line with carriage returns and ends it
// with the totals.
func TestBuildProgressOnTerminal(t *testing.T) {
	cfg, out := progressSite(t, 40)
	master, slave := ptytest.Open(t)
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(master)
		got <- string(b)
	}()
	err := run(context.Background(), []string{"build", "-config", cfg, "-out", out},
		func(string) string { return "" }, io.Discard, slave)
	slave.Close()
	if err != nil {
		t.Fatal(err)
	}
	tty := strings.ReplaceAll(<-got, "\r\n", "\n") // the tty driver's ONLCR
	for _, want := range []string{"\r\x1b[Kscan: 0/40 files (0%)", "\r\x1b[Kscan: 40 files in ", "\r\x1b[Kwrite pages: 40 files in "} {
		if !strings.Contains(tty, want) {
			t.Errorf("no %q on the terminal: %q", want, tty)
		}
	}
	if strings.Contains(tty, "msg=progress") {
		t.Errorf("progress logged as lines on a terminal: %q", tty)
	}
	// Each phase ends its line: the terminal is left with two finished
	// lines.
	var shown []string
	for _, l := range strings.Split(strings.TrimSuffix(tty, "\n"), "\n") {
		shown = append(shown, l[strings.LastIndex(l, "\x1b[K")+3:])
	}
	if len(shown) != 2 || !strings.HasPrefix(shown[0], "scan: 40 files in ") || !strings.HasPrefix(shown[1], "write pages: 40 files in ") {
		t.Errorf("the terminal shows %q", shown)
	}
}
