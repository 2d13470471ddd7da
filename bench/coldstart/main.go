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
	flag.Parse()
	if *healthz == "" || *n <= 0 || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	r, err := run(*healthz, *n, *timeout, *stderr, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "coldstart:", err)
		os.Exit(1)
	}
	fmt.Printf("%d %.1f %d\n", r.elapsed.Milliseconds(), float64(r.rssKB)/1024, r.cpu.Milliseconds())
}

// result is what run measured at the moment /healthz counted the articles.
type result struct {
	elapsed time.Duration // from the start
	rssKB   int           // peak resident memory (VmHWM)
	// cpu is the daemon's user and system time: with the wall time, it
	// tells how many of the cores the cold start kept busy.
	cpu time.Duration
}

// run starts argv, waits for /healthz to count n articles, and returns
// what it measured then.
func run(healthz string, n int, timeout time.Duration, stderrPath string, argv []string) (result, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	if stderrPath != "" {
		f, err := os.Create(stderrPath)
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
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-exited:
			return result{}, fmt.Errorf("daemon exited before counting %d articles: %v", n, err)
		case <-ctx.Done():
			stop()
			return result{}, fmt.Errorf("no count of %d articles after %v", n, timeout)
		case <-tick.C:
		}
		if count(client, healthz) != n {
			continue
		}
		r := result{elapsed: time.Since(start)}
		var errRSS, errCPU error
		r.rssKB, errRSS = peakRSS(cmd.Process.Pid)
		r.cpu, errCPU = cpuTime(cmd.Process.Pid)
		stop()
		return r, errors.Join(errRSS, errCPU)
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
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// fields are counted after its closing one, from field 3 (state).
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0, errors.New("malformed /proc stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, err2 := strconv.ParseInt(f[12], 10, 64) // field 15
	if err := errors.Join(err1, err2); err != nil {
		return 0, fmt.Errorf("/proc stat times: %w", err)
	}
	return time.Duration(utime+stime) * clockTick, nil
}
