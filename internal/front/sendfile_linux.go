package front

import (
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

// BodyFile is a response body copied once into an anonymous in-memory
// file, so that the Front can hand it to the kernel with sendfile(2)
// instead of copying it into every socket: for a feed of a few hundred
// kilobytes that copy was 40% of the server's CPU under load. The file is
// closed by os.File's finalizer once no snapshot and no response in flight
// refers to it, so an fd is never closed while a response still reads it.
type BodyFile struct {
	f    *os.File
	fd   int
	size int
}

// ErrNoSendfile is what NewBodyFile returns where the system has no
// sendfile(2) the Front can use; never on Linux (see sendfile_other.go).
var ErrNoSendfile = errors.New("front: sendfile not available")

// NewBodyFile copies b into a new in-memory file; name (a path) labels the
// file for lsof and /proc.
func NewBodyFile(name string, b []byte) (*BodyFile, error) {
	fd, err := unix.MemfdCreate("seedfeed"+name, unix.MFD_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("front: memfd for %s: %w", name, err)
	}
	f := os.NewFile(uintptr(fd), "memfd:seedfeed"+name)
	if _, err := f.Write(b); err != nil {
		f.Close()
		return nil, fmt.Errorf("front: memfd for %s: %w", name, err)
	}
	return &BodyFile{f: f, fd: fd, size: len(b)}, nil
}

// sendWithFile writes head, then the file's bytes, on c. The socket is
// corked meanwhile so that the head leaves in the body's first segment.
// It reports handled=false, having written nothing, when c is not a TCP
// connection; the caller then writes from memory.
func sendWithFile(c net.Conn, head [][]byte, bf *BodyFile) (handled bool, err error) {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return false, nil
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return false, nil
	}
	defer runtime.KeepAlive(bf)
	cork := func(on int) {
		_ = rc.Control(func(s uintptr) {
			_ = unix.SetsockoptInt(int(s), unix.IPPROTO_TCP, unix.TCP_CORK, on)
		})
	}
	cork(1)
	defer cork(0)
	hb := net.Buffers(head)
	if _, err := hb.WriteTo(tc); err != nil {
		return true, err
	}
	// An explicit offset leaves the file's own offset alone, so any number
	// of responses can read the same file at once.
	var off int64
	var sendErr error
	for off < int64(bf.size) && sendErr == nil {
		err := rc.Write(func(s uintptr) bool {
			for off < int64(bf.size) {
				_, e := unix.Sendfile(int(s), bf.fd, &off, bf.size-int(off))
				switch {
				case e == unix.EAGAIN:
					return false // wait until the socket drains
				case e == unix.EINTR:
					continue
				case e != nil:
					sendErr = e
					return true
				}
			}
			return true
		})
		if err != nil {
			return true, err
		}
	}
	if sendErr != nil {
		return true, fmt.Errorf("sendfile: %w", sendErr)
	}
	return true, nil
}
