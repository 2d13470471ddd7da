package ingest

import "io/fs"

// same reports whether fi is still the file the walk saw as id.
func (id fileID) same(fi fs.FileInfo) bool {
	other := idOf(fi)
	return id == fileID{} || other == fileID{} || id == other
}

// stamp is the mtime and size that identify one version of a file in
// reports; zero for a file that could not be stat'ed.
func stamp(fi fs.FileInfo) (mtime, size int64) {
	if fi == nil {
		return 0, 0
	}
	return fi.ModTime().UnixNano(), fi.Size()
}
