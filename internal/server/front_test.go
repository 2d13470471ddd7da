package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"seedfeed/internal/metrics"
)

// frontCases are raw requests, each sent on its own connection. fast
// marks the ones the Front must answer without net/http.
// newFrontFixture publishes a snapshot whose /feed.json is large enough
// for the Front to send it with sendfile, next to small ones it writes
// from memory.
func newFrontFixture(t testing.TB) *fixture {
	f := newFixture(t, true)
	snap := testSnapshot(1)
	big := bytes.Repeat(testFeed(PathJSON, 1), 40)
	if len(big) < 2*sendfileMin {
		t.Fatalf("big body is only %d bytes", len(big))
	}
	snap.Add(PathJSON, big, testTypes[PathJSON], testLastMod)
	f.srv.Publish(snap)
	return f
}

func frontCases(f *fixture) []struct {
	name string
	raw  string
	fast bool
} {
	res := f.srv.Snapshot().Resources[PathFeed]
	index := f.srv.Snapshot().Resources[PathIndex]
	return []struct {
		name string
		raw  string
		fast bool
	}{
		{"plain", "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"gzip", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n", true},
		{"gzip refused", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0, *\r\n\r\n", true},
		{"lower-case names, blanks", "GET /rss.xml HTTP/1.1\r\nhost:x\r\naccept-encoding: \t gzip \t\r\n\r\n", true},
		{"304 by etag", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: W/\"nope\", " + res.ETag + "\r\n\r\n", true},
		{"304 gzip", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nIf-None-Match: " + res.GzipETag + "\r\n\r\n", true},
		{"etag of the other coding", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nIf-None-Match: " + res.ETag + "\r\n\r\n", true},
		{"if-none-match wins over date", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"x\"\r\nIf-Modified-Since: " + res.lastModStr + "\r\n\r\n", true},
		{"big", "GET /feed.json HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"big head", "HEAD /feed.json HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"big pipelined", "GET /feed.json HTTP/1.1\r\nHost: x\r\n\r\nGET /feed.json HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\nGET /feed.json HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"304 by date", "GET /feed.json HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: " + res.lastModStr + "\r\n\r\n", true},
		{"older date", "GET /feed.json HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT\r\n\r\n", true},
		{"browser", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept: text/html,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Encoding: gzip\r\n\r\n", true},
		{"index", "GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n", true},
		{"index 304", "GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + index.ETag + "\r\n\r\n", true},
		{"head", "HEAD /feed.css HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"head gzip", "HEAD /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n", true},
		{"keep-alive", "GET /atom.xml HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n", true},
		{"pipelined", "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\nHEAD /rss.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\nGET /feed.json HTTP/1.1\r\nHost: x\r\n\r\n", true},
		{"ipv6 host with port", "GET /feed.xml HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", true},
		{"user agent and forwarded", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nUser-Agent: NetNewsWire (RSS Reader; https://netnewswire.com/)\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.2\r\n\r\n", true},

		// Left to net/http, which must answer exactly as without the Front.
		{"fast then slow pipelined", "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"healthz", "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"article", "GET /articles/ferry-timetable HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"not found", "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"query", "GET /feed.xml?x=1 HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"escaped path", "GET /feed%2Exml HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"unclean path", "GET /./feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"post", "POST /feed.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", false},
		{"lower-case method", "get /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"http/1.0", "GET /feed.xml HTTP/1.0\r\n\r\n", false},
		{"http/1.0 keep-alive", "GET /feed.xml HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false},
		{"connection close", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false},
		{"no host", "GET /feed.xml HTTP/1.1\r\n\r\n", false},
		{"two forwarded-for", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9\r\nX-Forwarded-For: 10.0.0.2\r\n\r\n", false},
		{"two hosts", "GET /feed.xml HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", false},
		{"odd host", "GET /feed.xml HTTP/1.1\r\nHost: a b\r\n\r\n", false},
		{"absolute form", "GET http://x/feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", false},
		{"bare LF", "GET /feed.xml HTTP/1.1\nHost: x\n\n", false},
		{"space before colon", "GET /feed.xml HTTP/1.1\r\nHost : x\r\n\r\n", false},
		{"folded header", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity,\r\n gzip\r\n\r\n", false},
		{"control char in value", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n", false},
		{"get with body", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi", false},
		{"chunked", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", false},
		{"expect", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n", false},
		{"garbage", "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", false},
		{"long head", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-Pad: " + strings.Repeat("p", 6000) + "\r\n\r\n", false},
	}
}

// exchange sends raw on a new connection, half-closes it and returns
// everything the server sends until it closes, with the Date header's value
// masked (it is the only field that may differ between two servers).
func exchange(t *testing.T, addr, raw string) string {
	t.Helper()
	c := dialSend(t, addr, raw)
	defer c.Close()
	_ = c.(*net.TCPConn).CloseWrite()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	got, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("%q: read: %v", raw, err)
	}
	return dateField.ReplaceAllString(string(got), "Date: <date>\r\n")
}

var dateField = regexp.MustCompile(`Date: [^\r\n]*\r\n`)

// TestFrontMatchesNetHTTP sends every case, and random pipelines of
// them, to a Front and to a plain net/http server over the same Server and
// requires byte-identical answers (Date aside): each in one write, then
// split at random byte boundaries with random pauses, the same pieces to
// both servers at once. -front.seed, -front.splits and -front.pipelines
// (or SEEDFEED_LONG) vary and widen it.
func TestFrontMatchesNetHTTP(t *testing.T) {
	f := newFrontFixture(t)
	std := startHTTP(t, NewHTTPServer("", f.srv))
	front := startFront(t, NewHTTPServer("", f.srv))
	var names, raws []string
	var members []pipelineMember
	for _, tc := range frontCases(f) {
		m, err := asPipelineMember(std, tc.name, tc.raw)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		names, raws, members = append(names, tc.name), append(raws, tc.raw), append(members, m)
	}
	splits, pipelines := frontSplitCounts()
	rng := rand.New(rand.NewPCG(*frontSplitSeed, 0))
	pNames, pRaws := randomPipelines(rng, members, pipelines)
	names, raws = append(names, pNames...), append(raws, pRaws...)
	for i, name := range names {
		raw := raws[i]
		// Each case has its own stream, so that one case's failure
		// reproduces alone (go test -run) with the same splits.
		rng := rand.New(rand.NewPCG(*frontSplitSeed, uint64(i)+1))
		t.Run(name, func(t *testing.T) {
			for round := range 1 + splits {
				pieces, pauses := []string{raw}, []time.Duration{0}
				if round > 0 {
					pieces, pauses = splitRandomly(rng, raw)
				}
				var want, got string
				var wantErr, gotErr error
				var wg sync.WaitGroup
				wg.Go(func() { want, wantErr = exchangePieces(std, pieces, pauses) })
				wg.Go(func() { got, gotErr = exchangePieces(front, pieces, pauses) })
				wg.Wait()
				if wantErr != nil || gotErr != nil {
					t.Fatalf("pieces%s: net/http: %v; front: %v", pieceLens(pieces, pauses), wantErr, gotErr)
				}
				if got != want {
					t.Errorf("front and net/http differ (seed %d, pieces%s)\n%s",
						*frontSplitSeed, pieceLens(pieces, pauses), answerDiff(got, want))
				}
				if want == "" && !strings.HasPrefix(name, "garbage") {
					t.Errorf("no response at all (pieces%s)", pieceLens(pieces, pauses))
				}
			}
		})
	}
}

// TestFrontAnswersItself checks that the fast cases never reach net/http:
// the fallback server's handler fails the test.
func TestFrontAnswersItself(t *testing.T) {
	f := newFrontFixture(t)
	std := NewHTTPServer("", f.srv)
	addr := startFrontWith(t, f.srv, std, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("net/http got %s %s", r.Method, r.URL)
		http.Error(w, "fallback", http.StatusTeapot)
	}))
	for _, tc := range frontCases(f) {
		if !tc.fast {
			continue
		}
		got := exchange(t, addr, tc.raw)
		if n := strings.Count(got, "HTTP/1.1 "); n != strings.Count(tc.raw, "HTTP/1.1\r\n") {
			t.Errorf("%s: %d responses:\n%.500q", tc.name, n, got)
		}
	}
	if runtime.GOOS == "linux" && f.srv.state.Load().fast[PathJSON].files[0] == nil {
		t.Error("the large body was not sent with sendfile")
	}
	// A scan that changed nothing keeps what the Front answers from.
	f.srv.ReportScan(time.Now(), errors.New("seeds folder unreadable"))
	if got := exchange(t, addr, "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n"); !strings.HasPrefix(got, "HTTP/1.1 200 OK") {
		t.Errorf("after a scan report: %.200q", got)
	}
}

// startFrontWith serves srv through a Front whose fallback http.Server
// runs fallback instead of srv.
func startFrontWith(t *testing.T, srv *Server, std *http.Server, fallback http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	front := NewFront(srv, std)
	std.Handler = fallback
	done := make(chan error, 1)
	go func() { done <- front.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = front.Shutdown(ctx)
		<-done
	})
	return ln.Addr().String()
}

// TestFrontKeepAlive runs many requests on one connection, as a client
// library does, and checks every response and the request counters.
func TestFrontKeepAlive(t *testing.T) {
	f := newFixture(t, true)
	addr := startFront(t, NewHTTPServer("", f.srv))
	tr := &http.Transport{DisableCompression: true, MaxConnsPerHost: 1}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	res := f.srv.Snapshot().Resources[PathFeed]
	before := counterValue(t, f.metrics, "/feed.xml", "200") + counterValue(t, f.metrics, "/feed.xml", "304")
	for i := range 30 {
		req, _ := http.NewRequest("GET", "http://"+addr+"/feed.xml", nil)
		want, wantCode := res.Body, 200
		switch i % 3 {
		case 1:
			req.Header.Set("Accept-Encoding", "gzip")
			want = res.Gzip
		case 2:
			req.Header.Set("If-None-Match", res.ETag)
			want, wantCode = nil, 304
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body := readBody(t, resp)
		resp.Body.Close()
		if resp.StatusCode != wantCode || !bytes.Equal(body, want) {
			t.Fatalf("request %d: status %d, %d bytes; want %d, %d bytes", i, resp.StatusCode, len(body), wantCode, len(want))
		}
	}
	after := counterValue(t, f.metrics, "/feed.xml", "200") + counterValue(t, f.metrics, "/feed.xml", "304")
	if after-before != 30 {
		t.Errorf("counted %v requests, want 30", after-before)
	}
}

func counterValue(t *testing.T, m *metrics.Metrics, route, code string) float64 {
	t.Helper()
	fams, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		if fam.GetName() != "seedfeed_http_requests_total" {
			continue
		}
		for _, mt := range fam.GetMetric() {
			labels := map[string]string{}
			for _, l := range mt.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["route"] == route && labels["code"] == code {
				return mt.GetCounter().GetValue()
			}
		}
	}
	return 0
}

// TestFrontFollowsPublish checks that a new snapshot is served at once on
// a connection that is already open.
func TestFrontFollowsPublish(t *testing.T) {
	f := newFixture(t, true)
	addr := startFront(t, NewHTTPServer("", f.srv))
	c := dialSend(t, addr, "")
	br := bufio.NewReader(c)
	get := func() []byte {
		t.Helper()
		if _, err := io.WriteString(c, "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		return readBody(t, resp)
	}
	if got := get(); !bytes.Equal(got, testFeed(PathFeed, 1)) {
		t.Fatal("first response is not generation 1")
	}
	f.srv.Publish(testSnapshot(2))
	if got := get(); !bytes.Equal(got, testFeed(PathFeed, 2)) {
		t.Fatal("after Publish the open connection still gets generation 1")
	}
}

// TestFrontBeforeFirstSnapshot: with nothing published the Front leaves
// the request to net/http, which answers 503.
func TestFrontBeforeFirstSnapshot(t *testing.T) {
	f := newFixture(t, false)
	addr := startFront(t, NewHTTPServer("", f.srv))
	resp, err := http.Get("http://" + addr + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", resp.StatusCode)
	}
}

// TestFrontShutdown: a response in flight completes, idle connections are
// closed at once, new connections are refused, Serve returns
// ErrServerClosed.
func TestFrontShutdown(t *testing.T) {
	f := newFixture(t, false)
	big := bytes.Repeat([]byte("<entry>slow reader</entry>\n"), 1<<19) // 14 MB
	snap := testSnapshot(1)
	snap.Resources[PathFeed] = buildResource(big, testTypes[PathFeed], testLastMod, nil)
	f.srv.Publish(snap)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	front := NewFront(f.srv, NewHTTPServer("", f.srv))
	served := make(chan error, 1)
	go func() { served <- front.Serve(ln) }()
	addr := ln.Addr().String()

	idle := dialSend(t, addr, "") // Shutdown must close it
	slow := dialSend(t, addr, "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(slow)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The body is far larger than the socket buffers: the server is
	// still writing when a new snapshot replaces the one it sends from,
	// the old one's memory and in-memory file become garbage (which must
	// not close the file under the response), and Shutdown starts.
	f.srv.Publish(testSnapshot(2))
	for range 3 {
		runtime.GC()
	}
	shut := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		shut <- front.Shutdown(ctx)
	}()

	_ = idle.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := idle.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
		t.Errorf("idle connection: read %v, want EOF", err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil || !bytes.Equal(body, big) {
		t.Fatalf("in-flight response: %d of %d bytes, %v", len(body), len(big), err)
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve: %v", err)
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("still accepting after Shutdown")
	}
}

// TestFrontPipelinedWithoutClose: requests sent together are all answered
// while the client keeps the connection open and waits.
func TestFrontPipelinedWithoutClose(t *testing.T) {
	f := newFrontFixture(t)
	addr := startFront(t, NewHTTPServer("", f.srv))
	paths := []string{PathFeed, PathJSON, PathRSS, "/healthz"}
	var req strings.Builder
	for _, p := range paths {
		req.WriteString("GET " + p + " HTTP/1.1\r\nHost: x\r\n\r\n")
	}
	c := dialSend(t, addr, req.String())
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	br := bufio.NewReader(c)
	for _, p := range paths {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		readBody(t, resp)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", p, resp.StatusCode)
		}
	}
}
