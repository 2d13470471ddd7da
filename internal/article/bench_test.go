package article

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/corpus"
	"seedfeed/internal/longtest"
)

// benchOptions fix the reference time, so that the work is the same on
// every run.
var benchRef = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// genPage makes a whole-page scrape of about size bytes: a navigation
// menu, a headline, byline and date, the article, then related links, a
// comment section and a footer, one element per line as a naive scraper
// writes them.
func genPage(size int) []byte {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for _, l := range strings.Fields("Home News World Business Sport Culture Opinion Weather Podcasts Video Subscribe Search Menu") {
		b.WriteString(l + "\n\n")
	}
	title, paras := genArticle(r, 1)
	b.WriteString(title + "\n\nBy Jane Roe | Updated: March 3, 2024, 14:05 IST\n\n")
	b.WriteString("Residents at the harbour at dusk. (Photo: Jane Roe/AP)\n\n")
	b.WriteString("LISBON, March 2 (Reuters) - " + paras[0] + "\n\n")
	footer := 6 << 10
	for b.Len() < size-footer {
		_, ps := genArticle(r, 1)
		b.WriteString(ps[0] + "\n\n")
		if r.IntN(8) == 0 {
			b.WriteString("Advertisement\n\n")
		}
	}
	b.WriteString("Share this:\n\nFacebook\n\nTwitter\n\nRelated stories\n\n")
	for b.Len() < size-footer/2 {
		t, _ := genArticle(r, 0)
		b.WriteString(t + "\n\n")
	}
	b.WriteString("Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n")
	for b.Len() < size {
		b.WriteString("Privacy Policy\n\nTerms of Use\n\nContact us\n\n© 2026 The Example Gazette. All rights reserved.\n\n")
	}
	return []byte(b.String())
}

// genText makes a clean plain-text article of about size bytes.
func genText(size int) []byte {
	r := rand.New(rand.NewPCG(5, 6))
	title, paras := genArticle(r, 1)
	var b strings.Builder
	b.WriteString(title + "\n\nBy Jane Roe\n\nOSLO, Jan. 5 (NTB) - " + paras[0] + "\n\n")
	for b.Len() < size {
		_, ps := genArticle(r, 1)
		b.WriteString(ps[0] + "\n\n")
	}
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	type input struct {
		name, file string
		data       []byte
	}
	inputs := []input{
		{"text_10KB", "a.txt", genText(10 << 10)},
		{"text_1MB", "a.txt", genText(1 << 20)},
		{"page_100KB", "a.txt", genPage(100 << 10)},
		// 20,000 footnotes, which once took seconds (lookups in a list,
		// marks put back by a Replace each), against as many plain
		// paragraphs.
		{"notes_20k.adoc", "a.adoc", genNotes("= Notes\n\n", "w footnote:[n%d] ", "", 20000)},
		{"notes_20k.org", "a.org", genNotes("#+TITLE: Notes\n\n", "w[fn:: n%d] w[fn:%[1]d]", "[fn:%d] t\n", 20000)},
		{"notes_20k.rst", "a.rst", genNotes("Notes\n=====\n\n", "w [#]_ ", ".. [#] t%d\n", 20000)},
		{"paragraphs_20k.adoc", "a.adoc", genNotes("= Notes\n\n", "", "w n%d.\n\n", 20000)},
		// 50,000 link openers that never close, on one line: goldmark
		// alone took 18 s over these 200 KB (guardMarkdown).
		{"unclosed_links.md", "a.md", []byte("# Notes\n\n" + strings.Repeat("[a](", 50000) + "\n")},
		// Lists opened 1,000 deep on each line (mdguard.go).
		{"nested_lists.md", "a.md", []byte("# Notes\n\n" + strings.Repeat(strings.Repeat("- ", 1000)+"x\n", 100))},
	}
	if seed, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_1178a884c474d702.txt")); err == nil {
		inputs = append(inputs, input{"shared_seed", "seed.txt", seed})
	}
	for _, name := range []string{"front_matter.md", "article.html", "pelican_post.md", "field_notes.rst", "harbour_log.adoc", "seal_count.org"} {
		data, err := os.ReadFile(filepath.Join("testdata", "golden", name))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, input{name, name, data})
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(in.file, in.data, Options{Ref: benchRef}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseCorpus parses 200 articles of the generated benchmark
// corpus per iteration: the cold-start workload, with its mix of sizes
// and boilerplate, rather than one large file.
func BenchmarkParseCorpus(b *testing.B) {
	var names []string
	var datas [][]byte
	var total int64
	err := corpus.Generate(200, 1, func(a corpus.Article) error {
		names = append(names, a.Name)
		datas = append(datas, a.Data)
		total += int64(len(a.Data))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range datas {
			if _, err := Parse(names[i], d, Options{Ref: benchRef}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestHugeInputIsBounded parses a million-line file: every stage must be
// linear, or this takes minutes instead of about a second.
func TestHugeInputIsBounded(t *testing.T) {
	longtest.Skip(t, "a million-line input")
	if testing.Short() {
		t.Skip("large input skipped in -short mode")
	}
	var b strings.Builder
	b.WriteString("A headline for a very long file\n\n")
	for i := range 1_000_000 {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "The council met again on day %d and agreed to keep the harbour open.\n", i)
		case 1:
			b.WriteString("Share this:\n")
		case 2:
			b.WriteString("\n")
		default:
			b.WriteString("Officials said the work would continue through the winter and into spring.\n")
		}
	}
	data := []byte(b.String())
	start := time.Now()
	a, err := Parse("huge.txt", data, Options{Ref: benchRef})
	d := time.Since(start)
	t.Logf("%d bytes, 1,000,000 lines in %v", len(data), d)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.BodyParagraphs) == 0 {
		t.Fatal("no body")
	}
	// Generous for a shared, loaded machine; quadratic behaviour would
	// be hours. The race detector's slowdown is allowed for.
	limit := 30 * time.Second
	if raceEnabled {
		limit *= 10
	}
	if d > limit {
		t.Errorf("took %v", d)
	}
}

// genNotes is head, a paragraph of n references (ref, formatted with
// the note's number when it has a verb), and n lines of def after it.
func genNotes(head, ref, def string, n int) []byte {
	var b bytes.Buffer
	b.WriteString(head)
	line := func(format string, i int) {
		if strings.Contains(format, "%") {
			fmt.Fprintf(&b, format, i)
		} else {
			b.WriteString(format)
		}
	}
	for i := range n {
		line(ref, i)
	}
	b.WriteString("\n\n")
	for i := range n {
		line(def, i)
	}
	return b.Bytes()
}
