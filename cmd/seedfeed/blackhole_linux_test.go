//go:build linux

package main

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// blackholeEnv opts in to TestClusterWriterBlackhole, which changes the
// host's firewall.
const blackholeEnv = "SEEDFEED_TEST_BLACKHOLE"

// A network that silently drops the writer's packets (a blackhole: nothing
// is closed, nothing answers), then heals. The writer runs as a user id of
// its own, and one iptables rule drops every packet that user sends to
// PostgreSQL's port: its queries, its connection attempts, and the answers
// its kernel would give PostgreSQL's keepalive probes. Unlike the proxy's
// cut, PostgreSQL sees no close: only its keepalive settings on the
// writer's sessions (store/pgnet.go) end them and free the lock.
//
// It needs root and iptables, and it touches the host's firewall (one
// rule, for this test's user id and its own PostgreSQL port, removed at
// the end), so it runs only when SEEDFEED_TEST_BLACKHOLE is set.
func TestClusterWriterBlackhole(t *testing.T) {
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
	stateURL := postgresSchema(t)
	u, err := url.Parse(stateURL)
	if err != nil {
		t.Fatal(err)
	}
	// A user id no account has, so that the rule drops this writer's
	// packets and nobody else's.
	uid := 61000 + os.Getpid()%4000
	rule := []string{"OUTPUT", "-p", "tcp", "-d", u.Hostname(), "--dport", u.Port(),
		"-m", "owner", "--uid-owner", strconv.Itoa(uid), "-j", "DROP"}
	var mu sync.Mutex
	inserted := false
	ipt := func(op string) {
		t.Helper()
		out, err := exec.Command(iptables, append([]string{"-w", op}, rule...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("iptables %s %v: %v\n%s", op, rule, err, out)
		}
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		if inserted {
			ipt("-D")
		}
	})
	checkWriterLoss(t, stateURL, writerLoss{
		what: "the blackhole",
		startWriter: func(t *testing.T, configPath string) *proc {
			// The writer's user must reach the binary, its config and
			// the seeds.
			dir := filepath.Dir(configPath)
			for _, d := range []string{filepath.Dir(seedfeedBinary(t)), dir, filepath.Dir(dir)} {
				if err := os.Chmod(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			return startProcAs(t, configPath, &syscall.Credential{Uid: uint32(uid), Gid: uint32(uid)})
		},
		writerURL: stateURL,
		lose: func(*proc) {
			mu.Lock()
			defer mu.Unlock()
			ipt("-I")
			inserted = true
		},
		mend: func() {
			mu.Lock()
			defer mu.Unlock()
			ipt("-D")
			inserted = false
		},
		// PostgreSQL's keepalive: 5 s idle, then 3 probes 2 s apart; then
		// the next lock check, every 2 s.
		takeover: 30 * time.Second,
	})
}
