package store

// The statements Apply runs, prepared once when the store opens. They are
// written once for both databases: ? placeholders (postgres.go numbers
// them), ON CONFLICT upserts, nothing SQLite- or PostgreSQL-only.
const (
	qInsertReject = `INSERT INTO rejected_files (path, mtime_ns, size, hash, reason, seen_at, parsed_by)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (path) DO UPDATE SET mtime_ns = excluded.mtime_ns, size = excluded.size,
				hash = excluded.hash, reason = excluded.reason, seen_at = excluded.seen_at,
				parsed_by = excluded.parsed_by`
	qByPath = `SELECT id, slug, hash, first_seen, published, updated, draft, parsed_by
		FROM articles WHERE path = ?`
	qDeleteReject = `DELETE FROM rejected_files WHERE path = ?`
	qTombstone    = `INSERT INTO removed_articles
		(id, slug, hash, first_seen, published, updated, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, hash = excluded.hash, first_seen = excluded.first_seen,
			published = excluded.published, updated = excluded.updated, removed_at = excluded.removed_at`
	qDeleteArticle = `DELETE FROM articles WHERE path = ?`
	qTouchReject   = `UPDATE rejected_files SET mtime_ns = ?, size = ? WHERE path = ?`
	qTouchArticle  = `UPDATE articles SET mtime_ns = ?, size = ? WHERE path = ?`
	qFindTombstone = `SELECT id, slug, first_seen, published, updated
		FROM removed_articles WHERE hash = ? ORDER BY removed_at DESC, id LIMIT 1`
	qDeleteTombstone = `DELETE FROM removed_articles WHERE id = ?`
	qInsertArticle   = `INSERT INTO articles (id, slug, path, hash, mtime_ns, size, first_seen,
		published, updated, draft, article, record, title, summary, author, parsed_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`
	qSlugTaken     = `SELECT 1 FROM articles WHERE slug = ?`
	qFreeSlug      = `DELETE FROM removed_articles WHERE slug = ? OR id = ?`
	qUpdateArticle = `UPDATE articles SET hash = ?, mtime_ns = ?, size = ?, published = ?, updated = ?,
		draft = ?, article = '', record = ?, title = ?, summary = ?, author = ?, parsed_by = ? WHERE path = ?`
	// The record a file's bytes were last normalized into, to tell
	// whether reading them again with a new normalizer changed anything.
	qRecordByPath = `SELECT record, title, summary, author FROM articles WHERE path = ?`
	// A file read again gave the same record: only the stamp moves.
	qStampArticle = `UPDATE articles SET mtime_ns = ?, size = ?, parsed_by = ? WHERE path = ?`
)

// Whether the tables a new article is checked against hold anything at
// all: on a cold start they do not, and the checks are skipped.
const (
	qAnyReject    = `SELECT EXISTS (SELECT 1 FROM rejected_files)`
	qAnyTombstone = `SELECT EXISTS (SELECT 1 FROM removed_articles)`
)

// lookupChunk is how many paths or slugs one prefetch query asks about;
// unused places are bound to NULL, which matches nothing.
const lookupChunk = 64

const inChunk = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
	?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// The identity of every path of a batch, and which of the slugs its new
// articles ask for are taken, each in one query per lookupChunk instead of
// one (or three) per article.
const (
	qPathsIn = `SELECT path, id, slug, hash, first_seen, published, updated, draft, parsed_by
		FROM articles WHERE path IN ` + inChunk
	qSlugsIn = `SELECT slug FROM articles WHERE slug IN ` + inChunk
)

var applyStatements = []string{qInsertReject, qByPath, qDeleteReject, qTombstone, qDeleteArticle, qTouchReject, qTouchArticle, qFindTombstone, qDeleteTombstone, qInsertArticle, qSlugTaken, qFreeSlug, qUpdateArticle,
	qRecordByPath, qStampArticle, qAnyReject, qAnyTombstone, qPathsIn, qSlugsIn}
