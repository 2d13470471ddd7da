package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestFilesServesPicturesOnly(t *testing.T) {
	mtime := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	files := fstest.MapFS{
		"cover.png":                  {Data: []byte("\x89PNG top"), ModTime: mtime},
		"trips/lisbon.md":            {Data: []byte("# Lisbon\n"), ModTime: mtime},
		"trips/wall.JPG":             {Data: []byte("jpeg bytes of a tiled wall"), ModTime: mtime},
		"trips/café/map.svg":         {Data: []byte("<svg/>"), ModTime: mtime},
		"trips/notes.txt":            {Data: []byte("private"), ModTime: mtime},
		".git/logo.png":              {Data: []byte("hidden"), ModTime: mtime},
		"trips/.thumbs/wall.jpg":     {Data: []byte("hidden"), ModTime: mtime},
		"trips/folder.png/inner.gif": {Data: []byte("GIF89a"), ModTime: mtime},
		// A saved page's archive: its second part a PNG, its third a
		// stylesheet.
		"saved/ferry.mhtml": {Data: []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n" +
			"--b\r\nContent-Type: text/html\r\n\r\n<p>The ferry</p>\r\n" +
			"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://coast.example/a.png\r\n\r\niVBORw0KGgo=\r\n" +
			"--b\r\nContent-Type: text/css\r\n\r\nbody{}\r\n--b--\r\n"), ModTime: mtime},
		"saved/notes.txt/1.png": {Data: []byte("a folder named like a file"), ModTime: mtime},
	}
	srv := New(Config{Files: files})
	srv.Publish(testSnapshot(1))
	tests := []struct {
		path  string
		code  int
		ctype string
		body  string
	}{
		{"/files/cover.png", 200, "image/png", "\x89PNG top"},
		{"/files/trips/wall.JPG", 200, "image/jpeg", "jpeg bytes of a tiled wall"},
		{"/files/trips/caf%C3%A9/map.svg", 200, "image/svg+xml", "<svg/>"},
		{"/files/trips/folder.png/inner.gif", 200, "image/gif", "GIF89a"},
		{"/files/saved/ferry.mhtml/2.png", 200, "image/png", "\x89PNG\r\n\x1a\n"},
		{"/files/saved/ferry.mhtml/2.jpg", 404, "", ""}, // the part is a PNG
		{"/files/saved/ferry.mhtml/3.png", 404, "", ""}, // a stylesheet
		{"/files/saved/ferry.mhtml/1.png", 404, "", ""}, // the page
		{"/files/saved/ferry.mhtml/7.png", 404, "", ""},
		{"/files/saved/ferry.mhtml", 404, "", ""},
		{"/files/saved/notes.txt/1.png", 200, "image/png", "a folder named like a file"},
		{"/files/trips/lisbon.md", 404, "", ""},
		{"/files/trips/notes.txt", 404, "", ""},
		{"/files/.git/logo.png", 404, "", ""},
		{"/files/trips/.thumbs/wall.jpg", 404, "", ""},
		{"/files/trips/missing.png", 404, "", ""},
		{"/files/trips/folder.png", 404, "", ""},
		{"/files/", 404, "", ""},
		{"/files/trips/", 404, "", ""},
	}
	for _, tc := range tests {
		rec := record(srv, "GET", tc.path)
		if rec.Code != tc.code {
			t.Errorf("%s: %d, want %d", tc.path, rec.Code, tc.code)
			continue
		}
		if tc.code != 200 {
			continue
		}
		h := rec.Header()
		if got := h.Get("Content-Type"); got != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if got := rec.Body.String(); got != tc.body {
			t.Errorf("%s: body %q, want %q", tc.path, got, tc.body)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Content-Security-Policy") != filesCSP {
			t.Errorf("%s: missing nosniff or the sandboxing policy: %v", tc.path, h)
		}
		if h.Get("Last-Modified") != mtime.Format(http.TimeFormat) || h.Get("Etag") == "" {
			t.Errorf("%s: Last-Modified %q, ETag %q", tc.path, h.Get("Last-Modified"), h.Get("Etag"))
		}
	}
}

func TestFilesConditionalAndRanges(t *testing.T) {
	mtime := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	srv := New(Config{Files: fstest.MapFS{"wall.jpg": {Data: []byte("0123456789"), ModTime: mtime}}})
	srv.Publish(testSnapshot(1))
	first := record(srv, "GET", "/files/wall.jpg")
	etag := first.Header().Get("Etag")
	tests := []struct {
		name   string
		method string
		hdr    []string
		code   int
		body   string
	}{
		{"same ETag", "GET", []string{"If-None-Match", etag}, 304, ""},
		{"other ETag", "GET", []string{"If-None-Match", `"other"`}, 200, "0123456789"},
		{"not modified since", "GET", []string{"If-Modified-Since", mtime.Format(http.TimeFormat)}, 304, ""},
		{"modified since", "GET", []string{"If-Modified-Since", mtime.Add(-time.Hour).Format(http.TimeFormat)}, 200, "0123456789"},
		{"range", "GET", []string{"Range", "bytes=2-4"}, 206, "234"},
		{"head", "HEAD", nil, 200, ""},
		{"post", "POST", nil, 405, ""},
	}
	for _, tc := range tests {
		rec := record(srv, tc.method, "/files/wall.jpg", tc.hdr...)
		if rec.Code != tc.code || tc.code != 405 && rec.Body.String() != tc.body {
			t.Errorf("%s: %d %q, want %d %q", tc.name, rec.Code, rec.Body.String(), tc.code, tc.body)
		}
	}
}

func TestFilesWithoutAFolder(t *testing.T) {
	srv := New(Config{})
	srv.Publish(testSnapshot(1))
	if rec := record(srv, "GET", "/files/wall.jpg"); rec.Code != 404 {
		t.Errorf("no seeds folder: %d, want 404", rec.Code)
	}
}

// TestSeedsFSStaysInside serves from a real folder: a link to a picture
// inside it is followed, one that leads out of it is not.
func TestSeedsFSStaysInside(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(filepath.Join(seeds, "trips"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, body string) {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(seeds, "trips", "wall.jpg"), "inside")
	write(filepath.Join(dir, "secret.png"), "outside")
	if err := os.Symlink(filepath.Join(dir, "secret.png"), filepath.Join(seeds, "trips", "leak.png")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink("wall.jpg", filepath.Join(seeds, "trips", "alias.jpg")); err != nil {
		t.Fatal(err)
	}
	srv := New(Config{Files: SeedsFS(seeds)})
	srv.Publish(testSnapshot(1))
	for path, want := range map[string]int{
		"/files/trips/wall.jpg":         200,
		"/files/trips/alias.jpg":        200,
		"/files/trips/leak.png":         404,
		"/files/trips/../../secret.png": 404,
		"/files/..%2Fsecret.png":        404,
	} {
		if rec := record(srv, "GET", path); rec.Code != want {
			t.Errorf("%s: %d, want %d", path, rec.Code, want)
		} else if want == 200 && rec.Body.String() != "inside" {
			t.Errorf("%s: body %q", path, rec.Body.String())
		}
	}
}

func TestFolderURL(t *testing.T) {
	tests := []struct{ base, name, want string }{
		{"https://news.example.org", "post.md", "https://news.example.org/files/"},
		{"https://news.example.org/", "trips/lisbon.md", "https://news.example.org/files/trips/"},
		{"https://example.org/blog", "a b/c#d/x.md", "https://example.org/blog/files/a%20b/c%23d/"},
		{"https://example.org", "café/x.md", "https://example.org/files/caf%C3%A9/"},
	}
	for _, tc := range tests {
		if got := FolderURL(tc.base, tc.name); got != tc.want {
			t.Errorf("FolderURL(%q, %q) = %q, want %q", tc.base, tc.name, got, tc.want)
		}
	}
}

// record runs one request through srv; hdr holds header names and values.
func record(srv *Server, method, target string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// FuzzFilesPath: whatever the path asked for, /files/ answers with a
// picture inside the folder or not at all: never the article's source,
// a hidden file, or a file reached through a link out of the folder.
func FuzzFilesPath(f *testing.F) {
	for _, s := range []string{"trips/wall.jpg", "trips/lisbon.md", "trips/lisbon", "saved/ferry.mhtml/2.png", "saved/ferry.mhtml/1.png", "trips/leak.png", "../secret.png", "trips/../../secret.png", ".hidden/x.png", "trips//wall.jpg", "trips/./wall.jpg", "trips/wall.jpg/", "%2e%2e/secret.png", "trips\\..\\..\\secret.png", "trips/WALL.JPG", "\x00.png"} {
		f.Add(s)
	}
	dir := f.TempDir()
	seeds := filepath.Join(dir, "seeds")
	for p, body := range map[string]string{
		"seeds/trips/wall.jpg":    "picture inside",
		"seeds/trips/lisbon.md":   "article source",
		"seeds/.hidden/x.png":     "hidden picture",
		"secret.png":              "outside",
		"seeds/trips/notes.txt":   "notes",
		"seeds/trips/sub/map.svg": "<svg/>",
		"seeds/saved/ferry.mhtml": "Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n" +
			"--b\r\nContent-Type: image/png\r\n\r\nsaved picture\r\n--b--\r\n",
	} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			f.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "secret.png"), filepath.Join(seeds, "trips", "leak.png")); err != nil {
		f.Skipf("no symbolic links here: %v", err)
	}
	srv := New(Config{Files: SeedsFS(seeds), Sources: sourcesFake{"trips/lisbon.md": "lisbon"}})
	srv.Publish(testSnapshot(1))
	f.Fuzz(func(t *testing.T, p string) {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path, req.URL.RawPath = PathFiles+p, ""
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		switch rec.Code {
		case 200:
			if b := rec.Body.String(); b != "picture inside" && b != "<svg/>" && b != "saved picture" {
				t.Fatalf("%q served %q", p, b)
			}
		case 404, 301, 307, 308, 400:
		default:
			t.Fatalf("%q: status %d", p, rec.Code)
		}
	})
}

// sourcesFake finds articles by the file they were read from.
type sourcesFake map[string]string

func (f sourcesFake) SlugAt(_ context.Context, path string) (string, error) {
	if path == "broken.md" {
		return "", errors.New("the store is down")
	}
	if slug, ok := f[path]; ok {
		return slug, nil
	}
	return "", fmt.Errorf("%w: %s", ErrNotFound, path)
}

// TestFilesLinkToAnArticle: a link from one article to another's file
// ("[the walk](walk.md)", under /files/ as every relative link is) leads
// to that article's page; the file itself is never sent, and a file no
// published article was read from is not found. A picture is served as
// before, and so is the redirect on a server without the folder.
func TestFilesLinkToAnArticle(t *testing.T) {
	files := fstest.MapFS{
		"trips/walk.md":  {Data: []byte("# A walk\n")},
		"trips/wall.jpg": {Data: []byte("jpeg")},
		"draft.md":       {Data: []byte("# Not yet\n")},
	}
	src := sourcesFake{"trips/walk.md": "a-walk", "notes/2024 log.txt": "log", "posts/bundle/index.md": "bundle"}
	for _, folder := range []fs.FS{files, nil} {
		srv := New(Config{Files: folder, Sources: src, Logger: slog.New(slog.DiscardHandler)})
		srv.Publish(testSnapshot(1))
		for path, want := range map[string]string{
			"/files/trips/walk.md":          "https://news.example.org/articles/a-walk",
			"/files/notes/2024%20log.txt":   "https://news.example.org/articles/log",
			"/files/draft.md":               "",
			"/files/trips/missing.md":       "",
			"/files/broken.md":              "",
			"/files/trips/../trips/walk.md": "",
			// Hugo's names of pages, from a ref: the Markdown file or
			// the bundle's index.
			"/files/trips/walk":     "https://news.example.org/articles/a-walk",
			"/files/posts/bundle/":  "https://news.example.org/articles/bundle",
			"/files/trips/walk.txt": "",
		} {
			rec := record(srv, "GET", path)
			switch {
			case want == "" && rec.Code != 404:
				t.Errorf("%s: %d, want 404", path, rec.Code)
			case want != "" && (rec.Code != 301 || rec.Header().Get("Location") != want):
				t.Errorf("%s: %d to %q, want 301 to %s", path, rec.Code, rec.Header().Get("Location"), want)
			case strings.Contains(rec.Body.String(), "# A walk"):
				t.Errorf("%s: sent the file", path)
			}
		}
		if folder != nil {
			if rec := record(srv, "GET", "/files/trips/wall.jpg"); rec.Code != 200 {
				t.Errorf("the picture: %d", rec.Code)
			}
		}
	}
}

// TestSavedPicturesFollowTheArchive: a saved page's pictures are read
// from its archive once and kept while it stays the same; an archive
// saved again (another size or time) is read again.
func TestSavedPicturesFollowTheArchive(t *testing.T) {
	page := func(png string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("Content-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n" +
			"--b\r\nContent-Type: image/png\r\n\r\n" + png + "\r\n--b--\r\n"), ModTime: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}
	}
	files := fstest.MapFS{"ferry.mhtml": page("first")}
	srv := New(Config{Files: files})
	srv.Publish(testSnapshot(1))
	for i, want := range []string{"first", "first"} {
		if rec := record(srv, "GET", "/files/ferry.mhtml/2.png"); rec.Code != 200 || rec.Body.String() != want {
			t.Errorf("request %d: %d %q, want %q", i, rec.Code, rec.Body.String(), want)
		}
	}
	// The same size and time: what was read is served, the archive is
	// not read again.
	files["ferry.mhtml"] = page("FIRST")
	if rec := record(srv, "GET", "/files/ferry.mhtml/2.png"); rec.Body.String() != "first" {
		t.Errorf("the archive was read again: %q", rec.Body.String())
	}
	files["ferry.mhtml"] = page("second, saved again")
	if rec := record(srv, "GET", "/files/ferry.mhtml/2.png"); rec.Code != 200 || rec.Body.String() != "second, saved again" {
		t.Errorf("after the archive changed: %d %q", rec.Code, rec.Body.String())
	}
	if rec := record(srv, "GET", "/files/ferry.mhtml/3.png"); rec.Code != 404 {
		t.Errorf("a part the kept archive lacks: %d", rec.Code)
	}
}
