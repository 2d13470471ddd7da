package daemon

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"strings"
	"sync"
	"time"

	xhtml "golang.org/x/net/html"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
	"seedfeed/internal/version"
)

// feedTTL is the RSS <ttl>: how many minutes a reader may cache the feed.
const feedTTL = 15

// Generator names seedfeed in every feed it renders.
const Generator = "seedfeed " + version.Version

// siteInfo is the site as the HTML pages need it.
func siteInfo(cfg config.Config) pages.SiteInfo {
	return pages.SiteInfo{
		Title:    cfg.Site.Title,
		Author:   cfg.Site.Author,
		Language: cfg.Site.Language,
		BaseURL:  cfg.Site.BaseURL,
		Location: cfg.Site.Location,
		Icon:     siteImageURL(cfg, server.SiteIconName, cfg.Site.Icon),
	}
}

func feedMeta(cfg config.Config) feed.Meta {
	return feed.Meta{
		Title:       cfg.Site.Title,
		Author:      cfg.Site.Author,
		Language:    cfg.Site.Language,
		BaseURL:     cfg.Site.BaseURL,
		Generator:   Generator,
		TTL:         feedTTL,
		FullContent: cfg.Feed.FullContent,
		Stylesheet:  feed.PathStylesheet,
		Images:      feedSiteImages(cfg),
		Hubs:        cfg.WebSub.Hubs,
	}
}

// entry maps a stored article to what a list of articles shows of it,
// and its page but for the captions (articleEntry).
func entry(r store.Record) pages.Entry {
	a := r.Article
	e := pages.Entry{
		Slug:      r.Slug,
		Title:     a.Title,
		Subtitle:  a.Subtitle,
		Authors:   a.Authors,
		Author:    a.Author,
		Published: r.Published,
		Summary:   a.Summary,
		BodyHTML:  a.BodyHTML,
		Tags:      a.Tags,
	}
	// Pages say "updated" only after an edit: an article first seen after
	// its own date was published then, not changed.
	if r.Updated.After(r.FirstSeen) {
		e.Updated = r.Updated
	}
	if a.Dateline != nil {
		e.DatelinePlace = a.Dateline.Place
	}
	return e
}

// articleEntry is entry with the captions the article's page shows above
// its body, which the lists of articles do not show: working them out
// reads the body, which the index pages would do for every article.
func articleEntry(r store.Record) pages.Entry {
	e := entry(r)
	for _, img := range leadImages(r.Path, r.Article) {
		e.Images = append(e.Images, pages.Image{Caption: img.Caption, Credit: img.Credit})
	}
	return e
}

// leadImages are the pictures whose captions the page and the feeds show
// above the body: those the body does not show already. A text's
// captions leave its body; an HTML page keeps its figures, captions and
// all, and a Markdown file its pictures (their alt text) and the caption
// lines under them, which a figure above would repeat. path is the
// article's file: a text's body, made of its paragraphs, shows no
// caption, whatever words it shares with one ("Google", a logo's).
func leadImages(path string, a *article.Article) []article.Image {
	if article.FormatOf(path) == article.FormatText {
		return a.Images
	}
	var out []article.Image
	var text string // the body's text, read once when a caption needs it
	for _, img := range a.Images {
		c := img.Caption
		if c == "" {
			c = img.Credit // a credit alone is the figure's text
		}
		if c != "" && (strings.Contains(a.BodyHTML, html.EscapeString(c)) || strings.Contains(a.BodyHTML, textEscaper.Replace(c))) {
			continue
		}
		if c != "" {
			if text == "" {
				text = bodyText(a.BodyHTML)
			}
			if strings.Contains(text, strings.Join(strings.Fields(c), " ")) {
				continue // a caption set with markup inside ("<i>Alien</i> (pictured)")
			}
		}
		out = append(out, img)
	}
	return out
}

// bodyText is the text of an HTML body as one line: its text nodes run
// together as a reader sees them, whitespace collapsed, and the pictures'
// alt texts.
func bodyText(body string) string {
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(body))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			b.Write(z.Text())
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			for name, more := z.TagName(); more; {
				var key, val []byte
				key, val, more = z.TagAttr()
				if string(name) == "img" && string(key) == "alt" {
					b.WriteString(" ")
					b.Write(val)
					b.WriteString(" ")
				}
			}
		}
	}
}

// textEscaper escapes text as an HTML serializer writes a text node:
// only "&", "<" and ">" (html.EscapeString escapes quotes too).
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// feedItem maps a stored article to what the feeds show: the same pieces
// as its page, which the feed content lays out as the page does.
func feedItem(r store.Record) feed.Item {
	a := r.Article
	it := feed.Item{
		ID:          r.ID,
		Slug:        r.Slug,
		Title:       a.Title,
		Subtitle:    a.Subtitle,
		Summary:     a.Summary,
		Authors:     a.Authors,
		Author:      a.Author,
		ContentHTML: a.BodyHTML,
		Published:   r.Published,
		Updated:     r.Updated,
		Tags:        a.Tags,
	}
	if a.Dateline != nil {
		it.Dateline = a.Dateline.Place
	}
	for _, img := range leadImages(r.Path, a) {
		it.Figures = append(it.Figures, feed.Figure{Caption: img.Caption, Credit: img.Credit})
	}
	for _, p := range a.Pictures {
		// Type and size are not known without fetching the picture: the
		// feed derives the type from the file name when it can, and
		// gives no size.
		it.Pictures = append(it.Pictures, feed.Picture{URL: p.URL})
	}
	return it
}

// BuildSnapshot renders every feed and the index page from the newest
// articles in st. It reads the store and renders; it never touches the
// serving path. The result depends only on the stored articles and cfg, so
// a restart with nothing changed gives the same bytes and ETags.
//
// Besides the subscription feeds it holds the archived feed (archive.go)
// and every page of the HTML index.
func BuildSnapshot(ctx context.Context, st *store.Store, cfg config.Config) (*server.Snapshot, error) {
	snap, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{maxArchive: -1, allIndexPages: true})
	return snap, err
}

// snapshotOptions choose how much of the history a build renders. The
// daemon publishes in two steps when the history is long: first the feeds
// and the front page, which is what a new article waits for, then (if
// anything was left) the archive pages the cache lacks. It renders no
// older index page: the server does, on request; BuildSnapshot renders
// them all (allIndexPages).
type snapshotOptions struct {
	// cache holds archive pages from the last build (nil: none).
	cache *archiveCache
	// maxArchive is how many archive pages missing from the cache are
	// rendered; when more are missing none is, and the feeds still link
	// to them. Negative means no limit.
	maxArchive int
	// prev is the snapshot serving now (nil: none); a document whose
	// bytes it holds already keeps its resource.
	prev *server.Snapshot
	// allIndexPages renders every page of the HTML index into the
	// snapshot (BuildSnapshot, for build -out). Without it, as the
	// daemon builds, the snapshot holds the front page alone and an
	// IndexKey, and the server renders the older index pages on request
	// (indexpages.go).
	allIndexPages bool
	// kept is where a server without the seeds folder reads the icon and
	// logo files from: the copies the writer keeps in the database
	// (folderFS). nil on a server with the folder.
	kept fs.FS
	// readLabels reads the labels the snapshot lists; nil reads them
	// from the store (snapshotLabels). The benchmark of label costs
	// swaps in one reading none, which is the build before labels.
	readLabels labelReader
}

// labelReader reads the labels a snapshot lists.
type labelReader func(ctx context.Context, st *store.Store) (labelSet, error)

// buildSnapshot is BuildSnapshot with opts; it reports whether it left
// archive pages out that a build with no limit would render.
func buildSnapshot(ctx context.Context, st *store.Store, cfg config.Config, opts snapshotOptions) (*server.Snapshot, bool, error) {
	var stats archiveStats
	snap, err := renderSnapshot(ctx, st, cfg, opts, &stats)
	return snap, stats.deferred > 0, err
}

// renderSnapshot is buildSnapshot, reporting on the archive in stats.
func renderSnapshot(ctx context.Context, st *store.Store, cfg config.Config, opts snapshotOptions, stats *archiveStats) (*server.Snapshot, error) {
	slots, maxSeq, err := st.ArchiveSlots(ctx)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	meta := feedMeta(cfg)
	// Archive pages name no hubs, so a change of hubs leaves them as
	// they are.
	archiveMeta := meta
	archiveMeta.Hubs = nil
	plans := planArchive(slots, maxSeq, cfg.Feed.Items, fmt.Sprintf("%#v", archiveMeta))
	// Everything below describes the store as ArchiveSlots saw it: on a
	// replica the writer goes on writing, and a front page or count that
	// saw a newer article would disagree with the index pages the server
	// renders on demand up to maxSeq. ArchiveSlots gives one slot per
	// published article, so their number is the count.
	count := len(slots)
	recs, err := st.LatestAfter(ctx, 0, cfg.Feed.Items, maxSeq)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	site := siteInfo(cfg)
	items := make([]feed.Item, len(recs))
	entries := make([]pages.Entry, len(recs))
	// Last-Modified is the newest change among the items shown, never the
	// render time: replicas and restarts must agree.
	lastMod := time.Unix(0, 0).UTC()
	for i, r := range recs {
		items[i] = feedItem(r)
		entries[i] = entry(r)
		if r.Updated.After(lastMod) {
			lastMod = r.Updated
		}
	}
	// The labels are read, then the index pages (the front page lists
	// tags) and the feeds' pages for browsers render, and the archive,
	// while the feeds do.
	readLabels := opts.readLabels
	if readLabels == nil {
		readLabels = snapshotLabels
	}
	feedPagePaths := [...]string{feed.PathFeed, feed.PathAtom, feed.PathRSS}
	var (
		indexPages  map[string][]byte
		feedPages   [][]byte
		archive     map[string]*server.Resource
		labels      labelSet
		pageErr     error
		archiveErr  error
		archiveDone = make(chan struct{})
		pagesDone   = make(chan struct{})
	)
	go func() {
		defer close(pagesDone)
		if labels, pageErr = readLabels(ctx, st); pageErr != nil {
			return
		}
		site.Tags = labels.indexTags
		if opts.allIndexPages {
			indexPages, pageErr = buildIndexPages(ctx, st, site, cfg.Feed.Items)
		} else {
			indexPages, pageErr = frontPage(site, recs, count, cfg.Feed.Items)
		}
		if pageErr != nil {
			return
		}
		if feedPages, pageErr = pages.FeedPages(site, feedPagePaths[:], entries); pageErr != nil {
			pageErr = fmt.Errorf("render the feeds' pages for browsers: %w", pageErr)
		}
	}()
	go func() {
		defer close(archiveDone)
		archive, *stats, archiveErr = buildArchive(ctx, st, meta, plans, opts.cache, opts.maxArchive)
	}()
	docs, err := feed.RenderArchived(meta, items, feed.ArchivePosition{Prev: newestArchivePage(plans)})
	<-pagesDone
	<-archiveDone
	if err != nil {
		return nil, fmt.Errorf("render feeds: %w", err)
	}
	if pageErr != nil {
		return nil, pageErr
	}
	if archiveErr != nil {
		return nil, fmt.Errorf("render archive: %w", archiveErr)
	}
	type doc struct {
		path, contentType string
		body, page        []byte
		lastMod           time.Time
		res               *server.Resource
	}
	all := make([]doc, 0, len(docs)+2)
	for path, body := range docs {
		all = append(all, doc{path, feed.ContentType(path), body, nil, lastMod, nil})
	}
	for i, p := range feedPagePaths {
		for j := range all {
			if all[j].path == p {
				all[j].page = feedPages[i]
			}
		}
	}
	images, err := readSiteImages(cfg, opts.kept)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	iconPath := ""
	for _, im := range images {
		all = append(all, doc{im.path, im.contentType, im.body, nil, im.modTime, nil})
		if strings.HasPrefix(im.path, "/"+server.SiteIconName+".") {
			iconPath = im.path
		}
	}
	all = append(all,
		doc{server.PathStylesheet, feed.ContentType(feed.PathStylesheet), feed.Stylesheet(), nil, feed.StylesheetModified, nil})
	// Every index page changes when any article does (a new one moves
	// all others down a place), so they share the front page's date.
	for path, body := range indexPages {
		all = append(all, doc{path, "text/html; charset=utf-8", body, nil, lastMod, nil})
	}
	// Compressing at the best level is most of a rebuild, and it sits
	// between a new file and the feed that shows it: one goroutine per
	// document lets every core take a share.
	// A document whose bytes the snapshot serving now already holds keeps
	// its resource: most publishes change a few of them, and the second
	// step of a publish (the history) none of the feeds.
	var reuse map[string]*server.Resource
	if opts.prev != nil {
		reuse = opts.prev.Resources
	}
	var wg sync.WaitGroup
	for i := range all {
		wg.Go(func() {
			d := &all[i]
			links := feedLinkLines(cfg, d.path, d.contentType)
			if old := reuse[d.path]; old.Matches(d.body, d.contentType, d.page, d.lastMod, links) {
				d.res = old
				return
			}
			if strings.HasPrefix(d.path, "/page/") {
				// As the server renders them on request.
				d.res = server.NewResourceLevel(d.body, d.contentType, d.lastMod, server.IndexPageGzipLevel)
				return
			}
			d.res = server.NewFeedResourceWithLinks(d.body, d.contentType, d.page, d.lastMod, links)
		})
	}
	wg.Wait()
	snap := &server.Snapshot{Site: site, Articles: count, Labels: labels.all, LabelListKeys: labels.listKeys, LabelStamp: labelStamp(cfg), IconPath: iconPath, Resources: make(map[string]*server.Resource, len(all)+len(archive))}
	for _, d := range all {
		snap.Resources[d.path] = d.res
	}
	for path, res := range archive {
		snap.Resources[path] = res
	}
	if !opts.allIndexPages {
		snap.IndexKey, snap.IndexPageSize = indexPagesKey(plans, cfg.Feed.Items, snap.LabelStamp), cfg.Feed.Items
		snap.IndexMaxSeq = maxSeq
	}
	for _, p := range server.SnapshotPaths() {
		if snap.Resources[p] == nil {
			return nil, fmt.Errorf("render: nothing rendered for %s", p)
		}
	}
	return snap, nil
}

// SlugAt finds the published article read from a seeds-relative path,
// for links from one article to another's file (server.SourceLookup).
func (s articleSource) SlugAt(ctx context.Context, path string) (string, error) {
	slug, err := s.st.SlugAt(ctx, path)
	if errors.Is(err, store.ErrNotFound) {
		return "", fmt.Errorf("%w: %s", server.ErrNotFound, path)
	}
	return slug, err
}

// articleSource serves article pages from the store on demand.
type articleSource struct{ st *store.Store }

func (s articleSource) Article(ctx context.Context, slug string) (pages.Entry, error) {
	r, err := s.st.BySlug(ctx, slug)
	if errors.Is(err, store.ErrNotFound) {
		return pages.Entry{}, fmt.Errorf("%w: %s", server.ErrNotFound, slug)
	}
	if err != nil {
		return pages.Entry{}, err
	}
	return articleEntry(r), nil
}
