package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
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
	r, err := run("http://"+addr+"/healthz", 7, 20*time.Second, "", []string{os.Args[0]})
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
	if _, err := run("http://"+addr+"/healthz", 7, 20*time.Second, "", []string{"false"}); err == nil {
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
