//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"seedfeed/internal/longtest"
)

// logValue is how the daemon's text log writes s (quoted when it has
// spaces, newlines or bytes that are not UTF-8).
func logValue(s string) string {
	var b bytes.Buffer
	slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key != "v" {
			return slog.Attr{}
		}
		return a
	}})).Info("", "v", s)
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), "v="), "\n")
}

// logLines returns the log lines with this message about this path.
func logLines(logs, msg, path string) []string {
	var out []string
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "msg="+logValue(msg)+" ") && strings.Contains(l, " path="+logValue(path)+" ") {
			out = append(out, l)
		}
	}
	return out
}

// An article body long enough for the normalizer to take it as one.
func articleText(title, sentence string) string {
	return title + "\n\n" + sentence + " The council said the work would start next month and last until the spring.\n\n" +
		"Residents were invited to a meeting at the town hall to hear more about the plans and the road closures.\n"
}

const ctrlTitle = "Ferry timetable changes for the winter season"

// TestBadFilesNeverBreakIt drops every kind of hostile or broken file into
// seeds/ of a running daemon: each gets one log line naming its path and
// reason, a count in /metrics and an entry in `check -json`, and nothing
// already published changes.
func TestBadFilesNeverBreakIt(t *testing.T) {
	longtest.Skip(t, "every kind of bad file through the daemon")
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	cfg := writeConfig(t, dir, "  schedule: \"@every 1s\"\n  watch: true\n  settle: 200ms\n  max_file_bytes: 2097152\n")

	// Published before the bad files arrive, some of them repaired or odd.
	var sparse strings.Builder
	sparse.WriteString(articleText("A million lines", "The first paragraph of a file that is mostly empty lines."))
	sparse.WriteString(strings.Repeat("\n", 1_000_000))
	sparse.WriteString("The last paragraph, a million lines further down, still belongs to the article.\n")
	good := map[string]string{
		"harbour.txt":    articleText("Harbour wall repairs", "Repairs to the harbour wall begin on Monday."),
		"notes.md":       "---\ntitle: Field notes\ndate: 2026-05-01\n---\n\nWe counted forty seals on the rocks below the lighthouse, more than last year.\n",
		"ctrl.txt":       articleText("Ferry timetable changes for the winter season", "The\x01 ferry\x1b timetable\x0b changes\x7f in winter."),
		"with space.txt": articleText("A name with spaces", "Spaces in file names are fine."),
		"new\nline.txt":  articleText("A name with a newline", "Even a newline in a file name is fine."),
		"unclosed.html":  "<html><head><title>Unclosed tags</title></head><body><article><h1>Unclosed tags</h1><p>The market reopens on Saturday <b>with <i>forty stalls and a band, the organisers said in a statement on Friday evening.<p>Parking is free after six.",
		"sparse.txt":     sparse.String(),
	}
	for name, body := range good {
		writeSeed(t, seeds, name, body)
	}
	in := start(t, cfg)
	in.waitFor("the good articles", 30*time.Second, func(f *gofeed.Feed) bool { return len(f.Items) == len(good) })
	_, feedBefore := in.get("/feed.xml")
	for _, title := range []string{ctrlTitle, "A million lines"} {
		if itemTitled(in.feed("/feed.xml"), title) == nil {
			t.Errorf("%q not published", title)
		}
	}
	if it := itemTitled(in.feed("/feed.xml"), ctrlTitle); it != nil && strings.ContainsAny(it.Content, "\x01\x1b\x0b\x7f") {
		t.Errorf("control characters published: %q", it.Content)
	}
	if it := itemTitled(in.feed("/feed.xml"), "A million lines"); it != nil && !strings.Contains(it.Content, "a million lines further down") {
		t.Errorf("the end of the million-line file is missing: %q", it.Content)
	}
	snapshot := func() map[string][]byte {
		out := map[string][]byte{}
		for _, p := range []string{"/feed.xml", "/rss.xml", "/feed.json", "/", "/articles/harbour-wall-repairs"} {
			resp, body := in.get(p)
			out[p] = append([]byte(resp.Header.Get("ETag")+"\n"), body...)
		}
		return out
	}
	before := snapshot()

	// The bad files, each with the reason the daemon must give.
	outside := filepath.Join(dir, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	writeSeed(t, outside, "secret.txt", articleText("Secret", "This file lives outside seeds and must never be published."))
	var junk strings.Builder
	junk.WriteString("Lines\n\n")
	for range 500_000 {
		junk.WriteString("w\n\n")
	}
	bad := map[string]string{
		"empty.txt":        "empty",
		"blank.txt":        "empty",
		"binary.txt":       "binary",
		"huge.txt":         "too_large",
		"invalid.txt":      "invalid_utf8",
		"million-junk.txt": "no_body",
		"deep.html":        "parse_error",
		"escape.txt":       "symlink",
		"loop.txt":         "symlink",
		"outdir":           "symlink",
		"bad-\xff\xfe.txt": "invalid_name",
	}
	writeSeed(t, seeds, "empty.txt", "")
	writeSeed(t, seeds, "blank.txt", " \n\t\r\n   \n")
	writeSeed(t, seeds, "binary.txt", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00\xff\xfe\xfd")
	writeSeed(t, seeds, "huge.txt", articleText("Too big", strings.Repeat("All work and no play. ", 110_000)))
	writeSeed(t, seeds, "invalid.txt", "Broken bytes\n\nThis text has \x81\x8d\x8f\x90\x9d bytes that are neither UTF-8 nor Windows-1252, in a long paragraph.\n")
	writeSeed(t, seeds, "million-junk.txt", junk.String())
	writeSeed(t, seeds, "deep.html", "<html><body>"+strings.Repeat("<div>", 100_000)+"<p>deep</p>")
	writeSeed(t, seeds, "bad-\xff\xfe.txt", articleText("Bad name", "A name that is not UTF-8."))
	for name, target := range map[string]string{
		"escape.txt": filepath.Join(outside, "secret.txt"),
		"loop.txt":   "loop.txt",
		"outdir":     outside,
	} {
		if err := os.Symlink(target, filepath.Join(seeds, name)); err != nil {
			t.Fatal(err)
		}
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: the unreadable-file case is skipped (root reads anything; internal/ingest TestUnreadableFile covers the logic)")
	} else {
		writeSeed(t, seeds, "locked.txt", articleText("Locked", "Nobody may read this file."))
		if err := os.Chmod(filepath.Join(seeds, "locked.txt"), 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(filepath.Join(seeds, "locked.txt"), 0o644) })
		bad["locked.txt"] = "unreadable"
	}

	deadline := time.Now().Add(30 * time.Second)
	for name := range bad {
		for len(logLines(in.logs.String(), "rejected file", name)) == 0 {
			if time.Now().After(deadline) {
				t.Fatalf("%q never logged as rejected:\n%s", name, in.logs)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	time.Sleep(2500 * time.Millisecond) // two more scheduled scans: nothing is logged twice
	logs := in.logs.String()
	for name, reason := range bad {
		lines := logLines(logs, "rejected file", name)
		if len(lines) != 1 {
			t.Errorf("%q logged %d times, want once:\n%s", name, len(lines), strings.Join(lines, "\n"))
			continue
		}
		if !strings.Contains(lines[0], "reason="+reason+" ") && !strings.HasSuffix(lines[0], "reason="+reason) {
			t.Errorf("%q: log line %q does not give reason %s", name, lines[0], reason)
		}
	}
	if lines := logLines(logs, "published with warnings", "ctrl.txt"); len(lines) != 1 || !strings.Contains(lines[0], "control") {
		t.Errorf("repaired file: log lines %q, want one saying what was removed", lines)
	}
	if strings.Contains(logs, "scan failed") {
		t.Errorf("a bad file failed a scan:\n%s", logs)
	}

	_, exposition := in.get("/metrics")
	want := map[string]float64{}
	for _, reason := range bad {
		want[reason]++
	}
	for reason, n := range want {
		sample := fmt.Sprintf("seedfeed_files_rejected_total{reason=%q}", reason)
		if got := metric(t, exposition, sample); got != n {
			t.Errorf("%s = %v, want %v", sample, got, n)
		}
	}
	if got := metric(t, exposition, "seedfeed_files_warned_total"); got < 1 {
		t.Errorf("seedfeed_files_warned_total = %v, want at least the control-character file", got)
	}

	after := snapshot()
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed while bad files arrived", p)
		}
	}
	for _, secret := range []string{"Secret", "must never be published"} {
		if bytes.Contains(after["/feed.xml"], []byte(secret)) {
			t.Errorf("the feed shows %q from outside seeds/", secret)
		}
	}
	if _, b := in.get("/feed.xml"); !bytes.Equal(b, feedBefore) {
		t.Error("feed bytes changed")
	}

	// check -json reports every bad file with an error, and the repaired
	// one with a warning.
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"check", "-json", "-config", cfg, seeds}, func(string) string { return "" }, &out, &errOut)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("check exit = %v, want status 1", err)
	}
	results := map[string]checkResult{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r checkResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("check output line %q: %v", line, err)
		}
		rel, _ := filepath.Rel(seeds, r.Path)
		results[rel] = r
	}
	for name := range bad {
		// JSON writes each byte that is not UTF-8 as U+FFFD.
		r, ok := results[strings.Map(func(r rune) rune { return r }, name)]
		if !ok {
			t.Errorf("check -json has no entry for %q", name)
			continue
		}
		if r.Error == nil {
			t.Errorf("check -json: %q has no error", name)
		}
	}
	for name := range good {
		r, ok := results[name]
		if !ok || r.Error != nil {
			t.Errorf("check -json: good file %q: %+v", name, r)
		}
	}
	if r := results["ctrl.txt"]; len(r.Warnings) == 0 {
		t.Errorf("check -json: ctrl.txt has no warning: %+v", r)
	}
}

func writeSeed(t *testing.T, dir, name, body string) {
	t.Helper()
	// Written elsewhere and renamed in, so that a half-written file is
	// never what a scan sees.
	tmp := filepath.Join(dir, ".incoming")
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// Every config.yaml mistake stops seedfeed with one message naming the key
// and its line, and exit status 2: through run() and through the binary.
func TestConfigErrorsExitStatus2(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"bad yaml", "site:\n  title: \"unclosed\nseeds:\n  dir: seeds\n", "config.yaml: yaml: line"},
		{"unknown key", "site:\n  title: x\n  colour: red\n", "config.yaml:3: site.colour: unknown key"},
		{"bad cron spec", "seeds:\n  schedule: \"every minute\"\n", "config.yaml:2: seeds.schedule"},
		{"relative base_url", "site:\n  title: x\n  base_url: /blog\n", "config.yaml:3: site.base_url"},
		{"unknown timezone", "site:\n  timezone: Mars/Olympus\n", "config.yaml:2: site.timezone"},
		{"zero items", "feed:\n  full_content: true\n  items: 0\n", "config.yaml:3: feed.items"},
	}
	bin := seedfeedBinary(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "config.yaml")
			if err := os.WriteFile(cfg, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			err := run(context.Background(), []string{"serve", "-config", cfg}, func(string) string { return "" }, &out, &errOut)
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != 2 {
				t.Fatalf("run = %v, want exit status 2", err)
			}
			if code := exitCode(err, &errOut); code != 2 {
				t.Errorf("exit code %d", code)
			}
			checkOneMessage(t, "run()", errOut.String(), tt.want)

			cmd := exec.Command(bin, "serve", "-config", cfg)
			cmd.Dir = dir
			stderr, err := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 2 {
				t.Errorf("binary: exit status %d (%v), want 2", code, err)
			}
			checkOneMessage(t, "binary", string(stderr), tt.want)
		})
	}
}

func checkOneMessage(t *testing.T, who, stderr, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], want) || !strings.HasPrefix(lines[0], "seedfeed: ") {
		t.Errorf("%s: stderr %q, want one line containing %q", who, stderr, want)
	}
}
