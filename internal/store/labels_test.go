package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"seedfeed/internal/article"
)

func tagged(title, body string, pub time.Time, tags ...string) *article.Article {
	a := art(title, body)
	a.Tags = tags
	a.Published = &pub
	return a
}

func labelSummary(t *testing.T, s *Store, kind LabelKind) []string {
	t.Helper()
	ls, err := s.Labels(context.Background(), kind)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range ls {
		out = append(out, l.Slug+"="+l.Name+"/"+string(rune('0'+l.Count)))
	}
	return out
}

func labelledSlugs(t *testing.T, s *Store, kind LabelKind, slug string, n int) []string {
	t.Helper()
	rs, err := s.LatestLabelled(context.Background(), kind, slug, n)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		out = append(out, r.Slug)
	}
	return out
}

// TestLabelsFollowApply checks that the labels index follows every kind
// of change: insert, edit (tags and date), draft, removal, and that names
// differing only in case or accents are one label under the most used
// written form.
func TestLabelsFollowApply(t *testing.T) {
	s := openTest(t)
	d := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	a1 := tagged("One", "one", d(1), "Économie", "Go")
	a2 := tagged("Two", "two", d(2), "economie", "हिंदी")
	a3 := tagged("Three", "three", d(3), "Économie", "go", "GO") // "go" twice: once
	a3.Authors = []string{"Zoë Roy", "Ada Writer"}
	draft := tagged("Four", "four", d(4), "Économie", "Secret")
	draft.Draft = true
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("1.md", a1, t0), up("2.md", a2, t0), up("3.md", a3, t0), up("4.md", draft, t0)}})

	if got, want := labelSummary(t, s, LabelTag), []string{"economie=Économie/3", "go=Go/2", "हिंदी=हिंदी/1"}; !slices.Equal(got, want) {
		t.Errorf("tags = %q, want %q", got, want)
	}
	if got, want := labelSummary(t, s, LabelAuthor), []string{"ada-writer=Ada Writer/3", "zoe-roy=Zoë Roy/1"}; !slices.Equal(got, want) {
		t.Errorf("authors = %q, want %q", got, want)
	}
	if got, want := labelledSlugs(t, s, LabelTag, "economie", 10), []string{"three", "two", "one"}; !slices.Equal(got, want) {
		t.Errorf("economie = %q, want %q", got, want)
	}
	if got, want := labelledSlugs(t, s, LabelTag, "economie", 2), []string{"three", "two"}; !slices.Equal(got, want) {
		t.Errorf("economie limit 2 = %q, want %q", got, want)
	}

	// Edit: one drops a tag; the draft is published and takes its date.
	a1b := tagged("One", "one, edited", d(1), "Go")
	pub := tagged("Four", "four", d(5), "Économie", "Secret")
	mustApply(t, s, Changes{At: t0.Add(time.Hour), Upserts: []Upsert{up("1.md", a1b, t0), up("4.md", pub, t0)}})
	if got, want := labelledSlugs(t, s, LabelTag, "economie", 10), []string{"four", "three", "two"}; !slices.Equal(got, want) {
		t.Errorf("economie after edits = %q, want %q", got, want)
	}
	if got, want := labelSummary(t, s, LabelTag), []string{"economie=Économie/3", "go=Go/2", "secret=Secret/1", "हिंदी=हिंदी/1"}; !slices.Equal(got, want) {
		t.Errorf("tags after edits = %q, want %q", got, want)
	}

	// Removal takes the article out of its labels; a label without
	// articles is gone.
	mustApply(t, s, Changes{At: t0.Add(2 * time.Hour), Removed: []string{"2.md", "4.md"}})
	if got, want := labelSummary(t, s, LabelTag), []string{"economie=Économie/1", "go=Go/2"}; !slices.Equal(got, want) {
		t.Errorf("tags after removals = %q, want %q", got, want)
	}
	if got := labelledSlugs(t, s, LabelTag, "हिंदी", 10); len(got) != 0 {
		t.Errorf("removed tag still lists %q", got)
	}
	// A file moved back keeps its id and gets its labels again.
	mustApply(t, s, Changes{At: t0.Add(3 * time.Hour), Upserts: []Upsert{up("2-again.md", a2, t0)}})
	if got, want := labelledSlugs(t, s, LabelTag, "हिंदी", 10), []string{"two"}; !slices.Equal(got, want) {
		t.Errorf("restored article's tag = %q, want %q", got, want)
	}
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Error(err)
	}
	checkLabelCounts(t, s)
}

// checkLabelCounts checks the kept counts against a count of the labels.
func checkLabelCounts(t *testing.T, s *Store) {
	t.Helper()
	q := func(query string) []string {
		rows, err := s.rdb.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var kind, n int
			var slug, name string
			if err := rows.Scan(&kind, &slug, &name, &n); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(kind, slug, name, n))
		}
		return out
	}
	kept := q(`SELECT kind, slug, name, count FROM label_counts ORDER BY 1, 2, 3`)
	counted := q(`SELECT kind, slug, name, count(*) FROM article_labels GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)
	if !slices.Equal(kept, counted) {
		t.Errorf("label_counts %q, counted %q", kept, counted)
	}
}

func labelVersions(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, kind := range []LabelKind{LabelTag, LabelAuthor} {
		ls, err := s.Labels(context.Background(), kind)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			out[fmt.Sprint(kind, l.Slug)] = l.Version
		}
	}
	return out
}

// A label's version moves when one of its articles changes, and only
// then; it never returns to an earlier value, even after the label had no
// articles for a while.
func TestLabelVersions(t *testing.T) {
	s := openTest(t)
	d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a := tagged("A", "a", d, "Go", "Rust")
	b := tagged("B", "b", d, "Go")
	mustApply(t, s, Changes{At: t0, Upserts: []Upsert{up("a.md", a, t0), up("b.md", b, t0)}})
	v1 := labelVersions(t, s)

	// Editing b moves go (and b's author), not rust.
	mustApply(t, s, Changes{At: t0.Add(time.Hour), Upserts: []Upsert{up("b.md", tagged("B", "b edited", d, "Go"), t0)}})
	v2 := labelVersions(t, s)
	if v2["1go"] <= v1["1go"] || v2["1rust"] != v1["1rust"] || v2["2ada-writer"] <= v1["2ada-writer"] {
		t.Errorf("versions after an edit of b: %v, before %v", v2, v1)
	}
	// A touch (same bytes) moves nothing.
	mustApply(t, s, Changes{At: t0.Add(2 * time.Hour), Touches: []Touch{{Path: "a.md", ModTime: t0.Add(time.Minute), Size: 9}}})
	if v := labelVersions(t, s); v["1go"] != v2["1go"] || v["1rust"] != v2["1rust"] {
		t.Errorf("a touch moved versions: %v, before %v", v, v2)
	}
	// rust goes away with a, and comes back at a later version.
	mustApply(t, s, Changes{At: t0.Add(3 * time.Hour), Removed: []string{"a.md"}})
	if _, ok := labelVersions(t, s)["1rust"]; ok {
		t.Error("a label without articles is still listed")
	}
	mustApply(t, s, Changes{At: t0.Add(4 * time.Hour), Upserts: []Upsert{up("c.md", tagged("C", "c", d, "rust"), t0)}})
	if v := labelVersions(t, s); v["1rust"] <= v2["1rust"] {
		t.Errorf("rust came back at version %d, had %d", v["1rust"], v2["1rust"])
	}
	checkLabelCounts(t, s)
}
