package front

import "net"

// The request reader. It recognises only the plainest HTTP/1.1 request:
// GET or HEAD of an origin-form path without a query, one Host, no body,
// no Connection option but keep-alive, every line ended by CRLF, every
// field name a token and every value free of control characters.
// Anything else, valid or not, is left to net/http, which then answers as
// it always does; so the Front never has to be right about a request it
// does not fully understand.

// parseResult says what to do with the bytes read so far.
type parseResult int

const (
	// needMore: the head is not complete yet.
	needMore parseResult = iota
	// fastRequest: a complete head the Front reads as a Request.
	fastRequest
	// slowRequest: hand the connection to net/http.
	slowRequest
)

// Request is one request the Front read. Its byte slices alias the read
// buffer and its Header's slices are reused for the connection's next
// request: neither outlives the Answerer's calls.
type Request struct {
	Head   bool   // HEAD, else GET
	Path   []byte // the origin-form path, without a query
	Header Header
	// For an access log: the first User-Agent, and the X-Forwarded-For (a
	// request with two goes to net/http, which joins them); nil if absent.
	UserAgent, ForwardedFor []byte
	Remote                  net.Addr // the client's address
	// storage for Header's slices, reused across requests on one connection
	ae, acc, inm, ims []string
}

// Header holds the fields that choose a response, as net/http's header
// map would: one string per field line, nil for a field not sent.
type Header struct {
	AcceptEncoding, Accept       []string
	IfNoneMatch, IfModifiedSince []string
	HasIfNoneMatch               bool // an If-None-Match was sent, maybe empty
}

func (r *Request) reset() {
	r.Head, r.Path = false, nil
	r.UserAgent, r.ForwardedFor = nil, nil
	r.ae, r.acc, r.inm, r.ims = r.ae[:0], r.acc[:0], r.inm[:0], r.ims[:0]
	r.Header = Header{}
}

// parseHead reads the request head at the start of b. On fastRequest, n is
// the head's length including its final empty line.
func parseHead(b []byte, r *Request) (n int, res parseResult) {
	r.reset()
	line, rest, ok := cutLine(b)
	if !ok {
		return 0, pending(b)
	}
	if !r.requestLine(line) {
		return 0, slowRequest
	}
	hosts := 0
	for {
		line, rest, ok = cutLine(rest)
		if !ok {
			return 0, pending(rest)
		}
		if len(line) == 0 {
			break
		}
		name, value, ok := splitField(line)
		if !ok {
			return 0, slowRequest
		}
		switch {
		case asciiEqualFold(name, "host"):
			if !validHost(value) {
				return 0, slowRequest
			}
			hosts++
		case asciiEqualFold(name, "accept-encoding"):
			r.ae = append(r.ae, string(value))
		case asciiEqualFold(name, "accept"):
			r.acc = append(r.acc, string(value))
		case asciiEqualFold(name, "if-none-match"):
			r.inm = append(r.inm, string(value))
			r.Header.HasIfNoneMatch = true
		case asciiEqualFold(name, "if-modified-since"):
			r.ims = append(r.ims, string(value))
		case asciiEqualFold(name, "user-agent"):
			if r.UserAgent == nil {
				r.UserAgent = value
			}
		case asciiEqualFold(name, "x-forwarded-for"):
			if r.ForwardedFor != nil {
				return 0, slowRequest
			}
			r.ForwardedFor = value
		case asciiEqualFold(name, "connection"):
			if !asciiEqualFold(value, "keep-alive") {
				return 0, slowRequest
			}
		case asciiEqualFold(name, "content-length"),
			asciiEqualFold(name, "transfer-encoding"),
			asciiEqualFold(name, "expect"),
			asciiEqualFold(name, "upgrade"):
			return 0, slowRequest
		}
	}
	if hosts != 1 {
		return 0, slowRequest
	}
	// net/http's header map holds nil for a field that was not sent.
	r.Header.AcceptEncoding = nilIfEmpty(r.ae)
	r.Header.Accept = nilIfEmpty(r.acc)
	r.Header.IfNoneMatch = nilIfEmpty(r.inm)
	r.Header.IfModifiedSince = nilIfEmpty(r.ims)
	return len(b) - len(rest), fastRequest
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// pending is the verdict on an unfinished head: wait for more, unless it
// already holds a bare LF, which net/http accepts and the Front does not.
func pending(b []byte) parseResult {
	for i, c := range b {
		if c == '\n' && (i == 0 || b[i-1] != '\r') {
			return slowRequest
		}
	}
	return needMore
}

// cutLine splits off a CRLF-terminated line. A line ended by a bare LF is
// reported as not found, so pending then sends it to net/http.
func cutLine(b []byte) (line, rest []byte, ok bool) {
	for i, c := range b {
		if c == '\n' {
			if i == 0 || b[i-1] != '\r' {
				return nil, b, false
			}
			return b[:i-1], b[i+1:], true
		}
	}
	return nil, b, false
}

// requestLine accepts "GET /path HTTP/1.1" or "HEAD /path HTTP/1.1" with
// single spaces and a path of plain characters and no query.
func (r *Request) requestLine(line []byte) bool {
	switch {
	case len(line) > 4 && string(line[:4]) == "GET ":
		line = line[4:]
	case len(line) > 5 && string(line[:5]) == "HEAD ":
		r.Head = true
		line = line[5:]
	default:
		return false
	}
	const version = " HTTP/1.1"
	if len(line) <= len(version) || string(line[len(line)-len(version):]) != version {
		return false
	}
	path := line[:len(line)-len(version)]
	if path[0] != '/' {
		return false
	}
	for _, c := range path {
		if !pathChar[c] {
			return false
		}
	}
	r.Path = path
	return true
}

// splitField splits "Name: value" into the name and the value without its
// surrounding blanks. It refuses a name that is not a token (which includes
// a blank before the colon or a folded continuation line) and a value with
// a control character other than tab.
func splitField(line []byte) (name, value []byte, ok bool) {
	colon := -1
	for i, c := range line {
		if c == ':' {
			colon = i
			break
		}
		if !tokenChar[c] {
			return nil, nil, false
		}
	}
	if colon <= 0 {
		return nil, nil, false
	}
	value = line[colon+1:]
	for _, c := range value {
		if (c < ' ' && c != '\t') || c == 0x7f {
			return nil, nil, false
		}
	}
	for len(value) > 0 && (value[0] == ' ' || value[0] == '\t') {
		value = value[1:]
	}
	for len(value) > 0 && (value[len(value)-1] == ' ' || value[len(value)-1] == '\t') {
		value = value[:len(value)-1]
	}
	return line[:colon], value, true
}

// validHost accepts the characters of a host name, an IP literal and a
// port; anything rarer goes to net/http's full check.
func validHost(v []byte) bool {
	for _, c := range v {
		if !hostChar[c] {
			return false
		}
	}
	return true
}

func asciiEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

var tokenChar, pathChar, hostChar = charSets()

// charSets builds the byte classes: RFC 9110 token characters; the path
// characters of our own URLs (unreserved, "/" and sub-delims, no "%", "?"
// or "#"); and host characters (RFC 3986 reg-name, IP literals, port).
func charSets() (token, path, host [256]bool) {
	for c := 0; c < 256; c++ {
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		token[c] = alnum
		path[c] = alnum
		host[c] = alnum
	}
	for _, c := range []byte("!#$%&'*+-.^_`|~") {
		token[c] = true
	}
	for _, c := range []byte("-._~/!$&'()*+,;=:@") {
		path[c] = true
	}
	for _, c := range []byte("-._~:[]") {
		host[c] = true
	}
	return token, path, host
}
