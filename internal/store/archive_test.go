package store

import (
	"context"
	"slices"
	"testing"
	"time"
)

// slotIDs lists the slots' ids in seq order and checks the seqs rise.
func slotIDs(t *testing.T, s *Store) ([]string, []ArchiveSlot, int64) {
	t.Helper()
	slots, maxSeq, err := s.ArchiveSlots(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, sl := range slots {
		if i > 0 && sl.Seq <= slots[i-1].Seq {
			t.Errorf("slot %d seq %d after %d", i, sl.Seq, slots[i-1].Seq)
		}
		if sl.Seq > maxSeq {
			t.Errorf("slot seq %d above max %d", sl.Seq, maxSeq)
		}
		ids = append(ids, sl.ID)
	}
	return ids, slots, maxSeq
}

// TestArchiveSlots follows the archive order through the changes a seeds
// folder sees: new articles go after every stored row, an edit keeps its
// place but changes its hash and updated, a removal leaves a gap, a draft
// holds a place without being listed.
func TestArchiveSlots(t *testing.T) {
	s := openTest(t)
	a, b, c := art("Alpha", "one"), art("Bravo", "two"), art("Charlie", "three")
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.md", a, t0), up("b.md", b, t0), up("c.md", c, t0)}})
	ids, slots, maxSeq := slotIDs(t, s)
	if len(ids) != 3 || maxSeq != slots[2].Seq {
		t.Fatalf("ids %q max %d", ids, maxSeq)
	}
	first := slices.Clone(slots)

	// An edit keeps the seq and changes what decides a re-render.
	t1 := t0.Add(time.Hour)
	b2 := art("Bravo", "two, edited")
	b2.Slug = b.Slug
	mustApply(t, s, Changes{At: t1, Upserts: []Upsert{up("b.md", b2, t1)}})
	_, slots, _ = slotIDs(t, s)
	if slots[1].Seq != first[1].Seq || slots[1].ID != first[1].ID {
		t.Errorf("edit moved the article: %+v, was %+v", slots[1], first[1])
	}
	if slots[1].Hash == first[1].Hash || !slots[1].Updated.After(first[1].Updated) {
		t.Errorf("edit left hash or updated as they were: %+v", slots[1])
	}
	if slots[0] != first[0] || slots[2] != first[2] {
		t.Errorf("edit of b changed a or c")
	}

	// A draft takes a seq but is not listed; a new article goes after it.
	d := art("Delta", "draft")
	d.Draft = true
	e := art("Echo", "five")
	mustApply(t, s, Changes{At: t1, Upserts: []Upsert{up("d.md", d, t1)}})
	mustApply(t, s, Changes{At: t1, Upserts: []Upsert{up("e.md", e, t1)}})
	ids, slots, maxSeq = slotIDs(t, s)
	if len(ids) != 4 || slots[3].Seq != maxSeq || slots[3].Seq < first[2].Seq+2 {
		t.Fatalf("after a draft and a new article: %+v max %d", slots, maxSeq)
	}

	// A removal in the middle leaves the others where they were.
	mustApply(t, s, Changes{At: t1, Removed: []string{"b.md"}})
	ids2, slots2, max2 := slotIDs(t, s)
	if len(ids2) != 3 || slots2[0] != slots[0] || slots2[1] != slots[2] || slots2[2] != slots[3] || max2 != maxSeq {
		t.Errorf("after removing b: %+v max %d", slots2, max2)
	}

	// ArchiveRange reads a range of seqs, drafts left out, newest first.
	recs, err := s.ArchiveRange(context.Background(), first[0].Seq, maxSeq)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.ID)
	}
	want := []string{ids2[2], ids2[0], ids2[1]} // e is newest; a and c share first_seen, by id
	if recs[0].Published.Before(recs[1].Published) || len(got) != 3 || got[0] != want[0] {
		t.Errorf("ArchiveRange = %q, want %q first", got, want[0])
	}
	only, err := s.ArchiveRange(context.Background(), first[0].Seq, first[0].Seq)
	if err != nil || len(only) != 1 || only[0].ID != first[0].ID || only[0].Article.Title != "Alpha" {
		t.Errorf("ArchiveRange of one seq = %+v, %v", only, err)
	}
}

func TestArchiveSlotsEmpty(t *testing.T) {
	s := openTest(t)
	slots, maxSeq, err := s.ArchiveSlots(context.Background())
	if err != nil || len(slots) != 0 || maxSeq != 0 {
		t.Errorf("empty store: %v, %d, %v", slots, maxSeq, err)
	}
}
