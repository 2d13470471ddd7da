package front

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixed answers one path with one body, as a handler that sets the same
// fields would through net/http, and records what the Front reports.
type fixed struct {
	path   string
	header http.Header // the handler's fields
	body   []byte
	file   *BodyFile

	mu       sync.Mutex
	answered []answered
}

type answered struct {
	method, path, remote, ua string
	status                   int
	body                     int64
}

func newFixed(path string, body []byte) *fixed {
	return &fixed{path: path, body: body, header: http.Header{
		"Content-Type":   {"text/plain; charset=utf-8"},
		"Content-Length": {strconv.Itoa(len(body))},
		"Etag":           {`"v1"`},
	}}
}

// head is the status line and fields net/http writes for the handler, up
// to its Date field.
func (a *fixed) head(code int) []byte {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 " + strconv.Itoa(code) + " " + http.StatusText(code) + "\r\n")
	h := a.header
	if code == http.StatusNotModified {
		h = http.Header{"Etag": a.header["Etag"]}
	}
	_ = h.Write(&b)
	return b.Bytes()
}

func (a *fixed) Answer(r *Request, rep *Reply) bool {
	if string(r.Path) != a.path {
		return false
	}
	if r.Header.HasIfNoneMatch && len(r.Header.IfNoneMatch) == 1 && r.Header.IfNoneMatch[0] == `"v1"` {
		rep.Status, rep.Head = http.StatusNotModified, a.head(http.StatusNotModified)
		return true
	}
	rep.Status, rep.Head = http.StatusOK, a.head(http.StatusOK)
	if !r.Head {
		rep.Body, rep.File = a.body, a.file
	}
	return true
}

func (a *fixed) Answered(r *Request, status int, body int64, start time.Time) {
	method := http.MethodGet
	if r.Head {
		method = http.MethodHead
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.answered = append(a.answered, answered{method, string(r.Path), r.Remote.String(), string(r.UserAgent), status, body})
}

// ServeHTTP is the handler the Front's answers must match.
func (a *fixed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != a.path {
		http.NotFound(w, r)
		return
	}
	if r.Header.Get("If-None-Match") == `"v1"` {
		w.Header()["Etag"] = a.header["Etag"]
		w.WriteHeader(http.StatusNotModified)
		return
	}
	for k, v := range a.header {
		w.Header()[k] = v
	}
	if r.Method != http.MethodHead {
		_, _ = w.Write(a.body)
	}
}

func (a *fixed) log() []answered {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]answered(nil), a.answered...)
}

var dateField = regexp.MustCompile(`Date: [^\r\n]*\r\n`)

// serve starts a Front for a, with an http.Server over handler behind it,
// and returns its address.
func serve(t *testing.T, a Answerer, handler http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	std := &http.Server{Handler: handler, ReadHeaderTimeout: 5 * time.Second}
	f := New(a, std, slog.New(slog.DiscardHandler))
	done := make(chan error, 1)
	go func() { done <- f.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := f.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// exchange sends raw, half-closes, and returns all that comes back with
// the Date field masked.
func exchange(t *testing.T, addr, raw string) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	c.(*net.TCPConn).CloseWrite()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	got, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	return dateField.ReplaceAllString(string(got), "Date: <date>\r\n")
}

// TestFrontMatchesNetHTTP: what the Answerer answers, and what it leaves
// to net/http, reads byte for byte as net/http alone answers it, and the
// Answerer hears of each reply the Front wrote, with its status and body
// size.
func TestFrontMatchesNetHTTP(t *testing.T) {
	a := newFixed("/feed.txt", []byte("the feed\n"))
	front := serve(t, a, a)
	plain := &http.Server{Handler: a}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = plain.Serve(ln) }()
	t.Cleanup(func() { plain.Close() })

	cases := []struct {
		raw     string
		answers []answered // by the Front itself
	}{
		{"GET /feed.txt HTTP/1.1\r\nHost: x\r\nUser-Agent: r/1\r\n\r\n", []answered{{"GET", "/feed.txt", "", "r/1", 200, 9}}},
		{"HEAD /feed.txt HTTP/1.1\r\nHost: x\r\n\r\n", []answered{{"HEAD", "/feed.txt", "", "", 200, 0}}},
		{"GET /feed.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"v1\"\r\n\r\n", []answered{{"GET", "/feed.txt", "", "", 304, 0}}},
		{"GET /feed.txt HTTP/1.1\r\nHost: x\r\n\r\nHEAD /feed.txt HTTP/1.1\r\nHost: x\r\n\r\n", []answered{{"GET", "/feed.txt", "", "", 200, 9}, {"HEAD", "/feed.txt", "", "", 200, 0}}},
		// Left to net/http: a path the Answerer does not answer, a
		// request the Front does not read, and what follows either.
		{"GET /other HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"GET /feed.txt HTTP/1.0\r\n\r\n", nil},
		{"GET /feed.txt?q HTTP/1.1\r\nHost: x\r\n\r\n", nil},
		{"GET /feed.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /other HTTP/1.1\r\nHost: x\r\n\r\nGET /feed.txt HTTP/1.1\r\nHost: x\r\n\r\n", []answered{{"GET", "/feed.txt", "", "", 200, 9}}},
		{"GET /feed.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", nil},
	}
	for _, tc := range cases {
		before := len(a.log())
		got := exchange(t, front, tc.raw)
		want := exchange(t, ln.Addr().String(), tc.raw)
		if got != want {
			t.Errorf("%q:\nfront:\n%q\nnet/http:\n%q", tc.raw, got, want)
		}
		log := a.log()[before:]
		for i := range log {
			if !strings.HasPrefix(log[i].remote, "127.0.0.1:") {
				t.Errorf("%q: remote %q", tc.raw, log[i].remote)
			}
			log[i].remote = ""
		}
		if len(log) != len(tc.answers) {
			t.Errorf("%q: answered %v, want %v", tc.raw, log, tc.answers)
			continue
		}
		for i := range log {
			if log[i] != tc.answers[i] {
				t.Errorf("%q: answered %v, want %v", tc.raw, log[i], tc.answers[i])
			}
		}
	}
}

// TestResponseDuringShutdown: a reply the Front writes once Shutdown has
// begun (its head read before) ends as net/http's does for a handler that
// answers after Shutdown began: Date, then Connection: close.
func TestResponseDuringShutdown(t *testing.T) {
	a := newFixed("/feed.txt", []byte("the feed\n"))
	for _, raw := range []string{
		"GET /feed.txt HTTP/1.1\r\nHost: x\r\n\r\n",
		"HEAD /feed.txt HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /feed.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"v1\"\r\n\r\n",
	} {
		want := netHTTPDuringShutdown(t, a, raw)
		if !strings.Contains(want, "\r\nConnection: close\r\n") {
			t.Fatalf("net/http's answer has no Connection: close:\n%q", want)
		}
		f := New(a, &http.Server{Handler: a}, slog.New(slog.DiscardHandler))
		f.closing.Store(true)
		server, client := net.Pipe()
		fc := &conn{front: f, c: server}
		fc.req.Remote = server.RemoteAddr()
		if _, verdict := parseHead([]byte(raw), &fc.req); verdict != fastRequest {
			t.Fatalf("%q is not read by the Front", raw)
		}
		go func() {
			fc.respond()
			server.Close()
		}()
		got, err := io.ReadAll(client)
		if err != nil {
			t.Fatal(err)
		}
		if g := dateField.ReplaceAllString(string(got), "Date: <date>\r\n"); g != want {
			t.Errorf("%q:\nfront:\n%q\nnet/http:\n%q", raw, g, want)
		}
	}
}

// netHTTPDuringShutdown sends raw to a net/http server whose handler waits
// until Shutdown has begun, and returns the answer with Date masked.
func netHTTPDuringShutdown(t *testing.T, h http.Handler, raw string) string {
	t.Helper()
	shuttingDown := make(chan struct{})
	entered := make(chan struct{}, 1)
	std := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-shuttingDown
		h.ServeHTTP(w, r)
	})}
	std.RegisterOnShutdown(func() { close(shuttingDown) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = std.Serve(ln) }()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	<-entered
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := std.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	}()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	got, err := io.ReadAll(c)
	if err != nil {
		t.Fatal(err)
	}
	return dateField.ReplaceAllString(string(got), "Date: <date>\r\n")
}
