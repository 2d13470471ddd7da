//go:build unix

package main

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"sync"
	"testing"
	"time"
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
	p := &pgCutProxy{ln: ln, target: target, conns: map[net.Conn]struct{}{}, resume: make(chan struct{})}
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

// stateURLThroughProxy is stateURL with its host replaced by the proxy's.
func stateURLThroughProxy(t *testing.T, stateURL string, p *pgCutProxy) string {
	return editPostgresURL(t, stateURL, func(u *url.URL) { u.Host = p.addr() })
}

func stateURLHostPort(t *testing.T, stateURL string) string {
	t.Helper()
	u, err := url.Parse(stateURL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// writerLoss is one way the writer loses PostgreSQL while the other
// server still reaches it.
type writerLoss struct {
	// what: "the cut", "the blackhole", in the test's messages.
	what string
	// startWriter starts the server that is to lose the database, with
	// config configPath; stateURL is the database as the others reach it.
	startWriter func(t *testing.T, configPath string) *proc
	// writerURL is the state.url the writer is given.
	writerURL string
	// lose breaks the network of the writer, a (b is the other server);
	// mend restores it.
	lose func(a, b *proc)
	mend func()
	// takeover bounds how long after lose the other server leads.
	takeover time.Duration
}

// checkWriterLoss runs a writer (a) and a replica (b) on one seeds folder,
// breaks a's network to PostgreSQL, and checks: b takes the lock within
// w.takeover and publishes the files that arrive meanwhile; a stops
// leading, reports degraded, keeps serving what it had and scans nothing;
// once mended, a comes back as a replica that never scans, both serve the
// same bytes and ETags, no article is published twice and no id changes.
func checkWriterLoss(t *testing.T, stateURL string, w writerLoss) {
	dir := t.TempDir()
	const settle = 300 * time.Millisecond
	a := w.startWriter(t, writeClusterConfig(t, dir, "a", w.writerURL, settle))
	a.waitHealthy(60 * time.Second)
	waitClusterCond(t, "a leads", 10*time.Second, func() bool { return procHealthRole(a) == "writer" })
	b := startHealthy(t, writeClusterConfig(t, dir, "b", stateURL, settle))
	waitClusterCond(t, "b is a replica", 10*time.Second, func() bool { return procHealthRole(b) == "replica" })

	seeds := filepath.Join(dir, "seeds")
	const before, during = 20, 10
	for i := range before {
		writeSeed(t, seeds, fmt.Sprintf("before-%02d.txt", i), articleText(fmt.Sprintf("Story %d before the break", i), fmt.Sprintf("Report %d from the quay.", i)))
	}
	waitClusterServersAgree(t, []*proc{a, b}, before, 30*time.Second)
	idsBefore := publishedPathIDs(t, stateURL)
	if len(idsBefore) != before {
		t.Fatalf("%d articles before %s, want %d", len(idsBefore), w.what, before)
	}
	if n := procScanCount(t, b); n != 0 {
		t.Fatalf("the replica scanned %v times before %s", n, w.what)
	}
	_, feedBefore, etagBefore := a.getWithETag("/feed.xml")

	lostAt := time.Now()
	w.lose(a, b)
	tookLead, tookDegraded := watchWriterTakeover(t, w.what, a, b, lostAt, w.takeover, nil)
	t.Logf("%s: the writer reported degraded as a replica %v after it, the other server led %v after it",
		w.what, tookDegraded.Round(time.Millisecond), tookLead.Round(time.Millisecond))
	scansA := procScanCount(t, a)
	changedA := procMetric(t, a, "seedfeed_files_changed_total")

	for i := range during {
		writeSeed(t, seeds, fmt.Sprintf("during-%02d.txt", i), articleText(fmt.Sprintf("Story %d during the break", i), fmt.Sprintf("Report %d from the pier.", i)))
	}
	dropped := time.Now()
	waitClusterCond(t, "b publishes the files written meanwhile", 30*time.Second, func() bool {
		return procMetric(t, b, "seedfeed_articles_published") == before+during
	})
	t.Logf("the new writer published the %d new files %v after they were written", during, time.Since(dropped).Round(time.Millisecond))
	// The cut-off writer saw the same files arrive (it watches the
	// folder) and kept serving what it had, scanning nothing.
	time.Sleep(3 * time.Second)
	if code, body, etag := a.getWithETag("/feed.xml"); code != 200 || etag != etagBefore || string(body) != string(feedBefore) {
		t.Errorf("the cut-off writer's /feed.xml changed or failed (%d, ETag %q, was %q)", code, etag, etagBefore)
	}
	if n := procScanCount(t, a); n != scansA {
		t.Errorf("the cut-off writer scanned: %v scans, %v when it stopped leading", n, scansA)
	}
	if n := procMetric(t, a, "seedfeed_files_changed_total"); n != changedA {
		t.Errorf("the cut-off writer changed files: %v, then %v", changedA, n)
	}
	if s := healthStatus(a); s != "degraded" {
		t.Errorf("the cut-off writer's /healthz %q, want degraded", s)
	}

	w.mend()
	mended := time.Now()
	took := waitClusterServersAgree(t, []*proc{a, b}, before+during, 60*time.Second)
	t.Logf("mended: the old writer serves the new writer's %d articles, bytes and ETags, %v later", before+during, took.Round(time.Millisecond))
	waitClusterCond(t, "the old writer reports ok", 30*time.Second, func() bool { return healthStatus(a) == "ok" })
	// Several lock checks later it is still a replica that scans nothing.
	time.Sleep(time.Until(mended.Add(3 * 2 * time.Second)))
	if r := procHealthRole(a); r != "replica" || procMetric(t, a, "seedfeed_writer") != 0 {
		t.Errorf("the old writer once mended: role %q, seedfeed_writer %v", r, procMetric(t, a, "seedfeed_writer"))
	}
	if r := procHealthRole(b); r != "writer" {
		t.Errorf("the new writer once mended: role %q", r)
	}
	if n := procScanCount(t, a); n != scansA {
		t.Errorf("the old writer scanned once mended: %v scans, %v before", n, scansA)
	}
	if ok, why := clusterServersAgree(t, []*proc{a, b}, before+during); !ok {
		t.Errorf("once mended: %s", why)
	}

	checkIDsKept(t, w.what, stateURL, idsBefore, before+during)
}

// checkWriterLossThroughProxy runs checkWriterLoss with the writer reaching
// PostgreSQL through a pgCutProxy: lose breaks the network with it, and
// Restore mends it.
func checkWriterLossThroughProxy(t *testing.T, what string, takeover time.Duration, lose func(proxy *pgCutProxy, a, b *proc)) {
	longTest(t)
	stateURL := postgresSchema(t)
	proxy := startPgCutProxy(t, stateURLHostPort(t, stateURL))
	checkWriterLoss(t, stateURL, writerLoss{
		what:        what,
		startWriter: startProc,
		writerURL:   stateURLThroughProxy(t, stateURL, proxy),
		lose:        func(a, b *proc) { lose(proxy, a, b) },
		mend:        proxy.Restore,
		takeover:    takeover,
	})
}

// The network between the writer and PostgreSQL cut (every connection
// closed, new ones refused), then restored.
func TestClusterWriterNetworkCut(t *testing.T) {
	checkWriterLossThroughProxy(t, "the cut", 10*time.Second, func(proxy *pgCutProxy, _, _ *proc) {
		t.Logf("cut %d connections between the writer and PostgreSQL", proxy.Cut())
	})
}

// The database stops answering the writer, and nothing is closed: the
// proxy holds every byte both ways (its kernel still acknowledges them, so
// no TCP timeout fires on either side). The writer's lock check, bounded
// by store.leadTimeout, is what makes it stop leading and report degraded,
// with no error from the network at all. Nobody can take over while the
// stall lasts: PostgreSQL still has the writer's session (and the close
// the writer sends is held too, behind its last query). Then the proxy
// cuts, as PostgreSQL's keepalive would end the sessions in a real
// blackhole (TestClusterWriterBlackhole), and the other server leads.
func TestClusterWriterNetworkStall(t *testing.T) {
	checkWriterLossThroughProxy(t, "the stall", 20*time.Second, func(proxy *pgCutProxy, a, b *proc) {
		proxy.Stall()
		// The lock check every 2 s, bounded by 5 s. Until the cut,
		// nobody takes over: PostgreSQL still holds the writer's lock
		// (checked at every poll, the last one just before the cut).
		took := waitClusterCond(t, "the stalled writer stops leading", 10*time.Second, func() bool {
			if procHealthRole(b) == "writer" {
				t.Fatal("the other server became the writer while the stall lasted")
			}
			return healthStatus(a) == "degraded" && procHealthRole(a) == "replica"
		})
		t.Logf("the stalled writer reported degraded as a replica %v after the stall began; now the cut", took.Round(time.Millisecond))
		proxy.Cut()
	})
}
