package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"seedfeed/internal/article"
)

// Hash is the SHA-256 of a file's raw bytes.
type Hash = [sha256.Size]byte

// Changes is one batch of what a scan found; Apply writes it in one
// transaction.
type Changes struct {
	// At is the scan time: first_seen of new articles, updated of changed
	// ones, removal time of tombstones. Stored to the second.
	At time.Time
	// Removed are paths that no longer exist. They are applied first, so
	// that an Upsert of a new path with the same bytes in this batch (or a
	// later one) is recognised as a move and keeps the id.
	Removed []string
	// Touches are files whose mtime or size changed but whose bytes hash
	// the same: only the recorded mtime and size move.
	Touches []Touch
	// Upserts are files read and normalized.
	Upserts []Upsert
	// Rejects are files that cannot be published. An article already
	// published from that path stays as it was (its last good version).
	Rejects []Reject
}

// Upsert is one file read and normalized.
type Upsert struct {
	Path    string
	Hash    Hash
	ModTime time.Time
	Size    int64
	Article *article.Article
	// ParsedBy stamps the normalizer and options that made Article. An
	// Upsert of the bytes the store has, with another stamp, is the file
	// read again after an upgrade: its article is rewritten, its dates
	// stay.
	ParsedBy int64
}

// Touch records a new mtime and size for unchanged bytes.
type Touch struct {
	Path    string
	ModTime time.Time
	Size    int64
}

// Reject records a file that cannot be published. Hash is zero when the
// file was not read (too large, unreadable).
type Reject struct {
	Path    string
	ModTime time.Time
	Size    int64
	Hash    Hash
	Reason  string
	// ParsedBy stamps the normalizer that rejected the file (see Upsert).
	ParsedBy int64
}

// Result says what a batch did.
type Result struct {
	Inserted int // new articles (including moved or restored ones)
	Updated  int // articles whose content changed
	// Refreshed counts articles whose bytes did not change but whose
	// normalizing did: read again by a new normalizer or with new options.
	Refreshed int
	Touched   int
	Removed   int // articles removed
	Rejected  int
	// Changed is true when anything visible changed: a published article
	// appeared, changed or left. The daemon re-renders only then.
	Changed bool
}

func (r *Result) add(o Result) {
	r.Inserted += o.Inserted
	r.Updated += o.Updated
	r.Refreshed += o.Refreshed
	r.Touched += o.Touched
	r.Removed += o.Removed
	r.Rejected += o.Rejected
	r.Changed = r.Changed || o.Changed
}

// Apply writes one batch in one transaction. On error nothing of the batch
// is written; the error wraps ErrDiskFull, ErrReadOnly or ErrCorrupt when
// that is the cause.
func (s *Store) Apply(ctx context.Context, c Changes) (Result, error) {
	if err := c.check(); err != nil {
		return Result{}, err
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		return Result{}, err
	}
	res, err := tx.Apply(c)
	if err != nil {
		return Result{}, err
	}
	if err := tx.Commit(); err != nil {
		return Result{}, err
	}
	return res, nil
}

func (c *Changes) check() error {
	if c.At.IsZero() {
		return errors.New("store: apply: Changes.At is zero")
	}
	for _, u := range c.Upserts {
		if u.Article == nil {
			return fmt.Errorf("store: apply %s: nil article", u.Path)
		}
	}
	return nil
}

// Tx writes several batches in one transaction: a cold start of 100,000
// files then commits (and rewrites the pages of the slug and id indexes)
// a few dozen times instead of a few hundred. It holds the store's write
// lock from Begin to Commit or Rollback: Apply on the Store waits for it.
type Tx struct {
	s     *Store
	tx    *sql.Tx
	ctx   context.Context
	bound map[string]*sql.Stmt
	rec   []byte // the record being written, reused
	done  bool
	// Whether rejected_files and removed_articles may hold rows: asked
	// once per transaction (census), then kept up to date by its writes.
	censused, anyReject, anyTombstone bool
}

// Begin starts a transaction. Call Commit or Rollback on it, from one
// goroutine.
func (s *Store) Begin(ctx context.Context) (*Tx, error) {
	s.mu.Lock()
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("store: apply: begin: %w", classify(err))
	}
	if s.pg {
		// One writing transaction at a time across every process on the
		// schema, even if two believe they lead (a writer cut off from
		// its lock session while still writing): the unique indexes then
		// see every committed row, and no article is written twice.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, int32(applicationID+1), s.schema); err != nil {
			tx.Rollback()
			s.mu.Unlock()
			return nil, fmt.Errorf("store: apply: begin: %w", classify(err))
		}
	}
	return &Tx{s: s, tx: tx, ctx: ctx, bound: map[string]*sql.Stmt{}}, nil
}

// Apply writes one batch into the transaction, with the same rules as
// Store.Apply. On error the whole transaction is rolled back (earlier
// batches included) and the Tx is finished.
func (t *Tx) Apply(c Changes) (Result, error) {
	if t.done {
		return Result{}, fmt.Errorf("store: apply: %w", sql.ErrTxDone)
	}
	if err := c.check(); err != nil {
		t.Rollback()
		return Result{}, err
	}
	a := applier{Tx: t, host: t.s.host, at: c.At.UTC().Truncate(time.Second)}
	res, err := a.run(c)
	if err != nil {
		// SQLite may already have rolled back (it does on SQLITE_FULL);
		// either way nothing of the transaction is written, and err
		// says why.
		t.Rollback()
		return Result{}, fmt.Errorf("store: apply: %w", classify(err))
	}
	return res, nil
}

// Commit makes every batch applied durable (as SQLite's WAL with
// synchronous=NORMAL is) and visible to readers.
func (t *Tx) Commit() error {
	if t.done {
		return fmt.Errorf("store: apply: commit: %w", sql.ErrTxDone)
	}
	t.done = true
	defer t.s.mu.Unlock()
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("store: apply: commit: %w", classify(err))
	}
	return nil
}

// Rollback drops every batch applied; after Commit it does nothing.
func (t *Tx) Rollback() {
	if t.done {
		return
	}
	t.done = true
	_ = t.tx.Rollback()
	t.s.mu.Unlock()
}

// applier writes one batch.
type applier struct {
	*Tx
	host string
	at   time.Time
	// What the batch knows without asking (lookup.go): the rows of its
	// paths and which slugs are taken. A path or slug missing from its
	// map is looked up.
	paths map[string]row
	slugs map[string]bool
}

// row is the identity part of a stored article.
type row struct {
	id                        string
	slug                      string
	hash                      []byte
	firstSeen, published, upd int64
	draft                     bool
	parsedBy                  int64
}

// stmt returns q prepared for this transaction. Statements are prepared
// once, on the single write connection when the store opens (a prepare
// inside a transaction would wait for a second connection that never
// comes), and only bound to each transaction: preparing costs more than
// running most of them.
func (t *Tx) stmt(q string) (*sql.Stmt, error) {
	a := t
	if st := a.bound[q]; st != nil {
		return st, nil
	}
	var bound *sql.Stmt
	if st := a.s.prepared[q]; st != nil {
		bound = a.tx.StmtContext(a.ctx, st)
	} else {
		var err error
		if bound, err = a.tx.PrepareContext(a.ctx, a.s.sqlFor(q)); err != nil {
			return nil, err
		}
	}
	a.bound[q] = bound
	return bound, nil
}

func (a *Tx) exec(q string, args ...any) (sql.Result, error) {
	st, err := a.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(a.ctx, a.s.bind(args)...)
}

// rowOrErr lets queryRow report a prepare failure through Scan.
type rowOrErr struct {
	row *sql.Row
	err error
}

func (r rowOrErr) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.row.Scan(dest...)
}

func (a *Tx) queryRow(q string, args ...any) rowOrErr {
	st, err := a.stmt(q)
	if err != nil {
		return rowOrErr{err: err}
	}
	return rowOrErr{row: st.QueryRowContext(a.ctx, a.s.bind(args)...)}
}

func (a *applier) run(c Changes) (Result, error) {
	var res Result
	if err := a.census(); err != nil {
		return res, err
	}
	for _, p := range c.Removed {
		r, err := a.remove(p)
		if err != nil {
			return res, fmt.Errorf("remove %s: %w", p, err)
		}
		res.add(r)
	}
	for _, t := range c.Touches {
		if err := a.touch(t); err != nil {
			return res, fmt.Errorf("touch %s: %w", t.Path, err)
		}
		res.Touched++
	}
	// After the removals, which free paths and slugs.
	if err := a.prefetch(c.Upserts); err != nil {
		return res, err
	}
	for _, u := range c.Upserts {
		r, err := a.upsert(u)
		if err != nil {
			return res, fmt.Errorf("upsert %s: %w", u.Path, err)
		}
		res.add(r)
	}
	for _, r := range c.Rejects {
		if _, err := a.exec(qInsertReject,
			r.Path, r.ModTime.UnixNano(), r.Size, r.Hash[:], r.Reason, secs(a.at), r.ParsedBy); err != nil {
			return res, fmt.Errorf("reject %s: %w", r.Path, err)
		}
		a.anyReject = true
		res.Rejected++
	}
	return res, nil
}

func (a *applier) byPath(p string) (row, bool, error) {
	if r, ok := a.paths[p]; ok {
		return r, r.id != "", nil
	}
	var r row
	err := a.queryRow(qByPath, p).
		Scan(&r.id, &r.slug, &r.hash, &r.firstSeen, &r.published, &r.upd, &r.draft, &r.parsedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	return r, err == nil, err
}

// dropReject deletes the reject record of a path, if there can be one.
func (a *applier) dropReject(p string) error {
	if !a.anyReject {
		return nil
	}
	_, err := a.exec(qDeleteReject, p)
	return err
}

func (a *applier) remove(p string) (Result, error) {
	var res Result
	if err := a.dropReject(p); err != nil {
		return res, err
	}
	r, ok, err := a.byPath(p)
	if err != nil || !ok {
		return res, err
	}
	if _, err := a.exec(qTombstone,
		r.id, r.slug, r.hash, r.firstSeen, r.published, r.upd, secs(a.at)); err != nil {
		return res, err
	}
	a.anyTombstone = true
	if _, err := a.exec(qDeleteArticle, p); err != nil {
		return res, err
	}
	if err := a.dropLabels(r.id); err != nil {
		return res, err
	}
	a.forget(p, r.slug)
	res.Removed = 1
	res.Changed = !r.draft
	return res, nil
}

// touch moves the recorded mtime and size of whatever currently stands
// for the path: its reject record if it has one, else its article.
func (a *applier) touch(t Touch) error {
	if a.anyReject {
		n, err := a.exec(qTouchReject,
			t.ModTime.UnixNano(), t.Size, t.Path)
		if err != nil {
			return err
		}
		if k, _ := n.RowsAffected(); k > 0 {
			return nil
		}
	}
	_, err := a.exec(qTouchArticle,
		t.ModTime.UnixNano(), t.Size, t.Path)
	return err
}

func (a *applier) upsert(u Upsert) (Result, error) {
	var res Result
	if err := a.dropReject(u.Path); err != nil {
		return res, err
	}
	art := u.Article
	old, ok, err := a.byPath(u.Path)
	if err != nil {
		return res, err
	}
	if ok {
		return a.update(old, u)
	}

	// A new path: the same bytes seen before under a removed path are the
	// same article, moved.
	var t row
	err = sql.ErrNoRows
	if a.anyTombstone {
		err = a.queryRow(qFindTombstone, u.Hash[:]).
			Scan(&t.id, &t.slug, &t.firstSeen, &t.published, &t.upd)
	}
	switch {
	case err == nil:
		if _, err := a.exec(qDeleteTombstone, t.id); err != nil {
			return res, err
		}
		// Claiming a slug drops tombstones that hold it, so this cannot
		// be taken; were it ever, a new identity beats a batch that
		// fails at every scan.
		if taken, err := a.slugTaken(t.slug); err != nil {
			return res, err
		} else if taken {
			if t, err = a.fresh(u); err != nil {
				return res, err
			}
		}
	case errors.Is(err, sql.ErrNoRows):
		if t, err = a.fresh(u); err != nil {
			return res, err
		}
	default:
		return res, err
	}
	rec, err := a.record(art)
	if err != nil {
		return res, err
	}
	if _, err := a.exec(qInsertArticle,
		t.id, t.slug, u.Path, u.Hash[:], u.ModTime.UnixNano(), u.Size, t.firstSeen,
		t.published, t.upd, art.Draft, rec, art.Title, art.Summary, art.Author, u.ParsedBy); err != nil {
		return res, err
	}
	if err := a.setLabels(t.id, t.published, art, false); err != nil {
		return res, err
	}
	a.claimed(u.Path, t.slug)
	res.Inserted = 1
	res.Changed = !art.Draft
	return res, nil
}

// record encodes art into the transaction's buffer: the driver copies a
// blob when it binds it, so one buffer serves every row.
func (a *applier) record(art *article.Article) ([]byte, error) {
	rec, err := encodeArticle(a.rec[:0], art)
	if err != nil {
		return nil, err
	}
	a.rec = rec
	return rec, nil
}

func (a *applier) slugTaken(slug string) (bool, error) {
	if taken, ok := a.slugs[slug]; ok {
		return taken, nil
	}
	var one int
	err := a.queryRow(qSlugTaken, slug).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// fresh gives a never-seen article its identity: a free slug, the id built
// from it and today's date, and its dates.
func (a *applier) fresh(u Upsert) (row, error) {
	art := u.Article
	base := baseSlug(art.Slug, u.Path)
	var slug string
	for n := 1; ; n++ {
		slug = nthSlug(base, n)
		taken, err := a.slugTaken(slug)
		if err != nil {
			return row{}, err
		}
		if !taken {
			break
		}
	}
	// The slug is now this article's: a tombstone holding it can no longer
	// come back under it.
	id := tagID(a.host, a.at, slug)
	if a.anyTombstone {
		if _, err := a.exec(qFreeSlug, slug, id); err != nil {
			return row{}, err
		}
	}
	pub := a.at
	if art.Published != nil {
		pub = art.Published.UTC().Truncate(time.Second)
	}
	upd := a.at
	if art.Updated != nil && art.Updated.After(upd) {
		upd = art.Updated.UTC().Truncate(time.Second)
	}
	if pub.After(upd) {
		upd = pub
	}
	return row{id: id, slug: slug, firstSeen: secs(a.at), published: secs(pub), upd: secs(upd)}, nil
}

// update applies new bytes (or a new draft state, or a new normalizer's
// reading of the same bytes) to an existing article: id, slug and
// first_seen never change; published only when a draft is first made
// public; updated only when the bytes change.
func (a *applier) update(old row, u Upsert) (Result, error) {
	var res Result
	art := u.Article
	// Whatever happens, the prefetched row of this path is out of date.
	delete(a.paths, u.Path)
	sameBytes := string(old.hash) == string(u.Hash[:])
	if sameBytes && old.draft == art.Draft && old.parsedBy == u.ParsedBy {
		_, err := a.exec(qTouchArticle,
			u.ModTime.UnixNano(), u.Size, u.Path)
		res.Touched = 1
		return res, err
	}
	pub := fromSecs(old.published)
	upd := nextUpdated(fromSecs(old.upd), a.at, art.Updated)
	refresh := sameBytes && old.parsedBy != u.ParsedBy
	if refresh {
		// The writer changed nothing: a better reading of the same text
		// mends the item in place, it is neither new nor re-dated.
		upd = fromSecs(old.upd)
	}
	if old.draft && !art.Draft {
		pub = a.at
		if art.Published != nil {
			pub = art.Published.UTC().Truncate(time.Second)
		}
	}
	if pub.After(upd) {
		upd = pub
	}
	rec, err := a.record(art)
	if err != nil {
		return res, err
	}
	if refresh && old.draft == art.Draft {
		// Most articles read again come out as they were: the feeds
		// need not be rendered again for them.
		var (
			prev                  []byte
			title, summary, names string
		)
		if err := a.queryRow(qRecordByPath, u.Path).Scan(&prev, &title, &summary, &names); err != nil {
			return res, err
		}
		if bytes.Equal(prev, rec) && title == art.Title && summary == art.Summary && names == art.Author {
			_, err := a.exec(qStampArticle, u.ModTime.UnixNano(), u.Size, u.ParsedBy, u.Path)
			res.Touched = 1
			return res, err
		}
	}
	if _, err := a.exec(qUpdateArticle,
		u.Hash[:], u.ModTime.UnixNano(), u.Size, secs(pub), secs(upd), art.Draft, rec,
		art.Title, art.Summary, art.Author, u.ParsedBy, u.Path); err != nil {
		return res, err
	}
	if err := a.setLabels(old.id, secs(pub), art, true); err != nil {
		return res, err
	}
	if refresh {
		res.Refreshed = 1
	} else {
		res.Updated = 1
	}
	res.Changed = !(old.draft && art.Draft)
	return res, nil
}
