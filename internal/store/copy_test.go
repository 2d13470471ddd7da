package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// allRecords is every published article, newest first.
func allRecords(t *testing.T, s *Store) []Record {
	t.Helper()
	var out []Record
	if err := s.Each(context.Background(), func(r Record) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// CopyInto moves an SQLite state into the store of the current pass
// (SQLite, then PostgreSQL) with every id, slug, path, date, text, reject
// and tombstone intact: the copy answers every query as the original, and
// the next scans give both the same identities (a tombstone brings back the
// old id in both).
func TestCopyIntoKeepsEverything(t *testing.T) {
	ctx := context.Background()
	// An SQLite state a user of schema 1 left, then kept using: rows with
	// JSON articles and with records, drafts, rejects, tombstones.
	srcPath := filepath.Join(t.TempDir(), "old.db")
	buildAt(t, srcPath, SchemaVersion()-1)
	src, err := Open(ctx, srcPath, testHost)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for _, c := range lookupScript() {
		mustApply(t, src, c)
	}
	moved, ok := byPath(t, src, "moved.txt")
	if !ok {
		t.Fatal("the script left no moved.txt")
	}
	mustApply(t, src, Changes{At: t0.Add(24 * time.Hour), Removed: []string{"moved.txt"}})
	// Tags and authors, in more than one script and with a spelling
	// that merges: the copy lists the same labels, with the same counts,
	// names and versions, and the same newest articles under each.
	tagA := tagged("Tagged A", "tagged a", t0, "Économie", "Go", "हिंदी")
	tagA.Authors = []string{"Zoë Roy"}
	tagB := tagged("Tagged B", "tagged b", t0.Add(time.Hour), "economie", "go")
	mustApply(t, src, Changes{At: t0.Add(25 * time.Hour), Upserts: []Upsert{up("tag-a.md", tagA, t0), up("tag-b.md", tagB, t0)}})
	if err := src.ApplyFolderFiles(ctx, FolderFileChanges{Put: []FolderFilePut{{Path: "trips/wall.jpg", ModTime: t0, Data: []byte("jpeg bytes")}}}); err != nil {
		t.Fatal(err)
	}
	dst := openTest(t)
	n, err := src.CopyInto(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	if n.Articles < 10 || n.Rejected < 1 || n.Tombstones < 2 || n.Labels < 8 || n.Files != 1 {
		t.Errorf("copied %+v: the script leaves more", n)
	}
	t.Logf("copied %+v", n)

	compare := func(stage string) {
		t.Helper()
		if a, b := allRecords(t, src), allRecords(t, dst); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: records differ:\n source %+v\n copy   %+v", stage, a, b)
		}
		fa, _ := src.Files(ctx)
		fb, _ := dst.Files(ctx)
		if !reflect.DeepEqual(fa, fb) {
			t.Errorf("%s: files differ:\n source %v\n copy   %v", stage, fa, fb)
		}
		ka, _ := src.FolderFiles(ctx)
		kb, _ := dst.FolderFiles(ctx)
		if len(ka) == 0 || !reflect.DeepEqual(ka, kb) {
			t.Errorf("%s: folder files differ (or none):\n source %v\n copy   %v", stage, ka, kb)
		}
		for _, kind := range []LabelKind{LabelTag, LabelAuthor} {
			la, err := src.Labels(ctx, kind)
			if err != nil {
				t.Fatal(err)
			}
			lb, err := dst.Labels(ctx, kind)
			if err != nil {
				t.Fatal(err)
			}
			if len(la) == 0 || !reflect.DeepEqual(la, lb) {
				t.Errorf("%s: labels of kind %d differ (or none):\n source %+v\n copy   %+v", stage, kind, la, lb)
			}
			for _, l := range la {
				if a, b := labelledSlugs(t, src, kind, l.Slug, 10), labelledSlugs(t, dst, kind, l.Slug, 10); !reflect.DeepEqual(a, b) {
					t.Errorf("%s: newest of %q: source %v, copy %v", stage, l.Slug, a, b)
				}
			}
		}
		// The archive's order (by seq) survives the copy, though the
		// seqs themselves are numbered anew.
		if a, b := archiveOrder(t, src), archiveOrder(t, dst); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: archive order differs:\n source %q\n copy   %q", stage, a, b)
		}
		for _, r := range allRecords(t, src) {
			got, err := dst.BySlug(ctx, r.Slug)
			if err != nil || !reflect.DeepEqual(got, r) {
				t.Errorf("%s: BySlug(%q) = %+v, %v; want %+v", stage, r.Slug, got, err, r)
			}
		}
	}
	compare("after the copy")

	// The same scans on both: a removed file coming back keeps its old id
	// (tombstones copied), a new file with a taken slug gets the next one,
	// a reject is fixed, an edit moves updated, not published.
	at := t0.Add(48 * time.Hour)
	next := []Changes{
		{At: at, Upserts: []Upsert{
			up("c-back.txt", art("Other", "c"), at),
			up("new.txt", art("Hello World", "brand new"), at),
			up("b.txt", art("Hello World", "b fixed"), at),
			up("e.txt", art("Hello World", "e edited"), at),
		}},
		{At: at.Add(time.Hour), Removed: []string{"e.txt"}},
		{At: at.Add(2 * time.Hour), Upserts: []Upsert{up("e-again.txt", art("Hello World", "e edited"), at)}},
	}
	for i, c := range next {
		ra, err := src.Apply(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := dst.Apply(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if ra != rb {
			t.Errorf("batch %d: source %+v, copy %+v", i, ra, rb)
		}
	}
	compare("after the same scans")
	if r, ok := byPath(t, dst, "c-back.txt"); !ok || r.ID != moved.ID || r.Slug != moved.Slug || !r.FirstSeen.Equal(moved.FirstSeen) {
		t.Errorf("the file removed before the copy came back as %+v; want the id %s it had", r, moved.ID)
	}

	// Only into an empty store.
	if _, err := src.CopyInto(ctx, dst); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("second copy = %v, want ErrNotEmpty", err)
	}
}

// A copy that fails leaves the target empty.
func TestCopyIntoFailureLeavesTargetEmpty(t *testing.T) {
	ctx := context.Background()
	src := openAt(t, filepath.Join(t.TempDir(), "src.db"))
	mustApply(t, src, Changes{At: t0, Upserts: []Upsert{up("a.txt", art("A", "a"), t0), up("b.txt", art("B", "b"), t0)}})
	dst := openTest(t)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := src.CopyInto(cctx, dst); err == nil {
		t.Fatal("CopyInto with a cancelled context succeeded")
	}
	if n, err := dst.Count(ctx); err != nil || n != 0 {
		t.Errorf("target holds %d articles (%v) after a failed copy", n, err)
	}
	if _, err := src.CopyInto(ctx, dst); err != nil {
		t.Errorf("copy after a failed one: %v", err)
	}
}

// archiveOrder lists the ids of s's archive slots in seq order.
func archiveOrder(t *testing.T, s *Store) []string {
	t.Helper()
	slots, _, err := s.ArchiveSlots(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(slots))
	for i, sl := range slots {
		ids[i] = sl.ID
	}
	return ids
}
