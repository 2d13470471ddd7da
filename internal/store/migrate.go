package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// migrations[i] brings the schema from version i to i+1 (PRAGMA
// user_version). Never edit a released step: append a new one, and extend
// the migration tests with a fixture for the version it leaves behind.
var migrations = []string{
	// 1: the articles, with identities fixed at first sight.
	`CREATE TABLE articles (
		seq        INTEGER PRIMARY KEY,
		id         TEXT    NOT NULL UNIQUE,
		slug       TEXT    NOT NULL UNIQUE,
		path       TEXT    NOT NULL UNIQUE,
		hash       BLOB    NOT NULL,
		mtime_ns   INTEGER NOT NULL,
		size       INTEGER NOT NULL,
		first_seen INTEGER NOT NULL,
		published  INTEGER NOT NULL,
		updated    INTEGER NOT NULL,
		draft      INTEGER NOT NULL DEFAULT 0,
		article    TEXT    NOT NULL
	) STRICT;
	CREATE INDEX articles_published ON articles (published DESC, id);`,

	// 2: files that could not be published, so a rescan neither re-reads
	// nor re-logs them until they change.
	`CREATE TABLE rejected_files (
		path     TEXT    PRIMARY KEY,
		mtime_ns INTEGER NOT NULL,
		size     INTEGER NOT NULL,
		hash     BLOB    NOT NULL,
		reason   TEXT    NOT NULL,
		seen_at  INTEGER NOT NULL
	) STRICT;`,

	// 3: the columns a feed listing needs, out of the JSON, and an index
	// that serves "newest published first" without visiting drafts.
	`ALTER TABLE articles ADD COLUMN title   TEXT NOT NULL DEFAULT '';
	ALTER TABLE articles ADD COLUMN summary TEXT NOT NULL DEFAULT '';
	ALTER TABLE articles ADD COLUMN author  TEXT NOT NULL DEFAULT '';
	UPDATE articles SET
		title   = coalesce(json_extract(article, '$.title'), ''),
		summary = coalesce(json_extract(article, '$.summary'), ''),
		author  = coalesce(json_extract(article, '$.author'), '');
	DROP INDEX articles_published;
	CREATE INDEX articles_feed ON articles (published DESC, id) WHERE draft = 0;`,

	// 4: tombstones, so a file that leaves and comes back with the same
	// bytes (a move in two steps, a restore from backup) keeps its id.
	`CREATE TABLE removed_articles (
		id         TEXT    PRIMARY KEY,
		slug       TEXT    NOT NULL,
		hash       BLOB    NOT NULL,
		first_seen INTEGER NOT NULL,
		published  INTEGER NOT NULL,
		updated    INTEGER NOT NULL,
		removed_at INTEGER NOT NULL
	) STRICT;
	CREATE INDEX removed_articles_hash ON removed_articles (hash, removed_at);
	CREATE INDEX removed_articles_slug ON removed_articles (slug);`,

	// 5: articles written from now on keep a compact binary record
	// (codec.go) instead of JSON in article, which they leave empty. Rows
	// of earlier versions keep their JSON and are read as before.
	`ALTER TABLE articles ADD COLUMN record BLOB;`,

	// 6: every published article's tags and authors by slug (labels.go),
	// so that a tag's newest articles are read from an index instead of
	// from every record; how many articles use each written form, so that
	// listing thousands of labels reads one row each; and a version per
	// label that changes whenever its articles do, so that rendered
	// labels are cached across snapshots. Filled from the existing rows
	// by fillLabels in the same transaction.
	`CREATE TABLE article_labels (
		kind      INTEGER NOT NULL,
		slug      TEXT    NOT NULL,
		published INTEGER NOT NULL,
		id        TEXT    NOT NULL,
		name      TEXT    NOT NULL,
		PRIMARY KEY (kind, slug, published DESC, id)
	) STRICT, WITHOUT ROWID;
	CREATE INDEX article_labels_id ON article_labels (id);
	CREATE TABLE label_counts (
		kind  INTEGER NOT NULL,
		slug  TEXT    NOT NULL,
		name  TEXT    NOT NULL,
		count INTEGER NOT NULL,
		PRIMARY KEY (kind, slug, name)
	) STRICT, WITHOUT ROWID;
	CREATE TABLE label_versions (
		kind    INTEGER NOT NULL,
		slug    TEXT    NOT NULL,
		version INTEGER NOT NULL,
		PRIMARY KEY (kind, slug)
	) STRICT, WITHOUT ROWID;`,
}

// migrationFills[i] runs after migrations[i], in its transaction, for
// what SQL alone cannot compute from the rows it finds.
var migrationFills = map[int]func(ctx context.Context, tx *sql.Tx) error{
	5: fillLabels,
}

// SchemaVersion is the schema this build writes.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	version, err := schemaVersion(ctx, s.wdb)
	if err != nil {
		return err
	}
	if version == 0 {
		// Articles are 5–20 KB of JSON: larger pages mean shorter
		// overflow chains and fewer WAL frames. Only an empty file can
		// take it, and only before WAL mode.
		if _, err := s.wdb.ExecContext(ctx, "PRAGMA page_size = 16384"); err != nil {
			return classify(err)
		}
	}
	// WAL lets the HTTP side read while a scan writes. It is a property
	// of the file, kept across restarts.
	var mode string
	if err := s.wdb.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return classify(err)
	}
	if mode != "wal" {
		return fmt.Errorf("%w: cannot switch to WAL mode (journal_mode is %q)", ErrReadOnly, mode)
	}
	return migrateTo(ctx, s.wdb, len(migrations))
}

// migrateTo applies migrations up to version target, each in its own
// transaction together with the version bump, so an interrupted upgrade
// resumes where it stopped.
func migrateTo(ctx context.Context, db *sql.DB, target int) error {
	version, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	for v := version; v < target; v++ {
		if err := migrateStep(ctx, db, v); err != nil {
			return fmt.Errorf("migrate schema %d→%d: %w", v, v+1, classify(err))
		}
	}
	return nil
}

func migrateStep(ctx context.Context, db *sql.DB, from int) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreDone(tx.Rollback()))
		}
	}()
	// Another process may have migrated while we waited for the lock.
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v != from {
		return tx.Rollback()
	}
	if from == 0 {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, migrations[from]); err != nil {
		return err
	}
	if fill := migrationFills[from]; fill != nil {
		if err := fill(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", from+1)); err != nil {
		return err
	}
	return tx.Commit()
}

// schemaVersion reads the version and checks, before anything is written,
// that the file is a healthy seedfeed database (or a new, empty one).
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var version, appID, objects int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, classify(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return 0, classify(err)
	}
	// Reading the schema parses every CREATE statement: a damaged first
	// page or schema table shows up here rather than at the first write.
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return 0, classify(err)
	}
	switch {
	case appID != 0 && appID != applicationID:
		return 0, fmt.Errorf("%w: application_id is %#x; point state.path at a new file", ErrForeign, appID)
	case appID == 0 && (version != 0 || objects != 0):
		return 0, fmt.Errorf("%w: it already holds %d tables or indexes; point state.path at a new file", ErrForeign, objects)
	case version > len(migrations):
		return 0, fmt.Errorf("%w: file has schema version %d, this seedfeed knows up to %d: run a newer seedfeed, or point state.path at another file", ErrNewerSchema, version, len(migrations))
	}
	return version, nil
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}
