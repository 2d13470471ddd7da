package daemon

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/pages"
	"seedfeed/internal/server"
	"seedfeed/internal/store"
)

// Sizes of the label benchmark: the large site.
const (
	benchArticles = 100_000
	benchTags     = 5_000
	benchAuthors  = 2_000
)

// skewed picks one of n with a long tail, as tags are used: a few on
// thousands of articles, most on a handful.
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(float64(n) * u * u * u)
}

// fillLabelStore writes n synthetic articles of about 1.5 KB, each with
// three tags and one or two authors.
func fillLabelStore(tb testing.TB, st *store.Store, n int) {
	tb.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("harbour ferry council budget storm quay fish market pier tide dredging school road bus rain night crew engine")
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 1000
	for start := 0; start < n; start += batch * 10 {
		tx, err := st.Begin(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		for b := start; b < min(start+batch*10, n); b += batch {
			var ups []store.Upsert
			for i := b; i < min(b+batch, n); i++ {
				var para strings.Builder
				for range 220 {
					para.WriteString(words[r.IntN(len(words))])
					para.WriteByte(' ')
				}
				body := []string{para.String(), fmt.Sprintf("Article %d.", i)}
				pub := at.Add(time.Duration(i) * time.Minute)
				authors := []string{fmt.Sprintf("Author %d", skewed(r, benchAuthors))}
				if r.IntN(4) == 0 {
					authors = append(authors, fmt.Sprintf("Author %d", skewed(r, benchAuthors)))
				}
				a := &article.Article{
					Title:          fmt.Sprintf("Article %d about the %s", i, words[i%len(words)]),
					Authors:        authors,
					Author:         strings.Join(authors, ", "),
					Published:      &pub,
					BodyParagraphs: body,
					BodyHTML:       article.ParagraphsHTML(body),
					Summary:        body[0][:200],
					Slug:           fmt.Sprintf("article-%d", i),
					Tags:           []string{fmt.Sprintf("Tag %d", skewed(r, benchTags)), fmt.Sprintf("Tag %d", skewed(r, benchTags)), fmt.Sprintf("Tag %d", skewed(r, benchTags))},
				}
				ups = append(ups, store.Upsert{Path: fmt.Sprintf("a/%d.md", i), Hash: store.Hash{byte(i), byte(i >> 8), byte(i >> 16)}, ModTime: pub, Size: 1, Article: a})
			}
			if _, err := tx.Apply(store.Changes{At: at.Add(time.Duration(n) * time.Minute), Upserts: ups}); err != nil {
				tb.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			tb.Fatal(err)
		}
	}
}

func noLabels(context.Context, *store.Store) (labelSet, error) {
	return labelSet{}, nil
}

// heapMB is the live heap after a collection, in MB.
func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkLabels measures, on a store of 100,000 articles with 5,000
// tags and 2,000 authors, what labels cost a snapshot rebuild and what
// the alternatives would: the build before labels ("baseline"), the build
// that lists every label ("labels"), rendering one label on demand (a
// popular tag, a rare one) and rendering every label up front
// ("precompute-sample": 200 labels, to scale by the label count). Each
// pair runs alternately, five times, so a noisy machine hits both
// alike. heap-MB is the live heap with the result held.
//
//	go test -run '^$' -bench BenchmarkLabels -benchtime 20x ./internal/daemon/
func BenchmarkLabels(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	cfg := config.Default()
	cfg.Site.BaseURL = "https://news.example.org"
	cfg.State.Path = filepath.Join(dir, "state.db")
	st, err := store.Open(ctx, cfg.State.Path, cfg.Site.Host())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	fillStart := time.Now()
	fillLabelStore(b, st, benchArticles)
	b.Logf("filled %d articles in %v", benchArticles, time.Since(fillStart).Round(time.Millisecond))
	snap, err := BuildSnapshot(ctx, st, cfg)
	if err != nil {
		b.Fatal(err)
	}
	tags, authors := 0, 0
	var popular, rare pages.LabelRef
	for _, l := range snap.Labels {
		if l.Section == pages.SectionTags {
			tags++
			if l.Count > popular.Count {
				popular = l
			}
			if rare.Slug == "" || l.Count < rare.Count {
				rare = l
			}
		} else {
			authors++
		}
	}
	b.Logf("%d tags, %d authors; most used tag %q on %d articles, least used %q on %d", tags, authors, popular.Name, popular.Count, rare.Name, rare.Count)

	build := func(read labelReader) func(b *testing.B) {
		return func(b *testing.B) {
			var keep *server.Snapshot
			base := heapMB()
			for b.Loop() {
				s, _, err := buildSnapshot(ctx, st, cfg, snapshotOptions{maxArchive: -1, allIndexPages: true, readLabels: read})
				if err != nil {
					b.Fatal(err)
				}
				keep = s
			}
			b.ReportMetric(heapMB()-base, "heap-MB")
			runtime.KeepAlive(keep)
		}
	}
	onDemand := func(l pages.LabelRef) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				docs, err := renderLabel(ctx, st, cfg, l)
				if err != nil {
					b.Fatal(err)
				}
				for _, d := range docs {
					server.NewResource(d.Body, d.ContentType, d.LastMod)
				}
			}
		}
	}
	for range 5 {
		b.Run("baseline", build(noLabels))
		b.Run("labels", build(snapshotLabels))
		b.Run("list-labels-only", func(b *testing.B) {
			for b.Loop() {
				if _, err := snapshotLabels(ctx, st); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("ondemand-popular", onDemand(popular))
	b.Run("ondemand-rare", onDemand(rare))
	b.Run("precompute-sample", func(b *testing.B) {
		// Every label's resources held, as a snapshot holding them would.
		refs := make([]pages.LabelRef, 0, 200)
		for _, l := range snap.Labels {
			if len(refs) == cap(refs) {
				break
			}
			refs = append(refs, l)
		}
		var keep []*server.Resource
		base := heapMB()
		for b.Loop() {
			keep = keep[:0]
			for _, l := range refs {
				docs, err := renderLabel(ctx, st, cfg, l)
				if err != nil {
					b.Fatal(err)
				}
				for _, d := range docs {
					keep = append(keep, server.NewResource(d.Body, d.ContentType, d.LastMod))
				}
			}
		}
		b.ReportMetric(heapMB()-base, "heap-MB")
		b.ReportMetric(float64(len(snap.Labels))/float64(len(refs)), "scale-to-all")
		runtime.KeepAlive(keep)
	})
}
