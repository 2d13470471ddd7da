package store

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestLatestAfter: every window of the published articles comes in the
// order of Each, drafts left out, past the end empty, and articles stored
// after the given seq left out.
func TestLatestAfter(t *testing.T) {
	s := openTest(t)
	c := Changes{At: t0}
	for i, d := range []int{3, 9, 1, 7, 7, 5, 2} {
		title := string(rune('a' + i))
		a := art(title, title)
		a.Published = ptr(time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC))
		a.Draft = i == 3
		c.Upserts = append(c.Upserts, up(title+".txt", a, t0))
	}
	mustApply(t, s, c)
	var all []string
	if err := s.Each(context.Background(), func(r Record) error { all = append(all, r.Slug); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 {
		t.Fatalf("Each = %v, want six published articles", all)
	}
	_, maxSeq, err := s.ArchiveSlots(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// An article stored after the snapshot at maxSeq, newer than all:
	// the windows of that snapshot must not move for it.
	late := art("late", "late")
	late.Published = ptr(time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("late.txt", late, t0)}})
	if rs, err := s.LatestAfter(context.Background(), 0, 1, maxSeq+1); err != nil || len(rs) != 1 || rs[0].Slug != "late" {
		t.Fatalf("LatestAfter(0, 1) after the new article = %v, %v; want it first", rs, err)
	}
	for _, tt := range []struct{ skip, n int }{
		{0, 2}, {2, 2}, {4, 2}, {5, 3}, {6, 2}, {0, 10}, {1, 0}, {-1, 2},
	} {
		rs, err := s.LatestAfter(context.Background(), tt.skip, tt.n, maxSeq)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.Slug)
		}
		var want []string
		if tt.skip >= 0 && tt.n > 0 {
			want = all[min(tt.skip, len(all)):min(tt.skip+tt.n, len(all))]
		}
		if !slices.Equal(got, want) {
			t.Errorf("LatestAfter(%d, %d) = %v, want %v", tt.skip, tt.n, got, want)
		}
	}
}
