package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"seedfeed/internal/article"
)

// A new seedfeed reads every file again (ingest's parse stamp): what the
// same bytes give now replaces the article, and a reader sees the item
// mended, never new, moved or re-dated.
func TestReadAgain(t *testing.T) {
	ctx := context.Background()
	t1, t2 := t0.Add(time.Hour), t0.Add(48*time.Hour)
	old := art("River Cleanup", "first reading")
	first := up("river.txt", old, t0)
	first.ParsedBy = 1
	// The same bytes (first.Hash), read by normalizer 2 into a.
	again := func(a *article.Article) Upsert {
		u := first
		u.ParsedBy, u.ModTime, u.Article = 2, t1, a
		return u
	}

	tests := []struct {
		name string
		run  func(t *testing.T, s *Store)
	}{
		{"a new reading replaces the article and keeps its id, slug and dates", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{first}})
			before, _ := byPath(t, s, "river.txt")
			mended := art("River Cleanup Hauls 40 Bags", "better reading")
			mended.Slug = "river-cleanup-hauls-40-bags"
			mended.Author = "Grace Hopper"
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{again(mended)}})
			if res.Refreshed != 1 || res.Updated != 0 || res.Inserted != 0 || !res.Changed {
				t.Fatalf("result = %+v, want one refreshed article and a change to render", res)
			}
			after, _ := byPath(t, s, "river.txt")
			if after.ID != before.ID || after.Slug != before.Slug {
				t.Errorf("identity moved: %s %s -> %s %s", before.ID, before.Slug, after.ID, after.Slug)
			}
			for name, pair := range map[string][2]time.Time{
				"published":  {before.Published, after.Published},
				"updated":    {before.Updated, after.Updated},
				"first_seen": {before.FirstSeen, after.FirstSeen},
			} {
				if !pair[0].Equal(pair[1]) {
					t.Errorf("%s moved from %v to %v", name, pair[0], pair[1])
				}
			}
			if after.Article.Title != mended.Title || after.Article.Author != "Grace Hopper" {
				t.Errorf("article not replaced: %+v", after.Article)
			}
			files, err := s.Files(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := files["river.txt"]; got.ParsedBy != 2 || !got.ModTime.Equal(t1) {
				t.Errorf("file state = %+v, want stamp 2 and the new mtime", got)
			}
			authors, err := s.Labels(ctx, LabelAuthor)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range authors {
				names = append(names, a.Name)
			}
			if !slices.Equal(names, []string{"Grace Hopper"}) {
				t.Errorf("author labels = %q, want the new reading's", names)
			}
			checkLabelCounts(t, s)
		}},
		{"a reading that gives the same article moves only the stamp", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{first}})
			fp, err := s.Fingerprint(ctx)
			if err != nil {
				t.Fatal(err)
			}
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{again(old)}})
			if res.Touched != 1 || res.Refreshed != 0 || res.Changed {
				t.Fatalf("result = %+v, want a touch with nothing to render", res)
			}
			files, _ := s.Files(ctx)
			if files["river.txt"].ParsedBy != 2 {
				t.Errorf("stamp = %d, want 2", files["river.txt"].ParsedBy)
			}
			// A replica that missed the notification still sees the
			// stamps move.
			if fp2, _ := s.Fingerprint(ctx); fp2 == fp {
				t.Errorf("fingerprint %s did not change with the stamps", fp)
			}
		}},
		{"the same stamp and bytes are a touch, as before stamps", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{first}})
			u := first
			u.ModTime = t1
			u.Article = art("Another Title", "other")
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{u}})
			if res.Touched != 1 || res.Changed {
				t.Fatalf("result = %+v", res)
			}
			if r, _ := byPath(t, s, "river.txt"); r.Article.Title != "River Cleanup" {
				t.Errorf("title = %q: an unchanged file was rewritten", r.Article.Title)
			}
		}},
		{"a draft a new reading makes public is published then", func(t *testing.T, s *Store) {
			d := art("River Cleanup", "first reading")
			d.Draft = true
			u := first
			u.Article = d
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{u}})
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{again(old)}})
			if res.Refreshed != 1 || !res.Changed {
				t.Fatalf("result = %+v", res)
			}
			r, ok := byPath(t, s, "river.txt")
			if !ok || !r.Published.Equal(t2) || !r.Updated.Equal(t2) {
				t.Errorf("record = %+v (found %v), want published and updated at %v", r, ok, t2)
			}
		}},
		{"an article a new reading makes a draft leaves the feed", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{first}})
			d := art("River Cleanup", "first reading")
			d.Draft = true
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{again(d)}})
			if res.Refreshed != 1 || !res.Changed {
				t.Fatalf("result = %+v", res)
			}
			if _, ok := byPath(t, s, "river.txt"); ok {
				t.Error("the draft is still in the feed")
			}
		}},
		{"a reject keeps the stamp of the reading that rejected it", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Rejects: []Reject{{Path: "notes.rtf", ModTime: t0, Size: 9, Reason: "not_an_article", ParsedBy: 7}}})
			files, _ := s.Files(ctx)
			if got := files["notes.rtf"]; got.ParsedBy != 7 || got.Reason != "not_an_article" {
				t.Errorf("reject state = %+v", got)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, openTest(t)) })
	}
}
