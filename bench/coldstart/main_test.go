//go:build unix

package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary play the daemon: with COLDSTART_FAKE_ADDR
// set it serves a /healthz whose count reaches 7 after 300 ms.
func TestMain(m *testing.M) {
	if addr := os.Getenv("COLDSTART_FAKE_ADDR"); addr != "" {
		fakeDaemon(addr)
		return
	}
	os.Exit(m.Run())
}

func fakeDaemon(addr string) {
	start := time.Now()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		os.Exit(3)
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 0
		if time.Since(start) > 300*time.Millisecond {
			n = 7
		}
		fmt.Fprintf(w, `{"status":"ok","articles":%d}`, n)
	}))
	go func() {
		time.Sleep(600 * time.Millisecond)
		fmt.Fprintln(os.Stderr, "msg=\"published the history\"")
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	<-sig
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestRunWaitsForTheCount(t *testing.T) {
	addr := freeAddr(t)
	t.Setenv("COLDSTART_FAKE_ADDR", addr)
	r, err := runWith(coldstartOptions{healthz: "http://" + addr + "/healthz", n: 7, timeout: 20 * time.Second}, []string{os.Args[0]})
	if err != nil {
		t.Fatal(err)
	}
	if r.elapsed < 300*time.Millisecond || r.elapsed > 10*time.Second {
		t.Errorf("elapsed %v, want just over 300ms", r.elapsed)
	}
	if r.rssKB <= 0 {
		t.Errorf("peak RSS %d kB", r.rssKB)
	}
	if r.cpu < 0 || r.cpu > r.elapsed*time.Duration(runtime.NumCPU()) {
		t.Errorf("CPU time %v over %v of wall time", r.cpu, r.elapsed)
	}
}

func TestRunReportsAnEarlyExit(t *testing.T) {
	addr := freeAddr(t)
	if _, err := runWith(coldstartOptions{healthz: "http://" + addr + "/healthz", n: 7, timeout: 20 * time.Second}, []string{"false"}); err == nil {
		t.Error("no error for a daemon that exited")
	}
}

// TestCPUTimeAgreesWithRusage burns some CPU and checks that the times read
// from /proc match what the kernel reports through getrusage, so that the
// fields are the right ones.
func TestCPUTimeAgreesWithRusage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	x := 0
	for start := time.Now(); time.Since(start) < 200*time.Millisecond; {
		x++
	}
	got, err := cpuTime(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	want := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if got < want-5*clockTick || got > want+clockTick || got < 5*clockTick {
		t.Errorf("cpuTime = %v, getrusage says %v (after %d spins)", got, want, x)
	}
}

func TestRunWaitsForTheLogAndCountsTheServer(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	addr := freeAddr(t)
	t.Setenv("COLDSTART_FAKE_ADDR", addr)
	logPath := filepath.Join(t.TempDir(), "stderr")
	r, err := runWith(coldstartOptions{healthz: "http://" + addr + "/healthz", n: 7, timeout: 20 * time.Second,
		stderrPath: logPath, serverPID: os.Getpid(), thenLog: "published the history"}, []string{os.Args[0]})
	if err != nil {
		t.Fatal(err)
	}
	if r.then < 600*time.Millisecond || r.then < r.elapsed || r.then > 10*time.Second {
		t.Errorf("log seen %v after the start (count at %v), want just over 600ms", r.then, r.elapsed)
	}
	if r.serverCPU < 0 || r.serverCPU > r.elapsed*time.Duration(runtime.NumCPU()) {
		t.Errorf("server CPU %v over %v of wall time", r.serverCPU, r.elapsed)
	}
	if _, err := runWith(coldstartOptions{healthz: "http://" + addr + "/healthz", n: 7, timeout: 3 * time.Second,
		stderrPath: logPath, thenLog: "never logged"}, []string{os.Args[0]}); err == nil {
		t.Error("no error for a log line that never came")
	}
}

// TestProcessTreeCPUCountsChildren runs a child that burns CPU and checks
// that this process's tree CPU grew by at least what the child used.
func TestProcessTreeCPUCountsChildren(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	before, err := processTreeCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	child := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	after, err := processTreeCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if child < 5*clockTick {
		t.Skipf("the child used only %v: too little to compare", child)
	}
	if after-before < child-2*clockTick {
		t.Errorf("tree CPU grew by %v, the child alone used %v", after-before, child)
	}
}
