package ingest

import "strings"

// logKey identifies one problem with one version of a file: the same
// problem is reported once until the file changes.
type logKey struct {
	path        string
	mtime, size int64
	reason      string
}

// problem reports a file that cannot be used and that the store does not
// record (so the scanner must remember having reported it): once per
// (path, mtime, size, reason), with a metrics count.
func (s *Scanner) problem(p string, mtime, size int64, reason string, err error, gen uint64) {
	k := logKey{path: p, mtime: mtime, size: size, reason: reason}
	if _, ok := s.logged[k]; ok {
		s.logged[k] = gen
		return
	}
	s.logged[k] = gen
	s.warn(p, reason, err)
}

// warn is the one log line (and count) of a rejected file.
func (s *Scanner) warn(p, reason string, err error) {
	attrs := []any{"path", p, "reason", reason}
	if err != nil {
		attrs = append(attrs, "error", err.Error())
	}
	s.log.Warn("rejected file", attrs...)
	if m := s.cfg.Metrics; m != nil {
		m.FilesRejected.WithLabelValues(reason).Inc()
	}
}

// forgetLogged drops reports of files a full scan no longer met, so the
// memory stays bounded by what is in the folder.
func (s *Scanner) forgetLogged(gen uint64) {
	for k, g := range s.logged {
		if g != gen {
			delete(s.logged, k)
		}
	}
}

// repaired is the one log line (and count) of a file published only after
// the normalizer repaired it: what it did is worth an operator's look, as
// the article may not read as its author meant.
func (s *Scanner) repaired(p string, warnings []string) {
	s.log.Warn("published with warnings", "path", p, "reason", strings.Join(warnings, "; "))
	if m := s.cfg.Metrics; m != nil {
		m.FilesWarned.Inc()
	}
}
