package ingest

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/store"
)

// Grouping batches in transactions changes what a scan commits when, never
// what it stores: a failure inside a transaction of several batches keeps
// exactly the transactions committed before it, the mirror is reloaded,
// and the next scan ends with the rows of a scan that committed every
// batch on its own.
func TestGroupedTransactions(t *testing.T) {
	mem := fstest.MapFS{}
	for i := range 40 {
		title := fmt.Sprintf("Title %d", i%7) // slug collisions across transactions
		mem[fmt.Sprintf("f%02d.txt", i)] = file(title+"\nbody "+fmt.Sprint(i), t0.Add(-time.Hour))
	}
	var broken atomic.Bool
	broken.Store(true)
	// An article the store cannot encode (a zone offset out of range)
	// fails the whole write, as a full disk would.
	unstorable := time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 40000*60))
	e := newEnv(t, mem, func(c *Config) {
		c.BatchSize, c.TxBatches = 4, 4
		c.Parse = func(name string, data []byte, o article.Options) (*article.Article, error) {
			a, err := fakeParse(name, data, o)
			if err == nil && name == "f20.txt" && broken.Load() {
				a.Published = &unstorable
			}
			return a, err
		}
	})
	// Transactions of 1, 2, 4 and 4 batches of 4 files: f20 is in the
	// third, so the first two (12 files) are committed.
	if _, err := e.sc.Scan(context.Background()); err == nil || !strings.Contains(err.Error(), "f20.txt") {
		t.Fatalf("scan = %v, want the failure of f20.txt", err)
	}
	if files, _ := e.st.Files(context.Background()); len(files) != 12 {
		t.Errorf("store holds %d files after the failure, want the 12 of the committed transactions", len(files))
	}
	broken.Store(false)
	e.clock.Advance(time.Minute)
	if st := e.scan(); st.Changed != 28 {
		t.Errorf("second scan changed %d files, want 28", st.Changed)
	}

	one := newEnv(t, mem, func(c *Config) { c.BatchSize, c.TxBatches = 4, 1 })
	one.clock.Advance(time.Minute)
	one.scan()
	got, want := e.published(), one.published()
	if len(got) != 40 || !maps.EqualFunc(got, want, sameIdentity) {
		t.Errorf("grouped transactions stored %d articles, differing from one transaction per batch", len(got))
		for slug, r := range want {
			if g := got[slug]; !sameIdentity(g, r) {
				t.Errorf("%s: got %s at %s, want %s at %s", slug, g.ID, g.Path, r.ID, r.Path)
			}
		}
	}
	if st := e.scan(); st.Changed != 0 || st.Published {
		t.Errorf("rescan = %+v, want nothing changed", st)
	}
}

// sameIdentity compares what does not depend on when a file was first
// seen (the failed scan committed some files a minute earlier).
func sameIdentity(a, b store.Record) bool {
	return a.Article != nil && b.Article != nil && a.ID == b.ID && a.Path == b.Path && a.Article.Title == b.Article.Title
}
