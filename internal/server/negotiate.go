package server

// headerList walks the comma-separated items of a header's field lines,
// splitting each into its name and parameters, without allocating: it runs
// on every feed request.
type headerList struct {
	fields []string
	rest   string
}

func (l *headerList) next() (name, params string, ok bool) {
	for l.rest == "" {
		if len(l.fields) == 0 {
			return "", "", false
		}
		l.rest, l.fields = l.fields[0], l.fields[1:]
	}
	var item string
	item, l.rest = cutByte(l.rest, ',')
	name, params = cutByte(item, ';')
	return trimOWS(name), params, true
}

// acceptsGzip reports whether an Accept-Encoding field allows gzip: listed
// as gzip (or x-gzip) with a non-zero q-value, or covered by "*" with a
// non-zero q-value and not refused by name.
func acceptsGzip(fields []string) bool {
	named, star := -1, -1 // highest q in thousandths; -1 when unlisted
	for l := (headerList{fields: fields}); ; {
		name, params, ok := l.next()
		if !ok {
			break
		}
		switch {
		case equalFold(name, "gzip") || equalFold(name, "x-gzip"):
			named = max(named, qValue(params))
		case name == "*":
			star = max(star, qValue(params))
		}
	}
	if named >= 0 {
		return named > 0
	}
	return star > 0
}

// acceptWantsHTML reports whether an Accept field is a browser's asking for
// a page: it names text/html or application/xhtml+xml with a higher weight
// than every feed or XML media type it names. Wildcards count for neither
// side, and a tie goes to the feed, so a client that lists no HTML type,
// or lists one no higher than a feed type, gets the feed.
//
// What real clients send (see docs/browser-view.md for the sources):
//
//   - newsboat: libcurl's default "*/*" (rss/parser.cpp sets no Accept).
//   - NetNewsWire: URLSession's default "*/*" (RSWeb sets only User-Agent).
//   - gofeed: none (parser.go sets only User-Agent; net/http adds none).
//   - feedparser: "application/atom+xml,application/rdf+xml,
//     application/rss+xml,application/x-netcdf,application/xml;q=0.9,
//     text/xml;q=0.2,*/*;q=0.1" (feedparser/http.py ACCEPT_HEADER).
//   - Miniflux: "application/xml,application/atom+xml,application/rss+xml,
//     application/rdf+xml,application/feed+json,text/html,*/*;q=0.9"
//     (internal/reader/fetcher/request_builder.go): text/html at 1, but
//     feed types at 1 too, so the tie keeps it on the feed.
//   - FreshRSS and anything else on SimplePie: "application/atom+xml,
//     application/rss+xml, application/rdf+xml;q=0.9, application/xml;q=0.8,
//     text/xml;q=0.8, text/html;q=0.7, ..." (SimplePie.php
//     DEFAULT_HTTP_ACCEPT_HEADER): text/html below the feed types.
//   - Feedly and Inoreader: not documented (their fetcher pages give only
//     the User-Agent); unless they send a browser's Accept, they get the feed.
//   - Chromium, Firefox and Safari navigating: "text/html,
//     application/xhtml+xml,application/xml;q=0.9,..." (text/html at 1,
//     above application/xml at 0.9): the page.
func acceptWantsHTML(fields []string) bool {
	html, feed := 0, 0
	for l := (headerList{fields: fields}); ; {
		name, params, ok := l.next()
		if !ok {
			break
		}
		switch {
		case equalFold(name, "text/html") || equalFold(name, "application/xhtml+xml"):
			html = max(html, qValue(params))
		case isFeedMediaType(name):
			if feed = max(feed, qValue(params)); feed == 1000 {
				return false // nothing can outweigh it
			}
		}
	}
	return html > feed
}

// isFeedMediaType reports whether an Accept item names a type a feed is
// served as: Atom, RSS, RDF, JSON Feed, or XML or JSON in general.
func isFeedMediaType(name string) bool {
	// By length first: this runs for every item of every feed request's
	// Accept header, and most items are none of these.
	switch len(name) {
	case len("text/xml"):
		return equalFold(name, "text/xml")
	case len("application/xml"):
		return equalFold(name, "application/xml")
	case len("application/json"):
		return equalFold(name, "application/json")
	case len("application/rss+xml"): // and rdf+xml
		return equalFold(name, "application/rss+xml") || equalFold(name, "application/rdf+xml")
	case len("application/atom+xml"):
		return equalFold(name, "application/atom+xml")
	case len("application/feed+json"):
		return equalFold(name, "application/feed+json")
	}
	return false
}

// qValue reads the q parameter out of ";"-separated params, in thousandths:
// 1000 when absent, 0 when malformed. A non-zero weight finer than the
// grammar's three decimals still counts as non-zero.
func qValue(params string) int {
	for params != "" {
		var p string
		p, params = cutByte(params, ';')
		p = trimOWS(p)
		if len(p) < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=' {
			continue
		}
		v := p[2:]
		if v == "" {
			return 0
		}
		switch v[0] {
		case '1':
			return 1000
		case '0':
		default:
			return 0
		}
		if len(v) == 1 {
			return 0
		}
		if v[1] != '.' {
			return 0
		}
		q, scale := 0, 100
		for _, c := range []byte(v[2:]) {
			if c < '0' || c > '9' {
				return 0
			}
			if scale > 0 {
				q += int(c-'0') * scale
				scale /= 10
			} else if c != '0' && q == 0 {
				q = 1
			}
		}
		return q
	}
	return 1000
}

func cutByte(s string, sep byte) (before, after string) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

func trimOWS(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// equalFold compares s with a lower-case ASCII token.
func equalFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
