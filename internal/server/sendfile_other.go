//go:build !linux

package server

import (
	"errors"
	"net"
)

// bodyFile exists only on Linux; elsewhere the Front writes from memory.
type bodyFile struct{}

var errNoSendfile = errors.New("server: sendfile not available")

func newBodyFile(string, []byte) (*bodyFile, error) { return nil, errNoSendfile }

func sendWithFile(net.Conn, [][]byte, *bodyFile) (bool, error) { return false, nil }
