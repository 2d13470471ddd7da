package server

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// logCapture is a slog destination that tests read back as JSON records.
type logCapture struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *logCapture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Write(p)
}

func (c *logCapture) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(c, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func (c *logCapture) records(t testing.TB) []map[string]any {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(c.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

// waitRecords returns the records once there are at least n: a response
// can reach the client before its log line is written.
func (c *logCapture) waitRecords(t testing.TB, n int) []map[string]any {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		recs := c.records(t)
		if len(recs) >= n || time.Now().After(deadline) {
			return recs
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestAccessLogLines sends requests that the Front answers itself and
// requests it leaves to net/http, and checks each one's line.
func TestAccessLogLines(t *testing.T) {
	var access logCapture
	f := newFixture(t, false)
	f.srv = New(Config{
		Metrics: f.metrics, Articles: f.articles,
		AccessLog:      access.logger(),
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("10.0.0.0/8")},
	})
	snap := testSnapshot(1)
	big := bytes.Repeat(testFeed(PathJSON, 1), 40) // sent with sendfile
	snap.Add(PathJSON, big, testTypes[PathJSON], testLastMod)
	f.srv.Publish(snap)
	feed := f.srv.Snapshot().Resources[PathFeed]

	var slow atomic.Int32
	fallback := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slow.Add(1)
		f.srv.ServeHTTP(w, r)
	})
	addr := startFrontWith(t, f.srv, NewHTTPServer("", f.srv), fallback)

	article := f.do(t, "GET", "/articles/ferry-timetable")
	articleLen := int64(len(readBody(t, article)))

	tests := []struct {
		name          string
		raw           string
		fast          bool
		method, path  string
		status        int
		bytes         int64
		client, agent string // client "": no client field
	}{
		{"fast plain", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nUser-Agent: Miniflux/2.2\r\n\r\n", true,
			"GET", "/feed.xml", 200, int64(len(feed.Body)), "", "Miniflux/2.2"},
		{"fast gzip", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n", true,
			"GET", "/feed.xml", 200, int64(len(feed.Gzip)), "", ""},
		{"fast 304", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + feed.ETag + "\r\nUser-Agent: a\r\nUser-Agent: b\r\n\r\n", true,
			"GET", "/feed.xml", 304, 0, "", "a"},
		{"fast head", "HEAD /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", true,
			"HEAD", "/feed.xml", 200, 0, "", ""},
		{"fast sendfile", "GET /feed.json HTTP/1.1\r\nHost: x\r\n\r\n", true,
			"GET", "/feed.json", 200, int64(len(big)), "", ""},
		{"fast forwarded", "GET /rss.xml HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.1, 203.0.113.9, 10.0.0.2\r\nAccept-Encoding: gzip\r\n\r\n", true,
			"GET", "/rss.xml", 200, int64(len(f.srv.Snapshot().Resources[PathRSS].Gzip)), "203.0.113.9", ""},
		{"slow article", "GET /articles/ferry-timetable HTTP/1.1\r\nHost: x\r\nUser-Agent: Mozilla/5.0\r\n\r\n", false,
			"GET", "/articles/ferry-timetable", 200, articleLen, "", "Mozilla/5.0"},
		{"slow query", "GET /feed.xml?utm=1 HTTP/1.1\r\nHost: x\r\n\r\n", false,
			"GET", "/feed.xml", 200, int64(len(feed.Body)), "", ""},
		{"slow not found", "GET /wp-login.php HTTP/1.1\r\nHost: x\r\n\r\n", false,
			"GET", "/wp-login.php", 404, -1, "", ""},
		{"slow method", "DELETE /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", false,
			"DELETE", "/feed.xml", 405, int64(len("405 method not allowed\n")), "", ""},
		{"slow favicon", "GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n", false,
			"GET", "/favicon.ico", 204, 0, "", ""},
		{"slow two forwarded-for", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 192.0.2.5\r\nX-Forwarded-For: 10.0.0.3\r\nAccept-Encoding: gzip\r\n\r\n", false,
			"GET", "/feed.xml", 200, int64(len(feed.Gzip)), "192.0.2.5", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			access.mu.Lock()
			access.buf.Reset()
			access.mu.Unlock()
			before := slow.Load()
			got := exchange(t, addr, tt.raw)
			if !strings.HasPrefix(got, "HTTP/1.1 ") {
				t.Fatalf("answer %.100q", got)
			}
			if handed := slow.Load() != before; handed == tt.fast {
				t.Errorf("handed to net/http: %v, want %v", handed, !tt.fast)
			}
			recs := access.waitRecords(t, 1)
			if len(recs) != 1 {
				t.Fatalf("%d lines, want 1: %v", len(recs), recs)
			}
			r := recs[0]
			if r["level"] != "INFO" || r["msg"] != "request" || r["method"] != tt.method || r["path"] != tt.path ||
				r["status"] != float64(tt.status) || r["user_agent"] != tt.agent {
				t.Errorf("line %v, want %s %s %d user_agent %q", r, tt.method, tt.path, tt.status, tt.agent)
			}
			if tt.bytes >= 0 && r["bytes"] != float64(tt.bytes) {
				t.Errorf("bytes %v, want %d", r["bytes"], tt.bytes)
			}
			if b, _ := r["bytes"].(float64); b <= 0 && tt.bytes < 0 {
				t.Errorf("bytes %v, want the page's size", r["bytes"])
			}
			if remote, _ := r["remote"].(string); !strings.HasPrefix(remote, "127.0.0.1:") {
				t.Errorf("remote %q", remote)
			}
			if d, ok := r["duration"].(float64); !ok || d < 0 || time.Duration(d) > 5*time.Second {
				t.Errorf("duration %v", r["duration"])
			}
			if c, ok := r["client"]; tt.client == "" && ok || tt.client != "" && c != tt.client {
				t.Errorf("client %v, want %q", c, tt.client)
			}
		})
	}
}

func TestForwardedClient(t *testing.T) {
	a := newAccessLog(slog.New(slog.DiscardHandler), []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("192.168.1.1/32"),
		netip.MustParsePrefix("fd00::/8"),
	})
	tests := []struct {
		name, remote string
		xff          []string
		want         string
	}{
		{"untrusted peer ignored", "203.0.113.1:5000", []string{"198.51.100.7"}, ""},
		{"no header", "10.0.0.1:5000", nil, ""},
		{"one hop", "10.0.0.1:5000", []string{"198.51.100.7"}, "198.51.100.7"},
		{"right-most untrusted", "10.0.0.1:5000", []string{"1.1.1.1, 198.51.100.7, 10.2.3.4"}, "198.51.100.7"},
		{"spoofed left part", "192.168.1.1:80", []string{"127.0.0.1, 198.51.100.7"}, "198.51.100.7"},
		{"several headers", "10.0.0.1:5000", []string{"198.51.100.7", "10.9.9.9"}, "198.51.100.7"},
		{"all trusted: left-most", "10.0.0.1:5000", []string{"10.0.0.5, 192.168.1.1"}, "10.0.0.5"},
		{"ports and brackets", "10.0.0.1:5000", []string{"[2001:db8::1]:443, 10.0.0.9:80"}, "2001:db8::1"},
		{"v4-mapped peer", "[::ffff:10.0.0.1]:5000", []string{"198.51.100.7"}, "198.51.100.7"},
		{"v6 peer", "[fd00::1]:5000", []string{"2001:db8::7"}, "2001:db8::7"},
		{"garbage ends search", "10.0.0.1:5000", []string{"198.51.100.7, unknown"}, ""},
		{"empty items skipped", "10.0.0.1:5000", []string{" , 198.51.100.7 ,"}, "198.51.100.7"},
		{"trusted single address only", "192.168.1.2:80", []string{"198.51.100.7"}, ""},
		{"unparsable peer", "@", []string{"198.51.100.7"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.forwardedClient(tt.remote, tt.xff); got != tt.want {
				t.Errorf("forwardedClient(%q, %q) = %q, want %q", tt.remote, tt.xff, got, tt.want)
			}
		})
	}
	none := newAccessLog(slog.New(slog.DiscardHandler), nil)
	if got := none.forwardedClient("10.0.0.1:1", []string{"198.51.100.7"}); got != "" {
		t.Errorf("without trusted proxies: %q", got)
	}
}

// TestAccessLogOff: without an access logger, no request writes a line,
// on either path.
func TestAccessLogOff(t *testing.T) {
	var logs logCapture
	f := newFixture(t, false)
	f.srv = New(Config{Logger: logs.logger(), Metrics: f.metrics, Articles: f.articles})
	f.srv.Publish(testSnapshot(1))
	if f.srv.access != nil {
		t.Fatal("access log set without a logger")
	}
	addr := startFrontWith(t, f.srv, NewHTTPServer("", f.srv), f.srv)
	for _, raw := range []string{
		"GET /feed.xml HTTP/1.1\r\nHost: x\r\nUser-Agent: u\r\n\r\n",
		"GET /articles/ferry-timetable HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		if got := exchange(t, addr, raw); !strings.HasPrefix(got, "HTTP/1.1 ") {
			t.Fatalf("answer %.100q", got)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if recs := logs.records(t); len(recs) != 0 {
		t.Errorf("logged %v", recs)
	}
}

// TestAccessRecorderStreams checks that the access log's wrapper keeps
// flushing and http.ResponseController working.
func TestAccessRecorderStreams(t *testing.T) {
	var access logCapture
	s := New(Config{AccessLog: access.logger()})
	h := s.logAccess(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("a"))
		if err := http.NewResponseController(w).Flush(); err != nil {
			t.Errorf("flush: %v", err)
		}
		w.Write([]byte("bc"))
	}))
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "/stream", nil)
	req.RemoteAddr = "192.0.2.1:1234"
	rec := &flushRecorder{header: http.Header{}}
	h.ServeHTTP(rec, req)
	if !rec.flushed {
		t.Error("not flushed through the wrapper")
	}
	recs := access.records(t)
	if len(recs) != 1 || recs[0]["bytes"] != float64(3) || recs[0]["status"] != float64(200) || recs[0]["remote"] != "192.0.2.1:1234" {
		t.Errorf("lines %v", recs)
	}
}

type flushRecorder struct {
	header  http.Header
	flushed bool
}

func (r *flushRecorder) Header() http.Header         { return r.header }
func (r *flushRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *flushRecorder) WriteHeader(int)             {}
func (r *flushRecorder) Flush()                      { r.flushed = true }

// TestFrontMatchesNetHTTPWithAccessLog is TestFrontMatchesNetHTTP with the
// access log on: logging must not change a byte of any answer, and every
// request the Front answers itself has its line.
func TestFrontMatchesNetHTTPWithAccessLog(t *testing.T) {
	var access logCapture
	f := newFrontFixture(t)
	snap := f.srv.Snapshot()
	f.srv = New(Config{Metrics: f.metrics, Articles: f.articles, AccessLog: access.logger()})
	f.srv.Publish(snap)
	std := startHTTP(t, NewHTTPServer("", f.srv))
	front := startFront(t, NewHTTPServer("", f.srv))
	for _, tc := range frontCases(f) {
		t.Run(tc.name, func(t *testing.T) {
			want := exchange(t, std, tc.raw)
			access.mu.Lock()
			access.buf.Reset()
			access.mu.Unlock()
			got := exchange(t, front, tc.raw)
			if got != want {
				t.Errorf("front and net/http differ\nfront:\n%.2000q\nnet/http:\n%.2000q", got, want)
			}
			if !tc.fast {
				return
			}
			answers := strings.Count(got, "HTTP/1.1 ")
			if recs := access.waitRecords(t, answers); len(recs) != answers {
				t.Errorf("%d answers, %d access lines: %v", answers, len(recs), recs)
			}
		})
	}
}
