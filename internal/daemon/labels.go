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

// labelSet is what a snapshot knows of tags and authors.
type labelSet struct {
	all       map[string]pages.LabelRef // by server.LabelKey
	indexTags []pages.LabelRef          // the index's, most used first
	listKeys  map[string]string         // by section: a hash of its labels
}

// snapshotLabels reads every tag and author that has articles, for the
// snapshot's list, the tags the index lists, and a key per section that
// changes whenever any of its labels does.
func snapshotLabels(ctx context.Context, st *store.Store) (labelSet, error) {
	set := labelSet{all: map[string]pages.LabelRef{}, listKeys: map[string]string{}}
	for _, section := range []string{pages.SectionTags, pages.SectionAuthors} {
		ls, err := st.Labels(ctx, labelKind(section))
		if err != nil {
			return labelSet{}, fmt.Errorf("render: %w", err)
		}
		h := sha256.New()
		for _, l := range ls {
			ref := pages.LabelRef{Section: section, Slug: l.Slug, Name: l.Name, Count: l.Count, Version: l.Version}
			set.all[server.LabelKey(section, l.Slug)] = ref
			if section == pages.SectionTags {
				set.indexTags = append(set.indexTags, ref)
			}
			fmt.Fprintf(h, "%q %q %d %d\n", l.Slug, l.Name, l.Count, l.Version)
		}
		set.listKeys[section] = hex.EncodeToString(h.Sum(nil)[:12])
	}
	slices.SortStableFunc(set.indexTags, func(a, b pages.LabelRef) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Slug, b.Slug))
	})
	if len(set.indexTags) > maxIndexTags {
		set.indexTags = set.indexTags[:maxIndexTags]
	}
	return set, nil
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
	// Rendered on demand, a label's feeds are never announced to a
	// WebSub hub: advertising one would have readers wait for pings
	// that never come, so they poll these instead.
	meta.Hubs = nil
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
