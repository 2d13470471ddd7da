package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
)

// lookupScript exercises every identity rule the fast lookups touch:
// slug collisions inside one batch and across batches, rejects fixed,
// edits, touches, moves, a path upserted twice in one batch, a removed
// path re-added with the same and with other bytes, a slug held by a
// tombstone, drafts made public.
func lookupScript() []Changes {
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	hello := func(body string) *article.Article { return art("Hello World", body) }
	draft := art("Draft Piece", "not yet")
	draft.Draft = true
	public := art("Draft Piece", "now public")
	return []Changes{
		{At: at(0), Upserts: []Upsert{
			up("a.txt", hello("a"), at(0)), up("b.txt", hello("b"), at(0)), up("c.txt", art("Other", "c"), at(0)),
			up("c2.txt", hello("c2"), at(0)), up("d.md", draft, at(0)), up("hello-world.txt", art("", "no title"), at(0)),
		}, Rejects: []Reject{{Path: "bad.txt", ModTime: at(0), Size: 3, Reason: "empty"}}},
		{At: at(1), Removed: []string{"a.txt"}, Upserts: []Upsert{
			up("e.txt", hello("e"), at(1)), up("bad.txt", art("Fixed", "now good"), at(1)), up("b.txt", hello("b edited"), at(1)),
		}, Touches: []Touch{{Path: "c.txt", ModTime: at(1), Size: 99}}},
		{At: at(2), Removed: []string{"c.txt"}, Upserts: []Upsert{
			up("moved.txt", art("Other", "c"), at(2)), up("f.txt", art("Twice", "v1"), at(2)), up("f.txt", art("Twice", "v2"), at(2)),
		}},
		{At: at(3), Removed: []string{"e.txt", "hello-world.txt"}},
		{At: at(4), Upserts: []Upsert{
			up("e.txt", hello("e"), at(4)), up("g.txt", art("", "no title"), at(4)), up("d.md", public, at(4)),
			up("x/hello-world.txt", art("Hello World 2", "x"), at(4)),
		}, Rejects: []Reject{{Path: "b.txt", ModTime: at(4), Size: 1, Reason: "binary"}}},
		{At: at(5), Removed: []string{"b.txt", "nothing.txt"}, Upserts: []Upsert{up("b2.txt", hello("b edited"), at(5)), up("a.txt", hello("a"), at(5))}},
	}
}

// dump is every stored row, in a fixed order.
func dump(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for _, q := range dumpQueries() {
		rows, err := s.rdb.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, v := range vals {
				fmt.Fprintf(&b, "%q ", v.String)
			}
			out = append(out, b.String())
		}
		rows.Close()
	}
	return out
}

// The lookups known without asking give exactly the rows that asking
// every time gives, batch by batch, and in one transaction of several
// batches.
func TestFastLookupsSameRows(t *testing.T) {
	ctx := context.Background()
	slow, fast, grouped := openTest(t), openTest(t), openTest(t)
	slow.askAlways = true
	tx, err := grouped.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range lookupScript() {
		want := mustApply(t, slow, c)
		if got := mustApply(t, fast, c); got != want {
			t.Errorf("batch %d: fast result %+v, slow %+v", i, got, want)
		}
		got, err := tx.Apply(c)
		if err != nil {
			t.Fatalf("batch %d in one transaction: %v", i, err)
		}
		if got != want {
			t.Errorf("batch %d in one transaction: result %+v, slow %+v", i, got, want)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	want := dump(t, slow)
	if got := dump(t, fast); !slices.Equal(got, want) {
		t.Errorf("fast rows differ:\n got  %q\n want %q", got, want)
	}
	if got := dump(t, grouped); !slices.Equal(got, want) {
		t.Errorf("rows of one transaction differ:\n got  %q\n want %q", got, want)
	}
	// The script reaches what it is meant to: collisions, moved ids, a
	// path re-added with its old id, one re-added after its slug was
	// claimed by another, a slug that is itself a "-2".
	for slug, path := range map[string]string{"hello-world": "e.txt", "hello-world-2": "b2.txt", "hello-world-3": "c2.txt",
		"other": "moved.txt", "hello-world-4": "g.txt", "hello-world-5": "a.txt", "hello-world-2-2": "x/hello-world.txt"} {
		r, err := fast.BySlug(ctx, slug)
		if err != nil || r.Path != path {
			t.Errorf("BySlug(%q) = %q, %v; want %q", slug, r.Path, err, path)
		}
	}
	t.Logf("%d rows", len(want))
}

// A Tx that fails is rolled back whole, and the store takes the next
// writer.
func TestTxRollback(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Apply(Changes{At: t0, Upserts: []Upsert{up("a.txt", art("A", "a"), t0)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Apply(Changes{At: t0, Upserts: []Upsert{{Path: "nil.txt"}}}); err == nil {
		t.Fatal("Apply of a nil article succeeded")
	}
	if _, err := tx.Apply(Changes{At: t0}); err == nil {
		t.Error("Apply after a failure succeeded")
	}
	if err := tx.Commit(); err == nil {
		t.Error("Commit after a failure succeeded")
	}
	tx.Rollback()
	if n, _ := s.Count(ctx); n != 0 {
		t.Errorf("%d articles after a failed transaction", n)
	}
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("b.txt", art("B", "b"), t0)}})
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}
