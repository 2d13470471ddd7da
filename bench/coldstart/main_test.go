package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
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
	elapsed, rss, err := run("http://"+addr+"/healthz", 7, 20*time.Second, "", []string{os.Args[0]})
	if err != nil {
		t.Fatal(err)
	}
	if elapsed < 300*time.Millisecond || elapsed > 10*time.Second {
		t.Errorf("elapsed %v, want just over 300ms", elapsed)
	}
	if rss <= 0 {
		t.Errorf("peak RSS %d kB", rss)
	}
}

func TestRunReportsAnEarlyExit(t *testing.T) {
	addr := freeAddr(t)
	if _, _, err := run("http://"+addr+"/healthz", 7, 20*time.Second, "", []string{"false"}); err == nil {
		t.Error("no error for a daemon that exited")
	}
}
