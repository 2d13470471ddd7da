package server

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"seedfeed/internal/front"
	"strings"
	"time"
)

// accessLog writes one line per request. A Server without one (the
// default) pays a nil check per request and nothing else.
type accessLog struct {
	log     *slog.Logger
	trusted []netip.Prefix
}

func newAccessLog(log *slog.Logger, trusted []netip.Prefix) *accessLog {
	if log == nil {
		return nil
	}
	return &accessLog{log: log, trusted: trusted}
}

// accessEntry is what one line says about one request.
type accessEntry struct {
	method, path string
	status       int
	bytes        int64 // body bytes written
	duration     time.Duration
	remote       string // the peer, host:port
	xff          []string
	userAgent    string
}

// write logs e at Info level with stable keys: method, path, status, bytes,
// duration, remote, client (only when a trusted proxy named one) and
// user_agent.
func (a *accessLog) write(ctx context.Context, e *accessEntry) {
	attrs := make([]slog.Attr, 0, 8)
	attrs = append(attrs,
		slog.String("method", e.method),
		slog.String("path", e.path),
		slog.Int("status", e.status),
		slog.Int64("bytes", e.bytes),
		slog.Duration("duration", e.duration),
		slog.String("remote", e.remote),
	)
	if c := a.forwardedClient(e.remote, e.xff); c != "" {
		attrs = append(attrs, slog.String("client", c))
	}
	attrs = append(attrs, slog.String("user_agent", e.userAgent))
	a.log.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
}

// forwardedClient returns the client a trusted proxy reports in
// X-Forwarded-For, or "" when the peer is not a trusted proxy or the header
// names nobody usable. Every proxy appends the address it received the
// request from, so the list is read from the right: the first address
// that is not itself a trusted proxy is the client (anything left of it
// may have been made up by that client). When every address is trusted,
// the left-most is the client. An entry that is not an address ends the
// search with no client.
func (a *accessLog) forwardedClient(remote string, xff []string) string {
	if len(xff) == 0 || len(a.trusted) == 0 || !a.isTrusted(remote) {
		return ""
	}
	last := ""
	for i := len(xff) - 1; i >= 0; i-- {
		v := xff[i]
		for v != "" {
			var item string
			if j := strings.LastIndexByte(v, ','); j >= 0 {
				item, v = v[j+1:], v[:j]
			} else {
				item, v = v, ""
			}
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			addr, ok := parseForwardedAddr(item)
			if !ok {
				return ""
			}
			if !a.trustedAddr(addr) {
				return addr.String()
			}
			last = addr.String()
		}
	}
	return last
}

// isTrusted reports whether the peer at hostport may set X-Forwarded-For.
func (a *accessLog) isTrusted(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return a.trustedAddr(addr)
}

func (a *accessLog) trustedAddr(addr netip.Addr) bool {
	addr = addr.Unmap().WithZone("")
	for _, p := range a.trusted {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// parseForwardedAddr reads one X-Forwarded-For entry: an address, possibly
// with a port ("203.0.113.7:4711", "[2001:db8::1]:80") as some proxies add.
func parseForwardedAddr(s string) (netip.Addr, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		if a, err := netip.ParseAddr(s[1 : len(s)-1]); err == nil {
			return a.Unmap(), true
		}
	}
	return netip.Addr{}, false
}

// logAccess logs every request net/http answers through next.
func (s *Server) logAccess(next http.Handler) http.Handler {
	a := s.access
	if a == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			status := rec.status
			if status == 0 {
				status = http.StatusOK // the handler wrote nothing
			}
			a.write(r.Context(), &accessEntry{
				method:    r.Method,
				path:      r.URL.Path,
				status:    status,
				bytes:     rec.bytes,
				duration:  time.Since(start),
				remote:    r.RemoteAddr,
				xff:       r.Header["X-Forwarded-For"],
				userAgent: r.Header.Get("User-Agent"),
			})
		}()
		next.ServeHTTP(rec, r)
	})
}

// logFront logs a request the Front answered itself. start is when its
// head had been read; body is how many body bytes went out.
func (a *accessLog) logFront(r *front.Request, code int, body int64, start time.Time) {
	method := http.MethodGet
	if r.Head {
		method = http.MethodHead
	}
	var xff []string
	if r.ForwardedFor != nil {
		xff = []string{string(r.ForwardedFor)}
	}
	remote := ""
	if r.Remote != nil {
		remote = r.Remote.String()
	}
	a.write(context.Background(), &accessEntry{
		method:    method,
		path:      string(r.Path),
		status:    code,
		bytes:     body,
		duration:  time.Since(start),
		remote:    remote,
		xff:       xff,
		userAgent: string(r.UserAgent),
	})
}
