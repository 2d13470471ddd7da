package progress

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/progress/ptytest"
)

// clock is a fake time, moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// work reports, a second apart, a scan of 1000 files 100 at a time, then
// a log line, then 50 pages, and stops.
func work(r *Reporter, log *slog.Logger, c *clock) {
	for done := 0; done <= 1000; done += 100 {
		c.t = c.t.Add(time.Second)
		r.Update("scan", done, 1000)
	}
	log.Warn("rejected file", "path", "x.txt")
	for done := 0; done <= 50; done += 10 {
		c.t = c.t.Add(time.Second)
		r.Update("write pages", done, 50)
	}
	r.Stop()
}

func TestLogLines(t *testing.T) {
	var out bytes.Buffer
	log := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{ReplaceAttr: dropTime}))
	c := &clock{t: time.Unix(0, 0)}
	r := newReporter(false, &out, log, Options{Every: 3 * time.Second, Now: c.now})
	work(r, log, c)
	got := out.String()
	if strings.Contains(got, "\r") || strings.Contains(got, "\x1b") {
		t.Fatalf("log output has terminal controls: %q", got)
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	var progress []string
	for _, l := range lines {
		if strings.Contains(l, `msg=progress`) {
			progress = append(progress, l)
		}
	}
	// 100 files a second: lines every 3 s of the 10 s scan and a last
	// one; the 5 s of pages get one at 3 s and a last one.
	want := []string{
		"level=INFO msg=progress phase=scan done=300 total=1000 files_per_second=100 left=7s",
		"level=INFO msg=progress phase=scan done=600 total=1000 files_per_second=100 left=4s",
		"level=INFO msg=progress phase=scan done=900 total=1000 files_per_second=100 left=1s",
		"level=INFO msg=progress phase=scan done=1000 total=1000 files_per_second=100",
		`level=INFO msg=progress phase="write pages" done=30 total=50 files_per_second=10 left=2s`,
		`level=INFO msg=progress phase="write pages" done=50 total=50 files_per_second=10`,
	}
	if strings.Join(progress, "\n") != strings.Join(want, "\n") {
		t.Errorf("progress lines:\n%s\nwant:\n%s", strings.Join(progress, "\n"), strings.Join(want, "\n"))
	}
	// Short work logs nothing.
	out.Reset()
	r = newReporter(false, &out, log, Options{Every: time.Hour, Now: c.now})
	r.Update("scan", 0, 10)
	r.Update("scan", 10, 10)
	r.Stop()
	if out.Len() != 0 {
		t.Errorf("short work logged %q", out.String())
	}
}

func dropTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

// TestTerminal runs the reporter on a real pseudo-terminal: New must see
// a terminal, redraw one line with carriage returns, and keep log lines
// off it.
func TestTerminal(t *testing.T) {
	master, slave := ptytest.Open(t)
	if !IsTerminal(slave) {
		t.Fatal("IsTerminal(pty) = false")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if IsTerminal(w) {
		t.Fatal("IsTerminal(pipe) = true")
	}
	w.Close()

	c := &clock{t: time.Unix(0, 0)}
	rep := New(slave, nil, Options{Every: time.Hour, Now: c.now})
	log := slog.New(slog.NewTextHandler(rep, &slog.HandlerOptions{ReplaceAttr: dropTime}))
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(master)
		got <- string(b)
	}()
	work(rep, log, c)
	slave.Close()
	// The tty driver turns \n into \r\n on output; undo that to see
	// what seedfeed wrote.
	out := strings.ReplaceAll(<-got, "\r\n", "\n")
	const redrawSeq = "\r\x1b[K"
	if n := strings.Count(out, redrawSeq); n < 15 {
		t.Errorf("%d redraws, want one per update: %q", n, out)
	}
	lines := strings.Split(out, "\n")
	// What the terminal shows at the end of each line is the text after
	// its last redraw.
	var shown []string
	for _, l := range lines {
		if i := strings.LastIndex(l, redrawSeq); i >= 0 {
			l = l[i+len(redrawSeq):]
		}
		if l != "" {
			shown = append(shown, l)
		}
	}
	want := []string{
		"level=WARN msg=\"rejected file\" path=x.txt",
		"scan: 1000 files in 10s, 100 files/s",
		"write pages: 50 files in 5s, 10 files/s",
	}
	if strings.Join(shown, "\n") != strings.Join(want, "\n") {
		t.Errorf("the terminal shows:\n%s\nwant:\n%s\nraw: %q", strings.Join(shown, "\n"), strings.Join(want, "\n"), out)
	}
	if !strings.Contains(out, redrawSeq+"scan: 500/1000 files (50%), 100 files/s, about 5s left") {
		t.Errorf("no midway line with rate and estimate: %q", out)
	}
}

// An estimate under a second reads as such, not "about 0s".
func TestUnderASecond(t *testing.T) {
	var out bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	r := newReporter(true, &out, nil, Options{Now: c.now})
	r.Update("scan", 0, 100)
	c.t = c.t.Add(time.Second)
	r.Update("scan", 95, 100)
	if want := "scan: 95/100 files (95%), 95 files/s, under a second left"; !strings.HasSuffix(out.String(), want) {
		t.Errorf("%q does not end with %q", out.String(), want)
	}
}

// TestCountsArriveOutOfOrder: workers that count with an atomic may
// report after a worker that counted later; the phase still ends with
// its last figure, as the build's "write pages" does.
func TestCountsArriveOutOfOrder(t *testing.T) {
	var out bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	r := newReporter(true, &out, nil, Options{Now: c.now})
	c.t = c.t.Add(time.Second)
	r.Update("write pages", 40, 40)
	r.Update("write pages", 37, 40)
	r.Stop()
	r.Update("scan", 3, 10)
	r.Stop()
	// What each finished line shows: the text after its last redraw.
	var shown []string
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		shown = append(shown, l[strings.LastIndex(l, "\x1b[K")+3:])
	}
	if len(shown) != 2 || !strings.HasPrefix(shown[0], "write pages: 40 files in ") {
		t.Errorf("the phase ended with %q", shown)
	}
	if len(shown) == 2 && shown[1] != "scan: 3/10 files (30%)" {
		t.Errorf("a new phase starts its count afresh: %q", shown)
	}
}
