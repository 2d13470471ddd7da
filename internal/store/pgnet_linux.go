package store

import (
	"strings"
	"syscall"
	"time"
)

// tcpUserTimeout is TCP_USER_TIMEOUT (linux/tcp.h), which the syscall
// package does not define on every architecture.
const tcpUserTimeout = 0x12

// pgDialControl sets TCP_USER_TIMEOUT on a TCP connection to PostgreSQL:
// data seedfeed sent that stays unacknowledged for pgUserTimeout fails
// the connection.
func pgDialControl(network, _ string, c syscall.RawConn) error {
	if !strings.HasPrefix(network, "tcp") {
		return nil
	}
	var serr error
	if err := c.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, tcpUserTimeout, int(pgUserTimeout/time.Millisecond))
	}); err != nil {
		return err
	}
	return serr
}
