package server

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Front serves a Server over HTTP/1.1 the way nginx serves a static file.
// The requests feed readers make all day (GET or HEAD of a feed or the
// index, plain, gzip or conditional) are answered straight from the
// snapshot with one prepared header block and one write; net/http's
// per-request machinery (request and header objects, a response writer,
// buffered copies) is what kept a bare Go server at half of nginx's rate.
// Every other request, and every request the fast path does not fully
// understand, goes with its connection to an ordinary http.Server, which
// answers it exactly as it would have without the Front.
type Front struct {
	srv  *Server
	std  *http.Server
	log  *slog.Logger
	slow *handoff

	mu      sync.Mutex
	ln      net.Listener
	conns   map[*fastConn]struct{}
	closing atomic.Bool // set under mu; read without it on every request
	done    sync.WaitGroup

	// Timeouts taken from std; zero means none, as in net/http.
	readHeaderTimeout, idleTimeout, writeTimeout time.Duration

	date atomic.Pointer[dateLine]
	bufs sync.Pool // *[]byte read buffers
}

// frontBufSize bounds the request head the fast path reads; a feed
// reader's is well under 1 KB, and a longer one goes to net/http.
const frontBufSize = 4096

// NewFront returns a Front for srv. std supplies the timeouts and error
// log, and serves everything the fast path leaves; its Handler should be
// srv (NewHTTPServer(addr, srv) is).
func NewFront(srv *Server, std *http.Server) *Front {
	f := &Front{
		srv:   srv,
		std:   std,
		log:   srv.log,
		conns: make(map[*fastConn]struct{}),

		readHeaderTimeout: cmp.Or(std.ReadHeaderTimeout, std.ReadTimeout),
		idleTimeout:       cmp.Or(std.IdleTimeout, std.ReadTimeout),
		writeTimeout:      std.WriteTimeout,
	}
	f.bufs.New = func() any {
		b := make([]byte, frontBufSize)
		return &b
	}
	return f
}

// Serve accepts connections on ln until Shutdown, like http.Server.Serve,
// and returns http.ErrServerClosed after it.
func (f *Front) Serve(ln net.Listener) error {
	f.mu.Lock()
	if f.closing.Load() {
		f.mu.Unlock()
		ln.Close()
		return http.ErrServerClosed
	}
	f.ln = ln
	f.slow = newHandoff(ln.Addr())
	slow := f.slow
	f.mu.Unlock()

	stdDone := make(chan error, 1)
	go func() { stdDone <- f.std.Serve(slow) }()

	var tempDelay time.Duration
	for {
		c, err := ln.Accept()
		if err != nil {
			if f.isClosing() {
				<-stdDone
				return http.ErrServerClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				// Out of file descriptors and the like: back off as
				// net/http does instead of spinning.
				tempDelay = min(max(2*tempDelay, 5*time.Millisecond), time.Second)
				time.Sleep(tempDelay)
				continue
			}
			ln.Close()
			slow.Close()
			<-stdDone
			return err
		}
		tempDelay = 0
		fc := &fastConn{front: f, c: c}
		if !f.track(fc, true) {
			c.Close()
			continue
		}
		go fc.serve()
	}
}

// Shutdown stops accepting, closes idle connections, lets requests in
// flight finish, and waits for them or for ctx, like http.Server.Shutdown.
func (f *Front) Shutdown(ctx context.Context) error {
	f.mu.Lock()
	f.closing.Store(true)
	ln := f.ln
	for fc := range f.conns {
		fc.wake()
	}
	f.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	stdErr := f.std.Shutdown(ctx)
	all := make(chan struct{})
	go func() {
		f.done.Wait()
		close(all)
	}()
	select {
	case <-all:
		return stdErr
	case <-ctx.Done():
		f.mu.Lock()
		for fc := range f.conns {
			fc.c.Close()
		}
		f.mu.Unlock()
		return ctx.Err()
	}
}

func (f *Front) isClosing() bool {
	return f.closing.Load()
}

// track adds or removes a connection; adding fails once closing.
func (f *Front) track(fc *fastConn, add bool) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if add {
		if f.closing.Load() {
			return false
		}
		f.conns[fc] = struct{}{}
		f.done.Add(1)
		return true
	}
	delete(f.conns, fc)
	f.done.Done()
	return true
}

// dateLine is the Date header of one second, as net/http would write it.
type dateLine struct {
	sec  int64
	line []byte // "Date: ...\r\n\r\n", ending the head
}

func (f *Front) dateLine(now time.Time) []byte {
	sec := now.Unix()
	if d := f.date.Load(); d != nil && d.sec == sec {
		return d.line
	}
	b := make([]byte, 0, 40)
	b = append(b, "Date: "...)
	b = now.UTC().AppendFormat(b, http.TimeFormat)
	b = append(b, "\r\n\r\n"...)
	f.date.Store(&dateLine{sec: sec, line: b})
	return b
}

// fastConn is one client connection while the fast path owns it.
type fastConn struct {
	front *Front
	c     net.Conn
	idle  atomic.Bool // waiting for the next request with nothing read

	readLimit        time.Duration // the read deadline in force was set
	readSet, writeBy time.Time     // to readSet+readLimit; the write one is writeBy
	req              fastReq
	out              [3][]byte
	wbuf             net.Buffers // over out; a field, so writing allocates nothing
}

// wake unblocks an idle connection's read so that it sees the shutdown.
func (fc *fastConn) wake() {
	if fc.idle.Load() {
		fc.c.SetReadDeadline(time.Now())
	}
}

func (fc *fastConn) serve() {
	f := fc.front
	handedOff := false
	defer func() {
		if err := recover(); err != nil {
			f.log.Error("fast path panic", slog.Any("error", err), slog.String("remote", fc.c.RemoteAddr().String()))
		}
		if !handedOff {
			fc.c.Close()
		}
		f.track(fc, false)
	}()
	bp := f.bufs.Get().(*[]byte)
	defer f.bufs.Put(bp)
	buf := *bp
	n := 0
	first := true
	headStarted := false // the bytes in buf began arriving with the last read
	var readErr error
	for {
		res, size := needMore, 0
		if n > 0 {
			size, res = parseHead(buf[:n], &fc.req)
		}
		switch {
		case res == fastRequest:
			first = false
			if !fc.respond() {
				handedOff = fc.handOff(buf[:n])
				return
			}
			// Pipelined requests already read are answered before the
			// next read.
			n = copy(buf, buf[size:n])
			if f.isClosing() {
				return
			}
			continue
		case res == slowRequest || n == len(buf):
			handedOff = fc.handOff(buf[:n])
			return
		case readErr != nil:
			var ne net.Error
			if n == 0 || errors.As(readErr, &ne) && ne.Timeout() || !errors.Is(readErr, io.EOF) {
				return // idle, too slow, or reset: nothing to answer
			}
			// Half a request and then EOF: net/http says what is wrong.
			handedOff = fc.handOff(buf[:n])
			return
		}
		if n == 0 {
			// Between requests the connection may idle for IdleTimeout
			// (the first request gets ReadHeaderTimeout, as in net/http).
			limit := f.idleTimeout
			if first {
				limit = f.readHeaderTimeout
			}
			// Deadline, then idle, then the flag: Shutdown sets the flag
			// and then wakes idle connections, so either it wakes this
			// read or this check sees the flag.
			fc.readDeadline(limit)
			fc.idle.Store(true)
			if f.isClosing() {
				return
			}
		} else if headStarted {
			// A head split over reads has ReadHeaderTimeout from its first
			// bytes to complete.
			fc.readDeadline(f.readHeaderTimeout)
			headStarted = false
		}
		m, err := fc.c.Read(buf[n:])
		fc.idle.Store(false)
		headStarted = n == 0 && m > 0
		n += m
		readErr = err
	}
}

// readDeadline sets the read deadline to now+d. Setting one costs a timer
// update, so while the limit stays the same it is refreshed only once it
// is a second stale: an idle connection may be cut up to a second early.
func (fc *fastConn) readDeadline(d time.Duration) {
	now := time.Now()
	if d == fc.readLimit && now.Sub(fc.readSet) < time.Second {
		return
	}
	fc.readLimit, fc.readSet = d, now
	var by time.Time // zero: no limit
	if d > 0 {
		by = now.Add(d)
	}
	fc.c.SetReadDeadline(by)
}

// respond answers the parsed request from the snapshot. It returns false,
// having written nothing, when the snapshot cannot answer it (no snapshot
// yet, or a path it does not hold): net/http then does.
func (fc *fastConn) respond() bool {
	f := fc.front
	st := f.srv.state.Load()
	fr := st.fast[string(fc.req.path)]
	if fr == nil {
		return false
	}
	v := fr.res.pick(&fc.req.hdr)
	i := fr.res.variantIndex(v)
	code, head := 200, fr.heads[i].ok
	if notModified(&fc.req.hdr, v.etag, fr.res) {
		code, head = http.StatusNotModified, fr.heads[i].notModified
	}
	now := time.Now()
	fc.out[0] = head
	fc.out[1] = f.dateLine(now)
	fc.out[2] = nil
	if code == http.StatusOK && !fc.req.head {
		fc.out[2] = v.body
	}
	if wt := f.writeTimeout; wt > 0 {
		if by := now.Add(wt); by.Sub(fc.writeBy) >= time.Second {
			fc.writeBy = by
			fc.c.SetWriteDeadline(by)
		}
	}
	// Counted before the write, as net/http's path counts a response
	// whether or not the client stays to read it.
	if fr.counter != nil {
		fr.counter.inc(f.srv.metrics.RequestsTotal, code)
	}
	var err error
	sent := false
	body := int64(len(fc.out[2]))
	if bf := fr.files[i]; bf != nil && fc.out[2] != nil {
		sent, err = sendWithFile(fc.c, fc.out[:2], bf)
		if err != nil {
			body = 0 // how much left before the error is not known
		}
	}
	if !sent {
		headLen := int64(len(fc.out[0]) + len(fc.out[1]))
		fc.wbuf = fc.out[:]
		var n int64
		n, err = fc.wbuf.WriteTo(fc.c)
		if err != nil {
			body = max(n-headLen, 0)
		}
	}
	fc.out = [3][]byte{}
	if a := f.srv.access; a != nil {
		fc.logFast(a, code, body, now)
	}
	if err != nil {
		// The client went away mid-response; the connection is done. Close
		// it here so that the caller's next read fails at once.
		fc.c.Close()
	}
	return true
}

// handOff gives the connection, with the bytes already read from it, to
// net/http. It reports whether net/http took it.
func (fc *fastConn) handOff(read []byte) bool {
	fc.c.SetDeadline(time.Time{})
	return fc.front.slow.give(&replayConn{Conn: fc.c, pending: bytes.Clone(read)})
}

// replayConn is a connection whose first reads return bytes the fast path
// read before handing it over.
type replayConn struct {
	net.Conn
	pending []byte
}

func (c *replayConn) Read(p []byte) (int, error) {
	if len(c.pending) > 0 {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		return n, nil
	}
	return c.Conn.Read(p)
}

// CloseWrite lets net/http half-close the connection before closing it,
// so a client's unread bytes do not turn the last response into a reset.
func (c *replayConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// handoff is the net.Listener the fallback http.Server accepts from: it
// yields the connections the fast path gives up.
type handoff struct {
	addr   net.Addr
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func newHandoff(addr net.Addr) *handoff {
	return &handoff{addr: addr, conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (h *handoff) give(c net.Conn) bool {
	select {
	case h.conns <- c:
		return true
	case <-h.closed:
		return false
	}
}

func (h *handoff) Accept() (net.Conn, error) {
	select {
	case c := <-h.conns:
		return c, nil
	case <-h.closed:
		return nil, net.ErrClosed
	}
}

func (h *handoff) Close() error {
	h.once.Do(func() { close(h.closed) })
	return nil
}

func (h *handoff) Addr() net.Addr { return h.addr }
