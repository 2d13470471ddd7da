//go:build !unix

package ingest

import (
	"io/fs"
	"os"
)

func sameFile(a, b fs.FileInfo) bool {
	if a.Sys() == nil || b.Sys() == nil {
		return true
	}
	return os.SameFile(a, b)
}
