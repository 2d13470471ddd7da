package daemon

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"seedfeed/internal/mhtml"
	"seedfeed/internal/server"
)

// writeFiles copies every picture the server would serve from the seeds
// folder (server.FileType, and the pictures kept in a saved page's
// archive) to the same path under the build's output, so that the
// articles' pictures show on a static host too. It returns how many it
// copied.
func writeFiles(ctx context.Context, seeds server.SeedsFS, w *server.StaticWriter) (int, error) {
	n := 0
	err := walkServed(ctx, seeds, func(name string, saved bool) error {
		if saved {
			copied, err := copySaved(seeds, name, w)
			n += copied
			return err
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

// walkServed calls fn for every file of the seeds folder that /files/
// serves from (servedFrom): the pictures, and the saved pages whose
// archives hold pictures (saved true). Hidden folders are not entered.
func walkServed(ctx context.Context, seeds fs.FS, fn func(name string, saved bool) error) error {
	return fs.WalkDir(seeds, ".", func(name string, d fs.DirEntry, err error) error {
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
		if servedFrom(name) {
			return fn(name, server.SavedPage(name))
		}
		return nil
	})
}

// servedFrom reports whether /files/ serves from the file at the
// seeds-relative path name: a picture (server.FileType), or a saved page
// whose archive holds pictures, outside hidden files and folders, as the
// scanner and the server pass those over.
func servedFrom(name string) bool {
	if _, ok := server.FileType(name); ok {
		return true
	}
	if !server.SavedPage(name) || !fs.ValidPath(name) {
		return false
	}
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
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

// copySaved copies the pictures kept in the saved page's archive at name
// to where the server serves them (saved/ferry.mhtml/3.png), and returns
// how many it copied. An archive that cannot be read copies none: the
// scan reports the file.
func copySaved(seeds server.SeedsFS, name string, w *server.StaticWriter) (int, error) {
	f, err := seeds.Open(name)
	if err != nil {
		return 0, nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return 0, nil
	}
	mtime := fi.ModTime().UTC().Truncate(time.Second)
	n := 0
	var werr error
	// An archive that cannot be read copies what was read of it.
	_ = mhtml.EachPicture(f, server.MaxSavedPicture, func(pic string, data []byte) bool {
		if werr = w.WriteFile(server.PathFiles+name+"/"+pic, bytes.NewReader(data), mtime); werr != nil {
			return false
		}
		n++
		return true
	})
	if werr != nil {
		return n, fmt.Errorf("%s: %w", name, werr)
	}
	return n, nil
}
