package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"seedfeed/internal/store"
)

// candidate is a file whose mtime or size differs from what the store
// knows (or that the store does not know).
// It is kept small: a cold scan of 100,000 files holds one per file.
type candidate struct {
	path        string
	mtime, size int64
	id          fileID     // from the walk's lstat, to detect a swap before reading
	prevHash    store.Hash // of the bytes the store has, when known
	known       bool
	stale       bool // known, but read by another normalizer or with other options
	badName     bool // not valid UTF-8: fs.FS cannot open it
}

// walker gathers one scan's view of the folder.
type walker struct {
	s          *Scanner
	gen        uint64
	stamp      int64 // parseStamp of this scan
	seen       int
	cands      []candidate
	incomplete []string // folders that could not be read: nothing under them is removed
	// plain counts the event paths that exist as something other than a
	// folder: when every path of a ScanPaths is one, only those paths
	// themselves can have vanished, and the known files need no sweep.
	plain int
	buf   []byte
}

// skipName reports names that are never articles: hidden files and
// folders (.git, .DS_Store, editors' .#locks) and editors' and
// downloaders' temporary files.
func skipName(name string) bool {
	if name == "" || name[0] == '.' || strings.HasSuffix(name, "~") ||
		(len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#') {
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".tmp", ".part", ".partial", ".crdownload":
		return true
	}
	return false
}

// NotArticle reports a file named as something that is never an
// article, in any case: a picture (the site's icon, a picture beside an
// article, served under /files/), the rest of a page saved "complete"
// (its .css, .js, fonts and source maps), data and settings (.json,
// .xml, .yaml, .toml, .ini, .csv), a database (a state.path inside the
// folder), audio and video, a copy an editor or a merge left beside an
// article (.bak, .orig), source code, notebooks, scripts and TeX, keys
// and certificates, subtitles and logs, and the files a repository keeps
// at its top by name (Makefile, Dockerfile, LICENSE, CNAME). Read as
// text, a stylesheet or a script became an item titled "body { color:
// red; }" in every subscriber's reader, a post.md.bak the same article
// twice, a private key a published page; read as bytes, a picture or a
// database was warned about as binary content at every change. They are
// skipped as hidden files are.
func NotArticle(name string) bool {
	return notArticle([]byte(name))
}

// notArticle is NotArticle on the walker's buffer, without allocating.
func notArticle(name []byte) bool {
	const longest = len(".db-journal")
	dot, base := -1, 0
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '/' {
			base = i + 1
			break
		}
		if name[i] == '.' && dot < 0 {
			dot = i
		}
	}
	if dot < 0 {
		switch string(name[base:]) {
		case "Makefile", "GNUmakefile", "makefile", "Dockerfile", "Containerfile", "Vagrantfile", "Jenkinsfile",
			"Gemfile", "Rakefile", "Procfile", "Brewfile", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CNAME", "CODEOWNERS":
			return true
		}
		return false
	}
	// An Excalidraw drawing kept as Markdown (Obsidian's plugin writes
	// "Drawing ….excalidraw.md") is a drawing's data, not prose.
	const drawing = ".excalidraw.md"
	if len(name)-base > len(drawing) && bytes.EqualFold(name[len(name)-len(drawing):], []byte(drawing)) {
		return true
	}
	if len(name)-dot > longest {
		return false
	}
	var ext [longest]byte
	n := copy(ext[:], name[dot:])
	for i := range n {
		if c := ext[i]; c >= 'A' && c <= 'Z' {
			ext[i] = c + 'a' - 'A'
		}
	}
	switch string(ext[:n]) {
	case ".png", ".ico", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".heic",
		".css", ".js", ".mjs", ".cjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".wasm",
		".json", ".xml", ".yaml", ".yml", ".toml", ".csv", ".tsv",
		".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal",
		".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac", ".mp4", ".m4v", ".webm", ".mov", ".avi", ".mkv",
		".ini", ".cfg", ".conf", ".env", ".properties", ".lock", ".mod", ".sum", ".log",
		".bak", ".orig", ".rej", ".old", ".diff", ".patch",
		".py", ".rb", ".go", ".java", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".rs", ".php", ".pl", ".pm", ".lua",
		".swift", ".kt", ".kts", ".scala", ".ts", ".tsx", ".jsx", ".vue", ".svelte", ".sql", ".hs", ".ex", ".exs",
		".erl", ".clj", ".dart", ".jl", ".ipynb",
		".sh", ".bash", ".zsh", ".fish", ".bat", ".cmd", ".ps1",
		".tex", ".bib", ".sty", ".cls",
		".pem", ".key", ".crt", ".cer", ".csr", ".p12", ".pfx", ".gpg",
		".srt", ".vtt",
		".canvas", ".excalidraw": // a notes app's boards and drawings
		return true
	}
	return false
}

// walk reads the whole tree under root; only an unreadable root is an
// error.
func (w *walker) walk(root string) error {
	if err := w.dir(root); err != nil {
		return fmt.Errorf("%w: %w", ErrNoSeeds, err)
	}
	return nil
}

// visit examines one path named by an event: a file, a folder, or nothing.
func (w *walker) visit(p string) {
	info, err := fs.Lstat(w.s.cfg.FS, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return // vanished: its known paths are removed
	case err != nil:
		w.s.problem(p, 0, 0, "unreadable", err, w.gen)
		w.incomplete = append(w.incomplete, p)
		return
	case info.IsDir():
		if err := w.dir(p); err != nil {
			w.s.problem(p, 0, 0, "unreadable", err, w.gen)
			w.incomplete = append(w.incomplete, p)
		}
		return
	}
	w.plain++
	w.buf = append(w.buf[:0], p...)
	w.entry(info.Mode().Type(), func() (fs.FileInfo, error) { return info, nil })
}

// dir lists one folder and recurses. A subfolder that cannot be listed is
// logged and marked incomplete; dir's own failure is returned.
func (w *walker) dir(d string) error {
	entries, err := readDir(w.s.cfg.FS, d)
	if err != nil && len(entries) == 0 {
		return err
	}
	if err != nil {
		w.s.problem(d, 0, 0, "unreadable", err, w.gen)
		w.incomplete = append(w.incomplete, d)
	}
	for _, e := range entries {
		name := e.Name()
		if skipName(name) {
			continue
		}
		w.buf = w.buf[:0]
		if d != "." {
			w.buf = append(append(w.buf, d...), '/')
		}
		w.buf = append(w.buf, name...)
		if e.IsDir() {
			sub := string(w.buf)
			if !utf8.ValidString(sub) {
				w.s.problem(sub, 0, 0, "invalid_name", errors.New("folder name is not valid UTF-8"), w.gen)
				w.incomplete = append(w.incomplete, sub)
				continue
			}
			if err := w.dir(sub); err != nil {
				w.s.problem(sub, 0, 0, "unreadable", err, w.gen)
				w.incomplete = append(w.incomplete, sub)
			}
			continue
		}
		w.entry(e.Type(), e.Info)
	}
	return nil
}

// readDir lists a folder without sorting it (fs.ReadDir sorts, which a
// 100,000-file folder pays for on every rescan).
func readDir(fsys fs.FS, d string) ([]fs.DirEntry, error) {
	f, err := fsys.Open(d)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if rd, ok := f.(fs.ReadDirFile); ok {
		return rd.ReadDir(-1)
	}
	return fs.ReadDir(fsys, d)
}

// entry handles the non-folder at w.buf. info is called only when needed:
// for os.DirFS it is the lstat, the one system call a rescan makes per
// file.
func (w *walker) entry(typ fs.FileMode, info func() (fs.FileInfo, error)) {
	s := w.s
	if notArticle(w.buf) {
		return // a picture, a page's stylesheet, a database: no article
	}
	switch {
	case typ&fs.ModeSymlink != 0:
		fi, _ := info()
		mt, sz := stamp(fi)
		s.problem(string(w.buf), mt, sz, "symlink", errors.New("symbolic links are not followed"), w.gen)
		return
	case !typ.IsRegular():
		fi, _ := info()
		mt, sz := stamp(fi)
		s.problem(string(w.buf), mt, sz, "not_regular", fmt.Errorf("not a regular file (%v)", typ), w.gen)
		return
	}
	fi, err := info()
	if err != nil {
		return // gone since the folder was listed: removed like any vanished file
	}
	if !fi.Mode().IsRegular() {
		mt, sz := stamp(fi)
		s.problem(string(w.buf), mt, sz, "not_regular", fmt.Errorf("not a regular file (%v)", fi.Mode().Type()), w.gen)
		return
	}
	w.seen++
	mtime, size := fi.ModTime().UnixNano(), fi.Size()
	// string(w.buf) in a map index does not allocate: an unchanged file
	// costs no garbage beyond what the fs.FS itself makes.
	k := s.known[string(w.buf)]
	if k != nil {
		k.gen = w.gen
		// A file rejected as too large is looked at again once it fits
		// a raised limit, though it has not changed.
		if k.mtime == mtime && k.size == size && k.parsedBy == w.stamp && !(k.tooLarge && !s.tooLarge(size)) {
			return
		}
	}
	c := candidate{path: string(w.buf), mtime: mtime, size: size, id: idOf(fi)}
	c.badName = !utf8.ValidString(c.path)
	if k != nil {
		c.prevHash, c.known, c.stale = k.hash, true, k.parsedBy != w.stamp
	}
	w.cands = append(w.cands, c)
}

// vanished lists known paths not seen by this scan, within its roots (all
// when roots is nil) and outside folders that could not be read.
func (s *Scanner) vanished(roots, incomplete []string, plainRoots bool) []string {
	if roots != nil && plainRoots {
		// Each root is a file (or link, or device) that exists: nothing
		// known lies under it, so only the roots themselves can be gone.
		// Checking them alone keeps one new file among 100,000 from
		// costing a sweep of every known path.
		var out []string
		for _, p := range roots {
			if k := s.known[p]; k != nil && k.gen != s.gen {
				out = append(out, p)
			}
		}
		sort.Strings(out)
		return out
	}
	rootSet, skip := newPathSet(roots), newPathSet(incomplete)
	var out []string
	for p, k := range s.known {
		if k.gen == s.gen || (roots != nil && !rootSet.holds(p)) || skip.holds(p) {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// pathSet is a set of folder-relative paths, each standing for itself and
// everything inside it. Lookups cost one map probe per path element, so a
// burst of thousands of events against 100,000 known files stays cheap.
type pathSet map[string]bool

func newPathSet(paths []string) pathSet {
	set := make(pathSet, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	return set
}

// holds reports whether p is in the set or inside a path of it.
func (set pathSet) holds(p string) bool {
	if len(set) == 0 {
		return false
	}
	if set["."] {
		return true
	}
	for {
		if set[p] {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[:i]
	}
}

// cleanRoots turns event paths into walk roots: cleaned, inside the
// folder, not hidden, and none inside another.
func cleanRoots(paths []string) []string {
	var roots []string
	for _, p := range paths {
		if p == "" {
			continue
		}
		p = path.Clean(strings.TrimPrefix(p, "./"))
		if !fs.ValidPath(p) {
			continue
		}
		if p != "." {
			hidden := false
			for _, el := range strings.Split(p, "/") {
				hidden = hidden || skipName(el)
			}
			if hidden {
				continue
			}
		}
		if p == "." {
			return []string{"."}
		}
		roots = append(roots, p)
	}
	// Shortest first, so a folder is kept before anything inside it.
	sort.Slice(roots, func(i, j int) bool {
		if len(roots[i]) != len(roots[j]) {
			return len(roots[i]) < len(roots[j])
		}
		return roots[i] < roots[j]
	})
	kept := pathSet{}
	out := roots[:0]
	for _, r := range roots {
		if kept.holds(r) {
			continue
		}
		kept[r] = true
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// tooLarge reports whether a file of this size is over the limit.
func (s *Scanner) tooLarge(size int64) bool {
	return s.cfg.MaxFileBytes > 0 && size > s.cfg.MaxFileBytes
}
