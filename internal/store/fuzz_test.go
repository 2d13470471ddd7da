package store

import (
	"context"
	"regexp"
	"testing"
	"time"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Whatever slug an article asks for and whatever its file is called, the
// store gives it a slug the page router accepts, unique, and finds it by
// that slug.
func FuzzSlugsAndPaths(f *testing.F) {
	for _, s := range [][2]string{{"hello-world", "a.txt"}, {"../../etc", "x/../y"}, {"", "\xff\xfe.txt"}, {"ÄÖÜ", "new\nline"}, {"a--b", ""}} {
		f.Add(s[0], s[1])
	}
	s := openAtF(f)
	n := 0
	f.Fuzz(func(t *testing.T, slug, path string) {
		n++
		a := art("Fuzz", slug+"\x00"+path)
		a.Slug = slug
		u := up(path+"#"+time.Duration(n).String(), a, t0)
		if _, err := s.Apply(context.Background(), Changes{At: t0, Upserts: []Upsert{u}}); err != nil {
			t.Fatalf("Apply(slug %q, path %q): %v", slug, path, err)
		}
		files, err := s.Files(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := files[u.Path]; !ok {
			t.Fatalf("path %q not stored as given", u.Path)
		}
		got, err := s.SlugAt(context.Background(), u.Path)
		if err != nil {
			t.Fatalf("article at %q: %v", u.Path, err)
		}
		if !slugRE.MatchString(got) || len(got) > 128 {
			t.Fatalf("slug %q from %q", got, slug)
		}
		if r, err := s.BySlug(context.Background(), got); err != nil || r.Path != u.Path {
			t.Fatalf("BySlug(%q) = %+v, %v", got, r, err)
		}
	})
}
