package daemon

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sync"
	"time"

	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// A server without the seeds folder (serve -replica) serves /files/ from
// the copies the writer keeps in the shared database: after each scan the
// writer brings them in line with the folder (syncFolderFiles), and the
// server without it reads them through folderFS.

// maxFolderFileBytes bounds a file kept in the database; a larger one is
// served only by the servers that have the folder.
const maxFolderFileBytes = 32 << 20

// folderBatchBytes bounds the bytes written in one transaction, so that a
// first sync of a big folder does not hold all of it in memory.
const folderBatchBytes = 64 << 20

// folderSync says what syncFolderFiles did.
type folderSync struct {
	kept, removed, tooLarge int
	firstTooLarge           string
}

// syncFolderFiles makes the files the store keeps for the servers
// without the folder match the folder: the paths given (seeds-relative,
// as a watch event names them), or, with paths nil, the whole folder. A
// file is read only when its size or modification time differs from
// the kept copy's.
func syncFolderFiles(ctx context.Context, seeds fs.FS, st *store.Store, paths []string) (folderSync, error) {
	var res folderSync
	kept, err := keptFolderFiles(ctx, st, paths)
	if err != nil {
		return res, err
	}
	var (
		batch store.FolderFileChanges
		size  int
	)
	flush := func() error {
		if err := st.ApplyFolderFiles(ctx, batch); err != nil {
			return err
		}
		res.kept += len(batch.Put)
		res.removed += len(batch.Remove)
		batch, size = store.FolderFileChanges{}, 0
		return nil
	}
	// seen are the files that keep a copy: those the server serves
	// from the folder, under the bound.
	seen := map[string]bool{}
	look := func(name string) error {
		fi, err := fs.Stat(seeds, name)
		if err != nil || !fi.Mode().IsRegular() {
			// Gone, or a link out of the folder: what the server
			// would not serve is not kept either.
			return nil
		}
		if fi.Size() > maxFolderFileBytes {
			if res.tooLarge == 0 {
				res.firstTooLarge = name
			}
			res.tooLarge++
			return nil
		}
		seen[name] = true
		if k, ok := kept[name]; ok && k.Size == fi.Size() && k.ModTime.Equal(fi.ModTime()) {
			return nil
		}
		data, err := fs.ReadFile(seeds, name)
		if err != nil {
			// Changing as it is read: the copy kept, if any, stays
			// until the next scan reads it.
			return nil
		}
		batch.Put = append(batch.Put, store.FolderFilePut{Path: name, ModTime: fi.ModTime(), Data: data})
		if size += len(data); size >= folderBatchBytes {
			return flush()
		}
		return nil
	}
	if paths == nil {
		if err := walkServed(ctx, seeds, func(name string, _ bool) error { return look(name) }); err != nil {
			return res, fmt.Errorf("look at the seeds folder's files: %w", err)
		}
	} else {
		for _, p := range paths {
			if !servedFrom(p) {
				continue
			}
			if err := look(p); err != nil {
				return res, err
			}
		}
	}
	// kept holds the paths asked for alone, when some were.
	for name := range kept {
		if !seen[name] {
			batch.Remove = append(batch.Remove, name)
		}
	}
	return res, flush()
}

// keptFolderFiles is what the store keeps of the files at paths, or of
// every file with paths nil: an event's few paths, or the icon before a
// publish, need not list a large folder's every copy.
func keptFolderFiles(ctx context.Context, st *store.Store, paths []string) (map[string]store.FolderFile, error) {
	if paths == nil {
		return st.FolderFiles(ctx)
	}
	kept := map[string]store.FolderFile{}
	for _, p := range paths {
		if !servedFrom(p) {
			continue
		}
		f, err := st.FolderFileStat(ctx, p)
		switch {
		case err == nil:
			kept[p] = f
		case !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
	}
	return kept, nil
}

// logFolderSync says what a sync did, when it did anything.
func logFolderSync(log *slog.Logger, res folderSync, err error) {
	if err != nil {
		log.Error("the folder's pictures could not be kept for the servers without the folder; they keep the copies they had", "error", err)
		return
	}
	if res.kept > 0 || res.removed > 0 {
		log.Info("kept the folder's pictures for the servers without the folder", "kept", res.kept, "removed", res.removed)
	}
	if res.tooLarge > 0 {
		log.Warn("files too large to keep in the database are served only by the servers with the folder",
			"files", res.tooLarge, "first", res.firstTooLarge, "max_bytes", maxFolderFileBytes)
	}
}

// folderFS serves the files the store keeps (syncFolderFiles) as the
// seeds folder, to a server without it, with the size and time the
// writer saw, so that their Last-Modified and ETag are the ones a server
// with the folder sends. Each Open asks the database for the file's size
// and time, and reads its bytes only when they differ from the copy it
// keeps in memory (up to folderCacheBytes of them).
type folderFS struct {
	st    *store.Store
	mu    sync.Mutex
	kept  map[string]keptCopy
	bytes int
}

type keptCopy struct {
	data  []byte
	mtime time.Time
}

func newFolderFS(st *store.Store) *folderFS {
	return &folderFS{st: st, kept: map[string]keptCopy{}}
}

// folderReadTimeout bounds one read of a kept file.
const folderReadTimeout = 10 * time.Second

// folderCacheBytes bounds the bytes of the copies kept in memory; when
// one more would not fit, the others go.
const folderCacheBytes = 64 << 20

func (f *folderFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	ctx, cancel := context.WithTimeout(context.Background(), folderReadTimeout)
	defer cancel()
	st, err := f.st.FolderFileStat(ctx, name)
	f.mu.Lock()
	c, ok := f.kept[name]
	f.mu.Unlock()
	switch {
	case err != nil && (!ok || errors.Is(err, store.ErrNotFound)):
		if ok {
			f.forget(name) // removed from the folder
		}
		return nil, openError(name, err)
	case err != nil:
		// The database does not answer: the copy in memory is the
		// last the writer kept, as the feeds are the last published.
	case !ok || int64(len(c.data)) != st.Size || !c.mtime.Equal(st.ModTime):
		data, mtime, err := f.st.FolderFile(ctx, name)
		if err != nil {
			return nil, openError(name, err)
		}
		c = keptCopy{data, mtime}
		f.keep(name, c)
	}
	return &keptFile{Reader: bytes.NewReader(c.data), info: keptInfo{name: path.Base(name), size: int64(len(c.data)), mtime: c.mtime}}, nil
}

// keep remembers c as name's copy, when it fits.
func (f *folderFS) keep(name string, c keptCopy) {
	f.forget(name)
	if len(c.data) > folderCacheBytes/4 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.bytes+len(c.data) > folderCacheBytes {
		clear(f.kept)
		f.bytes = 0
	}
	f.kept[name] = c
	f.bytes += len(c.data)
}

// forget drops name's copy.
func (f *folderFS) forget(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if old, ok := f.kept[name]; ok {
		f.bytes -= len(old.data)
		delete(f.kept, name)
	}
}

// openError is err as Open returns it: fs.ErrNotExist for a file not
// kept, else server.ErrFilesUnavailable with the store's error.
func openError(name string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		err = fs.ErrNotExist
	} else {
		err = fmt.Errorf("%w: %w", server.ErrFilesUnavailable, err)
	}
	return &fs.PathError{Op: "open", Path: name, Err: err}
}

// keptFile is a kept file open for reading, and seeking (ranges).
type keptFile struct {
	*bytes.Reader
	info keptInfo
}

func (k *keptFile) Stat() (fs.FileInfo, error) { return k.info, nil }
func (k *keptFile) Close() error               { return nil }

type keptInfo struct {
	name  string
	size  int64
	mtime time.Time
}

func (i keptInfo) Name() string       { return i.name }
func (i keptInfo) Size() int64        { return i.size }
func (i keptInfo) Mode() fs.FileMode  { return 0o444 }
func (i keptInfo) ModTime() time.Time { return i.mtime }
func (i keptInfo) IsDir() bool        { return false }
func (i keptInfo) Sys() any           { return nil }
