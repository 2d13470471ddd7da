package ingest

import (
	"io/fs"
	"strings"
	"testing"
)

// Event paths come from the file system, so from anyone who can write to
// the folder: whatever they are, the roots stay inside it, visible, and
// none inside another.
func FuzzCleanRoots(f *testing.F) {
	for _, s := range []string{"a.txt", "../x", "/abs", "dir//x/../y", ".git/c", "a\x00b", "d\nnl.txt", "x\xff", "./.", "a/./b~"} {
		f.Add(s, "dir")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		roots := cleanRoots([]string{a, b, a + "/" + b})
		kept := pathSet{}
		for _, r := range roots {
			if !fs.ValidPath(r) {
				t.Fatalf("root %q is not a valid fs path", r)
			}
			if r != "." {
				for _, el := range strings.Split(r, "/") {
					if skipName(el) {
						t.Fatalf("root %q has a hidden or temporary element", r)
					}
				}
			}
			kept[r] = true
		}
		for _, r := range roots {
			delete(kept, r)
			if kept.holds(r) {
				t.Fatalf("root %q is inside another of %q", r, roots)
			}
			kept[r] = true
		}
	})
}
