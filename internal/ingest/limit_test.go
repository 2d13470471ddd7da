package ingest

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Raising max_file_bytes (a reload or a restart builds a new scanner on the
// same store) publishes a file rejected as too large, though the file did
// not change; lowering it again unpublishes nothing.
func TestRaisedLimitReadsTooLargeAgain(t *testing.T) {
	mem := fstest.MapFS{
		"big.txt":   file("Big\n"+strings.Repeat("word ", 400), t0.Add(-time.Hour)),
		"small.txt": file("Small\nbody", t0.Add(-time.Hour)),
	}
	e := newEnv(t, mem, func(c *Config) { c.MaxFileBytes = 1000 })
	e.scan()
	if e.rejects()["big.txt"] != "too_large" {
		t.Fatalf("rejects %v", e.rejects())
	}
	parses := e.parses.Load()
	e.scan()
	if e.parses.Load() != parses {
		t.Error("a rescan under the same limit read the too-large file again")
	}

	cfg := e.sc.cfg
	cfg.MaxFileBytes = 4000
	sc, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.sc = sc
	st := e.scan()
	if got := e.slugs(); !slices.Equal(got, []string{"big", "small"}) || st.Changed != 1 {
		t.Errorf("after raising the limit: published %v, stats %+v", got, st)
	}
	if len(e.rejects()) != 0 {
		t.Errorf("rejects left: %v", e.rejects())
	}
	parses = e.parses.Load()
	e.scan()
	if e.parses.Load() != parses {
		t.Error("the formerly too-large file is read at every scan")
	}
}
