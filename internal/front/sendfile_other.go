//go:build !linux

package front

import (
	"errors"
	"net"
)

// BodyFile exists only on Linux; elsewhere the Front writes from memory.
type BodyFile struct{}

// ErrNoSendfile is what NewBodyFile returns here: no body is sent with
// sendfile(2).
var ErrNoSendfile = errors.New("front: sendfile not available")

func NewBodyFile(string, []byte) (*BodyFile, error) { return nil, ErrNoSendfile }

func sendWithFile(net.Conn, [][]byte, *BodyFile) (bool, error) { return false, nil }
