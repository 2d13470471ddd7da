package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"seedfeed/internal/config"
	"seedfeed/internal/mhtml"
)

// PathFiles is where the pictures beside the articles in the seeds folder
// are served: seeds/trips/wall.jpg at /files/trips/wall.jpg. A Markdown
// article's ![](wall.jpg) then shows in its page and in every feed, as
// it does in the writer's editor.
const PathFiles = "/files/"

// filesCSP keeps an SVG opened on its own from running scripts or loading
// anything: a picture dropped into the folder is not trusted as a page.
const filesCSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

// filesCSPHeader is filesCSP as a header's values, shared by every
// response: net/http only reads them.
var filesCSPHeader = []string{filesCSP}

// FileType is the Content-Type the picture at seeds-relative path name
// is served with under PathFiles, and whether it is served at all: a
// picture's extension (config.ImageType; nothing else in the folder, the
// articles' own sources, drafts, notes, is ever sent as it is), and no
// hidden file or folder on the way (.git, an editor's .cache), as the
// scanner skips those too.
func FileType(name string) (string, bool) {
	if !fs.ValidPath(name) || name == "." {
		return "", false
	}
	for seg := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return config.ImageType(name)
}

// FolderURL is the address the relative links of the article at
// seeds-relative path name are resolved against: its folder under
// PathFiles, so that a picture written beside it is found there.
func FolderURL(baseURL, name string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(baseURL, "/"))
	b.WriteString(PathFiles)
	if dir := path.Dir(name); dir != "." {
		for seg := range strings.SplitSeq(dir, "/") {
			b.WriteString(url.PathEscape(seg))
			b.WriteByte('/')
		}
	}
	return b.String()
}

// SeedsFS opens files inside the seeds folder dir and nowhere else: a
// symbolic link that leads out of it fails (os.OpenInRoot). Each Open
// looks the folder up afresh, so a folder removed and made again is
// still found.
type SeedsFS string

// Open implements fs.FS.
func (d SeedsFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenInRoot(string(d), name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// handleFiles serves the pictures of the seeds folder from s.files, read
// at each request, with Last-Modified, an ETag of size and time, and
// ranges (http.ServeContent).
func (s *Server) handleFiles() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("path")
		ctype, ok := FileType(name)
		if !ok && s.toArticle(w, r, name) {
			return
		}
		if !ok || s.files == nil {
			s.notFound(w, r, s.state.Load())
			return
		}
		f, err := s.files.Open(name)
		if err != nil {
			if s.serveSaved(w, r, name, ctype) {
				return
			}
			s.fileError(w, r, name, err)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err == nil && !fi.Mode().IsRegular() {
			err = fs.ErrNotExist
		}
		if err != nil {
			s.fileError(w, r, name, err)
			return
		}
		rs, ok := f.(io.ReadSeeker)
		if !ok {
			s.fileError(w, r, name, errors.New("file cannot seek"))
			return
		}
		s.servePicture(w, r, name, ctype, fi, "", rs)
	})
}

// servePicture sends a picture with its type, the policy that keeps an
// SVG from running anything, Last-Modified and an ETag from the size and
// time of the file it is read from (fi; part names the picture when that
// file is an archive of several), and ranges.
func (s *Server) servePicture(w http.ResponseWriter, r *http.Request, name, ctype string, fi fs.FileInfo, part string, rs io.ReadSeeker) {
	mtime := fi.ModTime().UTC().Truncate(time.Second)
	h := w.Header()
	h["Content-Type"] = []string{ctype}
	h["Cache-Control"] = s.hdr.cacheControl
	h["X-Content-Type-Options"] = s.hdr.nosniff
	h["Content-Security-Policy"] = filesCSPHeader
	etag := fmt.Sprintf(`"%x-%x"`, fi.Size(), mtime.Unix())
	if part != "" {
		etag = fmt.Sprintf(`"%x-%x-%s"`, fi.Size(), mtime.Unix(), part)
	}
	h["Etag"] = []string{etag}
	http.ServeContent(w, r, name, mtime, rs)
}

// MaxSavedPicture bounds the picture read out of a saved page's archive
// for one request.
const MaxSavedPicture = 64 << 20

// SavedPage reports whether the seeds-relative path name is a page a
// browser saved as one file (.mhtml, .mht), whose pictures are served
// under its own path.
func SavedPage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".mhtml", ".mht":
		return true
	}
	return false
}

// serveSaved serves a picture kept in a saved page's archive in the seeds
// folder (saved/harbour.mhtml/3.png: the archive's third part), as the
// article reader pointed the page's pictures there, and reports whether
// it did: false when name is no such picture.
func (s *Server) serveSaved(w http.ResponseWriter, r *http.Request, name, ctype string) bool {
	archive, part := path.Split(name)
	archive = strings.TrimSuffix(archive, "/")
	if !SavedPage(archive) {
		return false
	}
	f, err := s.files.Open(archive)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	data, ok, err := s.saved.picture(f, archive, part, fi)
	if err != nil {
		s.log.Warn("a picture of a saved page cannot be read", "path", name, "error", err)
	}
	if !ok {
		return false
	}
	s.servePicture(w, r, name, ctype, fi, part, bytes.NewReader(data))
	return true
}

// savedCacheBytes bounds the pictures of saved pages kept in memory.
const savedCacheBytes = 64 << 20

// savedPictures keeps the pictures of the saved pages lately asked for,
// so that a page of twenty pictures reads its archive once, not twenty
// times. An archive's pictures are kept while its size and time stay
// the same; when more would not fit, the others go.
type savedPictures struct {
	mu       sync.Mutex
	archives map[string]*savedArchive
	bytes    int64
}

type savedArchive struct {
	size  int64
	mtime time.Time
	pics  map[string][]byte
	bytes int64
}

// picture returns the picture part of the archive at seeds-relative
// path name, open as f, that fi describes.
func (c *savedPictures) picture(f io.Reader, name, part string, fi fs.FileInfo) ([]byte, bool, error) {
	c.mu.Lock()
	if a := c.archives[name]; a != nil && a.size == fi.Size() && a.mtime.Equal(fi.ModTime()) {
		data, ok := a.pics[part]
		c.mu.Unlock()
		return data, ok, nil
	}
	c.mu.Unlock()
	pics, ok, err := mhtml.Pictures(f, MaxSavedPicture, savedCacheBytes)
	if err != nil {
		return nil, false, err
	}
	if !ok {
		// Too many to keep: this one alone, read again.
		if rs, seekable := f.(io.Seeker); seekable {
			if _, err := rs.Seek(0, io.SeekStart); err == nil {
				return mhtml.Picture(f, part, MaxSavedPicture)
			}
		}
		return nil, false, nil
	}
	a := &savedArchive{size: fi.Size(), mtime: fi.ModTime(), pics: pics}
	for _, p := range pics {
		a.bytes += int64(len(p))
	}
	c.mu.Lock()
	if old := c.archives[name]; old != nil {
		c.bytes -= old.bytes
		delete(c.archives, name)
	}
	if c.bytes+a.bytes > savedCacheBytes {
		c.archives, c.bytes = nil, 0
	}
	if c.archives == nil {
		c.archives = map[string]*savedArchive{}
	}
	c.archives[name], c.bytes = a, c.bytes+a.bytes
	c.mu.Unlock()
	data, ok := pics[part]
	return data, ok, nil
}

// toArticle sends a link to the file an article was read from (one
// article linking another by its file, "[the walk](walk.md)", resolved
// under PathFiles as any relative link is) to that article's page, and
// reports whether it did. A path without an extension is a page as Hugo
// names one ("posts/walk", from a ref): its Markdown file, or its
// bundle's index. The file itself is never served.
func (s *Server) toArticle(w http.ResponseWriter, r *http.Request, name string) bool {
	st := s.state.Load()
	name = strings.TrimSuffix(name, "/")
	if s.sources == nil || !fs.ValidPath(name) || name == "." || !st.snap.good() {
		return false
	}
	files := []string{name}
	if path.Ext(name) == "" {
		files = append(files, name+".md", name+"/index.md", name+"/_index.md")
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), articleLoadTimeout)
	defer cancel()
	var slug string
	for _, f := range files {
		var err error
		if slug, err = s.sources.SlugAt(ctx, f); err == nil {
			break
		}
		if !errors.Is(err, ErrNotFound) {
			s.log.Error("look up an article by its file", "path", f, "error", err)
			return false
		}
	}
	if slug == "" {
		return false
	}
	w.Header()["Cache-Control"] = s.hdr.cacheControl
	http.Redirect(w, r, st.snap.Site.BaseURL+"/articles/"+url.PathEscape(slug), http.StatusMovedPermanently)
	return true
}

// ErrFilesUnavailable is wrapped by the errors of a Config.Files that
// cannot answer for now (the database a server without the seeds folder
// reads the pictures from is down): such a request gets 503, not a 404 a
// cache would keep.
var ErrFilesUnavailable = errors.New("server: the files cannot be read now")

// fileError answers a picture that cannot be served: 404 when there is
// none to serve (missing, a folder, a link out of the seeds folder, a
// path through a file); 403 with a log line when the file is there but
// seedfeed may not read it, which its owner should hear of; 503 with a
// log line when the files cannot be read now (ErrFilesUnavailable).
func (s *Server) fileError(w http.ResponseWriter, r *http.Request, name string, err error) {
	switch {
	case errors.Is(err, ErrFilesUnavailable):
		s.log.Error("a picture cannot be read now", "path", name, "error", err)
		w.Header()["Cache-Control"] = s.hdr.noCache
		http.Error(w, "503 service unavailable", http.StatusServiceUnavailable)
	case errors.Is(err, fs.ErrPermission):
		s.log.Warn("a picture of the seeds folder cannot be read", "path", name, "error", err)
		w.Header()["Cache-Control"] = s.hdr.noCache
		http.Error(w, "403 forbidden", http.StatusForbidden)
	default:
		s.notFound(w, r, s.state.Load())
	}
}
