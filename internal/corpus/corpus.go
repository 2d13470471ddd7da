// Package corpus generates scraped-news article files for benchmarks and
// load tests: the shape of the make-corpus script of the project's shared bench folder (title, repeated
// image caption with credit, "Spread the love", subtitle, byline, a
// "Place, Month Day:" dateline, 6–12 paragraphs, the comment-form footer),
// 2–8 KB each. The same (n, seed) gives the same names, bytes and
// modification times on every machine.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// End is the newest date an article can carry; dates spread back from it
// at about 40 articles a day.
var End = time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC)

const (
	minBytes = 2048
	maxBytes = 8192
)

var (
	words = strings.Fields(`government minister said official state police court report people city
district water power project budget election party leader meeting plan policy
scheme public health hospital school students farmers market price rise fall
week month year today tuesday monday announced statement according sources local
national central committee council board new old major several many first last
railway road bridge flood rain heat season crops village residents protest
support opposition chief member members demand order hearing bench petition
investigation case accused arrested security border army forces trade export
import industry company shares investors growth economy bank loan interest rate
inflation data survey results officials visit summit talks agreement signed
cooperation development infrastructure funds crore lakh rupees allocated
district's minister's villagers' urban rural digital online service services
citizens voters campaign rally speech promised launched inaugurated completed
delayed pending review action steps measures expected likely further also
however meanwhile earlier later while after before during under over between
against without within across near`)
	cities = []string{"New Delhi", "Mumbai", "Kolkata", "Chennai", "Bengaluru", "Hyderabad",
		"Lucknow", "Patna", "Jaipur", "Guwahati", "Bhopal", "Chandigarh"}
	names = []string{"Anita Sharma", "Rahul Verma", "Priya Nair", "Suresh Iyer", "Meera Das",
		"Arjun Mehta", "Kavita Rao", "Vikram Singh", "Farah Khan", "Joseph Thomas"}
	who = []string{"Minister", "Chief Minister", "Police officials", "Farmers", "Students",
		"Residents", "Opposition leaders", "Court officials", "Health workers"}
	what = []string{"speaks at summit", "inspect flood damage", "address the media",
		"gather outside the secretariat", "attend a review meeting", "launch the scheme"}
	credits = []string{"Reuters", "PTI", "ANI", "IANS", "File photo", "Twitter"}
	footer  = "About The Author\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n"
)

// Article is one generated file.
type Article struct {
	Name    string    // "YYYY-MM-DD-slug.txt", unique within a corpus
	Title   string    // for a static-site baseline's front matter
	Date    time.Time // the dateline's day (UTC midnight)
	Data    []byte
	ModTime time.Time
}

// Generate calls fn for each of n articles, in order, without holding
// them all in memory.
func Generate(n int, seed uint64, fn func(Article) error) error {
	r := rand.New(rand.NewPCG(seed, 0x5eedfeed))
	span := max(30, n/40)
	seen := make(map[string]bool, n)
	for range n {
		day := End.AddDate(0, 0, -r.IntN(span))
		title := titleCase(pick(r, words, 5+r.IntN(6)))
		slug := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(title, "'", "")))[:min(6, len(strings.Fields(title)))], "-")
		name := day.Format("2006-01-02") + "-" + slug + ".txt"
		for seen[name] {
			name = fmt.Sprintf("%s-%s-%d.txt", day.Format("2006-01-02"), slug, r.IntN(1_000_000))
		}
		seen[name] = true

		caption := fmt.Sprintf("%s %s (image credit %s)", one(r, who), one(r, what), one(r, credits))
		by := "By " + one(r, names)
		if r.Float64() < 0.4 {
			by = "By Our Special Correspondent"
		}
		head := []string{title, "", caption, caption, "Spread the love", sentence(r, 10+r.IntN(11)), by}
		body := []string{fmt.Sprintf("%s, %s %d: %s", one(r, cities), day.Format("January"), day.Day(), paragraph(r))}
		for range 5 + r.IntN(7) {
			body = append(body, paragraph(r))
		}
		text := render(head, body)
		for len(text) > maxBytes && len(body) > 1 {
			body = body[:len(body)-1]
			text = render(head, body)
		}
		for len(text) < minBytes {
			body = append(body, paragraph(r))
			text = render(head, body)
		}
		mtime := day.Add(time.Duration(6*3600+r.IntN(16*3600)) * time.Second)
		if err := fn(Article{Name: name, Title: title, Date: day, Data: []byte(text), ModTime: mtime}); err != nil {
			return err
		}
	}
	return nil
}

// Write puts n articles into dir (created if needed) with their
// modification times.
func Write(dir string, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return Generate(n, seed, func(a Article) error {
		p := filepath.Join(dir, a.Name)
		if err := os.WriteFile(p, a.Data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.Chtimes(p, a.ModTime, a.ModTime); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		return nil
	})
}

func render(head, body []string) string {
	return strings.Join(head, "\n") + "\n" + strings.Join(body, "\n\n") + "\n\n" + footer
}

func one(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func pick(r *rand.Rand, xs []string, k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = one(r, xs)
	}
	return out
}

func titleCase(ws []string) string {
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

func sentence(r *rand.Rand, n int) string {
	ws := pick(r, words, n)
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

func paragraph(r *rand.Rand) string {
	n := 40 + r.IntN(81)
	var out []string
	for n > 0 {
		k := 8 + r.IntN(13)
		if n-k < 8 {
			k = n // no tiny trailing sentence
		}
		out = append(out, sentence(r, k))
		n -= k
	}
	p := strings.Join(out, " ")
	if r.Float64() < 0.2 {
		p = "\u201c" + strings.TrimSuffix(p, ".") + ",\u201d said an official."
	}
	return p
}
