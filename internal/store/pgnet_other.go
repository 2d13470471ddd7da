//go:build !linux

package store

import "syscall"

// pgDialControl does nothing outside Linux: the keepalive settings still
// bound how long a dead peer goes unnoticed.
func pgDialControl(network, address string, c syscall.RawConn) error { return nil }
