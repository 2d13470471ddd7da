package store

// The statements Apply runs, prepared once when the store opens.
const (
	qInsertReject = `INSERT INTO rejected_files (path, mtime_ns, size, hash, reason, seen_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (path) DO UPDATE SET mtime_ns = excluded.mtime_ns, size = excluded.size,
				hash = excluded.hash, reason = excluded.reason, seen_at = excluded.seen_at`
	qByPath = `SELECT id, slug, hash, first_seen, published, updated, draft
		FROM articles WHERE path = ?`
	qDeleteReject = `DELETE FROM rejected_files WHERE path = ?`
	qTombstone    = `INSERT OR REPLACE INTO removed_articles
		(id, slug, hash, first_seen, published, updated, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
	qDeleteArticle = `DELETE FROM articles WHERE path = ?`
	qTouchReject   = `UPDATE rejected_files SET mtime_ns = ?, size = ? WHERE path = ?`
	qTouchArticle  = `UPDATE articles SET mtime_ns = ?, size = ? WHERE path = ?`
	qFindTombstone = `SELECT id, slug, first_seen, published, updated
		FROM removed_articles WHERE hash = ? ORDER BY removed_at DESC, id LIMIT 1`
	qDeleteTombstone = `DELETE FROM removed_articles WHERE id = ?`
	qInsertArticle   = `INSERT INTO articles (id, slug, path, hash, mtime_ns, size, first_seen,
		published, updated, draft, article, title, summary, author)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	qSlugTaken     = `SELECT 1 FROM articles WHERE slug = ?`
	qFreeSlug      = `DELETE FROM removed_articles WHERE slug = ? OR id = ?`
	qUpdateArticle = `UPDATE articles SET hash = ?, mtime_ns = ?, size = ?, published = ?, updated = ?,
		draft = ?, article = ?, title = ?, summary = ?, author = ? WHERE path = ?`
)

var applyStatements = []string{qInsertReject, qByPath, qDeleteReject, qTombstone, qDeleteArticle, qTouchReject, qTouchArticle, qFindTombstone, qDeleteTombstone, qInsertArticle, qSlugTaken, qFreeSlug, qUpdateArticle}
