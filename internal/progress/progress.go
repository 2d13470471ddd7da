// Package progress reports how far a long piece of work (a scan of the
// seeds folder, the pages of a build) has got: on a terminal as one line
// redrawn in place, elsewhere as a log line every so often, so that a log
// file never fills with carriage returns.
package progress

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// redraw is how often the terminal line is redrawn at most: often enough
// to look alive, seldom enough to cost nothing.
const redraw = 200 * time.Millisecond

// IsTerminal reports whether w is a terminal (a character device that
// answers terminal ioctls), which is when the progress line may be redrawn
// in place.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Reporter shows progress. Update may be called as often as the work
// likes; the Reporter decides what to show. A nil *Reporter shows nothing.
type Reporter struct {
	mu  sync.Mutex
	now func() time.Time

	// tty: the line is drawn on out; otherwise log gets a line every
	// every.
	tty   bool
	out   io.Writer
	log   *slog.Logger
	every time.Duration

	phase       string
	done, total int
	// start of the phase, its last update (what the figures are as of),
	// and the last time something was shown.
	start, at, last time.Time
	drawn           bool // the terminal's last line is the progress line
	logged          bool // a log line was written for this phase
	loggedDone      int  // the done of the last log line
}

// Options configure a Reporter.
type Options struct {
	// Every is how often a log line is written when out is not a
	// terminal; zero or less turns progress off there.
	Every time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// New returns a Reporter writing to out: a redrawn line when out is a
// terminal, otherwise log lines on log.
func New(out io.Writer, log *slog.Logger, opts Options) *Reporter {
	return newReporter(IsTerminal(out), out, log, opts)
}

func newReporter(tty bool, out io.Writer, log *slog.Logger, opts Options) *Reporter {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Reporter{now: now, tty: tty, out: out, log: log, every: opts.Every}
}

// Update records that done of total files of phase are finished. A new
// phase ends the previous one.
func (r *Reporter) Update(phase string, done, total int) {
	if r == nil || total <= 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	if phase != r.phase || r.start.IsZero() {
		r.end()
		r.phase, r.start, r.last, r.logged = phase, now, now, false
		r.done = 0
		if r.tty {
			// Draw at once: on a terminal a person is waiting.
			r.last = now.Add(-redraw)
		}
	}
	// Workers count with an atomic and then wait for this lock, so a
	// count may arrive after a larger one: progress never goes back.
	r.done, r.total, r.at = max(r.done, done), total, now
	switch {
	case r.tty && now.Sub(r.last) >= redraw:
		r.draw()
		r.last = now
	case !r.tty && r.every > 0 && now.Sub(r.last) >= r.every:
		r.log.Info("progress", r.attrs()...)
		r.last, r.logged, r.loggedDone = now, true, done
	}
}

// Stop ends the current phase: the terminal line is finished with its
// final figures, and a log that had progress lines gets a last one.
func (r *Reporter) Stop() {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.end()
}

func (r *Reporter) end() {
	if r.start.IsZero() {
		return
	}
	switch {
	case r.tty:
		r.draw()
		fmt.Fprint(r.out, "\n")
		r.drawn = false
	case r.logged && r.loggedDone != r.done:
		r.log.Info("progress", r.attrs()...)
	}
	r.start = time.Time{}
	r.phase = ""
}

// Write passes log output through on a terminal: the progress line is
// wiped first and drawn again below it, so the two never share a line.
func (r *Reporter) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.drawn {
		fmt.Fprint(r.out, "\r\x1b[K")
	}
	n, err := r.out.Write(p)
	if r.drawn {
		fmt.Fprint(r.out, r.line())
	}
	return n, err
}

func (r *Reporter) draw() {
	fmt.Fprint(r.out, "\r\x1b[K"+r.line())
	r.drawn = true
}

// line is what the terminal shows, e.g.
// "scan: 5000/100000 files (5%), 2300 files/s, about 41s left".
func (r *Reporter) line() string {
	elapsed := r.at.Sub(r.start)
	rate := r.rate(elapsed)
	if r.done >= r.total {
		return fmt.Sprintf("%s: %d files in %s, %.0f files/s", r.phase, r.done, elapsed.Round(100*time.Millisecond), rate)
	}
	s := fmt.Sprintf("%s: %d/%d files (%d%%)", r.phase, r.done, r.total, r.done*100/r.total)
	if rate > 0 {
		if left := r.left(rate); left < time.Second {
			s += fmt.Sprintf(", %.0f files/s, under a second left", rate)
		} else {
			s += fmt.Sprintf(", %.0f files/s, about %s left", rate, left)
		}
	}
	return s
}

func (r *Reporter) attrs() []any {
	elapsed := r.at.Sub(r.start)
	rate := r.rate(elapsed)
	a := []any{"phase", r.phase, "done", r.done, "total", r.total, "files_per_second", int64(rate + 0.5)}
	if rate > 0 && r.done < r.total {
		a = append(a, "left", r.left(rate))
	}
	return a
}

func (r *Reporter) rate(elapsed time.Duration) float64 {
	if elapsed <= 0 || r.done <= 0 {
		return 0
	}
	return float64(r.done) / elapsed.Seconds()
}

// left estimates the time to finish at the rate so far, rounded to what
// a person reads: seconds, or minutes when it is long.
func (r *Reporter) left(rate float64) time.Duration {
	d := time.Duration(float64(r.total-r.done) / rate * float64(time.Second))
	if d >= 10*time.Minute {
		return d.Round(time.Minute)
	}
	return d.Round(time.Second)
}
