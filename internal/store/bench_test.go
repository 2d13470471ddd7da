package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/corpus"
)

// benchPool is the number of distinct article bodies the write benchmarks
// cycle through: enough for realistic sizes (corpus articles, 2–8 KB)
// without holding N articles in memory.
const benchPool = 256

// benchBatch is the scanner's default transaction size.
const benchBatch = 256

// benchArticles builds benchPool articles shaped like a parsed corpus
// file, without running the parser (that is article's benchmark).
func benchArticles(b *testing.B) []article.Article {
	b.Helper()
	var out []article.Article
	err := corpus.Generate(benchPool, 7, func(c corpus.Article) error {
		paras := strings.Split(strings.TrimSpace(string(c.Data)), "\n\n")
		body := paras[min(2, len(paras)-1):]
		var h strings.Builder
		for _, p := range body {
			h.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
		year := c.Date.Year()
		pub := c.Date
		out = append(out, article.Article{
			Title:          c.Title,
			Subtitle:       "A subtitle of about ten words that sums up the story",
			Author:         "Our Special Correspondent",
			Dateline:       &article.Dateline{Place: "Mumbai", DateText: c.Date.Format("January 2"), Month: int(c.Date.Month()), Day: c.Date.Day(), Year: &year},
			Published:      &pub,
			Images:         []article.Image{{Caption: "Residents gather outside the secretariat", Credit: "PTI"}},
			BodyParagraphs: body,
			BodyHTML:       h.String(),
			Summary:        body[0][:min(200, len(body[0]))],
			Removed:        map[string][]string{"share_widget": {"Spread the love"}, "comment_form": {"Leave a Reply"}},
		})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// benchUpserts fills ups with articles [from, from+len(ups)) of a cold
// start: distinct paths and bytes, and every 50th article sharing the
// title (so the slug) of the one before, as same-day wire stories do.
func benchUpserts(pool []article.Article, arts []article.Article, ups []Upsert, from int) {
	for k := range ups {
		i := from + k
		arts[k] = pool[i%len(pool)]
		t := i
		if i%50 == 49 {
			t = i - 1
		}
		arts[k].Title = fmt.Sprintf("%s %d", pool[t%len(pool)].Title, t)
		arts[k].Slug = cleanSlug(arts[k].Title)
		var h Hash
		binary.LittleEndian.PutUint64(h[:], uint64(i))
		h = sha256.Sum256(h[:])
		ups[k] = Upsert{Path: fmt.Sprintf("2026/%06d.txt", i), Hash: h, ModTime: t0.Add(time.Duration(i) * time.Second), Size: int64(len(arts[k].BodyHTML)), Article: &arts[k]}
	}
}

// BenchmarkApplyCold writes N new articles into an empty database in
// transactions of benchBatch, as a cold scan does: the write side alone.
// It runs in both passes of TestMain, named by backend, so one
// `go test -bench` prints SQLite and PostgreSQL side by side.
func BenchmarkApplyCold(b *testing.B) {
	pool := benchArticles(b)
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("%s/N=%d", testBackend, n), func(b *testing.B) {
			arts := make([]article.Article, benchBatch)
			ups := make([]Upsert, benchBatch)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				s, err := Open(context.Background(), testLocation(b, filepath.Join(b.TempDir(), fmt.Sprintf("cold%d.db", i))), testHost)
				if err != nil {
					b.Fatal(err)
				}
				for from := 0; from < n; from += benchBatch {
					batch := ups[:min(benchBatch, n-from)]
					benchUpserts(pool, arts, batch, from)
					b.StartTimer()
					res, err := s.Apply(context.Background(), Changes{At: t0, Upserts: batch})
					b.StopTimer()
					if err != nil || res.Inserted != len(batch) {
						b.Fatalf("Apply: %+v, %v", res, err)
					}
				}
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
		})
	}
}

// BenchmarkFilesUnchanged reads what the store knows of every file, the
// database's share of a rescan that finds nothing changed, at N articles.
func BenchmarkFilesUnchanged(b *testing.B) {
	pool := benchArticles(b)
	for _, n := range []int{10000} {
		b.Run(fmt.Sprintf("%s/N=%d", testBackend, n), func(b *testing.B) {
			s, err := Open(context.Background(), testLocation(b, filepath.Join(b.TempDir(), "files.db")), testHost)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			arts := make([]article.Article, benchBatch)
			ups := make([]Upsert, benchBatch)
			for from := 0; from < n; from += benchBatch {
				batch := ups[:min(benchBatch, n-from)]
				benchUpserts(pool, arts, batch, from)
				if _, err := s.Apply(context.Background(), Changes{At: t0, Upserts: batch}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				files, err := s.Files(context.Background())
				if err != nil || len(files) != n {
					b.Fatalf("Files: %d, %v", len(files), err)
				}
			}
		})
	}
}
