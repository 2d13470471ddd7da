package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The write connection is pinned (one connection, never recycled), so a
// connection-level PRAGMA set here holds for the next Apply. These PRAGMAs
// make SQLite fail exactly where a full disk (SQLITE_FULL) or a read-only
// file system (SQLITE_READONLY) makes it fail, which tests running as root
// cannot provoke with permissions. On PostgreSQL a session made read-only
// fails the same way a standby or a revoked privilege does; a full disk
// there has no per-session switch and is not tested.
func TestWriteFaults(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name             string
		inject, heal     string
		pgInject, pgHeal string
		want             error
	}{
		{"disk full", "PRAGMA max_page_count = %d", "PRAGMA max_page_count = 1073741823", "", "", ErrDiskFull},
		{"read-only", "PRAGMA query_only = 1", "PRAGMA query_only = 0",
			"SET default_transaction_read_only = on", "SET default_transaction_read_only = off", ErrReadOnly},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testBackend == "postgres" {
				if tt.pgInject == "" {
					t.Skip("no way to fill PostgreSQL's disk from one session")
				}
				tt.inject, tt.heal = tt.pgInject, tt.pgHeal
			}
			s := openTest(t)
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", art("Alpha", "a"), t0), up("gone.txt", art("Gone", "g"), t0)}})
			filesBefore, _ := s.Files(ctx)
			recsBefore := latest(t, s)

			inject := tt.inject
			if strings.Contains(inject, "%d") {
				var pages int
				s.wdb.QueryRow("PRAGMA page_count").Scan(&pages)
				inject = strings.Replace(inject, "%d", strconv.Itoa(pages), 1)
			}
			if _, err := s.wdb.Exec(inject); err != nil {
				t.Fatal(err)
			}
			big := art("Big", strings.Repeat("lots of words ", 20000))
			batch := Changes{
				At:      t0.Add(time.Hour),
				Removed: []string{"gone.txt"},
				Upserts: []Upsert{up("a.txt", art("Alpha", "a2"), t0.Add(time.Hour)), up("big.txt", big, t0)},
				Rejects: []Reject{{Path: "bad.txt", ModTime: t0, Reason: "binary"}},
			}
			_, err := s.Apply(ctx, batch)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Apply = %v, want %v", err, tt.want)
			}
			t.Logf("error: %v", err)
			filesAfter, _ := s.Files(ctx)
			if !reflect.DeepEqual(filesBefore, filesAfter) {
				t.Errorf("files changed by a failed Apply:\n before %v\n after  %v", filesBefore, filesAfter)
			}
			if recs := latest(t, s); !sameRecords(recs, recsBefore) {
				t.Errorf("records changed by a failed Apply")
			}

			if _, err := s.wdb.Exec(tt.heal); err != nil {
				t.Fatal(err)
			}
			res := mustApply(t, s, batch)
			if res.Inserted != 1 || res.Updated != 1 || res.Removed != 1 || res.Rejected != 1 {
				t.Errorf("catch-up result = %+v", res)
			}
			if n, _ := s.Count(ctx); n != 2 {
				t.Errorf("count after catch-up = %d, want 2", n)
			}
			if err := s.IntegrityCheck(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

func sameRecords(a, b []Record) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || !a[i].Updated.Equal(b[i].Updated) || a[i].Path != b[i].Path || a[i].Article.BodyHTML != b[i].Article.BodyHTML {
			return false
		}
	}
	return true
}

// A state directory that really is read-only. Root ignores permissions, so
// this runs only as an ordinary user; TestWriteFaults covers root.
func TestReadOnlyDirectory(t *testing.T) {
	skipOnPostgres(t, "permissions of the SQLite file's folder")
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop root")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "state.db")
	populate(t, path, 3)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755); os.Chmod(path, 0o644) })
	s, err := Open(context.Background(), path, testHost)
	if err == nil {
		s.Close()
		t.Fatal("Open in a read-only directory succeeded")
	}
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("Open = %v, want ErrReadOnly", err)
	}
}

func TestConcurrentReadersDuringWrites(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("seed.txt", art("Seed", "s"), t0)}})
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 4)
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				recs, err := s.Latest(ctx, 50)
				if err == nil && len(recs) == 0 {
					err = errors.New("a reader saw an empty store")
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for i := range 30 {
		at := t0.Add(time.Duration(i) * time.Minute)
		mustApply(t, s, Changes{At: at, Upserts: []Upsert{up("seed.txt", art("Seed", "v"+strconv.Itoa(i)), at), up("n"+strconv.Itoa(i)+".txt", art("N"+strconv.Itoa(i), "n"), at)}})
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
