package server

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// The timing of a connection, as the Front must keep it to match
// net/http: each request head has ReadHeaderTimeout of its own, counted
// from the accept for the first request, from the end of the previous
// response when the next head was already read (pipelined), and otherwise
// from the moment its first four bytes arrive (until then the connection
// is idle, under IdleTimeout). A connection handed to net/http keeps the
// time its head has already used, and a head cut off by the timeout gets
// what net/http sends for the part it read. After Shutdown no head that
// completes is answered.

// timedStep is one action of a timed script, at an offset from the dial:
// send bytes, or start the server's Shutdown.
type timedStep struct {
	at       time.Duration
	send     string
	shutdown bool
}

// timedScript is one connection's life: the server's two timeouts, what
// the client does when, and when it half-closes (after its last step) to
// collect what is left.
type timedScript struct {
	name       string
	headerTime time.Duration // http.Server.ReadHeaderTimeout
	idleTime   time.Duration // http.Server.IdleTimeout
	steps      []timedStep
	end        time.Duration
	// What net/http does, which the Front must match: the status of each
	// response, and whether the server closed before the client's end.
	wantStatuses []int
	wantClosed   bool
}

// timedOutcome is what a client saw: the responses, with Date masked,
// and whether the server closed the connection before the client's end.
type timedOutcome struct {
	responses []string
	statuses  []int
	closed    bool
}

// timedServer starts srv as net/http or as a Front and returns its
// address and a function that starts its Shutdown in the background.
type timedServer struct {
	name  string
	start func(t *testing.T, fx *fixture, std *http.Server) (addr string, shutdown func())
}

var timedServers = []timedServer{
	{"net/http", func(t *testing.T, fx *fixture, std *http.Server) (string, func()) {
		addr := startHTTP(t, std)
		return addr, func() { go shutdownWithin(t, std.Shutdown) }
	}},
	{"front", func(t *testing.T, fx *fixture, std *http.Server) (string, func()) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		front := NewFront(fx.srv, std)
		done := make(chan error, 1)
		go func() { done <- front.Serve(ln) }()
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = front.Shutdown(ctx)
			if err := <-done; !errors.Is(err, http.ErrServerClosed) {
				t.Errorf("Serve: %v", err)
			}
		})
		return ln.Addr().String(), func() { go shutdownWithin(t, front.Shutdown) }
	}},
}

func shutdownWithin(t *testing.T, shutdown func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
}

// runTimedScript plays sc on a new connection to addr.
func runTimedScript(t *testing.T, addr string, sc timedScript, shutdown func()) timedOutcome {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	type readResult struct {
		data   []byte
		closed time.Duration
	}
	got := make(chan readResult, 1)
	go func() {
		_ = c.SetReadDeadline(start.Add(sc.end + 5*time.Second))
		data, _ := io.ReadAll(c) // EOF, or a reset after the server closed
		got <- readResult{data, time.Since(start)}
	}()
	for _, st := range sc.steps {
		time.Sleep(time.Until(start.Add(st.at)))
		switch {
		case st.shutdown:
			shutdown()
		default:
			_, _ = io.WriteString(c, st.send) // the server may have closed
		}
	}
	time.Sleep(time.Until(start.Add(sc.end)))
	_ = c.(*net.TCPConn).CloseWrite()
	res := <-got
	out := timedOutcome{closed: res.closed < sc.end}
	br := bufio.NewReader(strings.NewReader(string(res.data)))
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				out.responses = append(out.responses, fmt.Sprintf("unreadable: %v", err))
			}
			break
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		resp.Header.Del("Date")
		out.statuses = append(out.statuses, resp.StatusCode)
		out.responses = append(out.responses, fmt.Sprintf("%d %v %q (%v)", resp.StatusCode, resp.Header, body, err))
	}
	return out
}

// feedGet is a complete request the Front answers itself.
const feedGet = "GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n"

// timedScripts are scaled down from the seconds of the real limits: unit
// is 100 ms, ReadHeaderTimeout 5 units.
func timedScripts() []timedScript {
	const u = 100 * time.Millisecond
	F := feedGet
	return []timedScript{{
		// The scenario: each head starts in the read that completes
		// the one before it.
		name: "pipelined heads each get their own header time", headerTime: 5 * u, idleTime: 20 * u,
		steps: []timedStep{
			{at: 0, send: F},
			{at: 1 * u, send: F + F[:10]},
			{at: 4 * u, send: F[10:] + F[:10]},
			{at: 7 * u, send: F[10:]},
		},
		end: 9 * u, wantStatuses: []int{200, 200, 200, 200},
	}, {
		name: "a head split over reads within its time", headerTime: 8 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F[:7]}, {at: 2 * u, send: F[7:20]}, {at: 4 * u, send: F[20:]}},
		end:   6 * u, wantStatuses: []int{200},
	}, {
		name: "a later head's clock starts with its fourth byte", headerTime: 3 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F}, {at: 1 * u, send: F[:3]}, {at: 5 * u, send: F[3:10]}, {at: 6 * u, send: F[10:]}},
		end:   8 * u, wantStatuses: []int{200, 200},
	}, {
		name: "a later head's clock runs from its fourth byte", headerTime: 3 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F}, {at: 1 * u, send: F[:4]}, {at: 6 * u, send: F[4:]}},
		end:   8 * u, wantStatuses: []int{200, 400}, wantClosed: true,
	}, {
		// Connection: close sends it to net/http at 3.5 units; its header
		// time still ends at 5.
		name: "a slow head handed to net/http keeps its clock", headerTime: 5 * u, idleTime: 20 * u,
		steps: []timedStep{
			{at: 0, send: "GET /feed.xml HTTP/1.1\r\nHost: x\r\n"},
			{at: 35 * u / 10, send: "Connection: close\r\n"},
			{at: 7 * u, send: "\r\n"},
		},
		end: 9 * u, wantClosed: true,
	}, {
		name: "a later slow head handed to net/http keeps its clock", headerTime: 5 * u, idleTime: 20 * u,
		steps: []timedStep{
			{at: 0, send: F + "GET /feed.xml HTTP/1.1\r\n"},
			{at: 35 * u / 10, send: "Host: x\r\nConnection: close\r\n"},
			{at: 7 * u, send: "\r\n"},
		},
		end: 9 * u, wantStatuses: []int{200}, wantClosed: true,
	}, {
		name: "a head cut off in a field name gets 400", headerTime: 3 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-Pa"}},
		end:   6 * u, wantStatuses: []int{400}, wantClosed: true,
	}, {
		name: "a head cut off after a whole field gets nothing", headerTime: 3 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: "GET /feed.xml HTTP/1.1\r\nHost: x\r\nX-A: b\r\n"}},
		end:   6 * u, wantClosed: true,
	}, {
		name: "a pipelined head cut off in its request line gets 400", headerTime: 3 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F + "GET /fe"}},
		end:   6 * u, wantStatuses: []int{200, 400}, wantClosed: true,
	}, {
		name: "a head that completes after Shutdown is not answered", headerTime: 20 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F[:20]}, {at: 1 * u, shutdown: true}, {at: 3 * u, send: F[20:]}},
		end:   5 * u, wantClosed: true,
	}, {
		name: "a later head that completes after Shutdown is not answered", headerTime: 20 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F + F[:20]}, {at: 1 * u, shutdown: true}, {at: 3 * u, send: F[20:]}},
		end:   5 * u, wantStatuses: []int{200}, wantClosed: true,
	}, {
		name: "an idle connection is closed by Shutdown", headerTime: 20 * u, idleTime: 20 * u,
		steps: []timedStep{{at: 0, send: F}, {at: 1 * u, shutdown: true}, {at: 3 * u, send: F}},
		end:   5 * u, wantStatuses: []int{200}, wantClosed: true,
	}}
}

// TestFrontTimingMatchesNetHTTP plays each timed script against net/http
// and against the Front, at once, and requires the same responses and the
// same close as net/http's, which must also be what the script expects.
func TestFrontTimingMatchesNetHTTP(t *testing.T) {
	for _, sc := range timedScripts() {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			var wg sync.WaitGroup
			outcomes := make([]timedOutcome, len(timedServers))
			for i, server := range timedServers {
				fx := newFixture(t, true)
				std := NewHTTPServer("", fx.srv)
				std.ReadHeaderTimeout, std.IdleTimeout = sc.headerTime, sc.idleTime
				addr, shutdown := server.start(t, fx, std)
				wg.Go(func() { outcomes[i] = runTimedScript(t, addr, sc, shutdown) })
			}
			wg.Wait()
			for i, server := range timedServers {
				o := outcomes[i]
				if fmt.Sprint(o.statuses) != fmt.Sprint(sc.wantStatuses) || o.closed != sc.wantClosed {
					t.Errorf("%s: statuses %v, closed early %v; want %v, %v\n%s",
						server.name, o.statuses, o.closed, sc.wantStatuses, sc.wantClosed, strings.Join(o.responses, "\n"))
				}
			}
			if a, b := strings.Join(outcomes[0].responses, "\n"), strings.Join(outcomes[1].responses, "\n"); a != b {
				t.Errorf("front and net/http differ\nnet/http:\n%.3000s\nfront:\n%.3000s", a, b)
			}
		})
	}
}
