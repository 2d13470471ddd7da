package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ArchiveSlot is a published article's place in the archived feed: seq
// is the order in which articles were first stored (a new row always gets
// a seq above every row present, drafts included, and an edit keeps it),
// so fixed ranges of seq are archive pages that only ever grow at the
// end. The other fields change whenever what the article renders to can:
// an edit changes Hash and Updated; a draft made public gets Published.
type ArchiveSlot struct {
	Seq       int64
	ID        string
	Slug      string
	Published time.Time
	Updated   time.Time
	Hash      Hash
}

// ArchiveSlots returns the slot of every published article, by seq, and
// the highest seq of any stored row (drafts included; 0 when there is
// none). A range of seqs wholly at or below that maximum is closed: no
// article stored later can fall into it.
func (s *Store) ArchiveSlots(ctx context.Context) ([]ArchiveSlot, int64, error) {
	// The transaction only makes both reads see one state: SQLite's
	// read transaction does; PostgreSQL's default (READ COMMITTED) gives
	// each statement a snapshot of its own, REPEATABLE READ one for both.
	var opts *sql.TxOptions
	if s.pg {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	tx, err := s.rdb.BeginTx(ctx, opts)
	if err != nil {
		return nil, 0, fmt.Errorf("store: archive slots: %w", classify(err))
	}
	defer func() { _ = tx.Rollback() }()
	var maxSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&maxSeq); err != nil {
		return nil, 0, fmt.Errorf("store: archive slots: %w", classify(err))
	}
	rows, err := tx.QueryContext(ctx, `SELECT seq, id, slug, published, updated, hash
		FROM articles WHERE draft = 0 ORDER BY seq`)
	if err != nil {
		return nil, 0, fmt.Errorf("store: archive slots: %w", classify(err))
	}
	defer rows.Close()
	var out []ArchiveSlot
	for rows.Next() {
		var (
			sl      ArchiveSlot
			pub, up int64
			hash    []byte
		)
		if err := rows.Scan(&sl.Seq, &sl.ID, &sl.Slug, &pub, &up, &hash); err != nil {
			return nil, 0, fmt.Errorf("store: archive slots: %w", classify(err))
		}
		sl.Published, sl.Updated = fromSecs(pub), fromSecs(up)
		copy(sl.Hash[:], hash)
		out = append(out, sl)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: archive slots: %w", classify(err))
	}
	return out, maxSeq, nil
}

// ArchiveRange returns the published articles with lo <= seq <= hi,
// newest published first, then by id, as Latest orders them.
func (s *Store) ArchiveRange(ctx context.Context, lo, hi int64) ([]Record, error) {
	var out []Record
	err := s.each(ctx, `SELECT `+recordCols+` FROM articles
		WHERE seq BETWEEN ? AND ? AND draft = 0
		ORDER BY published DESC, id`, []any{lo, hi}, func(r Record) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: archive range %d-%d: %w", lo, hi, err)
	}
	return out, nil
}
