package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestIdentityRules(t *testing.T) {
	ctx := context.Background()
	t1, t2, t3 := t0.Add(time.Hour), t0.Add(48*time.Hour), t0.Add(72*time.Hour)
	hello := art("Hello World", "first words")

	tests := []struct {
		name string
		run  func(t *testing.T, s *Store)
	}{
		{"new article gets a tag id from host, first-seen date and slug", func(t *testing.T, s *Store) {
			res := mustApply(t, s, Changes{At: t0.Add(123 * time.Millisecond), Upserts: []Upsert{up("a.txt", hello, t0)}})
			if res.Inserted != 1 || !res.Changed {
				t.Fatalf("result = %+v", res)
			}
			r, err := s.BySlug(ctx, "hello-world")
			if err != nil {
				t.Fatal(err)
			}
			if want := "tag:example.org,2026-03-01:/articles/hello-world"; r.ID != want {
				t.Errorf("id = %q, want %q", r.ID, want)
			}
			for name, got := range map[string]time.Time{"first_seen": r.FirstSeen, "published": r.Published, "updated": r.Updated} {
				if !got.Equal(t0) || got.Location() != time.UTC {
					t.Errorf("%s = %v, want %v in UTC (whole seconds)", name, got, t0)
				}
			}
			if r.Article.Title != "Hello World" || r.Path != "a.txt" {
				t.Errorf("record = %+v", r)
			}
		}},
		{"own date is published; explicit later updated is kept", func(t *testing.T, s *Store) {
			a := art("Dated", "x")
			a.Published = ptr(time.Date(2025, 12, 24, 8, 30, 0, 0, time.FixedZone("IST", 19800)))
			a.Updated = ptr(t0.Add(10 * time.Minute))
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("d.md", a, t0)}})
			r, _ := byPath(t, s, "d.md")
			if want := time.Date(2025, 12, 24, 3, 0, 0, 0, time.UTC); !r.Published.Equal(want) || r.Published.Location() != time.UTC {
				t.Errorf("published = %v, want %v UTC", r.Published, want)
			}
			if !r.Updated.Equal(t0.Add(10 * time.Minute)) {
				t.Errorf("updated = %v", r.Updated)
			}
		}},
		{"edit keeps id, slug, published, first_seen and bumps updated", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0)}})
			before, _ := byPath(t, s, "a.txt")
			edited := art("Hello World, Revised", "second words")
			edited.Slug = "hello-world-revised"
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("a.txt", edited, t2)}})
			if res.Updated != 1 || !res.Changed {
				t.Fatalf("result = %+v", res)
			}
			after, _ := byPath(t, s, "a.txt")
			if after.ID != before.ID || after.Slug != before.Slug || !after.Published.Equal(before.Published) || !after.FirstSeen.Equal(before.FirstSeen) {
				t.Errorf("identity changed:\n before %+v\n after  %+v", before, after)
			}
			if !after.Updated.Equal(t2) || after.Article.Title != "Hello World, Revised" {
				t.Errorf("updated = %v title = %q", after.Updated, after.Article.Title)
			}
			if n, _ := s.Count(ctx); n != 1 {
				t.Errorf("count = %d, want 1", n)
			}
		}},
		{"updated strictly increases even when the clock goes back", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("a.txt", hello, t2)}})
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", art("Hello World", "v2"), t0)}})
			r, _ := byPath(t, s, "a.txt")
			if !r.Updated.Equal(t2.Add(time.Second)) {
				t.Errorf("updated = %v, want %v", r.Updated, t2.Add(time.Second))
			}
		}},
		{"same bytes with a new mtime only touch", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0)}})
			res := mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("a.txt", hello, t2)}})
			if res.Changed || res.Touched != 1 {
				t.Errorf("result = %+v, want one touch and no visible change", res)
			}
			res = mustApply(t, s, Changes{At: t3, Touches: []Touch{{Path: "a.txt", ModTime: t3, Size: 7}}})
			if res.Changed || res.Touched != 1 {
				t.Errorf("result = %+v", res)
			}
			r, _ := byPath(t, s, "a.txt")
			if !r.Updated.Equal(t0) {
				t.Errorf("updated = %v, want %v", r.Updated, t0)
			}
			files, _ := s.Files(ctx)
			if st := files["a.txt"]; !st.ModTime.Equal(t3) || st.Size != 7 || st.Hash != hashOf(hello) {
				t.Errorf("file state = %+v", st)
			}
		}},
		{"rename in one batch keeps the id", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0)}})
			before, _ := byPath(t, s, "a.txt")
			res := mustApply(t, s, Changes{At: t2, Removed: []string{"a.txt"}, Upserts: []Upsert{up("sub/b.txt", hello, t2)}})
			after, ok := byPath(t, s, "sub/b.txt")
			if !ok || after.ID != before.ID || after.Slug != before.Slug || !after.Updated.Equal(before.Updated) {
				t.Errorf("after move: %+v (found %v), before %+v", after, ok, before)
			}
			// A link to the article's file finds it where it is now.
			if slug, err := s.SlugAt(ctx, "sub/b.txt"); err != nil || slug != before.Slug {
				t.Errorf("SlugAt(sub/b.txt) = %q, %v; want %q", slug, err, before.Slug)
			}
			if _, err := s.SlugAt(ctx, "a.txt"); !errors.Is(err, ErrNotFound) {
				t.Errorf("SlugAt(a.txt) after the move: %v, want ErrNotFound", err)
			}
			if n, _ := s.Count(ctx); n != 1 {
				t.Errorf("count = %d", n)
			}
			if res.Removed != 1 || res.Inserted != 1 {
				t.Errorf("result = %+v", res)
			}
		}},
		{"a file that leaves and comes back keeps its id", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0)}})
			before, _ := byPath(t, s, "a.txt")
			mustApply(t, s, Changes{At: t1, Removed: []string{"a.txt"}})
			if _, err := s.BySlug(ctx, "hello-world"); !errors.Is(err, ErrNotFound) {
				t.Fatalf("after removal BySlug err = %v, want ErrNotFound", err)
			}
			mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("restored.txt", hello, t2)}})
			after, _ := byPath(t, s, "restored.txt")
			if after.ID != before.ID || !after.Published.Equal(before.Published) {
				t.Errorf("after restore %+v, before %+v", after, before)
			}
		}},
		{"delete removes the article", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0), up("b.txt", art("Other", "o"), t0)}})
			res := mustApply(t, s, Changes{At: t1, Removed: []string{"a.txt", "never-seen.txt"}})
			if res.Removed != 1 || !res.Changed {
				t.Errorf("result = %+v", res)
			}
			if n, _ := s.Count(ctx); n != 1 {
				t.Errorf("count = %d", n)
			}
			files, _ := s.Files(ctx)
			if _, ok := files["a.txt"]; ok {
				t.Error("removed path still in Files")
			}
		}},
		{"slug collisions get -2, -3 in batch order", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{
				up("1.txt", art("Same", "one"), t0), up("2.txt", art("Same", "two"), t0), up("3.txt", art("Same", "three"), t0),
			}})
			for p, want := range map[string]string{"1.txt": "same", "2.txt": "same-2", "3.txt": "same-3"} {
				r, _ := byPath(t, s, p)
				if r.Slug != want || r.ID != "tag:example.org,2026-03-01:/articles/"+want {
					t.Errorf("%s: slug %q id %q, want slug %q", p, r.Slug, r.ID, want)
				}
			}
		}},
		{"a removed article's slug goes to the next article that wants it", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0)}})
			mustApply(t, s, Changes{At: t1, Removed: []string{"a.txt"}})
			mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("new.txt", art("Hello World", "different words"), t2)}})
			r, _ := byPath(t, s, "new.txt")
			if r.Slug != "hello-world" || r.ID != "tag:example.org,2026-03-03:/articles/hello-world" {
				t.Errorf("new article = %q %q", r.Slug, r.ID)
			}
			// The old bytes come back: their slug is taken, so they are new.
			mustApply(t, s, Changes{At: t3, Upserts: []Upsert{up("old.txt", hello, t3)}})
			r, _ = byPath(t, s, "old.txt")
			if r.Slug != "hello-world-2" {
				t.Errorf("returning article slug = %q, want hello-world-2", r.Slug)
			}
		}},
		{"a tombstone whose slug is somehow taken does not wedge the store", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("live.txt", art("Taken", "live"), t0)}})
			ghost := art("Ghost", "ghost")
			h := hashOf(ghost)
			execTest(t, s, `INSERT INTO removed_articles (id, slug, hash, first_seen, published, updated, removed_at)
				VALUES ('tag:example.org,2020-01-01:/articles/taken', 'taken', ?, 0, 0, 0, 0)`, h[:])
			mustApply(t, s, Changes{At: t1, Upserts: []Upsert{up("ghost.txt", ghost, t1)}})
			r, ok := byPath(t, s, "ghost.txt")
			if !ok || r.Slug != "ghost" || r.ID != "tag:example.org,2026-03-01:/articles/ghost" {
				t.Errorf("ghost = %+v", r)
			}
		}},
		{"unsafe or empty slugs are made safe", func(t *testing.T, s *Store) {
			a := art("x", "1")
			a.Slug = "../../etc/Passwd\x00"
			b := art("y", "2")
			b.Slug = "¿¿"
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", a, t0), up("dir/Hello Name.md", b, t0)}})
			ra, _ := byPath(t, s, "a.txt")
			rb, _ := byPath(t, s, "dir/Hello Name.md")
			if ra.Slug != "etc-passwd" || rb.Slug != "hello-name" {
				t.Errorf("slugs = %q, %q", ra.Slug, rb.Slug)
			}
		}},
		{"drafts are stored hidden and keep their id when published", func(t *testing.T, s *Store) {
			d := art("Soon", "draft text")
			d.Draft = true
			res := mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("soon.md", d, t0)}})
			if res.Changed {
				t.Error("a new draft reported a visible change")
			}
			if n, _ := s.Count(ctx); n != 0 {
				t.Errorf("count with a draft = %d", n)
			}
			if _, err := s.BySlug(ctx, "soon"); !errors.Is(err, ErrNotFound) {
				t.Errorf("BySlug(draft) err = %v", err)
			}
			if _, err := s.SlugAt(ctx, "soon.md"); !errors.Is(err, ErrNotFound) {
				t.Errorf("SlugAt(draft) err = %v", err)
			}
			files, _ := s.Files(ctx)
			if _, ok := files["soon.md"]; !ok {
				t.Error("draft missing from Files: it would be re-read every scan")
			}
			pub := art("Soon", "final text")
			res = mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("soon.md", pub, t2)}})
			if !res.Changed {
				t.Error("publishing a draft reported no change")
			}
			r, err := s.BySlug(ctx, "soon")
			if err != nil {
				t.Fatal(err)
			}
			if r.ID != "tag:example.org,2026-03-01:/articles/soon" || !r.Published.Equal(t2) || !r.FirstSeen.Equal(t0) {
				t.Errorf("published draft = %+v", r)
			}
			back := art("Soon", "withdrawn")
			back.Draft = true
			if res := mustApply(t, s, Changes{At: t3, Upserts: []Upsert{up("soon.md", back, t3)}}); !res.Changed {
				t.Error("withdrawing an article reported no change")
			}
			if n, _ := s.Count(ctx); n != 0 {
				t.Errorf("count after withdrawal = %d", n)
			}
		}},
		{"a reject keeps the last good version published", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0)}})
			res := mustApply(t, s, Changes{At: t1, Rejects: []Reject{
				{Path: "a.txt", ModTime: t1, Size: 0, Reason: "empty"},
				{Path: "big.txt", ModTime: t1, Size: 1 << 30, Reason: "too_large"},
			}})
			if res.Changed || res.Rejected != 2 {
				t.Errorf("result = %+v", res)
			}
			if _, ok := byPath(t, s, "a.txt"); !ok {
				t.Fatal("published article lost by a bad edit")
			}
			files, _ := s.Files(ctx)
			if st := files["a.txt"]; st.Reason != "empty" || !st.ModTime.Equal(t1) {
				t.Errorf("a.txt state = %+v, want the reject", st)
			}
			if st := files["big.txt"]; st.Reason != "too_large" || st.Size != 1<<30 {
				t.Errorf("big.txt state = %+v", st)
			}
			// Fixed again: the reject record goes.
			mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("a.txt", art("Hello World", "fixed"), t2)}})
			files, _ = s.Files(ctx)
			if st := files["a.txt"]; st.Reason != "" || !st.ModTime.Equal(t2) {
				t.Errorf("a.txt state after fix = %+v", st)
			}
			// A rejected file that is deleted leaves no trace.
			mustApply(t, s, Changes{At: t3, Removed: []string{"big.txt"}})
			files, _ = s.Files(ctx)
			if _, ok := files["big.txt"]; ok {
				t.Error("removed rejected file still in Files")
			}
		}},
		{"paths with spaces, newlines and invalid UTF-8 round-trip", func(t *testing.T, s *Store) {
			odd := []string{"with space.txt", "new\nline.txt", "bad\xff\xfe.txt"}
			var c Changes
			c.At = t0
			for i, p := range odd {
				c.Upserts = append(c.Upserts, up(p, art("Odd", string(rune('a'+i))), t0))
			}
			c.Rejects = []Reject{{Path: "latin1-\xe9.txt", ModTime: t0, Reason: "invalid_name"}}
			mustApply(t, s, c)
			files, _ := s.Files(ctx)
			for _, p := range append(odd, "latin1-\xe9.txt") {
				if _, ok := files[p]; !ok {
					t.Errorf("path %q did not round-trip; have %q", p, keys(files))
				}
			}
		}},
		{"restart changes nothing", func(t *testing.T, s *Store) {
			mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.txt", hello, t0), up("b.txt", art("B", "b"), t0)}})
			mustApply(t, s, Changes{At: t2, Upserts: []Upsert{up("b.txt", art("B", "b2"), t2)}})
			before := latest(t, s)
			path := s.Path()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2 := openAt(t, path)
			after := latest(t, s2)
			if len(after) != len(before) {
				t.Fatalf("%d records after restart, %d before", len(after), len(before))
			}
			for i := range before {
				b, a := before[i], after[i]
				if b.ID != a.ID || b.Slug != a.Slug || !b.Published.Equal(a.Published) || !b.Updated.Equal(a.Updated) || !b.FirstSeen.Equal(a.FirstSeen) || b.Article.BodyHTML != a.Article.BodyHTML {
					t.Errorf("record %d differs:\n before %+v\n after  %+v", i, b, a)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, openTest(t)) })
	}
}

func keys(m map[string]FileState) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestLatestOrder(t *testing.T) {
	s := openTest(t)
	day := func(d int) *time.Time { return ptr(time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC)) }
	mk := func(title string, d int) *Upsert {
		a := art(title, title)
		a.Published = day(d)
		u := up(title+".txt", a, t0)
		return &u
	}
	c := Changes{At: t0}
	for _, u := range []*Upsert{mk("b", 2), mk("a", 2), mk("c", 5), mk("d", 1)} {
		c.Upserts = append(c.Upserts, *u)
	}
	mustApply(t, s, c)
	for _, tt := range []struct {
		n    int
		want []string
	}{
		{0, nil},
		{1, []string{"c"}},
		{3, []string{"c", "a", "b"}},
		{10, []string{"c", "a", "b", "d"}},
	} {
		rs, err := s.Latest(context.Background(), tt.n)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.Slug)
		}
		if len(got) != len(tt.want) {
			t.Errorf("Latest(%d) = %v, want %v", tt.n, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Latest(%d) = %v, want %v", tt.n, got, tt.want)
				break
			}
		}
	}
	var all []string
	if err := s.Each(context.Background(), func(r Record) error { all = append(all, r.Slug); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 || all[0] != "c" || all[3] != "d" {
		t.Errorf("Each order = %v", all)
	}
}

func TestCleanSlug(t *testing.T) {
	long := ""
	for range 30 {
		long += "word "
	}
	for _, tt := range []struct{ in, want string }{
		{"hello-world", "hello-world"},
		{"Hello  World!", "hello-world"},
		{"--a--b--", "a-b"},
		{"../x/..", "x"},
		{"café", "caf"},
		{"", ""},
		{long, "word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word-word"},
	} {
		if got := cleanSlug(tt.in); got != tt.want {
			t.Errorf("cleanSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNextUpdated(t *testing.T) {
	prev := t0
	for _, tt := range []struct {
		name     string
		at       time.Time
		explicit *time.Time
		want     time.Time
	}{
		{"scan time", t0.Add(time.Hour), nil, t0.Add(time.Hour)},
		{"later explicit wins", t0.Add(time.Hour), ptr(t0.Add(2 * time.Hour)), t0.Add(2 * time.Hour)},
		{"older explicit ignored", t0.Add(time.Hour), ptr(t0.Add(-time.Hour)), t0.Add(time.Hour)},
		{"clock went back", t0.Add(-time.Hour), nil, t0.Add(time.Second)},
		{"sub-second dropped", t0.Add(1500 * time.Millisecond), nil, t0.Add(time.Second)},
	} {
		if got := nextUpdated(prev, tt.at, tt.explicit); !got.Equal(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
