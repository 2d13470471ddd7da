package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startHTTP serves srv on a loopback port until the test ends.
func startHTTP(t *testing.T, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// startFront serves srv's handler (a *Server) through a Front on a loopback
// port until the test ends.
func startFront(t *testing.T, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	front := NewFront(srv.Handler.(*Server), srv)
	done := make(chan error, 1)
	go func() { done <- front.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := front.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// servers are the two ways the daemon can serve a Server: plain net/http
// and the Front. Every connection-level limit must hold for both.
var servers = []struct {
	name  string
	start func(*testing.T, *http.Server) string
}{{"net/http", startHTTP}, {"front", startFront}}

func TestNewHTTPServerLimits(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("a timeout is unset: %+v", srv)
	}
	if srv.ReadHeaderTimeout > srv.ReadTimeout {
		t.Error("ReadHeaderTimeout exceeds ReadTimeout")
	}
	if srv.MaxHeaderBytes <= 0 || srv.MaxHeaderBytes > 64<<10 {
		t.Errorf("MaxHeaderBytes %d", srv.MaxHeaderBytes)
	}
}

func TestSlowlorisCutOff(t *testing.T) {
	for _, server := range servers {
		t.Run(server.name, func(t *testing.T) {
			f := newFixture(t, true)
			srv := NewHTTPServer("", f.srv)
			srv.ReadHeaderTimeout = 300 * time.Millisecond // the mechanism, at test speed
			addr := server.start(t, srv)

			start := time.Now()
			conn := dialSend(t, addr, "GET /feed.xml HTTP/1.1\r\nHost: x\r\n")
			// Dribble a header byte every 50 ms, never finishing the headers.
			stop := make(chan struct{})
			defer close(stop)
			go func() {
				tick := time.NewTicker(50 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						if _, err := conn.Write([]byte("X")); err != nil {
							return
						}
					}
				}
			}()
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			got, err := io.ReadAll(conn)
			elapsed := time.Since(start)
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("server still holding the connection after %v", elapsed)
			}
			if strings.Contains(string(got), "200 OK") {
				t.Errorf("server answered an unfinished request: %q", got)
			}
			if elapsed > 2*time.Second {
				t.Errorf("cut off after %v, want about 300ms", elapsed)
			}
		})
	}
}

func TestHugeHeaders431(t *testing.T) {
	for _, server := range servers {
		t.Run(server.name, func(t *testing.T) {
			f := newFixture(t, true)
			addr := server.start(t, NewHTTPServer("", f.srv))
			req, err := http.NewRequest("GET", "http://"+addr+"/feed.xml", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("X-Padding", strings.Repeat("a", MaxHeaderBytes+8<<10))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
				t.Errorf("status %d, want 431", resp.StatusCode)
			}

			// A normal request still works.
			resp, err = http.Get("http://" + addr + "/feed.xml")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("normal request: status %d", resp.StatusCode)
			}
		})
	}
}

func TestIdleConnectionsClosed(t *testing.T) {
	for _, server := range servers {
		t.Run(server.name, func(t *testing.T) {
			f := newFixture(t, true)
			srv := NewHTTPServer("", f.srv)
			srv.IdleTimeout = 200 * time.Millisecond
			addr := server.start(t, srv)

			conn := dialSend(t, addr, "HEAD /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n")
			br := bufio.NewReader(conn)
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			start := time.Now()
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
				t.Fatalf("idle keep-alive connection: read %v, want EOF from the server closing it", err)
			}
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("idle connection closed after %v, want about 200ms", elapsed)
			}
		})
	}
}
