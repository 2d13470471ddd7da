//go:build unix

package ingest

import (
	"io/fs"
	"syscall"
)

// sameFile reports whether two stats are of the same file (device and
// inode). It is how a read notices that the path it walked was swapped,
// say for a symlink to a file outside the folder, before it was opened.
// File systems without inode numbers (fstest.MapFS) always match.
func sameFile(a, b fs.FileInfo) bool {
	x, ok1 := a.Sys().(*syscall.Stat_t)
	y, ok2 := b.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return true
	}
	return x.Dev == y.Dev && x.Ino == y.Ino
}
