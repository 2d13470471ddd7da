package server

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/pages"
)

func TestArticlePage(t *testing.T) {
	f := newFixture(t, true)
	resp := f.do(t, "GET", "/articles/ferry-timetable")
	body := readBody(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	want := map[string]string{
		"Content-Type":           "text/html; charset=utf-8",
		"Etag":                   hashETag(body),
		"Last-Modified":          "Thu, 21 Mar 2024 08:00:00 GMT",
		"Cache-Control":          "public, max-age=300",
		"Vary":                   "Accept-Encoding",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
		"X-Frame-Options":        "DENY",
		"Content-Security-Policy": "default-src 'none'; style-src " + styleHashForTest() +
			"; img-src https: http: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	}
	for k, v := range want {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if !bytes.Contains(body, []byte("Ferry timetable &lt;changes&gt;")) {
		t.Error("title missing or unescaped")
	}

	etag := resp.Header.Get("Etag")
	if r := f.do(t, "GET", "/articles/ferry-timetable", "If-None-Match", etag); r.StatusCode != 304 {
		t.Errorf("If-None-Match: status %d, want 304", r.StatusCode)
	}
	if r := f.do(t, "GET", "/articles/ferry-timetable", "If-Modified-Since", "Thu, 21 Mar 2024 08:00:00 GMT"); r.StatusCode != 304 {
		t.Errorf("If-Modified-Since: status %d, want 304", r.StatusCode)
	}

	gz := f.do(t, "GET", "/articles/ferry-timetable", "Accept-Encoding", "gzip")
	gzBody := readBody(t, gz)
	if gz.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, gzBody), body) {
		t.Error("gzip page does not decompress to the plain page")
	}
	if gz.Header.Get("Etag") == etag || gz.Header.Get("Etag") != hashETag(gzBody) {
		t.Error("gzip page must carry its own ETag, the hash of its bytes")
	}

	head := f.do(t, "HEAD", "/articles/ferry-timetable")
	if b := readBody(t, head); len(b) != 0 || head.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD: %d body bytes, Content-Length %q", len(b), head.Header.Get("Content-Length"))
	}
}

func styleHashForTest() string {
	// Read back from the page package rather than recomputing here, but
	// through the public policy string so a drift between the two shows.
	csp := ContentSecurityPolicy()
	_, after, _ := strings.Cut(csp, "style-src ")
	hash, _, _ := strings.Cut(after, ";")
	if !strings.HasPrefix(hash, "'sha256-") {
		return "<no style hash in " + csp + ">"
	}
	return hash
}

func TestArticleScriptEscaped(t *testing.T) {
	f := newFixture(t, true)
	resp := f.do(t, "GET", "/articles/script-title")
	body := readBody(t, resp)
	if resp.StatusCode != 200 || bytes.Contains(body, []byte("<script")) {
		t.Fatalf("status %d; page contains a script tag:\n%s", resp.StatusCode, body)
	}
}

func TestSlugAttacks(t *testing.T) {
	f := newFixture(t, true)
	long := strings.Repeat("a", MaxSlugLen+1)
	targets := []string{
		"/articles/..",
		"/articles/../feed.xml",
		"/articles/%2e%2e",
		"/articles/%2E%2E%2Fetc%2Fpasswd",
		"/articles/..%2f..%2fetc%2fpasswd",
		"/articles/a%2fb",
		"/articles/a%5cb",
		"/articles/a%00",
		"/articles/%00",
		"/articles/" + long,
		"/articles/UPPER",
		"/articles/-leading-dash",
		"/articles/caf%C3%A9",
		"/articles/a.html",
		"/articles/a%20b",
		"/articles/.hidden",
		"/articles//etc/passwd",
		"/articles/./ferry-timetable",
		"/articles/missing-article",
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			before := f.articles.calls.Load()
			resp := f.do(t, "GET", target)
			if resp.StatusCode != 404 {
				t.Errorf("status %d, want 404 (Location %q)", resp.StatusCode, resp.Header.Get("Location"))
			}
			asked := f.articles.calls.Load() != before
			if asked != (target == "/articles/missing-article") {
				t.Errorf("article source asked = %v", asked)
			}
		})
	}
}

func TestValidSlug(t *testing.T) {
	tests := map[string]bool{
		"a": true, "0": true, "ferry-timetable-2024": true, strings.Repeat("a", 128): true,
		"": false, "-a": false, "A": false, "a_b": false, "a.b": false, "a/b": false, "a\x00": false,
		"..": false, strings.Repeat("a", 129): false, "é": false, "a b": false,
	}
	for s, want := range tests {
		if got := ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestArticleSourceErrors(t *testing.T) {
	f := newFixture(t, true)
	f.articles.err = errors.New("database is locked")
	if resp := f.do(t, "GET", "/articles/ferry-timetable"); resp.StatusCode != 500 {
		t.Errorf("source failure: status %d, want 500", resp.StatusCode)
	}
	if resp := f.do(t, "GET", "/articles/ferry-timetable"); bytes.Contains(readBody(t, resp), []byte("locked")) {
		t.Error("internal error text leaked to the client")
	}

	noSource := New(Config{})
	noSource.Publish(testSnapshot(1))
	rec := httptest.NewRecorder()
	noSource.ServeHTTP(rec, httptest.NewRequest("GET", "/articles/ferry-timetable", nil))
	if rec.Code != 404 {
		t.Errorf("no article source: status %d, want 404", rec.Code)
	}
}

// slowArticles is the fixture's article source behind a lookup that takes
// delay, or ends early with ctx's error, as a database query does.
func slowArticles(f *fixture, delay time.Duration) ArticleFunc {
	return func(ctx context.Context, slug string) (pages.Entry, error) {
		select {
		case <-ctx.Done():
			return pages.Entry{}, fmt.Errorf("article %q: %w", slug, ctx.Err())
		case <-time.After(delay):
		}
		return f.articles.Article(ctx, slug)
	}
}

// TestArticleAfterHalfClose: a client that half-closes its side right
// after the request (net/http then cancels the request's context while
// the lookup runs) still gets the whole page, never an empty 200, from
// net/http and through the Front.
func TestArticleAfterHalfClose(t *testing.T) {
	for _, server := range servers {
		t.Run(server.name, func(t *testing.T) {
			f := newFixture(t, true)
			f.srv.articles = slowArticles(f, 30*time.Millisecond)
			addr := server.start(t, NewHTTPServer("", f.srv))
			want := readBody(t, f.do(t, "GET", "/articles/ferry-timetable"))
			for range 5 {
				got := exchange(t, addr, "GET /articles/ferry-timetable HTTP/1.1\r\nHost: x\r\n\r\n")
				resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(got)), nil)
				if err != nil {
					t.Fatalf("%v:\n%.300q", err, got)
				}
				body := readBody(t, resp)
				if resp.StatusCode != 200 || !bytes.Equal(body, want) {
					t.Fatalf("status %d with %d bytes; want 200 with the %d-byte page", resp.StatusCode, len(body), len(want))
				}
			}
		})
	}
}

// TestArticleLookupOutlivesRequestContext: the lookup's context does not
// end with the request's (which net/http cancels on a half-close), but it
// has a deadline.
func TestArticleLookupOutlivesRequestContext(t *testing.T) {
	f := newFixture(t, true)
	var deadline time.Duration
	f.srv.articles = ArticleFunc(func(ctx context.Context, slug string) (pages.Entry, error) {
		if err := ctx.Err(); err != nil {
			return pages.Entry{}, err
		}
		if d, ok := ctx.Deadline(); ok {
			deadline = time.Until(d)
		}
		return f.articles.Article(ctx, slug)
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, httptest.NewRequest("GET", "/articles/ferry-timetable", nil).WithContext(ctx))
	if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte("Ferry timetable")) {
		t.Errorf("cancelled request context: status %d, %d bytes", rec.Code, rec.Body.Len())
	}
	if deadline <= 0 || deadline > articleLoadTimeout {
		t.Errorf("lookup deadline %v from now, want up to %v", deadline, articleLoadTimeout)
	}
}
