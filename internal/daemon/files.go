package daemon

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"seedfeed/internal/server"
)

// writeFiles copies every picture the server would serve from the seeds
// folder (server.FileType) to the same path under the build's output, so
// that the articles' pictures show on a static host too. It returns how
// many it copied.
func writeFiles(ctx context.Context, seeds server.SeedsFS, w *server.StaticWriter) (int, error) {
	n := 0
	err := fs.WalkDir(seeds, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "." {
				return err
			}
			return nil // an unreadable corner of the folder: the scan reports it
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() {
			if name != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if _, ok := server.FileType(name); !ok {
			return nil
		}
		copied, err := copyFile(seeds, name, w)
		if copied {
			n++
		}
		return err
	})
	if err != nil {
		return n, fmt.Errorf("copy the pictures of %s: %w", string(seeds), err)
	}
	return n, nil
}

// copyFile copies one picture; a link out of the folder or anything but
// a regular file is not copied, as the server would not serve it.
func copyFile(seeds server.SeedsFS, name string, w *server.StaticWriter) (bool, error) {
	f, err := seeds.Open(name)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false, nil
	}
	if err := w.WriteFile(server.PathFiles+name, f, fi.ModTime().UTC().Truncate(time.Second)); err != nil {
		return false, fmt.Errorf("%s: %w", name, err)
	}
	return true, nil
}
