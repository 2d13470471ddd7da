package front

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// headCases are request heads with the reader's verdict on them; the
// fast ones are also the fuzz target's seeds.
var headCases = []struct {
	name string
	raw  string
	want parseResult
}{
	{"plain", "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", fastRequest},
	{"head", "HEAD /feed.css HTTP/1.1\r\nHost: x\r\n\r\n", fastRequest},
	{"lower-case names, blanks", "GET /rss.xml HTTP/1.1\r\nhost:x\r\naccept-encoding: \t gzip \t\r\n\r\n", fastRequest},
	{"conditional", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: W/\"a\", \"b\"\r\nIf-Modified-Since: Tue, 01 Dec 2026 10:00:00 GMT\r\n\r\n", fastRequest},
	{"empty if-none-match", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match:\r\n\r\n", fastRequest},
	{"two accept-encoding lines", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nAccept-Encoding: gzip\r\n\r\n", fastRequest},
	{"browser", "GET / HTTP/1.1\r\nHost: x\r\nAccept: text/html,application/xml;q=0.9\r\nAccept-Encoding: gzip\r\n\r\n", fastRequest},
	{"keep-alive", "GET /atom.xml HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive\r\n\r\n", fastRequest},
	{"ipv6 host with port", "GET /feed.xml HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", fastRequest},
	{"user agent and forwarded", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nUser-Agent: Reader/1.0\r\nUser-Agent: second\r\nX-Forwarded-For: 203.0.113.9, 10.0.0.2\r\n\r\n", fastRequest},
	{"pipelined", "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\nGET /rss.xml HTTP/1.1\r\nHost: x\r\n\r\n", fastRequest},

	{"half a line", "GET /feed.xml HT", needMore},
	{"no empty line yet", "GET /feed.xml HTTP/1.1\r\nHost: x\r\n", needMore},
	{"cut in a CRLF", "GET /feed.xml HTTP/1.1\r\nHost: x\r", needMore},
	// No line end yet: the Front waits, and a full buffer or the head
	// timeout hands it to net/http.
	{"TLS hello", "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", needMore},

	{"bare LF", "GET /feed.xml HTTP/1.1\nHost: x\n\n", slowRequest},
	{"bare LF before the end", "GET /feed.xml HTTP/1.1\r\nHost: x\n", slowRequest},
	{"query", "GET /feed.xml?x=1 HTTP/1.1\r\nHost: x\r\n\r\n", slowRequest},
	{"escaped path", "GET /feed%2Exml HTTP/1.1\r\nHost: x\r\n\r\n", slowRequest},
	{"post", "POST /feed.xml HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", slowRequest},
	{"lower-case method", "get /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", slowRequest},
	{"http/1.0", "GET /feed.xml HTTP/1.0\r\n\r\n", slowRequest},
	{"connection close", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", slowRequest},
	{"no host", "GET /feed.xml HTTP/1.1\r\n\r\n", slowRequest},
	{"two hosts", "GET /feed.xml HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", slowRequest},
	{"odd host", "GET /feed.xml HTTP/1.1\r\nHost: a b\r\n\r\n", slowRequest},
	{"two forwarded-for", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: a\r\nX-Forwarded-For: b\r\n\r\n", slowRequest},
	{"absolute form", "GET http://x/feed.xml HTTP/1.1\r\nHost: x\r\n\r\n", slowRequest},
	{"space before colon", "GET /feed.xml HTTP/1.1\r\nHost : x\r\n\r\n", slowRequest},
	{"folded field", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity,\r\n gzip\r\n\r\n", slowRequest},
	{"control character", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n", slowRequest},
	{"chunked", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", slowRequest},
	{"expect", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n", slowRequest},
	{"upgrade", "GET /feed.xml HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n", slowRequest},
}

func TestParseHead(t *testing.T) {
	for _, tc := range headCases {
		t.Run(tc.name, func(t *testing.T) {
			var r Request
			n, got := parseHead([]byte(tc.raw), &r)
			if got != tc.want {
				t.Fatalf("verdict %d, want %d", got, tc.want)
			}
			if got != fastRequest {
				return
			}
			if n <= 0 || n > len(tc.raw) || !strings.HasSuffix(tc.raw[:n], "\r\n\r\n") {
				t.Fatalf("head length %d of %q", n, tc.raw)
			}
			sameAsNetHTTP(t, []byte(tc.raw[:n]), &r)
		})
	}
}

// TestParseHeadReusesRequest: a request read after another on the same
// connection keeps nothing of the first.
func TestParseHeadReusesRequest(t *testing.T) {
	var r Request
	first := "HEAD /a HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nIf-None-Match: \"e\"\r\nUser-Agent: u\r\nX-Forwarded-For: f\r\n\r\n"
	if _, v := parseHead([]byte(first), &r); v != fastRequest {
		t.Fatalf("first: verdict %d", v)
	}
	second := "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"
	if _, v := parseHead([]byte(second), &r); v != fastRequest {
		t.Fatalf("second: verdict %d", v)
	}
	sameAsNetHTTP(t, []byte(second), &r)
}

// FuzzParseHead: whatever the bytes, parseHead does not panic, and when it
// takes a request, net/http reads the same bytes as the same request:
// method, path, the fields that choose the response, no body.
func FuzzParseHead(f *testing.F) {
	for _, tc := range headCases {
		f.Add([]byte(tc.raw))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Request
		n, res := parseHead(b, &r)
		if res != fastRequest {
			return
		}
		if n <= 0 || n > len(b) {
			t.Fatalf("head length %d of %d", n, len(b))
		}
		sameAsNetHTTP(t, b[:n], &r)
	})
}

// sameAsNetHTTP fails unless net/http reads head as the request r holds.
func sameAsNetHTTP(t *testing.T, head []byte, r *Request) {
	t.Helper()
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(head)))
	if err != nil {
		t.Fatalf("the Front took a request net/http refuses: %v\n%q", err, head)
	}
	wantMethod := http.MethodGet
	if r.Head {
		wantMethod = http.MethodHead
	}
	if req.Method != wantMethod || req.URL.Path != string(r.Path) || req.URL.RawQuery != "" || req.ContentLength != 0 || req.Close {
		t.Fatalf("net/http reads %s %q (query %q, length %d, close %v); the Front %s %q",
			req.Method, req.URL.Path, req.URL.RawQuery, req.ContentLength, req.Close, wantMethod, r.Path)
	}
	for _, pair := range []struct {
		name string
		got  []string
	}{
		{"Accept-Encoding", r.Header.AcceptEncoding},
		{"Accept", r.Header.Accept},
		{"If-None-Match", r.Header.IfNoneMatch},
		{"If-Modified-Since", r.Header.IfModifiedSince},
	} {
		want := req.Header[pair.name]
		if strings.Join(pair.got, "\x00") != strings.Join(want, "\x00") || (pair.got == nil) != (want == nil) {
			t.Fatalf("%s: the Front %q, net/http %q", pair.name, pair.got, want)
		}
	}
	if _, has := req.Header["If-None-Match"]; r.Header.HasIfNoneMatch != has {
		t.Fatalf("If-None-Match sent: the Front %v, net/http %v", r.Header.HasIfNoneMatch, has)
	}
	if ua := req.Header.Get("User-Agent"); string(r.UserAgent) != ua {
		t.Fatalf("User-Agent: the Front %q, net/http %q", r.UserAgent, ua)
	}
	if xff := req.Header["X-Forwarded-For"]; len(xff) > 1 || (r.ForwardedFor != nil) != (len(xff) == 1) || len(xff) == 1 && string(r.ForwardedFor) != xff[0] {
		t.Fatalf("X-Forwarded-For: the Front %q, net/http %q", r.ForwardedFor, xff)
	}
}
