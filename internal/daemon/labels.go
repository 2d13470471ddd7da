package daemon

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// maxIndexTags bounds the tags the index page lists, the most used first;
// every tag still has its page.
const maxIndexTags = 60

func labelKind(section string) store.LabelKind {
	if section == pages.SectionAuthors {
		return store.LabelAuthor
	}
	return store.LabelTag
}

// snapshotLabels reads every tag and author that has articles, for the
// snapshot's list (by server.LabelKey), and the tags the index lists.
func snapshotLabels(ctx context.Context, st *store.Store) (map[string]pages.LabelRef, []pages.LabelRef, error) {
	all := map[string]pages.LabelRef{}
	var tags []pages.LabelRef
	for _, section := range []string{pages.SectionTags, pages.SectionAuthors} {
		ls, err := st.Labels(ctx, labelKind(section))
		if err != nil {
			return nil, nil, fmt.Errorf("render: %w", err)
		}
		for _, l := range ls {
			ref := pages.LabelRef{Section: section, Slug: l.Slug, Name: l.Name, Count: l.Count, Version: l.Version}
			all[server.LabelKey(section, l.Slug)] = ref
			if section == pages.SectionTags {
				tags = append(tags, ref)
			}
		}
	}
	slices.SortStableFunc(tags, func(a, b pages.LabelRef) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Slug, b.Slug))
	})
	if len(tags) > maxIndexTags {
		tags = tags[:maxIndexTags]
	}
	return all, tags, nil
}

// labelStamp names the configuration a label's rendering depends on
// besides its articles, so that the server's cache of rendered labels
// is not reused after a reload that changes what they look like.
func labelStamp(cfg config.Config) string {
	h := sha256.New()
	site := siteInfo(cfg)
	fmt.Fprintf(h, "%#v\n%q\n", feedMeta(cfg), []string{site.Title, site.Subtitle, site.Author, site.Language, site.BaseURL, site.Icon})
	if site.Location != nil {
		fmt.Fprintf(h, "%q\n", site.Location.String())
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// labelSource renders a tag's or an author's page and feeds from the
// store, for the server to cache, with the configuration in force (a
// reload may change it).
type labelSource struct {
	st  *store.Store
	cfg func() config.Config
}

func (s labelSource) LabelDocs(ctx context.Context, l pages.LabelRef) (server.LabelDocs, error) {
	return renderLabel(ctx, s.st, s.cfg(), l)
}

// renderLabel renders the newest feed.items articles of a label as its
// three feeds and its page. Like BuildSnapshot, it depends only on the
// stored articles and cfg.
func renderLabel(ctx context.Context, st *store.Store, cfg config.Config, l pages.LabelRef) (server.LabelDocs, error) {
	recs, err := st.LatestLabelled(ctx, labelKind(l.Section), l.Slug, cfg.Feed.Items)
	if err != nil {
		return nil, fmt.Errorf("render %s/%s: %w", l.Section, l.Slug, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: %s/%s", server.ErrNotFound, l.Section, l.Slug)
	}
	items := make([]feed.Item, len(recs))
	entries := make([]pages.Entry, len(recs))
	lastMod := time.Unix(0, 0).UTC()
	for i, r := range recs {
		items[i] = feedItem(r)
		entries[i] = entry(r)
		if r.Updated.After(lastMod) {
			lastMod = r.Updated
		}
	}
	meta := feedMeta(cfg)
	meta.Dir = feed.LabelDir(l.Section, l.Slug)
	meta.Title = l.Name
	if cfg.Site.Title != "" {
		meta.Title = cfg.Site.Title + ": " + l.Name
	}
	docs, err := feed.Render(meta, items)
	if err != nil {
		return nil, fmt.Errorf("render %s feeds: %w", meta.Dir, err)
	}
	page, err := pages.LabelPage(siteInfo(cfg), l, entries)
	if err != nil {
		return nil, fmt.Errorf("render %s page: %w", meta.Dir, err)
	}
	out := server.LabelDocs{
		server.LabelPage: {Body: page, ContentType: "text/html; charset=utf-8", LastMod: lastMod},
	}
	for _, doc := range []string{server.LabelAtom, server.LabelRSS, server.LabelJSON} {
		body, ok := docs[meta.Dir+doc]
		if !ok {
			return nil, fmt.Errorf("render %s: no %s", meta.Dir, doc)
		}
		out[doc] = server.LabelDoc{Body: body, ContentType: feed.ContentType(doc), LastMod: lastMod}
	}
	return out, nil
}

// writeLabels renders and writes every label of snap, on all cores.
func writeLabels(ctx context.Context, st *store.Store, cfg config.Config, w *server.StaticWriter, snap *server.Snapshot) (int, error) {
	refs := make([]pages.LabelRef, 0, len(snap.Labels))
	for _, l := range snap.Labels {
		refs = append(refs, l)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan pages.LabelRef)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for l := range next {
				docs, err := renderLabel(ctx, st, cfg, l)
				if err == nil {
					err = w.WriteLabel(l, docs)
				}
				if err != nil {
					cancel(err)
				}
			}
		})
	}
	for _, l := range refs {
		select {
		case next <- l:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return 0, cause
	}
	return len(refs), nil
}
