package daemon

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// The daemon's snapshots leave the older pages of the HTML index out
// (server/indexpages.go): every one of them changes when an article is
// added, so rendering them all took most of a rebuild on every server
// (docs/performance.md). indexPageSource renders one on request, from the
// store, with what the snapshot says of the index; `seedfeed build` still
// renders them all (buildIndexPages), to the same bytes.

// indexPageSource renders a page of the HTML index from the store.
type indexPageSource struct{ st *store.Store }

func (s indexPageSource) IndexPage(ctx context.Context, snap *server.Snapshot, n int) ([]byte, error) {
	return renderIndexPage(ctx, s.st, snap.Site, n, snap.Articles, snap.IndexPageSize, snap.IndexMaxSeq)
}

// renderIndexPage renders page n of the index of count published
// articles, size to a page, as buildIndexPages renders it: the articles
// in the order of store.Each, summaries only, none newer than maxSeq.
func renderIndexPage(ctx context.Context, st *store.Store, site pages.SiteInfo, n, count, size int, maxSeq int64) ([]byte, error) {
	size = max(size, 1)
	recs, err := st.LatestAfter(ctx, (n-1)*size, size, maxSeq)
	if err != nil {
		return nil, fmt.Errorf("render index page %d: %w", n, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: index page %d", server.ErrNotFound, n)
	}
	entries := make([]pages.Entry, len(recs))
	for i, r := range recs {
		entries[i] = entry(r)
		entries[i].BodyHTML = "" // as buildIndexPages
	}
	body, err := pages.IndexPage(site, entries, n, max(1, (count+size-1)/size))
	if err != nil {
		return nil, fmt.Errorf("render index page %d: %w", n, err)
	}
	return body, nil
}

// indexPagesKey names the state of every index page: the published
// articles (their order, identity and content, as their archive slots
// give them), the page size and the configuration the pages are rendered
// with (stamp, labelStamp). It changes whenever any page's bytes may.
// Every slot is in the key of its archive page (plans), so the key hashes
// those instead of every slot again (10 ms at 100,000 articles). Without
// plans the articles fit one archive range, so no more than size of them
// are published: the index is the front page alone, held in the
// snapshot, and no /page/N/ is served under this key.
func indexPagesKey(plans []archivePagePlan, size int, stamp string) string {
	h := sha256.New()
	var b []byte
	b = binary.AppendVarint(b, int64(size))
	b = append(b, stamp...)
	b = append(b, 0)
	h.Write(b)
	for _, p := range plans {
		h.Write(p.key[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
