package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	for _, tt := range []struct {
		format string
		check  string
	}{
		{"txt", ""},
		{"hugo", "content/posts"},
	} {
		dir := t.TempDir()
		if err := run([]string{"-n", "5", "-format", tt.format, "-out", dir}, io.Discard); err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		entries, err := os.ReadDir(filepath.Join(dir, tt.check))
		if err != nil || len(entries) != 5 {
			t.Fatalf("%s: %d entries, %v", tt.format, len(entries), err)
		}
		if tt.format == "hugo" {
			b, _ := os.ReadFile(filepath.Join(dir, tt.check, entries[0].Name()))
			if !strings.HasPrefix(string(b), "---\ntitle: \"") || !strings.Contains(string(b), "\ndate: 20") {
				t.Errorf("front matter: %.80q", b)
			}
		}
	}
	for _, bad := range [][]string{{"-n", "5"}, {"-out", t.TempDir(), "-format", "pdf"}, {"-bogus"}} {
		if err := run(bad, io.Discard); err == nil {
			t.Errorf("run(%q) succeeded", bad)
		}
	}
}
