//go:build unix

package main

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"seedfeed/internal/store"
)

// pgCutProxy is a TCP proxy of the test's own between one seedfeed and
// PostgreSQL, to cut that seedfeed off while the others still reach the
// database. Cut closes every connection through it, both sides (the
// seedfeed sees its connections reset, PostgreSQL sees its sessions end),
// and refuses new ones until Restore. Stall instead stops forwarding and
// closes nothing, which is what a network that drops packets looks like
// to the programs at both ends as long as their kernels keep answering:
// this proxy's kernel does answer TCP keepalives, so a stall shows how
// seedfeed's own timeouts behave, not how TCP keepalive ends a session.
type pgCutProxy struct {
	t      *testing.T
	ln     net.Listener
	target string

	mu      sync.Mutex
	cut     bool
	stalled bool
	resume  chan struct{} // closed when a stall ends
	conns   map[net.Conn]struct{}
}

func startPgCutProxy(t *testing.T, target string) *pgCutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &pgCutProxy{t: t, ln: ln, target: target, conns: map[net.Conn]struct{}{}, resume: make(chan struct{})}
	close(p.resume)
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { p.serve(c) })
		}
	})
	t.Cleanup(func() {
		ln.Close()
		p.Cut()
		wg.Wait()
	})
	return p
}

func (p *pgCutProxy) addr() string { return p.ln.Addr().String() }

// track adds c to the open connections, unless the proxy is cut.
func (p *pgCutProxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cut {
		return false
	}
	p.conns[c] = struct{}{}
	return true
}

func (p *pgCutProxy) untrack(cs ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range cs {
		delete(p.conns, c)
		c.Close()
	}
}

func (p *pgCutProxy) serve(client net.Conn) {
	if !p.track(client) {
		client.Close()
		return
	}
	up, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil || !p.track(up) {
		if up != nil {
			up.Close()
		}
		p.untrack(client)
		return
	}
	var wg sync.WaitGroup
	wg.Go(func() { p.pipe(up, client) })
	wg.Go(func() { p.pipe(client, up) })
	wg.Wait()
	p.untrack(client, up)
}

// pipe copies src to dst until either ends, holding every byte while the
// proxy is stalled.
func (p *pgCutProxy) pipe(dst, src net.Conn) {
	defer dst.Close()
	defer src.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			p.mu.Lock()
			resume := p.resume
			p.mu.Unlock()
			<-resume
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// Cut closes every connection through the proxy and refuses new ones
// (accepted, then closed at once) until Restore. It returns how many
// connections it closed.
func (p *pgCutProxy) Cut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = true
	n := len(p.conns)
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]struct{}{}
	if p.stalled {
		p.stalled = false
		close(p.resume) // the held writes fail on the closed connections
	}
	return n
}

// Stall stops forwarding without closing anything.
func (p *pgCutProxy) Stall() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.stalled {
		p.stalled = true
		p.resume = make(chan struct{})
	}
}

// Restore forwards new connections again (and held bytes after a Stall).
func (p *pgCutProxy) Restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = false
	if p.stalled {
		p.stalled = false
		close(p.resume)
	}
}

// throughProxy is stateURL with its host replaced by the proxy's.
func throughProxy(t *testing.T, stateURL string, p *pgCutProxy) string {
	return editPostgresURL(t, stateURL, func(u *url.URL) { u.Host = p.addr() })
}

func postgresHostPort(t *testing.T, stateURL string) string {
	t.Helper()
	u, err := url.Parse(stateURL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// metricOf reads one sample from a process's /metrics.
func metricOf(t *testing.T, p *proc, sample string) float64 {
	t.Helper()
	_, m := p.get("/metrics")
	return metric(t, m, sample)
}

// waitFor polls cond every 50 ms until it holds, failing after limit; it
// returns how long it took.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

// pathIDs is every published path's id, failing on a path or id seen twice.
func pathIDs(t *testing.T, stateURL string) map[string]string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, stateURL, "news.example.org")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]string{}
	ids := map[string]string{}
	if err := st.Each(ctx, func(r store.Record) error {
		if _, dup := out[r.Path]; dup {
			t.Errorf("%s published twice", r.Path)
		}
		if other, dup := ids[r.ID]; dup {
			t.Errorf("id %s for both %s and %s", r.ID, other, r.Path)
		}
		out[r.Path], ids[r.ID] = r.ID, r.Path
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// The network between the writer and PostgreSQL cut (every connection
// closed, new ones refused), then restored: the other server takes the
// lock within seconds and publishes the files that arrive meanwhile; the
// cut writer stops scanning and writing, reports degraded, and keeps
// serving what it had; restored, it comes back as a replica (it never
// scans again), and both serve the same bytes and ETags. No article is
// published twice and no id changes.
func TestClusterWriterNetworkCut(t *testing.T) {
	stateURL := postgresSchema(t)
	proxy := startPgCutProxy(t, postgresHostPort(t, stateURL))
	dir := t.TempDir()
	const settle = 300 * time.Millisecond
	a := startHealthy(t, writeClusterConfig(t, dir, "a", throughProxy(t, stateURL, proxy), settle))
	waitFor(t, "a leads", 10*time.Second, func() bool { return healthRole(a) == "writer" })
	b := startHealthy(t, writeClusterConfig(t, dir, "b", stateURL, settle))
	waitFor(t, "b is a replica", 10*time.Second, func() bool { return healthRole(b) == "replica" })

	seeds := filepath.Join(dir, "seeds")
	const before, during = 20, 10
	for i := range before {
		writeSeed(t, seeds, fmt.Sprintf("before-%02d.txt", i), articleText(fmt.Sprintf("Story %d before the cut", i), fmt.Sprintf("Report %d from the quay.", i)))
	}
	waitServersAgree(t, []*proc{a, b}, before, 30*time.Second)
	idsBefore := pathIDs(t, stateURL)
	if len(idsBefore) != before {
		t.Fatalf("%d articles before the cut, want %d", len(idsBefore), before)
	}
	if n := scans(t, b); n != 0 {
		t.Fatalf("the replica scanned %v times before the cut", n)
	}
	_, feedBefore, etagBefore := a.getWithETag("/feed.xml")

	closed := proxy.Cut()
	cutAt := time.Now()
	t.Logf("cut %d connections between the writer and PostgreSQL", closed)
	took := waitFor(t, "b takes the lock", 10*time.Second, func() bool { return healthRole(b) == "writer" })
	t.Logf("the other server leads %v after the cut", took.Round(time.Millisecond))
	waitFor(t, "the cut writer reports degraded and no longer leads", 10*time.Second, func() bool {
		return healthStatus(a) == "degraded" && healthRole(a) == "replica" && metricOf(t, a, "seedfeed_writer") == 0
	})
	t.Logf("the cut writer reports degraded, as a replica, %v after the cut", time.Since(cutAt).Round(time.Millisecond))
	scansA := scans(t, a)
	changedA := metricOf(t, a, "seedfeed_files_changed_total")

	for i := range during {
		writeSeed(t, seeds, fmt.Sprintf("during-%02d.txt", i), articleText(fmt.Sprintf("Story %d during the cut", i), fmt.Sprintf("Report %d from the pier.", i)))
	}
	dropped := time.Now()
	waitFor(t, "b publishes the files written during the cut", 30*time.Second, func() bool {
		return metricOf(t, b, "seedfeed_articles_published") == before+during
	})
	t.Logf("b published the %d new files %v after they were written", during, time.Since(dropped).Round(time.Millisecond))
	// The cut writer saw the same files arrive (it watches the folder)
	// and kept serving what it had, scanning nothing.
	time.Sleep(3 * time.Second)
	if code, body, etag := a.getWithETag("/feed.xml"); code != 200 || etag != etagBefore || string(body) != string(feedBefore) {
		t.Errorf("the cut writer's /feed.xml changed or failed during the cut (%d, ETag %q, was %q)", code, etag, etagBefore)
	}
	if n := scans(t, a); n != scansA {
		t.Errorf("the cut writer scanned during the cut: %v scans, %v when it stopped leading", n, scansA)
	}
	if n := metricOf(t, a, "seedfeed_files_changed_total"); n != changedA {
		t.Errorf("the cut writer changed files during the cut: %v, then %v", changedA, n)
	}
	if s := healthStatus(a); s != "degraded" {
		t.Errorf("the cut writer's /healthz %q during the cut, want degraded", s)
	}

	proxy.Restore()
	restored := time.Now()
	took = waitServersAgree(t, []*proc{a, b}, before+during, 30*time.Second)
	t.Logf("restored: the old writer serves the new writer's %d articles, bytes and ETags, %v later", before+during, took.Round(time.Millisecond))
	waitFor(t, "the old writer reports ok", 15*time.Second, func() bool { return healthStatus(a) == "ok" })
	// Several lock checks later it is still a replica that scans nothing.
	for time.Since(restored) < 3*2*time.Second {
		time.Sleep(200 * time.Millisecond)
	}
	if r := healthRole(a); r != "replica" || metricOf(t, a, "seedfeed_writer") != 0 {
		t.Errorf("the old writer after the restore: role %q, seedfeed_writer %v", r, metricOf(t, a, "seedfeed_writer"))
	}
	if r := healthRole(b); r != "writer" {
		t.Errorf("the new writer after the restore: role %q", r)
	}
	if n := scans(t, a); n != scansA {
		t.Errorf("the old writer scanned after the restore: %v scans, %v before", n, scansA)
	}
	if ok, why := serversAgree(t, []*proc{a, b}, before+during); !ok {
		t.Errorf("after the restore: %s", why)
	}

	after := pathIDs(t, stateURL)
	if len(after) != before+during {
		t.Errorf("%d articles in the database, want %d", len(after), before+during)
	}
	for path, id := range idsBefore {
		if after[path] != id {
			t.Errorf("%s: id %s before the cut, %q after", path, id, after[path])
		}
	}
}
