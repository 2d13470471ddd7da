package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"seedfeed/internal/pages"
)

var (
	slugPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,127}$`)
	qvaluePattern = regexp.MustCompile(`^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$`)
)

func FuzzValidSlug(f *testing.F) {
	for _, s := range []string{"a", "ferry-2024", "..", "a/b", "a\x00", "-a", strings.Repeat("a", 129), "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ValidSlug(s), slugPattern.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, regexp says %v", s, got, want)
		}
	})
}

// referenceAcceptsGzip is a plain reading of RFC 9110 section 12.5.3 for
// well-formed fields, built on the standard library's parsers.
func referenceAcceptsGzip(field string) (accepts, wellFormed bool) {
	named, star := -1.0, -1.0
	for item := range strings.SplitSeq(field, ",") {
		parts := strings.Split(item, ";")
		name := strings.ToLower(strings.Trim(parts[0], " \t"))
		if name == "" {
			continue
		}
		q, seen := 1.0, false
		for _, p := range parts[1:] {
			p = strings.Trim(p, " \t")
			k, v, ok := strings.Cut(p, "=")
			if !ok || !strings.EqualFold(k, "q") {
				continue
			}
			if seen {
				return false, false // two weights: malformed
			}
			seen = true
			if !qvaluePattern.MatchString(v) {
				return false, false
			}
			var err error
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				return false, false
			}
		}
		switch name {
		case "gzip", "x-gzip":
			named = max(named, q)
		case "*":
			star = max(star, q)
		}
	}
	if named >= 0 {
		return named > 0, true
	}
	return star > 0, true
}

func FuzzAcceptEncoding(f *testing.F) {
	for _, s := range []string{"gzip", "gzip;q=0", "br;q=1.0, gzip;q=0.8, *;q=0.1", "*;q=0", "x-gzip; Q=0.001", "gzip;q=0, *", ";;,,", "gzip;q=", "gzip;q=0;q=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, field string) {
		got := acceptsGzip([]string{field})
		if want, ok := referenceAcceptsGzip(field); ok && got != want {
			t.Errorf("acceptsGzip(%q) = %v, reference says %v", field, got, want)
		}
	})
}

func FuzzIfNoneMatch(f *testing.F) {
	const etag = `"0123456789abcdef"`
	for _, s := range []string{etag, "W/" + etag, "*", `"a", ` + etag, `"a,b"`, `W/`, `"`, `,,`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		got := etagListMatches(list, etag)
		// Reference for lists of tags without commas inside them.
		if strings.Count(list, `"`)%2 != 0 {
			return
		}
		want := false
		for item := range strings.SplitSeq(list, ",") {
			item = strings.Trim(item, " \t")
			if item == "" {
				continue
			}
			if strings.HasPrefix(item, "*") {
				want = true
				break
			}
			tag := strings.TrimPrefix(item, "W/")
			if len(tag) < 2 || tag[0] != '"' || strings.IndexByte(tag[1:], '"') != len(tag)-2 {
				return // malformed or a comma inside a tag: no opinion
			}
			if tag == etag {
				want = true
				break
			}
		}
		if got != want {
			t.Errorf("etagListMatches(%q) = %v, reference says %v", list, got, want)
		}
	})
}

// FuzzRequestPath sends arbitrary paths through the whole handler: only
// known statuses come back, and the article source sees valid slugs only.
func FuzzRequestPath(f *testing.F) {
	for _, s := range []string{"/feed.xml", "/articles/ferry-timetable", "/articles/..%2f..%2fetc%2fpasswd", "/articles/%00", "//x", "/articles/a/b", "/./feed.xml"} {
		f.Add(s)
	}
	fx := newFixture(f, true)
	var asked []string
	fx.srv.articles = ArticleFunc(func(ctx context.Context, slug string) (pages.Entry, error) {
		asked = append(asked, slug)
		return fx.articles.Article(ctx, slug)
	})
	f.Fuzz(func(t *testing.T, path string) {
		u, err := url.ParseRequestURI(path)
		if err != nil || u.Path == "" || u.Path[0] != '/' {
			return
		}
		req := &http.Request{Method: "GET", URL: u, RequestURI: path, Header: http.Header{}, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "x"}
		asked = asked[:0]
		rec := httptest.NewRecorder()
		fx.srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 404:
		default:
			t.Errorf("GET %q: status %d", path, rec.Code)
		}
		if rec.Code == 200 && rec.Header().Get("Etag") == "" && !strings.HasPrefix(u.Path, "/healthz") && !strings.HasPrefix(u.Path, "/metrics") {
			t.Errorf("GET %q: 200 without ETag", path)
		}
		for _, slug := range asked {
			if !ValidSlug(slug) {
				t.Errorf("GET %q: article source asked for %q", path, slug)
			}
		}
	})
}

// referenceAcceptWantsHTML reads a well-formed Accept field with the
// standard library: the page when an HTML type outweighs every feed type.
func referenceAcceptWantsHTML(field string) (wants, wellFormed bool) {
	html, feed := 0.0, 0.0
	for item := range strings.SplitSeq(field, ",") {
		parts := strings.Split(item, ";")
		name := strings.ToLower(strings.Trim(parts[0], " \t"))
		q, seen := 1.0, false
		for _, p := range parts[1:] {
			k, v, ok := strings.Cut(strings.Trim(p, " \t"), "=")
			if !ok || !strings.EqualFold(k, "q") {
				continue
			}
			if seen || !qvaluePattern.MatchString(v) {
				return false, false
			}
			seen = true
			var err error
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				return false, false
			}
		}
		switch name {
		case "text/html", "application/xhtml+xml":
			html = max(html, q)
		case "application/atom+xml", "application/rss+xml", "application/rdf+xml",
			"application/xml", "text/xml", "application/feed+json", "application/json":
			feed = max(feed, q)
		}
	}
	return html > feed, true
}

func FuzzAcceptWantsHTML(f *testing.F) {
	for _, s := range []string{
		"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
		"application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, text/html;q=0.7, */*;q=0.1",
		"application/xml,application/atom+xml,text/html,*/*;q=0.9", "*/*", "", "text/html;q=0", "TEXT/HTML;Q=0.001, text/xml;q=0",
		"text/html;q=0.5;q=1", ";;,,", "application/json;q=1.0, text/html",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, field string) {
		got := acceptWantsHTML([]string{field})
		if want, ok := referenceAcceptWantsHTML(field); ok && got != want {
			t.Errorf("acceptWantsHTML(%q) = %v, reference says %v", field, got, want)
		}
		// A feed type at full weight always keeps the feed, and the field
		// may be split over lines anywhere between items.
		if acceptWantsHTML([]string{"application/atom+xml", field}) || acceptWantsHTML([]string{field, "application/rss+xml"}) {
			t.Errorf("%q with a feed type at q=1 asks for the page", field)
		}
		if before, after, ok := strings.Cut(field, ","); ok && acceptWantsHTML([]string{before, after}) != got {
			t.Errorf("%q split at its first comma decides otherwise", field)
		}
	})
}
