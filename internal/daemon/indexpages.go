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
// With an archive, every slot is in the key of its archive page (plans),
// so the key hashes those instead of every slot again (10 ms at 100,000
// articles).
func indexPagesKey(plans []archivePagePlan, slots []store.ArchiveSlot, size int, stamp string) string {
	h := sha256.New()
	var b []byte
	b = binary.AppendVarint(b, int64(size))
	b = append(b, stamp...)
	b = append(b, 0)
	h.Write(b)
	if len(plans) > 0 {
		for _, p := range plans {
			h.Write(p.key[:])
		}
		return hex.EncodeToString(h.Sum(nil)[:16])
	}
	for _, sl := range slots {
		b = b[:0]
		b = binary.AppendVarint(b, sl.Seq)
		b = append(b, sl.ID...)
		b = append(b, 0)
		b = append(b, sl.Slug...)
		b = append(b, 0)
		b = binary.AppendVarint(b, sl.Published.Unix())
		b = binary.AppendVarint(b, sl.Updated.Unix())
		b = append(b, sl.Hash[:]...)
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
