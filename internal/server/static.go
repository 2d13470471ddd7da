package server

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// ErrStatic is wrapped by static export errors caused by bad input rather
// than by the file system.
var ErrStatic = errors.New("server: static export")

// StaticWriter writes what the server serves as files under a directory,
// at the same paths, for any static host or CDN. Each file is written to a
// temporary name and renamed into place, so a web server reading the
// directory never sees half a file. It is safe for concurrent use.
type StaticWriter struct {
	dir   string
	gzip  bool
	gzips sync.Pool // *gzip.Writer at the default level
}

// NewStaticWriter returns a writer into dir. With gzipSiblings, every file
// also gets a precompressed ".gz" sibling (nginx gzip_static, Caddy
// precompressed).
func NewStaticWriter(dir string, gzipSiblings bool) *StaticWriter {
	w := &StaticWriter{dir: dir, gzip: gzipSiblings}
	w.gzips.New = func() any { return gzip.NewWriter(io.Discard) }
	return w
}

// WriteStatic writes snap's resources and the given article pages (keyed
// by slug) under dir, with .gz siblings.
func WriteStatic(dir string, snap *Snapshot, articles map[string][]byte) error {
	w := NewStaticWriter(dir, true)
	if err := w.WriteSnapshot(snap); err != nil {
		return err
	}
	for slug, page := range articles {
		if err := w.WriteArticle(slug, page); err != nil {
			return err
		}
	}
	return nil
}

// WriteSnapshot writes every resource of snap: "/" becomes index.html, the
// others keep their names. Files get the resource's modification time, so
// a static server's Last-Modified agrees with seedfeed's.
func (w *StaticWriter) WriteSnapshot(snap *Snapshot) error {
	if !snap.good() {
		return fmt.Errorf("%w: no snapshot to write", ErrStatic)
	}
	for path, res := range snap.Resources {
		rel, err := staticName(path)
		if err != nil {
			return err
		}
		body, err := res.Identity()
		if err != nil {
			return fmt.Errorf("%w: %s: %w", ErrStatic, path, err)
		}
		if err := w.write(rel, body, res.LastModified); err != nil {
			return err
		}
		if w.gzip && res.Gzip != nil {
			if err := w.write(rel+".gz", res.Gzip, res.LastModified); err != nil {
				return err
			}
		}
	}
	return nil
}

// WriteArticle writes page as articles/{slug}/index.html.
func (w *StaticWriter) WriteArticle(slug string, page []byte) error {
	if !ValidSlug(slug) {
		return fmt.Errorf("%w: invalid slug %q", ErrStatic, slug)
	}
	return w.writePage(filepath.Join("articles", slug, "index.html"), page)
}

// writePage writes page at rel, with its gzip sibling when the writer
// makes them.
func (w *StaticWriter) writePage(rel string, page []byte) error {
	if err := w.write(rel, page, time.Time{}); err != nil {
		return err
	}
	if !w.gzip {
		return nil
	}
	gz, err := w.compress(page)
	if err != nil {
		return fmt.Errorf("compress %s: %w", rel, err)
	}
	return w.write(rel+".gz", gz, time.Time{})
}

// WriteMoved writes page as the index of a folder at the address of
// name under PathFiles ("files/trips/walk.md/index.html"): a static host
// answers that address by redirecting to the folder ("…/walk.md/") and
// sending its index, as the daemon redirects to the article read from
// name. name is a slash-separated path in the seeds folder.
func (w *StaticWriter) WriteMoved(name string, page []byte) error {
	rel, err := staticName(PathFiles + name + "/")
	if err != nil {
		return err
	}
	return w.writePage(rel, page)
}

// staticName maps a URL path to a file path relative to the output dir.
func staticName(urlPath string) (string, error) {
	rel := strings.TrimPrefix(urlPath, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if !filepath.IsLocal(rel) || !cleanPath(urlPath) {
		return "", fmt.Errorf("%w: resource path %q", ErrStatic, urlPath)
	}
	return filepath.FromSlash(rel), nil
}

func (w *StaticWriter) compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := w.gzips.Get().(*gzip.Writer)
	defer w.gzips.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteFile writes what r holds at urlPath (a picture under PathFiles),
// without a gzip sibling: pictures are compressed already.
func (w *StaticWriter) WriteFile(urlPath string, r io.Reader, mtime time.Time) error {
	rel, err := staticName(urlPath)
	if err != nil {
		return err
	}
	return w.writeFrom(rel, r, mtime)
}

// write replaces dir/rel with data atomically; a non-zero mtime is set on
// the file.
func (w *StaticWriter) write(rel string, data []byte, mtime time.Time) error {
	return w.writeFrom(rel, bytes.NewReader(data), mtime)
}

// writeFrom replaces dir/rel with what r holds, atomically.
func (w *StaticWriter) writeFrom(rel string, r io.Reader, mtime time.Time) (err error) {
	path := filepath.Join(w.dir, rel)
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("static export %s: %w", path, err)
	}
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(rel)+"-*")
	if err != nil {
		return fmt.Errorf("static export %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if _, err = io.Copy(f, r); err != nil {
		return fmt.Errorf("static export %s: %w", path, err)
	}
	// CreateTemp makes the file private; a web server must read it.
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("static export %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("static export %s: %w", path, err)
	}
	if !mtime.IsZero() {
		if err = os.Chtimes(tmp, mtime, mtime); err != nil {
			return fmt.Errorf("static export %s: %w", path, err)
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("static export %s: %w", path, err)
	}
	return nil
}
