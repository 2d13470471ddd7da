package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/corpus"
	"seedfeed/internal/longtest"
	"seedfeed/internal/store"
)

// killedScanEnv makes the test binary a scanning child process instead.
const killedScanEnv = "SEEDFEED_TEST_SCAN_CHILD"

type identity struct {
	id, slug             string
	published, firstSeen time.Time
}

func identities(t *testing.T, st *store.Store) map[string]identity {
	t.Helper()
	out := map[string]identity{}
	err := st.Each(context.Background(), func(r store.Record) error {
		out[r.Path] = identity{r.ID, r.Slug, r.Published, r.FirstSeen}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func scanOnce(t *testing.T, dir, db string) *store.Store {
	t.Helper()
	return scanStore(t, dir, openStore(t, db))
}

func openStore(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), db, "example.org")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func scanStore(t *testing.T, dir string, st *store.Store) *store.Store {
	t.Helper()
	sc, err := New(Config{
		FS: os.DirFS(dir), Store: st, Parse: article.Parse, BatchSize: 50,
		Now: func() time.Time { return t0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// A SIGKILL in the middle of a scan loses nothing and duplicates nothing:
// committed batches stay, the rest is done by the next scan, and every id
// and date is what an uninterrupted scan gives.
func TestKilledMidScan(t *testing.T) {
	if spec := os.Getenv(killedScanEnv); spec != "" {
		dir, db := filepath.SplitList(spec)[0], filepath.SplitList(spec)[1]
		st := openStore(t, db)
		// The parent opens the file only once its schema is made, so
		// the child's start is the child's own (two opens of a new file
		// at once are store's TestOpenNewFileAtOnce).
		if err := os.WriteFile(db+".ready", nil, 0o644); err != nil {
			t.Fatal(err)
		}
		scanStore(t, dir, st).Close()
		return
	}
	n := longtest.Scale(600, 10000)
	tmp := t.TempDir()
	dir, db := filepath.Join(tmp, "seeds"), filepath.Join(tmp, "state.db")
	if err := corpus.Write(dir, n, 5); err != nil {
		t.Fatal(err)
	}

	child := exec.Command(os.Args[0], "-test.run=^TestKilledMidScan$")
	child.Env = append(os.Environ(), killedScanEnv+"="+dir+string(filepath.ListSeparator)+db)
	var out bytes.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		child.Wait()
		close(exited)
	}()
	// Kill it once some batches are committed, well before the end. On
	// a loaded machine (CI runs packages side by side, under -race) the
	// first commit can take minutes; the child ending first fails the
	// test below.
	deadline := time.Now().Add(10 * time.Minute)
	killedAt := 0
wait:
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			break wait
		case <-time.After(20 * time.Millisecond):
		}
		if _, err := os.Stat(db + ".ready"); err != nil {
			continue
		}
		st, err := store.Open(context.Background(), db, "example.org")
		if err != nil {
			continue // still creating the schema
		}
		c, _ := st.Count(context.Background())
		st.Close()
		if c >= n/10 {
			killedAt = c
			break
		}
	}
	child.Process.Signal(syscall.SIGKILL)
	<-exited
	if killedAt == 0 || killedAt >= n {
		t.Fatalf("killed after %d of %d articles: not mid-scan; the child said:\n%s", killedAt, n, out.Bytes())
	}

	st, err := store.Open(context.Background(), db, "example.org")
	if err != nil {
		t.Fatalf("reopen after SIGKILL: %v", err)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := identities(t, st)
	st.Close()
	t.Logf("killed with %d of %d articles committed (%d read back)", killedAt, n, len(before))

	resumed := scanOnce(t, dir, db)
	defer resumed.Close()
	after := identities(t, resumed)
	if err := resumed.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	for p, id := range before {
		if after[p] != id {
			t.Errorf("%s: identity changed across the crash: %+v → %+v", p, id, after[p])
		}
	}

	clean := scanOnce(t, dir, filepath.Join(tmp, "clean.db"))
	defer clean.Close()
	want := identities(t, clean)
	if len(after) != len(want) || len(after) != n {
		t.Fatalf("%d articles after resuming, %d from a clean scan, %d files", len(after), len(want), n)
	}
	slugs := map[string]bool{}
	for p, id := range want {
		if after[p] != id {
			t.Errorf("%s: resumed %+v, clean %+v", p, after[p], id)
		}
		if slugs[id.slug] {
			t.Errorf("duplicate slug %s", id.slug)
		}
		slugs[id.slug] = true
	}
}
