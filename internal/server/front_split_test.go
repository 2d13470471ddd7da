package server

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"seedfeed/internal/longtest"
	"strings"
	"time"
)

// The differential test's randomness: every run uses the same seed unless
// told otherwise, so a failure names what reproduces it.
var (
	frontSplitSeed = flag.Uint64("front.seed", 14, "seed of TestFrontMatchesNetHTTP's random splits and pipelines")
	frontSplits    = flag.Int("front.splits", 0, "random splits of each request in TestFrontMatchesNetHTTP (0: 2, or 12 with SEEDFEED_LONG)")
	frontPipelines = flag.Int("front.pipelines", 0, "random pipelines in TestFrontMatchesNetHTTP (0: 30, or 300 with SEEDFEED_LONG)")
)

// frontSplitCounts is how many random splits of each case and how many
// random pipelines TestFrontMatchesNetHTTP sends: a few seconds by
// default, a few minutes behind the long switch.
func frontSplitCounts() (splits, pipelines int) {
	splits, pipelines = 2, 30
	if longtest.Enabled() {
		splits, pipelines = 12, 300
	}
	if *frontSplits > 0 {
		splits = *frontSplits
	}
	if *frontPipelines > 0 {
		pipelines = *frontPipelines
	}
	return splits, pipelines
}

// pipelineMember is a raw request as randomPipelines draws it: whether
// the server closes the connection after answering it, and whether its
// answer is large.
type pipelineMember struct {
	name, raw string
	ends, big bool
}

// randomPipelines joins two to four requests drawn from members with rng
// into n pipelined cases. A request after which the server closes the
// connection comes only last, and then after no large answer: closing
// with bytes of the request unread makes the kernel reset the connection
// and drop whatever of the answers it has not sent yet, at a point that
// differs from run to run, for net/http and the Front alike.
func randomPipelines(rng *rand.Rand, members []pipelineMember, n int) (names, raws []string) {
	for range n {
		k := 2 + rng.IntN(3)
		last := members[rng.IntN(len(members))]
		var name, raw strings.Builder
		for range k - 1 {
			m := members[rng.IntN(len(members))]
			for m.ends || last.ends && m.big {
				m = members[rng.IntN(len(members))]
			}
			name.WriteString(m.name + " + ")
			raw.WriteString(m.raw)
		}
		name.WriteString(last.name)
		raw.WriteString(last.raw)
		names, raws = append(names, name.String()), append(raws, raw.String())
	}
	return names, raws
}

// asPipelineMember asks net/http, at addr, how it answers raw: whether a
// request pipelined after it goes unanswered, and how long the answer is.
func asPipelineMember(addr, name, raw string) (pipelineMember, error) {
	const probe = "HEAD /feed.xml HTTP/1.1\r\nHost: probe\r\n\r\n"
	alone, err := exchangePieces(addr, []string{raw}, []time.Duration{0})
	if err != nil {
		return pipelineMember{}, err
	}
	probed, err := exchangePieces(addr, []string{raw + probe}, []time.Duration{0})
	if err != nil {
		return pipelineMember{}, err
	}
	return pipelineMember{
		name: name, raw: raw,
		ends: strings.Count(probed, "HTTP/1.") == strings.Count(alone, "HTTP/1."),
		big:  len(alone) > 64<<10,
	}, nil
}

// splitRandomly cuts raw into one to seven pieces at random byte
// boundaries, with a random pause (none, or up to a millisecond) before
// each piece after the first, so that the server reads them apart.
func splitRandomly(rng *rand.Rand, raw string) (pieces []string, pauses []time.Duration) {
	if len(raw) < 2 {
		return []string{raw}, []time.Duration{0}
	}
	cuts := map[int]bool{}
	for range 1 + rng.IntN(6) {
		cuts[1+rng.IntN(len(raw)-1)] = true
	}
	last := 0
	for i := 1; i <= len(raw); i++ {
		if i == len(raw) || cuts[i] {
			pieces = append(pieces, raw[last:i])
			pause := time.Duration(0)
			if last > 0 && rng.IntN(3) > 0 {
				pause = time.Duration(rng.IntN(1000)) * time.Microsecond
			}
			pauses = append(pauses, pause)
			last = i
		}
	}
	return pieces, pauses
}

// exchangePieces sends pieces on a new connection, pausing before each,
// half-closes it and returns everything the server sends until it closes,
// with the Date header's value masked.
func exchangePieces(addr string, pieces []string, pauses []time.Duration) (string, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return "", err
	}
	defer c.Close()
	// Read while writing, as a client does: answers left unread in the
	// server's send buffer would be lost to the reset that closing with
	// requests unread causes.
	type answer struct {
		b   []byte
		err error
	}
	read := make(chan answer, 1)
	go func() {
		_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
		b, err := io.ReadAll(c)
		read <- answer{b, err}
	}()
	for i, p := range pieces {
		time.Sleep(pauses[i])
		if _, err := io.WriteString(c, p); err != nil {
			break // the server closed, as it may after an early answer
		}
	}
	_ = c.(*net.TCPConn).CloseWrite()
	a := <-read
	got, err := a.b, a.err
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		return "", fmt.Errorf("no close within 10 s after %d bytes", len(got))
	}
	// A reset after the server closed with bytes unread ends the answer
	// like an EOF; both servers are read the same way.
	return dateField.ReplaceAllString(string(got), "Date: <date>\r\n"), nil
}

// pieceLens describes a split for a failure message.
func pieceLens(pieces []string, pauses []time.Duration) string {
	var b strings.Builder
	for i, p := range pieces {
		fmt.Fprintf(&b, " %d(+%v)", len(p), pauses[i])
	}
	return b.String()
}

// answerDiff describes how two answers differ: their lengths, the status
// lines in each, and the bytes around the first difference.
func answerDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	statuses := func(s string) string {
		var b []string
		for _, line := range strings.Split(s, "\r\n") {
			if strings.HasPrefix(line, "HTTP/1.") {
				b = append(b, line)
			}
		}
		return strings.Join(b, " | ")
	}
	return fmt.Sprintf("front: %d bytes: %s\nnet/http: %d bytes: %s\nfirst difference at byte %d:\nfront:    %q\nnet/http: %q",
		len(got), statuses(got), len(want), statuses(want), i, got[from:min(len(got), i+300)], want[from:min(len(want), i+300)])
}
