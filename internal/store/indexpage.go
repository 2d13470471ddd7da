package store

import (
	"context"
	"fmt"
)

// LatestAfter returns up to n published articles in the order of Latest
// and Each (published time, newest first, then id), skipping the first
// skip, among those first stored at or before maxSeq (the max seq
// ArchiveSlots reported; articles stored later are left out as if not
// there yet): the articles of one page of the HTML index, rendered on
// demand for a snapshot taken at maxSeq. The database walks past the
// skipped rows, so a page deep in a long history costs more than the
// first.
func (s *Store) LatestAfter(ctx context.Context, skip, n int, maxSeq int64) ([]Record, error) {
	if n <= 0 || skip < 0 {
		return nil, nil
	}
	var out []Record
	err := s.each(ctx, `SELECT `+recordCols+` FROM articles WHERE draft = 0 AND seq <= ?
		ORDER BY published DESC, id LIMIT ? OFFSET ?`, []any{maxSeq, n, skip}, func(r Record) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: latest %d after %d: %w", n, skip, err)
	}
	return out, nil
}
