//go:build unix

package main

// Helpers of the cluster tests (netcut, blackhole, serve-only, cluster).
// Unix like proc_test.go, whose proc they use; not linux-only, so that
// every Unix test file can call them.

import (
	"context"
	"testing"
	"time"

	"seedfeed/internal/store"
)

// procMetric reads one sample from a process's /metrics.
func procMetric(t *testing.T, p *proc, sample string) float64 {
	t.Helper()
	_, m := p.get("/metrics")
	return metric(t, m, sample)
}

// waitClusterCond polls cond every 50 ms until it holds, failing after limit; it
// returns how long it took.
func waitClusterCond(t *testing.T, what string, limit time.Duration, cond func() bool) time.Duration {
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

// publishedPathIDs is every published path's id, failing on a path or id seen twice.
func publishedPathIDs(t *testing.T, stateURL string) map[string]string {
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

// checkIDsKept checks that the database publishes want articles, each path
// and id once, and that every path of idsBefore kept its id through what.
func checkIDsKept(t *testing.T, what, stateURL string, idsBefore map[string]string, want int) {
	t.Helper()
	after := publishedPathIDs(t, stateURL)
	if len(after) != want {
		t.Errorf("%d articles in the database, want %d", len(after), want)
	}
	for path, id := range idsBefore {
		if after[path] != id {
			t.Errorf("%s: id %s before %s, %q after", path, id, what, after[path])
		}
	}
}

// watchWriterTakeover watches, from lostAt when the writer a lost the
// database through what, until the other server b leads and a reports
// degraded as a replica with seedfeed_writer 0, failing after limit. Both
// are watched together: which comes first is part of the finding.
// onDegraded, when not nil, runs once as soon as a has degraded. It
// returns how long after lostAt b led and a degraded.
func watchWriterTakeover(t *testing.T, what string, a, b *proc, lostAt time.Time, limit time.Duration, onDegraded func()) (tookLead, tookDegraded time.Duration) {
	t.Helper()
	deadline := lostAt.Add(limit)
	for tookLead == 0 || tookDegraded == 0 {
		if tookLead == 0 && procHealthRole(b) == "writer" {
			tookLead = time.Since(lostAt)
		}
		if tookDegraded == 0 && healthStatus(a) == "degraded" && procHealthRole(a) == "replica" && procMetric(t, a, "seedfeed_writer") == 0 {
			tookDegraded = time.Since(lostAt)
			if onDegraded != nil {
				onDegraded()
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%v after %s: the other server leads after %v, the writer reports degraded as a replica after %v (0: not yet)", limit, what, tookLead, tookDegraded)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return tookLead, tookDegraded
}
