package ingest

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/store"
)

type outcomeKind int

const (
	skipped   outcomeKind = iota // nothing to record (cancelled, or a transient problem already reported)
	upserted                     // read and normalized
	touched                      // same bytes, new mtime or size
	rejected                     // cannot be published; recorded
	gone                         // vanished while being read
	unsettled                    // changed while being read
)

// outcome is what reading one candidate produced.
type outcome struct {
	kind    outcomeKind
	upsert  store.Upsert
	touch   store.Touch
	reject  store.Reject
	detail  error     // why, for rejects and problems
	retryAt time.Time // for unsettled
	// problem is the reason of a transient failure that the store does
	// not record; the scan goroutine reports it (once).
	problem string
}

// read examines one candidate: it never panics and never fails the scan;
// every problem becomes an outcome or a logged, counted report.
func (s *Scanner) read(c candidate, base article.Options, stamp int64, now time.Time) outcome {
	mt := time.Unix(0, c.mtime).UTC()
	reject := func(reason string, detail error, h store.Hash, mtime time.Time, size int64) outcome {
		return outcome{kind: rejected, detail: detail,
			reject: store.Reject{Path: c.path, ModTime: mtime, Size: size, Hash: h, Reason: reason, ParsedBy: stamp}}
	}
	if c.badName {
		return reject("invalid_name", errors.New("file name is not valid UTF-8"), store.Hash{}, mt, c.size)
	}
	limit := s.cfg.MaxFileBytes
	if s.tooLarge(c.size) {
		return reject(reasonTooLarge, fmt.Errorf("%d bytes, over the limit of %d", c.size, limit), store.Hash{}, mt, c.size)
	}

	f, err := s.cfg.FS.Open(c.path)
	if err != nil {
		return openFailed(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return outcome{problem: "read_error", detail: err}
	}
	if !fi.Mode().IsRegular() || !c.id.same(fi) {
		// Swapped (for a symlink, a folder, another file) since the
		// walk: look again when it has settled.
		return outcome{kind: unsettled, retryAt: now.Add(s.cfg.Settle)}
	}
	data, err := readAll(f, fi.Size(), limit)
	if err != nil {
		return outcome{problem: "read_error", detail: err}
	}
	after, err := fs.Lstat(s.cfg.FS, c.path)
	if errors.Is(err, fs.ErrNotExist) {
		return outcome{kind: gone, problem: "vanished", detail: errors.New("deleted while being read")}
	}
	if err != nil || after.ModTime().UnixNano() != c.mtime || after.Size() != c.size || !c.id.same(after) {
		return outcome{kind: unsettled, retryAt: now.Add(s.cfg.Settle)}
	}
	if limit > 0 && int64(len(data)) > limit {
		return reject(reasonTooLarge, fmt.Errorf("over the limit of %d bytes", limit), store.Hash{}, mt, c.size)
	}

	h := sha256.Sum256(data)
	if c.known && h == c.prevHash && !c.stale {
		return outcome{kind: touched, touch: store.Touch{Path: c.path, ModTime: mt, Size: c.size}}
	}
	opts := base
	opts.Ref = mt
	a, err := s.parse(c.path, data, opts)
	if err != nil {
		return reject(parseReason(err), err, h, mt, c.size)
	}
	return outcome{kind: upserted, upsert: store.Upsert{Path: c.path, Hash: h, ModTime: mt, Size: c.size, Article: a, ParsedBy: stamp}}
}

func openFailed(err error) outcome {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return outcome{kind: gone, problem: "vanished", detail: errors.New("deleted before it could be read")}
	case errors.Is(err, fs.ErrPermission):
		// Not recorded in the store: fixing permissions does not change
		// the mtime, so the file must be tried again at every scan.
		return outcome{problem: "unreadable", detail: err}
	}
	return outcome{problem: "read_error", detail: err}
}

// parse runs the normalizer, turning a panic on hostile input into a
// rejection of that one file.
func (s *Scanner) parse(name string, data []byte, opts article.Options) (a *article.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("%w: %v", errParsePanic, r)
		}
	}()
	start := s.cfg.Now()
	a, err = s.cfg.Parse(name, data, opts)
	if took := s.cfg.Now().Sub(start); took >= s.cfg.SlowRead {
		s.log.Warn("slow to read", slog.String("path", name), slog.Int("bytes", len(data)), slog.Duration("took", took))
	}
	if err == nil && a == nil {
		err = errors.New("parser returned no article")
	}
	return a, err
}

var errParsePanic = errors.New("normalizer crashed")

// reasonTooLarge is the reject reason the scanner itself looks for.
const reasonTooLarge = "too_large"

func parseReason(err error) string {
	switch {
	case errors.Is(err, article.ErrEmpty):
		return "empty"
	case errors.Is(err, article.ErrBinary):
		return "binary"
	case errors.Is(err, article.ErrInvalidUTF8):
		return "invalid_utf8"
	case errors.Is(err, article.ErrNoBody):
		return "no_body"
	case errors.Is(err, article.ErrFormat):
		return "not_an_article"
	case errors.Is(err, errParsePanic):
		return "parse_panic"
	}
	return "parse_error"
}

// readAll reads at most limit+1 bytes (all when limit <= 0) into a buffer
// sized from the file's stat, so that one file costs one allocation.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	if limit > 0 {
		r = io.LimitReader(r, limit+1)
		size = min(size, limit)
	}
	buf := make([]byte, 0, size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
