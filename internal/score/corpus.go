package score

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// ErrNoPages is returned when a corpus folder holds no page to score.
var ErrNoPages = errors.New("score: no pages found")

// Source selects which rendering of the corpus pages is extracted.
type Source int

const (
	// Text is the naive plain-text scrape, input/NAME.txt.
	Text Source = iota
	// HTML is the original page, html/NAME.html.gz (decompressed before
	// it is handed to the extractor).
	HTML
)

// Extractor turns one page into body paragraphs. name carries the
// extension the page would have as a seed file ("NAME.txt", "NAME.html").
type Extractor func(name string, data []byte) ([]string, error)

// Page is the score of one page.
type Page struct {
	Name    string
	Tokens  PRF
	Shingle Shingle
	// Err is the extractor's error; the page then scores as an empty
	// prediction.
	Err error
}

// Report is the score of a whole corpus.
type Report struct {
	Pages []Page
	// Tokens holds the macro averages of per-page token P, R and F1.
	Tokens PRF
	// Shingles is the benchmark's figure (F1 of mean P and mean R).
	Shingles PRF
	// Below is the number of pages whose token F1 is under 0.5.
	Below int
}

// maxPageBytes bounds what is read from one corpus file, so that a stray
// huge or hostile file cannot exhaust memory.
const maxPageBytes = 64 << 20

// Corpus scores extract on every page of a corpus laid out as
// shared/corpus/realworld is: input/NAME.txt, html/NAME.html.gz and
// expected/NAME.expected.json, whose articleBody is the gold body.
func Corpus(fsys fs.FS, src Source, extract Extractor) (Report, error) {
	dir, suffix, ext := "input", ".txt", ".txt"
	if src == HTML {
		dir, suffix, ext = "html", ".html.gz", ".html"
	}
	names, err := fs.Glob(fsys, dir+"/*"+suffix)
	if err != nil {
		return Report{}, fmt.Errorf("score: listing %s: %w", dir, err)
	}
	if len(names) == 0 {
		return Report{}, fmt.Errorf("%w in %s", ErrNoPages, dir)
	}
	sort.Strings(names)
	var rep Report
	for _, file := range names {
		name := strings.TrimSuffix(path.Base(file), suffix)
		gold, err := readGold(fsys, "expected/"+name+".expected.json")
		if err != nil {
			return Report{}, err
		}
		data, err := readPage(fsys, file, src == HTML)
		if err != nil {
			return Report{}, err
		}
		paras, xerr := extract(name+ext, data)
		rep.Pages = append(rep.Pages, ScorePage(name, gold, paras, xerr))
	}
	rep.summarize()
	return rep, nil
}

// ScorePage scores one extracted body (its paragraphs) against gold.
func ScorePage(name, gold string, paras []string, err error) Page {
	pred := ""
	if err == nil {
		pred = strings.Join(paras, "\n")
	}
	return Page{Name: name, Tokens: Tokens(gold, pred), Shingle: Shingles(gold, pred), Err: err}
}

// Summarize computes the corpus figures of a set of page scores.
func Summarize(pages []Page) Report {
	r := Report{Pages: pages}
	r.summarize()
	return r
}

func (r *Report) summarize() {
	r.Tokens, r.Below = PRF{}, 0
	sh := make([]Shingle, len(r.Pages))
	for i, p := range r.Pages {
		r.Tokens.P += p.Tokens.P
		r.Tokens.R += p.Tokens.R
		r.Tokens.F1 += p.Tokens.F1
		if p.Tokens.F1 < 0.5 {
			r.Below++
		}
		sh[i] = p.Shingle
	}
	if n := float64(len(r.Pages)); n > 0 {
		r.Tokens.P /= n
		r.Tokens.R /= n
		r.Tokens.F1 /= n
	}
	r.Shingles = ShingleMeans(sh)
}

// Worst returns the n pages with the lowest token F1, lowest first.
func (r Report) Worst(n int) []Page {
	pages := append([]Page(nil), r.Pages...)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].Tokens.F1 < pages[j].Tokens.F1 })
	return pages[:min(n, len(pages))]
}

// String is a one-line summary for logs and test output.
func (r Report) String() string {
	return fmt.Sprintf("pages=%d token P=%.3f R=%.3f F1=%.3f below0.5=%d shingle P=%.3f R=%.3f F1=%.3f",
		len(r.Pages), r.Tokens.P, r.Tokens.R, r.Tokens.F1, r.Below, r.Shingles.P, r.Shingles.R, r.Shingles.F1)
}

func readGold(fsys fs.FS, name string) (string, error) {
	b, err := readLimited(fsys, name)
	if err != nil {
		return "", err
	}
	var e struct {
		ArticleBody *string `json:"articleBody"`
	}
	if err := json.Unmarshal(b, &e); err != nil {
		return "", fmt.Errorf("score: %s: %w", name, err)
	}
	if e.ArticleBody == nil {
		return "", fmt.Errorf("score: %s: no articleBody", name)
	}
	return *e.ArticleBody, nil
}

func readPage(fsys fs.FS, name string, gz bool) ([]byte, error) {
	b, err := readLimited(fsys, name)
	if err != nil || !gz {
		return b, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("score: %s: %w", name, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxPageBytes))
	if err != nil {
		return nil, fmt.Errorf("score: %s: %w", name, err)
	}
	return out, nil
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("score: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxPageBytes))
	if err != nil {
		return nil, fmt.Errorf("score: reading %s: %w", name, err)
	}
	return b, nil
}
