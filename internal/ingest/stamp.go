package ingest

import (
	"fmt"
	"hash/fnv"

	"seedfeed/internal/article"
)

// parseStamp names the normalizer version and the options a scan reads
// files with, all but Ref, which is each file's own mtime. The store
// keeps it with each article and reject, and a file kept under another
// stamp is read again though its bytes have not changed: a new seedfeed,
// base_url, timezone or language then reaches what is already published.
// Never 0, which marks rows from before stamps were kept.
func parseStamp(version int, o article.Options) int64 {
	loc := "UTC"
	if o.Location != nil {
		loc = o.Location.String()
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s\x00%s", version, o.BaseURL, o.FilesURL, loc, o.Language)
	if v := int64(h.Sum64()); v != 0 {
		return v
	}
	return 1
}
