package daemon

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// debounce batches a burst of events (an editor's write-rename-chmod, a
// copy of many files) into one scan of the paths they named.
const debounce = 50 * time.Millisecond

// watcher turns fsnotify events under the seeds folder into scan requests
// for the paths they name, relative to the folder and slash-separated as the
// store keeps them.
type watcher struct {
	fsw  *fsnotify.Watcher
	root string
	log  *slog.Logger
	done chan struct{}
	wg   sync.WaitGroup
}

func newWatcher(root string, log *slog.Logger, paths func([]string), full func()) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fsw: fsw, root: root, log: log, done: make(chan struct{})}
	if err := w.addTree(root); err != nil {
		fsw.Close()
		return nil, err
	}
	w.wg.Add(1)
	go w.loop(paths, full)
	return w, nil
}

// addTree watches dir and every folder below it that the scan would visit.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // a folder that vanished or cannot be read: the scan reports it
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.fsw.Add(p); err != nil {
			w.log.Warn("cannot watch folder", "path", p, "error", err)
		}
		return nil
	})
}

func (w *watcher) loop(paths func([]string), full func()) {
	defer w.wg.Done()
	batch := map[string]struct{}{}
	var timer <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, err := filepath.Rel(w.root, ev.Name)
			if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					// Files may have landed in the new folder before the
					// watch did: look at everything.
					if err := w.addTree(ev.Name); err != nil {
						w.log.Warn("cannot watch folder", "path", ev.Name, "error", err)
					}
					full()
					continue
				}
			}
			batch[filepath.ToSlash(rel)] = struct{}{}
			if timer == nil {
				timer = time.After(debounce)
			}
		case <-timer:
			timer = nil
			list := make([]string, 0, len(batch))
			for p := range batch {
				list = append(list, p)
			}
			batch = map[string]struct{}{}
			paths(list)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// An overflowed event queue lost events: only a full scan is
			// sure to see everything.
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.log.Warn("file events overflowed; rescanning the whole folder")
				full()
				continue
			}
			w.log.Warn("file watch error", "error", err)
		}
	}
}

func (w *watcher) Close() {
	close(w.done)
	w.fsw.Close()
	w.wg.Wait()
}
