package store

import (
	"context"
	"crypto/sha256"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"seedfeed/internal/article"
)

const testHost = "example.org"

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func openTest(t *testing.T) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "state.db"))
}

// openAtF opens a store for a fuzz target, shared by all its inputs.
func openAtF(f *testing.F) *Store {
	f.Helper()
	s, err := Open(context.Background(), testLocation(f, filepath.Join(f.TempDir(), "fuzz.db")), testHost)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	return s
}

// openAt opens the store at path (on PostgreSQL: a schema of the test's
// own for that path; see backend_test.go).
func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), testLocation(t, path), testHost)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// art builds an article whose content (and so hash) is determined by body.
func art(title, body string) *article.Article {
	return &article.Article{
		Title:          title,
		Author:         "Ada Writer",
		Summary:        body,
		BodyParagraphs: []string{body},
		BodyHTML:       "<p>" + body + "</p>",
		Slug:           cleanSlug(title),
	}
}

func hashOf(a *article.Article) Hash {
	return sha256.Sum256([]byte(a.Title + "\x00" + a.BodyHTML))
}

func up(path string, a *article.Article, mtime time.Time) Upsert {
	return Upsert{Path: path, Hash: hashOf(a), ModTime: mtime, Size: int64(len(a.BodyHTML)), Article: a}
}

func mustApply(t *testing.T, s *Store, c Changes) Result {
	t.Helper()
	res, err := s.Apply(context.Background(), c)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return res
}

func latest(t *testing.T, s *Store) []Record {
	t.Helper()
	rs, err := s.Latest(context.Background(), 1000)
	if err != nil {
		t.Fatalf("Latest: %v", err)
	}
	return rs
}

func byPath(t *testing.T, s *Store, p string) (Record, bool) {
	t.Helper()
	for _, r := range latest(t, s) {
		if r.Path == p {
			return r, true
		}
	}
	return Record{}, false
}

func ptr(t time.Time) *time.Time { return &t }

// openTogether opens the store at loc from n goroutines at once, closes
// each, and returns what each Open or Close gave.
func openTogether(loc string, n int) []error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	for k := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), loc, testHost)
			if err == nil {
				err = s.Close()
			}
			errs[k] = err
		})
	}
	wg.Wait()
	return errs
}
