// Package front serves HTTP/1.1 the way nginx serves a static file: the
// requests feed readers make all day are answered from bytes prepared
// beforehand, with one header block and one write (or sendfile), and
// every other request, and every request the Front does not fully
// understand, goes with its connection to an ordinary http.Server, which
// answers it exactly as it would have without the Front.
//
// The Front knows HTTP/1.1 and nothing of the site: which paths it answers,
// and with what, its Answerer says per request.
package front

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

// Answerer answers the requests the Front reads, from many connections at
// once.
type Answerer interface {
	// Answer fills rep for r and reports true, or reports false: net/http
	// then answers r on the same connection, as it would have without the
	// Front.
	Answer(r *Request, rep *Reply) bool
	// Answered follows every reply the Front wrote, or began to write:
	// body is how many of its body bytes went out, start when r's head had
	// been read. For an access log.
	Answered(r *Request, status int, body int64, start time.Time)
}

// Reply is a response the Answerer prepared.
type Reply struct {
	Status int
	// Head is the status line and the header fields, each ended by CRLF,
	// as net/http writes them for the same handler up to the Date field,
	// which net/http writes last: the Front adds Date (and, once Shutdown
	// has begun, Connection: close) and the empty line.
	Head []byte
	// Body follows the head; nil for a HEAD request or a 304.
	Body []byte
	// File is Body as an in-memory file, sent with sendfile(2); nil: Body
	// is written from memory.
	File *BodyFile
}

// Front serves HTTP/1.1 connections: what its Answerer answers from
// prepared bytes, the rest through an http.Server. net/http's per-request
// machinery (request and header objects, a response writer, buffered
// copies) is what kept a bare Go server at half of nginx's rate.
type Front struct {
	ans  Answerer
	std  *http.Server
	log  *slog.Logger
	slow *handoff

	mu      sync.Mutex
	ln      net.Listener
	conns   map[*conn]struct{}
	closing atomic.Bool // set under mu; read without it on every request
	done    sync.WaitGroup

	// Timeouts taken from std; zero means none, as in net/http.
	readHeaderTimeout, idleTimeout, writeTimeout time.Duration

	date atomic.Pointer[dateLine]
	bufs sync.Pool // *[]byte read buffers
}

// bufSize bounds the request head the Front reads; a feed reader's is
// well under 1 KB, and a longer one goes to net/http.
const bufSize = 4096

// New returns a Front for a. std supplies the timeouts and error log, and
// serves everything a leaves; its Handler should answer what a answers as
// a does. log gets what goes wrong on a connection.
func New(a Answerer, std *http.Server, log *slog.Logger) *Front {
	f := &Front{
		ans:   a,
		std:   std,
		log:   log,
		conns: make(map[*conn]struct{}),

		readHeaderTimeout: cmp.Or(std.ReadHeaderTimeout, std.ReadTimeout),
		idleTimeout:       cmp.Or(std.IdleTimeout, std.ReadTimeout),
		writeTimeout:      std.WriteTimeout,
	}
	f.bufs.New = func() any {
		b := make([]byte, bufSize)
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
		fc := &conn{front: f, c: c}
		if !f.track(fc, true) {
			c.Close()
			continue
		}
		go fc.serve()
	}
}

// Shutdown stops accepting, closes idle connections, lets requests in
// flight finish, and waits for them or for ctx, like http.Server.Shutdown.
// As there, a response written from now on says Connection: close, and a
// head that completes from now on is not answered. A connection whose
// first request has not completed is closed at once, where net/http holds
// it for up to five seconds before closing it; neither answers it.
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
func (f *Front) track(fc *conn, add bool) bool {
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

// closingDateLine is the end of a head sent during Shutdown: the Date
// header, then Connection: close, in net/http's order.
func closingDateLine(now time.Time) []byte {
	b := make([]byte, 0, 64)
	b = append(b, "Date: "...)
	b = now.UTC().AppendFormat(b, http.TimeFormat)
	return append(b, "\r\nConnection: close\r\n\r\n"...)
}

// conn is one client connection while the Front owns it.
type conn struct {
	front   *Front
	c       net.Conn
	reading atomic.Bool // blocked in a read, where Shutdown may wake it

	readBy           time.Time // the read deadline in force (zero: none)
	idleSet, writeBy time.Time // when readBy was set as an idle deadline; the write deadline
	req              Request
	rep              Reply
	out              [3][]byte
	wbuf             net.Buffers // over out; a field, so writing allocates nothing
}

// wake unblocks a connection's read so that it sees the shutdown.
func (fc *conn) wake() {
	if fc.reading.Load() {
		fc.c.SetReadDeadline(time.Now())
	}
}

// peekLen is how many bytes of a later request net/http waits for, under
// IdleTimeout, before that request's ReadHeaderTimeout starts.
const peekLen = 4

// serve reads and answers requests until the connection ends or goes to
// net/http. It keeps net/http's clock: the first request's head has
// ReadHeaderTimeout from the accept; a later one from the end of the
// previous response when its first bytes were already read (pipelined),
// and otherwise from the read that brings its first peekLen bytes, the
// connection being idle until then. A head cut off by the timeout or by
// the client's EOF goes to net/http with the time it used, so that
// net/http answers the part read as it would have (400 for a malformed
// line, nothing for a well-formed one). After Shutdown no head that
// completes is answered, as in net/http.
func (fc *conn) serve() {
	f := fc.front
	handedOff := false
	defer func() {
		if err := recover(); err != nil {
			f.log.Error("front: panic", slog.Any("error", err), slog.String("remote", fc.c.RemoteAddr().String()))
		}
		if !handedOff {
			fc.c.Close()
		}
		f.track(fc, false)
	}()
	bp := f.bufs.Get().(*[]byte)
	defer f.bufs.Put(bp)
	buf := *bp
	fc.req.Remote = fc.c.RemoteAddr()
	n := 0
	inHead := true          // buf holds the start of a head whose clock runs
	headStart := time.Now() // when that clock started; zero: at the last read
	var readErr error
	for {
		res, size := needMore, 0
		if inHead && n > 0 {
			size, res = parseHead(buf[:n], &fc.req)
		}
		switch {
		case res == fastRequest:
			if f.isClosing() {
				return // net/http answers no head completed after Shutdown
			}
			if !fc.respond() {
				handedOff = fc.handOff(buf[:n], headStart)
				return
			}
			if f.isClosing() {
				return // the response said Connection: close
			}
			// Pipelined requests already read are answered before the
			// next read; their clock starts now.
			n = copy(buf, buf[size:n])
			inHead, headStart = n >= peekLen, time.Time{}
			continue
		case res == slowRequest || n == len(buf):
			handedOff = fc.handOff(buf[:n], headStart)
			return
		case readErr != nil:
			var ne net.Error
			switch {
			case f.isClosing() || !inHead || n == 0:
				return // shut down, idle, or nothing read: nothing to answer
			case errors.As(readErr, &ne) && ne.Timeout(), errors.Is(readErr, io.EOF):
				// Half a head and then the timeout or EOF: net/http says
				// what is wrong with it, its clock already run out.
				handedOff = fc.handOff(buf[:n], headStart)
				return
			}
			return // reset
		}
		if inHead {
			if headStart.IsZero() {
				headStart = time.Now()
			}
			fc.headDeadline(headStart)
		} else {
			fc.idleDeadline()
		}
		// Deadline, then the flag, then the check: Shutdown sets closing
		// and then wakes reading connections, so either it wakes this
		// read or this check sees closing.
		fc.reading.Store(true)
		if f.isClosing() {
			return
		}
		m, err := fc.c.Read(buf[n:])
		fc.reading.Store(false)
		n += m
		readErr = err
		if !inHead && n >= peekLen {
			inHead, headStart = true, time.Time{}
		}
	}
}

// headDeadline makes ReadHeaderTimeout from start the read deadline.
func (fc *conn) headDeadline(start time.Time) {
	var by time.Time // zero: no limit
	if d := fc.front.readHeaderTimeout; d > 0 {
		by = start.Add(d)
	}
	if fc.idleSet.IsZero() && by.Equal(fc.readBy) {
		return
	}
	fc.readBy, fc.idleSet = by, time.Time{}
	fc.c.SetReadDeadline(by)
}

// idleDeadline makes IdleTimeout from now the read deadline. Setting one
// costs a timer update, so it is refreshed only once it is a second
// stale: an idle connection may be cut up to a second early.
func (fc *conn) idleDeadline() {
	now := time.Now()
	if !fc.idleSet.IsZero() && now.Sub(fc.idleSet) < time.Second {
		return
	}
	var by time.Time // zero: no limit
	if d := fc.front.idleTimeout; d > 0 {
		by = now.Add(d)
	}
	fc.readBy, fc.idleSet = by, now
	fc.c.SetReadDeadline(by)
}

// respond answers the parsed request with the Answerer's reply. It returns
// false, having written nothing, when the Answerer has none: net/http then
// answers.
func (fc *conn) respond() bool {
	f := fc.front
	rep := &fc.rep
	*rep = Reply{}
	if !f.ans.Answer(&fc.req, rep) {
		return false
	}
	now := time.Now()
	fc.out[0] = rep.Head
	if f.isClosing() {
		// As net/http once Shutdown has begun; the connection then closes.
		fc.out[1] = closingDateLine(now)
	} else {
		fc.out[1] = f.dateLine(now)
	}
	fc.out[2] = rep.Body
	if wt := f.writeTimeout; wt > 0 {
		if by := now.Add(wt); by.Sub(fc.writeBy) >= time.Second {
			fc.writeBy = by
			fc.c.SetWriteDeadline(by)
		}
	}
	var err error
	sent := false
	body := int64(len(fc.out[2]))
	if bf := rep.File; bf != nil && fc.out[2] != nil {
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
	f.ans.Answered(&fc.req, rep.Status, body, now)
	*rep = Reply{}
	if err != nil {
		// The client went away mid-response; the connection is done. Close
		// it here so that the caller's next read fails at once.
		fc.c.Close()
	}
	return true
}

// handOff gives the connection, with the bytes already read from it, to
// net/http. headStart is when the clock of the head in them started (zero:
// now). It reports whether net/http took it.
func (fc *conn) handOff(read []byte, headStart time.Time) bool {
	fc.c.SetDeadline(time.Time{})
	rc := &replayConn{Conn: fc.c, pending: bytes.Clone(read)}
	if !headStart.IsZero() {
		rc.used = time.Since(headStart)
	}
	return fc.front.slow.give(rc)
}

// replayConn is a connection whose first reads return bytes the Front
// read before handing it over. To net/http it is a new connection, whose
// first request would get all of ReadHeaderTimeout (and ReadTimeout) from
// now; so until net/http writes its first response, every read deadline it
// sets is moved back by the time the head already used with the Front.
type replayConn struct {
	net.Conn
	pending  []byte
	used     time.Duration
	answered atomic.Bool
}

func (c *replayConn) SetReadDeadline(t time.Time) error {
	if !t.IsZero() && c.used > 0 && !c.answered.Load() {
		t = t.Add(-c.used)
	}
	return c.Conn.SetReadDeadline(t)
}

func (c *replayConn) SetDeadline(t time.Time) error {
	if err := c.SetReadDeadline(t); err != nil {
		return err
	}
	return c.Conn.SetWriteDeadline(t)
}

func (c *replayConn) Write(p []byte) (int, error) {
	if !c.answered.Load() {
		c.answered.Store(true)
	}
	return c.Conn.Write(p)
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
// yields the connections the Front gives up.
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
