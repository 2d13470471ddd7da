package ingest

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

func TestCleanRoots(t *testing.T) {
	for _, tt := range []struct {
		in, want []string
	}{
		{[]string{"b.txt", "a.txt", "a.txt"}, []string{"a.txt", "b.txt"}},
		{[]string{"dir/x.txt", "dir", "dir-2/y", "dir/sub/z"}, []string{"dir", "dir-2/y"}},
		{[]string{"./a/../b.txt", "a//c.txt"}, []string{"a/c.txt", "b.txt"}},
		{[]string{"../up", "/abs", "", ".git/config", "x/.hidden/y", "x~", "a.swp"}, nil},
		{[]string{"a.txt", "."}, []string{"."}},
		{[]string{"bad\xff.txt", "ok.txt"}, []string{"ok.txt"}},
	} {
		if got := cleanRoots(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("cleanRoots(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPathSet(t *testing.T) {
	set := newPathSet([]string{"dir", "a.txt"})
	for p, want := range map[string]bool{"dir": true, "dir/x": true, "dir/x/y": true, "dir-2/x": false, "di": false, "a.txt": true, "b.txt": false} {
		if set.holds(p) != want {
			t.Errorf("holds(%q) = %v", p, !want)
		}
	}
	if (pathSet{}).holds("x") || !newPathSet([]string{"."}).holds("any/thing") {
		t.Error("empty or root set")
	}
}

// A burst of events (a copy of thousands of files) against a large store
// must not cost events × files.
func TestScanPathsBurstIsLinear(t *testing.T) {
	s := &Scanner{known: map[string]*knownFile{}, gen: 2}
	var events []string
	for i := range 100000 {
		p := "d" + strconv.Itoa(i%100) + "/f" + strconv.Itoa(i) + ".txt"
		s.known[p] = &knownFile{gen: 1}
		if i%5 == 0 {
			events = append(events, p)
		}
	}
	start := time.Now()
	roots := cleanRoots(events)
	removed := s.vanished(roots, nil, false)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("20,000 events against 100,000 files took %v (quadratic?)", took)
	}
	if len(roots) != 20000 || len(removed) != 20000 {
		t.Errorf("%d roots, %d removed", len(roots), len(removed))
	}
}

// When every event path exists as a file, only those paths are looked at:
// a vanished file elsewhere is left for the full scan, and a root that is
// known but was not seen this scan is removed.
func TestVanishedPlainRootsChecksOnlyThem(t *testing.T) {
	s := &Scanner{known: map[string]*knownFile{
		"a.txt":     {gen: 2}, // seen by this scan
		"b.txt":     {gen: 1}, // named by the event, not seen: gone
		"other.txt": {gen: 1}, // not named: left to the full scan
	}, gen: 2}
	got := s.vanished([]string{"a.txt", "b.txt", "new.txt"}, nil, true)
	if len(got) != 1 || got[0] != "b.txt" {
		t.Errorf("vanished = %v, want [b.txt]", got)
	}
	if got := s.vanished([]string{"a.txt"}, nil, false); len(got) != 0 {
		t.Errorf("sweep under a.txt = %v, want none", got)
	}
}
