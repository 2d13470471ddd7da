//go:build linux

package main

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// blackholeEnv opts in to the blackhole tests, which change the host's
// firewall.
const blackholeEnv = "SEEDFEED_TEST_BLACKHOLE"

// blackholeRig runs a writer as a user id of its own and drops, with one
// iptables rule, every packet that user sends to PostgreSQL's port: its
// queries, its connection attempts, and the answers its kernel would give
// PostgreSQL's keepalive probes. Unlike the proxy's cut, PostgreSQL sees
// no close: only its keepalive settings on the writer's sessions
// (store/pgnet.go) end them and free the lock; and unlike the proxy's
// stall, nothing acknowledges the writer's data, so its own
// TCP_USER_TIMEOUT applies.
//
// It needs root and iptables, and it touches the host's firewall (one
// rule, for this test's user id and its own PostgreSQL port, removed at
// the end), so it runs only when SEEDFEED_TEST_BLACKHOLE is set.
type blackholeRig struct {
	t        *testing.T
	iptables string
	uid      int
	rule     []string
	// inserted: the rule is in the firewall. Only the test's goroutine
	// (lose, mend, the cleanup) touches it.
	inserted bool
}

func newBlackholeRig(t *testing.T, stateURL string) *blackholeRig {
	t.Helper()
	if os.Getenv(blackholeEnv) == "" {
		t.Skipf("changes the host's firewall (iptables, as root): set %s=1 to run it", blackholeEnv)
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root, for iptables and to run the writer as a user of its own")
	}
	iptables, err := exec.LookPath("iptables")
	if err != nil {
		t.Skip("needs iptables (Debian: apt-get install iptables)")
	}
	u, err := url.Parse(stateURL)
	if err != nil {
		t.Fatal(err)
	}
	// A user id no account has, so that the rule drops this writer's
	// packets and nobody else's.
	uid := 61000 + os.Getpid()%4000
	r := &blackholeRig{t: t, iptables: iptables, uid: uid, rule: []string{"OUTPUT", "-p", "tcp", "-d", u.Hostname(), "--dport", u.Port(),
		"-m", "owner", "--uid-owner", strconv.Itoa(uid), "-j", "DROP"}}
	t.Cleanup(func() {
		if r.inserted {
			r.run("-D")
		}
	})
	return r
}

func (r *blackholeRig) run(op string) {
	out, err := exec.Command(r.iptables, append([]string{"-w", op}, r.rule...)...).CombinedOutput()
	if err != nil {
		r.t.Fatalf("iptables %s %v: %v\n%s", op, r.rule, err, out)
	}
}

// startWriter starts seedfeed as the rig's user.
func (r *blackholeRig) startWriter(t *testing.T, configPath string) *proc {
	t.Helper()
	// The writer's user must reach the binary, its config and the seeds.
	dir := filepath.Dir(configPath)
	for _, d := range []string{filepath.Dir(seedfeedBinary(t)), dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return startProcAs(t, configPath, &syscall.Credential{Uid: uint32(r.uid), Gid: uint32(r.uid)})
}

func (r *blackholeRig) lose(_, _ *proc) {
	r.run("-I")
	r.inserted = true
}

func (r *blackholeRig) mend() {
	r.run("-D")
	r.inserted = false
}

// The writer's packets silently dropped while it is idle, then the
// network heals.
func TestClusterWriterBlackhole(t *testing.T) {
	stateURL := postgresSchema(t)
	rig := newBlackholeRig(t, stateURL)
	checkWriterLoss(t, stateURL, writerLoss{
		what:        "the blackhole",
		startWriter: rig.startWriter,
		writerURL:   stateURL,
		lose:        rig.lose,
		mend:        rig.mend,
		// PostgreSQL's keepalive: 5 s idle, then 3 probes 2 s apart; then
		// the next lock check, every 2 s.
		takeover: 30 * time.Second,
	})
}

// The writer's packets silently dropped in the middle of a scan of 5,000
// files: its writes fail (TCP_USER_TIMEOUT) instead of hanging, it stops
// leading, PostgreSQL ends its sessions (rolling back its unfinished
// transaction), and the other server takes over and publishes every file
// once, the ids of before unchanged.
func TestClusterWriterBlackholeMidScan(t *testing.T) {
	stateURL := postgresSchema(t)
	rig := newBlackholeRig(t, stateURL)
	dir := t.TempDir()
	const settle = 200 * time.Millisecond
	a := rig.startWriter(t, writeClusterConfig(t, dir, "a", stateURL, settle))
	a.waitHealthy(60 * time.Second)
	waitClusterCond(t, "a leads", 10*time.Second, func() bool { return procHealthRole(a) == "writer" })
	b := startHealthy(t, writeClusterConfig(t, dir, "b", stateURL, settle))
	seeds := filepath.Join(dir, "seeds")
	const before, bulk = 100, 5000
	for i := range before {
		writeSeed(t, seeds, fmt.Sprintf("early-%03d.txt", i), articleText(fmt.Sprintf("Early story %d", i), fmt.Sprintf("Early report %d.", i)))
	}
	waitClusterServersAgree(t, []*proc{a, b}, before, 60*time.Second)
	idsBefore := publishedPathIDs(t, stateURL)

	for i := range bulk {
		writeSeed(t, seeds, fmt.Sprintf("bulk-%05d.txt", i), articleText(fmt.Sprintf("Bulk story %d", i), fmt.Sprintf("Bulk report %d.", i)))
	}
	waitClusterCond(t, "the writer is into the scan", 120*time.Second, func() bool {
		return procMetric(t, a, "seedfeed_files_changed_total") > before+300
	})
	changedAtLoss := procMetric(t, a, "seedfeed_files_changed_total")
	lostAt := time.Now()
	rig.lose(a, b)
	t.Logf("blackhole after the writer had changed %v files", changedAtLoss)
	changedA := -1.0
	tookLead, tookDegraded := watchWriterTakeover(t, "the blackhole", a, b, lostAt, 60*time.Second, func() {
		changedA = procMetric(t, a, "seedfeed_files_changed_total")
	})
	t.Logf("mid-scan blackhole: the writer reported degraded as a replica %v after it (having counted %v changed files), the other server led %v after it",
		tookDegraded.Round(time.Millisecond), changedA, tookLead.Round(time.Millisecond))
	waitClusterCond(t, "every file published", 10*time.Minute, func() bool {
		return procMetric(t, b, "seedfeed_articles_published") == before+bulk
	})
	t.Logf("all %d published %v after the blackhole", before+bulk, time.Since(lostAt).Round(time.Millisecond))
	if n := procMetric(t, a, "seedfeed_files_changed_total"); n != changedA {
		t.Errorf("the cut-off writer went on changing files: %v, then %v", changedA, n)
	}

	rig.mend()
	took := waitClusterServersAgree(t, []*proc{a, b}, before+bulk, 120*time.Second)
	t.Logf("mended: the old writer serves the same %d articles %v later", before+bulk, took.Round(time.Millisecond))
	if r := procHealthRole(a); r != "replica" {
		t.Errorf("the old writer once mended: role %q", r)
	}
	checkIDsKept(t, "the blackhole", stateURL, idsBefore, before+bulk)
}
