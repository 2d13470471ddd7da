package corpus

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func digest(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	h := sha256.New()
	err := Generate(n, seed, func(a Article) error {
		h.Write([]byte(a.Name))
		h.Write(a.Data)
		h.Write([]byte(a.ModTime.String()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h.Sum(nil)
}

func TestDeterministic(t *testing.T) {
	if !bytes.Equal(digest(t, 200, 1), digest(t, 200, 1)) {
		t.Error("same seed, different corpus")
	}
	if bytes.Equal(digest(t, 200, 1), digest(t, 200, 2)) {
		t.Error("different seeds, same corpus")
	}
}

var nameRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-[a-z0-9'-]+\.txt$`)

func TestShape(t *testing.T) {
	names := map[string]bool{}
	err := Generate(2000, 7, func(a Article) error {
		if names[a.Name] {
			t.Errorf("duplicate name %s", a.Name)
		}
		names[a.Name] = true
		if !nameRE.MatchString(a.Name) {
			t.Errorf("name %q", a.Name)
		}
		if n := len(a.Data); n < minBytes || n > maxBytes {
			t.Errorf("%s: %d bytes", a.Name, n)
		}
		text := string(a.Data)
		lines := strings.Split(text, "\n")
		if lines[0] != a.Title || lines[2] != lines[3] || !strings.Contains(lines[2], "(image credit ") || lines[4] != "Spread the love" || !strings.HasPrefix(lines[6], "By ") {
			t.Errorf("%s: header %q", a.Name, lines[:7])
		}
		if !strings.Contains(lines[7], a.Date.Format("January")+" ") || !strings.HasSuffix(text, footer) {
			t.Errorf("%s: dateline %q or footer missing", a.Name, lines[7])
		}
		if a.ModTime.Before(a.Date) || a.ModTime.Sub(a.Date).Hours() >= 22 || !a.Date.Before(End.AddDate(0, 0, 1)) {
			t.Errorf("%s: date %v mtime %v", a.Name, a.Date, a.ModTime)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "seeds")
	if err := Write(dir, 20, 3); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 20 {
		t.Fatalf("%d files, %v", len(entries), err)
	}
	err = Generate(20, 3, func(a Article) error {
		info, err := os.Stat(filepath.Join(dir, a.Name))
		if err != nil {
			return err
		}
		if !info.ModTime().Equal(a.ModTime) || info.Size() != int64(len(a.Data)) {
			t.Errorf("%s: mtime %v size %d", a.Name, info.ModTime(), info.Size())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
