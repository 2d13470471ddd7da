package daemon

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// TestSyncFolderFiles: the store keeps what /files/ serves from the
// folder (pictures, saved pages' archives), and nothing else; a changed
// file is kept anew, a removed one forgotten, a file over the bound left
// to the servers with the folder; a sync of the paths a watch event
// names looks at those alone.
func TestSyncFolderFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	for _, d := range []string{"trips", ".drafts", "saved"} {
		if err := os.MkdirAll(filepath.Join(seeds, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(seeds, "trips", "wall.jpg"), "jpeg bytes")
	writeFile(t, filepath.Join(seeds, "trips", "route.svg"), "<svg/>")
	writeFile(t, filepath.Join(seeds, "trips", "walk.md"), "# The walk\n\nAn article, never kept.\n")
	writeFile(t, filepath.Join(seeds, ".drafts", "hidden.png"), "hidden")
	writeFile(t, filepath.Join(seeds, "saved", "ferry.mhtml"), "an archive")
	outside := filepath.Join(dir, "outside.png")
	writeFile(t, outside, "not in the folder")
	if err := os.Symlink(outside, filepath.Join(seeds, "trips", "link.png")); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(seeds, "huge.png")
	writeFile(t, big, "")
	if err := os.Truncate(big, maxFolderFileBytes+1); err != nil {
		t.Fatal(err)
	}
	st := openTestStore(t, "news.example.org")
	fsys := server.SeedsFS(seeds)

	keptNames := func() []string {
		t.Helper()
		kept, err := st.FolderFiles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return slices.Sorted(maps.Keys(kept))
	}
	res, err := syncFolderFiles(ctx, fsys, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"saved/ferry.mhtml", "trips/route.svg", "trips/wall.jpg"}
	if got := keptNames(); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if res.kept != 3 || res.tooLarge != 1 || res.firstTooLarge != "huge.png" {
		t.Errorf("first sync: %+v", res)
	}
	if res, err := syncFolderFiles(ctx, fsys, st, nil); err != nil || res.kept+res.removed != 0 {
		t.Errorf("a sync of an unchanged folder wrote %+v, %v", res, err)
	}

	// A change and a removal, seen by a full sync.
	writeFile(t, filepath.Join(seeds, "trips", "wall.jpg"), "new jpeg bytes")
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(seeds, "trips", "wall.jpg"), later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(seeds, "trips", "route.svg")); err != nil {
		t.Fatal(err)
	}
	if res, err := syncFolderFiles(ctx, fsys, st, nil); err != nil || res.kept != 1 || res.removed != 1 {
		t.Errorf("after a change and a removal: %+v, %v", res, err)
	}
	if data, mtime, err := st.FolderFile(ctx, "trips/wall.jpg"); err != nil || string(data) != "new jpeg bytes" || !mtime.Equal(later) {
		t.Errorf("the changed picture: %q, %v, %v", data, mtime, err)
	}

	// A watch event's paths: only those are looked at; the article's
	// path and an unnamed picture are left alone.
	writeFile(t, filepath.Join(seeds, "trips", "pier.png"), "png bytes")
	writeFile(t, filepath.Join(seeds, "trips", "unnamed.gif"), "gif bytes")
	if err := os.Remove(filepath.Join(seeds, "saved", "ferry.mhtml")); err != nil {
		t.Fatal(err)
	}
	if _, err := syncFolderFiles(ctx, fsys, st, []string{"trips/pier.png", "saved/ferry.mhtml", "trips/walk.md", ".drafts/hidden.png"}); err != nil {
		t.Fatal(err)
	}
	if got, want := keptNames(), []string{"trips/pier.png", "trips/wall.jpg"}; !slices.Equal(got, want) {
		t.Errorf("after a sync of event paths: kept %q, want %q", got, want)
	}
}

// unreadableFS is a folder whose files' bytes cannot be read (a file
// rewritten as the sync reads it), though they can be listed and stated.
type unreadableFS struct{ fstest.MapFS }

func (unreadableFS) ReadFile(name string) ([]byte, error) {
	return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("changed while read")}
}

// TestSyncKeepsACopyItCannotReplace: a picture that changed but cannot be
// read now keeps the copy kept before, rather than leaving the servers
// without the folder with none until the next scan.
func TestSyncKeepsACopyItCannotReplace(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t, "news.example.org")
	t0 := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	folder := fstest.MapFS{"wall.jpg": {Data: []byte("jpeg"), ModTime: t0}}
	if _, err := syncFolderFiles(ctx, folder, st, nil); err != nil {
		t.Fatal(err)
	}
	folder["wall.jpg"] = &fstest.MapFile{Data: []byte("new jpeg"), ModTime: t0.Add(time.Minute)}
	for _, paths := range [][]string{nil, {"wall.jpg"}} {
		if _, err := syncFolderFiles(ctx, unreadableFS{folder}, st, paths); err != nil {
			t.Fatal(err)
		}
		if data, _, err := st.FolderFile(ctx, "wall.jpg"); err != nil || string(data) != "jpeg" {
			t.Errorf("sync of %q: the copy is %q, %v; want the old one kept", paths, data, err)
		}
	}
	if _, err := syncFolderFiles(ctx, folder, st, nil); err != nil {
		t.Fatal(err)
	}
	if data, _, _ := st.FolderFile(ctx, "wall.jpg"); string(data) != "new jpeg" {
		t.Errorf("once readable: %q", data)
	}
}

// TestFolderFSServesAsTheFolder: a server without the folder serves the
// kept copy of a picture with the bytes, Last-Modified and ETag a server
// with the folder sends, and ranges of it.
func TestFolderFSServesAsTheFolder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(filepath.Join(seeds, "trips"), 0o755); err != nil {
		t.Fatal(err)
	}
	wall := bytes.Repeat([]byte("jpeg bytes "), 100)
	writeFile(t, filepath.Join(seeds, "trips", "wall.jpg"), string(wall))
	st := openTestStore(t, "news.example.org")
	if _, err := syncFolderFiles(ctx, server.SeedsFS(seeds), st, nil); err != nil {
		t.Fatal(err)
	}
	withFolder := server.New(server.Config{Files: server.SeedsFS(seeds)})
	without := server.New(server.Config{Files: newFolderFS(st)})
	get := func(srv *server.Server, path, rng string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	a, b := get(withFolder, "/files/trips/wall.jpg", ""), get(without, "/files/trips/wall.jpg", "")
	body, _ := io.ReadAll(b.Body)
	if b.Code != 200 || !bytes.Equal(body, wall) {
		t.Fatalf("without the folder: %d, %d bytes", b.Code, len(body))
	}
	for _, h := range []string{"Etag", "Last-Modified", "Content-Type", "Content-Security-Policy", "Content-Length"} {
		if a.Header().Get(h) != b.Header().Get(h) || a.Header().Get(h) == "" {
			t.Errorf("%s: %q with the folder, %q without", h, a.Header().Get(h), b.Header().Get(h))
		}
	}
	if r := get(without, "/files/trips/wall.jpg", "bytes=0-3"); r.Code != 206 || r.Body.String() != "jpeg" {
		t.Errorf("a range without the folder: %d %q", r.Code, r.Body.String())
	}
	if r := get(without, "/files/trips/none.jpg", ""); r.Code != 404 {
		t.Errorf("a picture never kept: %d, want 404", r.Code)
	}

	// The bytes are read again only when the size or time the writer
	// recorded changed: a row rewritten with both the same is served
	// from memory, one with a new time is read.
	at := mustStat(t, filepath.Join(seeds, "trips", "wall.jpg")).ModTime()
	same := bytes.ToUpper(wall)
	if err := st.ApplyFolderFiles(ctx, store.FolderFileChanges{Put: []store.FolderFilePut{{Path: "trips/wall.jpg", ModTime: at, Data: same}}}); err != nil {
		t.Fatal(err)
	}
	if r := get(without, "/files/trips/wall.jpg", ""); !bytes.Equal(r.Body.Bytes(), wall) {
		t.Errorf("an unchanged size and time read the bytes again")
	}
	if err := st.ApplyFolderFiles(ctx, store.FolderFileChanges{Put: []store.FolderFilePut{{Path: "trips/wall.jpg", ModTime: at.Add(time.Second), Data: same}}}); err != nil {
		t.Fatal(err)
	}
	if r := get(without, "/files/trips/wall.jpg", ""); !bytes.Equal(r.Body.Bytes(), same) {
		t.Errorf("a new time did not read the new bytes")
	}
}

// TestFolderFSUnavailable: a server without the folder whose database
// does not answer serves the copies it keeps in memory, as it serves
// its last feeds, and says 503 for a picture it has no copy of, not a
// 404 a cache would keep.
func TestFolderFSUnavailable(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), "news.example.org")
	if err != nil {
		t.Fatal(err)
	}
	put := []store.FolderFilePut{{Path: "wall.jpg", ModTime: time.Now(), Data: []byte("jpeg")}, {Path: "pier.png", ModTime: time.Now(), Data: []byte("png")}}
	if err := st.ApplyFolderFiles(context.Background(), store.FolderFileChanges{Put: put}); err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Files: newFolderFS(st)})
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	if r := get("/files/wall.jpg"); r.Code != 200 {
		t.Fatalf("with the database: %d", r.Code)
	}
	st.Close()
	if r := get("/files/wall.jpg"); r.Code != 200 || r.Body.String() != "jpeg" {
		t.Errorf("a picture in memory with the database closed: %d %q, want its copy", r.Code, r.Body.String())
	}
	if r := get("/files/pier.png"); r.Code != 503 {
		t.Errorf("a picture not in memory with the database closed: %d, want 503", r.Code)
	}
}

func mustStat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}
