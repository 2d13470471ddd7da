//go:build unix

package ingest

import (
	"io/fs"
	"syscall"
)

// fileID is a file's device and inode: what tells a read that the path it
// walked was swapped (say, for a symlink to a file outside the folder)
// before it was opened. Zero where the file system gives none
// (fstest.MapFS).
type fileID struct{ dev, ino uint64 }

func idOf(fi fs.FileInfo) fileID {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fileID{uint64(st.Dev), uint64(st.Ino)}
	}
	return fileID{}
}
