// Command coldstart times a seedfeed daemon's cold start: it starts the
// command it is given and polls /healthz until the daemon counts the
// expected number of articles, then prints the elapsed time, the process's
// peak resident memory and the CPU time it has used so far (user and
// system, all threads), and stops it.
//
//	coldstart -healthz http://127.0.0.1:8080/healthz -n 1000 -- seedfeed serve -config c.yaml
//
// It polls over one kept-alive connection every 2 ms from this one process,
// so that measuring costs the daemon next to nothing; a shell loop of curl
// processes took a share of the two cores the daemon was starting on.
//
// Two more fields follow, in this order, when asked for:
//
//	-server-pid PID  the CPU time a database server (PID, the PostgreSQL
//	                 postmaster, and its children) used from the start to
//	                 the count, in ms: the rest of a cold start's cost
//	-then-log TEXT   after the count, wait until the daemon's standard
//	                 error (-stderr) holds TEXT, and print the time from
//	                 the start to then, in ms (say, the history published)
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

func main() {
	healthz := flag.String("healthz", "", "the daemon's /healthz URL")
	n := flag.Int("n", 0, "articles the daemon must count")
	timeout := flag.Duration("timeout", 30*time.Minute, "give up after this long")
	stderr := flag.String("stderr", "", "file for the daemon's standard error")
	serverPID := flag.Int("server-pid", 0, "also print the CPU ms this process and its children (a database server) used until the count")
	thenLog := flag.String("then-log", "", "after the count, wait for this text in the -stderr file and also print the ms until it appeared")
	flag.Parse()
	if *healthz == "" || *n <= 0 || flag.NArg() == 0 || *thenLog != "" && *stderr == "" {
		flag.Usage()
		os.Exit(2)
	}
	r, err := runWith(coldstartOptions{healthz: *healthz, n: *n, timeout: *timeout, stderrPath: *stderr,
		serverPID: *serverPID, thenLog: *thenLog}, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "coldstart:", err)
		os.Exit(1)
	}
	fmt.Printf("%d %.1f %d", r.elapsed.Milliseconds(), float64(r.rssKB)/1024, r.cpu.Milliseconds())
	if *serverPID != 0 {
		fmt.Printf(" %d", r.serverCPU.Milliseconds())
	}
	if *thenLog != "" {
		fmt.Printf(" %d", r.then.Milliseconds())
	}
	fmt.Println()
}

// coldstartOptions are runWith's settings beyond the command.
type coldstartOptions struct {
	healthz    string
	n          int
	timeout    time.Duration
	stderrPath string
	serverPID  int    // 0: none
	thenLog    string // "": do not wait
}

// result is what runWith measured at the moment /healthz counted the articles.
type result struct {
	elapsed time.Duration // from the start
	rssKB   int           // peak resident memory (VmHWM)
	// cpu is the daemon's user and system time: with the wall time, it
	// tells how many of the cores the cold start kept busy.
	cpu time.Duration
	// serverCPU is the database server's CPU time from the start to the
	// count (with coldstartOptions.serverPID).
	serverCPU time.Duration
	// then is when the daemon's standard error first held
	// coldstartOptions.thenLog, from the start.
	then time.Duration
}

// runWith starts argv, waits for o.healthz to count o.n articles, and
// returns what it measured then, with the optional measurements of o.
func runWith(o coldstartOptions, argv []string) (result, error) {
	var serverStart time.Duration
	if o.serverPID != 0 {
		var err error
		if serverStart, err = processTreeCPU(o.serverPID); err != nil {
			return result{}, fmt.Errorf("server CPU: %w", err)
		}
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	if o.stderrPath != "" {
		f, err := os.Create(o.stderrPath)
		if err != nil {
			return result{}, err
		}
		defer f.Close()
		cmd.Stderr = f
	}
	client := &http.Client{Timeout: time.Second}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-exited:
			return result{}, fmt.Errorf("daemon exited before counting %d articles: %v", o.n, err)
		case <-ctx.Done():
			stop()
			return result{}, fmt.Errorf("no count of %d articles after %v", o.n, o.timeout)
		case <-tick.C:
		}
		if count(client, o.healthz) != o.n {
			continue
		}
		r := result{elapsed: time.Since(start)}
		var errRSS, errCPU, errServer, errThen error
		r.rssKB, errRSS = peakRSS(cmd.Process.Pid)
		r.cpu, errCPU = cpuTime(cmd.Process.Pid)
		if o.serverPID != 0 {
			var c time.Duration
			c, errServer = processTreeCPU(o.serverPID)
			r.serverCPU = c - serverStart
		}
		if o.thenLog != "" {
			errThen = waitForLog(ctx, o.stderrPath, o.thenLog, exited)
			r.then = time.Since(start)
		}
		stop()
		return r, errors.Join(errRSS, errCPU, errServer, errThen)
	}
}

// waitForLog polls the file at path until it holds text.
func waitForLog(ctx context.Context, path, text string, exited <-chan error) error {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), text) {
			return nil
		}
		select {
		case err := <-exited:
			return fmt.Errorf("daemon exited before logging %q: %v", text, err)
		case <-ctx.Done():
			return fmt.Errorf("no %q in %s: %w", text, path, ctx.Err())
		case <-tick.C:
		}
	}
}

// count is the article count /healthz reports, or -1 while it cannot say.
func count(c *http.Client, url string) int {
	resp, err := c.Get(url)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	var doc struct {
		Articles int `json:"articles"`
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil || json.Unmarshal(b, &doc) != nil {
		return -1
	}
	return doc.Articles
}

// peakRSS reads VmHWM (kB) from /proc/PID/status.
func peakRSS(pid int) (int, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, errors.New("no VmHWM in /proc status")
}

// clockTick is USER_HZ, the unit of the times in /proc/PID/stat: 100 on
// every Linux architecture Go supports.
const clockTick = 10 * time.Millisecond

// cpuTime reads utime + stime, the process's CPU time over all its
// threads, from /proc/PID/stat.
func cpuTime(pid int) (time.Duration, error) {
	f, err := procStatFields(pid)
	if err != nil {
		return 0, err
	}
	return statTimes(f, false)
}

// processTreeCPU is the CPU time of pid, of its children that have
// exited (and been waited for), and of its living children: what a
// server that forks a process per connection, like PostgreSQL, has used.
// A child's own children are counted only once they exit.
func processTreeCPU(pid int) (time.Duration, error) {
	f, err := procStatFields(pid)
	if err != nil {
		return 0, err
	}
	total, err := statTimes(f, true)
	if err != nil {
		return 0, err
	}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	parent := strconv.Itoa(pid)
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		f, err := procStatFields(child)
		if err != nil || f[1] != parent { // gone meanwhile, or not a child
			continue
		}
		if t, err := statTimes(f, false); err == nil {
			total += t
		}
	}
	return total, nil
}

// procStatFields are the fields of /proc/PID/stat after the command
// name, from field 3 (state): f[1] is the parent's pid.
func procStatFields(pid int) ([]string, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil, err
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// fields are counted after its closing one, from field 3 (state).
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return nil, errors.New("malformed /proc stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 15 {
		return nil, errors.New("short /proc stat")
	}
	return f, nil
}

// statTimes is utime + stime (fields 14, 15), with the waited-for
// children's cutime + cstime (16, 17) when children is set.
func statTimes(f []string, children bool) (time.Duration, error) {
	last := 12
	if children {
		last = 14
	}
	var ticks int64
	for k := 11; k <= last; k++ {
		v, err := strconv.ParseInt(f[k], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc stat times: %w", err)
		}
		ticks += v
	}
	return time.Duration(ticks) * clockTick, nil
}
