package store

import (
	"net"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// How long a PostgreSQL peer that went silent goes unnoticed. A writer cut
// off by a network that drops packets without a reset (a "blackhole": a
// pulled cable, a firewall that forgets the connection) leaves nothing
// closed: without these bounds its sessions, and the writer's advisory
// lock with them, would live until the operating system's TCP keepalive
// gives up, two hours by default, and no other server could take over.
//
//   - The server side, per session (PostgreSQL's tcp_keepalives_idle,
//     _interval, _count and tcp_user_timeout): PostgreSQL probes an idle
//     session after pgKeepaliveIdle and ends it, releasing its locks,
//     when pgKeepaliveCount probes pgKeepaliveInterval apart go
//     unanswered (5 + 3 × 2 = 11 s); data it sent that stays unacknowledged
//     for pgUserTimeout ends it too.
//   - The client side, the same on seedfeed's sockets (Go's keepalive
//     settings, and TCP_USER_TIMEOUT on Linux): a query or a LISTEN on a
//     dead connection fails within the same bounds instead of hanging.
//
// Keepalive probes are answered by the peer's kernel, not by seedfeed or
// PostgreSQL, so a busy process is never mistaken for a dead one. A URL
// that sets any of these (?tcp_keepalives_idle=60) keeps its own value on
// the server side. They apply to TCP connections; PostgreSQL ignores them
// on a Unix socket.
const (
	pgKeepaliveIdle     = 5 * time.Second
	pgKeepaliveInterval = 2 * time.Second
	pgKeepaliveCount    = 3
	pgUserTimeout       = 10 * time.Second
)

// pgSessionSettings are the run-time parameters every seedfeed session
// starts with (sent in the startup message: no extra round trip).
func pgSessionSettings() map[string]string {
	return map[string]string{
		"tcp_keepalives_idle":     strconv.Itoa(int(pgKeepaliveIdle / time.Second)),
		"tcp_keepalives_interval": strconv.Itoa(int(pgKeepaliveInterval / time.Second)),
		"tcp_keepalives_count":    strconv.Itoa(pgKeepaliveCount),
		"tcp_user_timeout":        strconv.Itoa(int(pgUserTimeout / time.Millisecond)),
	}
}

// pgConnConfig is rawURL's connection configuration with the session
// settings above (unless the URL gives its own) and a dialer with the
// same bounds on seedfeed's side.
func pgConnConfig(rawURL string) (*pgx.ConnConfig, error) {
	cc, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return nil, err
	}
	for k, v := range pgSessionSettings() {
		if _, set := cc.RuntimeParams[k]; !set {
			cc.RuntimeParams[k] = v
		}
	}
	d := &net.Dialer{
		Timeout: cc.ConnectTimeout, // connect_timeout in the URL; 0: none
		KeepAliveConfig: net.KeepAliveConfig{
			Enable:   true,
			Idle:     pgKeepaliveIdle,
			Interval: pgKeepaliveInterval,
			Count:    pgKeepaliveCount,
		},
		Control: pgDialControl,
	}
	cc.DialFunc = d.DialContext
	return cc, nil
}
