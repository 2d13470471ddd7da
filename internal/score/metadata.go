package score

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// This file scores header fields (title, authors, publication date) on the
// metadata corpus (shared/corpus/metadata). It mirrors that corpus's
// score.py rule for rule, so that the figures agree with it to the printed
// third decimal; where Python and Go differ in what a character class
// means (whitespace, \w, case folding) the Python meaning is spelled out.

// MetaPred is one page's header fields as `check -json` prints them.
type MetaPred struct {
	Title  string
	Author string
	// Published is the RFC 3339 string check prints, "" when there is none.
	Published string
}

// MetaExtractor returns the header fields of one page. name carries the
// extension the page would have as a seed file ("NAME.txt", "NAME.html").
type MetaExtractor func(name string, data []byte) (MetaPred, error)

// metaGold is the part of NAME.expected.json that the scorer reads.
type metaGold struct {
	Name   string `json:"name"`
	Source struct {
		Name string `json:"name"`
	} `json:"source"`
	Language   *string  `json:"language"`
	Title      *string  `json:"title"`
	Authors    []string `json:"authors"`
	Date       *string  `json:"date"`
	DateAccept []string `json:"date_accept"`
	Labelled   *struct {
		Title   bool `json:"title"`
		Authors bool `json:"authors"`
		Date    bool `json:"date"`
	} `json:"labelled"`
}

// MetaPage is the score of one page. A field the page does not label is
// not scored: its Has flag is false.
type MetaPage struct {
	Name, Source, Language string
	GoldTitle              string
	Pred                   MetaPred
	// Missing is set when the corpus has no page file for the labels; the
	// page then scores as an empty prediction, as score.py does.
	Missing bool
	// Err is the extractor's error; the page scores as an empty prediction.
	Err error

	HasTitle            bool
	TitleExact, TitleF1 float64

	HasAuthors       bool
	AuthorsF1        float64
	AuthorsGoldEmpty bool // labelled "no personal byline"

	HasDate bool
	// DateGoldAbsent marks a page labelled "no publication date": DateExact
	// is then 1 when the prediction has no date, and DateWithin1 unused.
	DateGoldAbsent         bool
	DateExact, DateWithin1 float64
}

// MetaSummary holds score.py's figures over a set of pages. A mean over no
// pages is NaN.
type MetaSummary struct {
	TitleN                   int
	TitleExact, TitleTokenF1 float64
	AuthorsN                 int
	AuthorsF1                float64
	AuthorsBylineN           int
	AuthorsBylineF1          float64 // the main authors figure
	AuthorsNoBylineN         int
	AuthorsNoBylineEmpty     float64
	DateN                    int
	DateExact, DateWithin1   float64
	DateAbsentN              int
	DateAbsentNull           float64
}

// MetaReport is the score of a whole metadata corpus.
type MetaReport struct {
	Pages []MetaPage
	// Unmatched counts page files that have no labels; they are ignored.
	Unmatched int
}

// ErrNotMetaCorpus is returned when a folder's expected/ files carry no
// header-field labels.
var ErrNotMetaCorpus = errors.New("score: not a metadata corpus (no \"labelled\" in expected/*.expected.json)")

// IsMetaCorpus reports whether fsys is laid out as the metadata corpus:
// expected/*.expected.json whose labels say which of title, authors and
// date they label. The body corpus's expected files have no such field.
func IsMetaCorpus(fsys fs.FS) (bool, error) {
	names, err := fs.Glob(fsys, "expected/*.expected.json")
	if err != nil {
		return false, fmt.Errorf("score: listing expected: %w", err)
	}
	if len(names) == 0 {
		return false, nil
	}
	sort.Strings(names)
	_, err = readMetaGold(fsys, names[0])
	if errors.Is(err, ErrNotMetaCorpus) {
		return false, nil
	}
	return err == nil, err
}

// MetaCorpus scores extract on every labelled page of a metadata corpus:
// expected/NAME.expected.json with input/NAME.txt (Text) or
// html/NAME.html.gz (HTML, decompressed in memory).
func MetaCorpus(fsys fs.FS, src Source, extract MetaExtractor) (MetaReport, error) {
	dir, suffix, ext := "input", ".txt", ".txt"
	if src == HTML {
		dir, suffix, ext = "html", ".html.gz", ".html"
	}
	golds, err := fs.Glob(fsys, "expected/*.expected.json")
	if err != nil {
		return MetaReport{}, fmt.Errorf("score: listing expected: %w", err)
	}
	if len(golds) == 0 {
		return MetaReport{}, fmt.Errorf("%w in expected", ErrNoPages)
	}
	var rep MetaReport
	labelled := make(map[string]bool, len(golds))
	for _, file := range golds {
		g, err := readMetaGold(fsys, file)
		if err != nil {
			return MetaReport{}, err
		}
		if g.Labelled == nil { // "labelled": null
			return MetaReport{}, fmt.Errorf("%w: %s", ErrNotMetaCorpus, file)
		}
		labelled[g.Name] = true
		data, err := readPage(fsys, dir+"/"+g.Name+suffix, src == HTML)
		if errors.Is(err, fs.ErrNotExist) {
			rep.Pages = append(rep.Pages, scoreMetaPage(g, MetaPred{}, nil, true))
			continue
		}
		if err != nil {
			return MetaReport{}, err
		}
		pred, xerr := extract(g.Name+ext, data)
		if xerr != nil {
			pred = MetaPred{}
		}
		rep.Pages = append(rep.Pages, scoreMetaPage(g, pred, xerr, false))
	}
	sort.SliceStable(rep.Pages, func(i, j int) bool { return rep.Pages[i].Name < rep.Pages[j].Name })
	files, err := fs.Glob(fsys, dir+"/*"+suffix)
	if err != nil {
		return MetaReport{}, fmt.Errorf("score: listing %s: %w", dir, err)
	}
	for _, f := range files {
		if !labelled[strings.TrimSuffix(path.Base(f), suffix)] {
			rep.Unmatched++
		}
	}
	return rep, nil
}

func readMetaGold(fsys fs.FS, name string) (metaGold, error) {
	b, err := readLimited(fsys, name)
	if err != nil {
		return metaGold{}, err
	}
	// The keys first: the body corpus's labels have fields of the same
	// names but other types.
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return metaGold{}, fmt.Errorf("score: %s: %w", name, err)
	}
	if _, ok := keys["labelled"]; !ok {
		return metaGold{}, fmt.Errorf("%w: %s", ErrNotMetaCorpus, name)
	}
	var g metaGold
	if err := json.Unmarshal(b, &g); err != nil {
		return metaGold{}, fmt.Errorf("score: %s: %w", name, err)
	}
	if g.Name == "" {
		g.Name = strings.TrimSuffix(path.Base(name), ".expected.json")
	}
	return g, nil
}

// scoreMetaPage is score.py's score_page.
func scoreMetaPage(g metaGold, p MetaPred, err error, missing bool) MetaPage {
	r := MetaPage{Name: g.Name, Source: g.Source.Name, Pred: p, Err: err, Missing: missing}
	if g.Language != nil {
		r.Language = *g.Language
	}
	if g.Title != nil {
		r.GoldTitle = *g.Title
	}
	if g.Labelled.Title {
		r.HasTitle = true
		r.TitleExact = b2f(TitleExact(r.GoldTitle, p.Title))
		r.TitleF1 = multisetF1(TitleTokens(r.GoldTitle), TitleTokens(p.Title))
	}
	if g.Labelled.Authors {
		r.HasAuthors = true
		r.AuthorsF1 = AuthorsF1(g.Authors, p.Author)
		r.AuthorsGoldEmpty = len(g.Authors) == 0
	}
	if g.Labelled.Date {
		r.HasDate = true
		if g.Date == nil {
			r.DateGoldAbsent = true
			r.DateExact = b2f(p.Published == "")
		} else {
			r.DateExact, r.DateWithin1 = dateScore(g.DateAccept, p.Published)
		}
	}
	return r
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// dateScore compares the calendar date written in published (its first
// ten characters, whatever offset follows) with the accepted dates.
func dateScore(accept []string, published string) (exact, within1 float64) {
	pd, ok := predDate(published)
	if !ok {
		return 0, 0
	}
	for _, a := range accept {
		ad, err := time.Parse(time.DateOnly, a)
		if err != nil {
			continue
		}
		d := (pd.Unix() - ad.Unix()) / 86400
		if d == 0 {
			exact = 1
		}
		if d >= -1 && d <= 1 {
			within1 = 1
		}
	}
	return exact, within1
}

// predDate reads a leading YYYY-MM-DD after trimming Python whitespace, and
// rejects dates that do not exist, as Python's datetime.date does.
func predDate(s string) (time.Time, bool) {
	s = strings.TrimFunc(s, pySpace)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// pySpace is Python's str.isspace, which str.split() and the regexp \s use:
// wider than unicode.IsSpace (it takes the information separators
// U+001C..U+001F).
func pySpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r == ' ', r >= 0x1c && r <= 0x1f, r == 0x85, r == 0xa0,
		r == 0x1680, r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// pyWS is pySpace as a regexp class, for the author separators.
const pyWS = `[\t\n\v\f\r \x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]`

// invisible are removed before comparing: soft hyphen and zero-width
// characters.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// toASCII maps curly quotes, primes, guillemets and dashes to ASCII.
var toASCII = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "\u00b4", "'", "\u0060", "'",
	"\u2039", "'", "\u203a", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
)

// NormText is score.py's norm_text: NFKC, soft hyphens and zero-width
// characters removed, quotes, guillemets and dashes made ASCII, whitespace
// runs collapsed to one space and trimmed. It does not fold case.
func NormText(s string) string {
	s = toASCII.Replace(invisible.Replace(norm.NFKC.String(s)))
	return strings.Join(strings.FieldsFunc(s, pySpace), " ")
}

// casefold is Python's str.casefold: full Unicode case folding (ß → ss).
func casefold(s string) string { return cases.Fold().String(s) }

// TitleExact reports whether two titles are equal after NormText and case
// folding: some labels copy CSS-uppercased headings.
func TitleExact(gold, pred string) bool {
	return casefold(NormText(pred)) == casefold(NormText(gold))
}

// TitleTokens are the case-folded \w+ runs of the normalized title, each
// CJK character a token of its own.
func TitleTokens(s string) []string {
	var out []string
	for _, w := range wordTokens(casefold(NormText(s))) {
		start := 0
		for i, r := range w {
			if !isCJK(r) {
				continue
			}
			if i > start {
				out = append(out, w[start:i])
			}
			n := utf8.RuneLen(r)
			out = append(out, w[i:i+n])
			start = i + n
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

// isCJK is score.py's _is_cjk: kana, CJK ideographs and Hangul syllables.
func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30ff || r >= 0x3400 && r <= 0x4dbf || r >= 0x4e00 && r <= 0x9fff ||
		r >= 0xac00 && r <= 0xd7af || r >= 0xf900 && r <= 0xfaff || r >= 0x20000 && r <= 0x2fa1f
}

// TitleF1 is the multiset F1 of the two titles' tokens.
func TitleF1(gold, pred string) float64 { return multisetF1(TitleTokens(gold), TitleTokens(pred)) }

// multisetF1 differs from Tokens in one respect: two empty sides agree.
func multisetF1(gold, pred []string) float64 {
	if len(gold) == 0 && len(pred) == 0 {
		return 1
	}
	if len(gold) == 0 || len(pred) == 0 {
		return 0
	}
	counts := make(map[string]int, len(gold))
	for _, t := range gold {
		counts[t]++
	}
	tp := 0
	for _, t := range pred {
		if counts[t] > 0 {
			counts[t]--
			tp++
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(len(pred)), float64(tp)/float64(len(gold))
	return 2 * p * r / (p + r)
}

var (
	authorSep  = regexp.MustCompile(pyWS + `*(?:[;,/|\x{3001}]|&|` + pyWS + `(?i:and|und|et|y|e|og|och)` + pyWS + `)` + pyWS + `*`)
	authorLead = regexp.MustCompile(`^` + pyWS + `*(?i:by|von)` + pyWS + `+`)
)

// SplitAuthors is score.py's split_authors: after NFKC and dropping a
// leading "By " or "Von ", the string is split on , ; / | 、 & and on the
// words and/und/et/y/e/og/och between spaces; each part is trimmed of
// spaces, colons, middle dots, bars and dashes, and empty parts dropped.
func SplitAuthors(s string) []string {
	s = authorLead.ReplaceAllLiteralString(norm.NFKC.String(s), "")
	var out []string
	for _, p := range authorSep.Split(s, -1) {
		if p = strings.Trim(p, " \t\r\n:\u00b7|-\u2013\u2014"); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// normName is how names are compared: NFKC, invisibles removed, case
// folded, whitespace collapsed (quotes and dashes are kept).
func normName(n string) string {
	n = casefold(invisible.Replace(norm.NFKC.String(n)))
	return strings.Join(strings.FieldsFunc(n, pySpace), " ")
}

// AuthorsF1 is the set F1 of the labelled names against the predicted
// author string split with SplitAuthors. No names on either side agree, so
// a page labelled "no byline" scores 1 exactly when nothing is predicted.
func AuthorsF1(gold []string, pred string) float64 {
	g := nameSet(gold)
	p := nameSet(SplitAuthors(pred))
	if len(g) == 0 && len(p) == 0 {
		return 1
	}
	if len(g) == 0 || len(p) == 0 {
		return 0
	}
	common := 0
	for n := range p {
		if g[n] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(g)+len(p))
}

func nameSet(names []string) map[string]bool {
	s := make(map[string]bool, len(names))
	for _, n := range names {
		if k := normName(n); k != "" {
			s[k] = true
		}
	}
	return s
}

// Summary is score.py's summarize over the pages keep accepts (all pages
// when keep is nil).
func (r MetaReport) Summary(keep func(MetaPage) bool) MetaSummary {
	var s MetaSummary
	var titleExact, titleF1, authAll, authByline, authNone, dateExact, dateWithin, dateNull float64
	for _, p := range r.Pages {
		if keep != nil && !keep(p) {
			continue
		}
		if p.HasTitle {
			s.TitleN++
			titleExact += p.TitleExact
			titleF1 += p.TitleF1
		}
		if p.HasAuthors {
			s.AuthorsN++
			authAll += p.AuthorsF1
			if p.AuthorsGoldEmpty {
				s.AuthorsNoBylineN++
				authNone += p.AuthorsF1
			} else {
				s.AuthorsBylineN++
				authByline += p.AuthorsF1
			}
		}
		if p.HasDate {
			if p.DateGoldAbsent {
				s.DateAbsentN++
				dateNull += p.DateExact
			} else {
				s.DateN++
				dateExact += p.DateExact
				dateWithin += p.DateWithin1
			}
		}
	}
	s.TitleExact, s.TitleTokenF1 = mean(titleExact, s.TitleN), mean(titleF1, s.TitleN)
	s.AuthorsF1 = mean(authAll, s.AuthorsN)
	s.AuthorsBylineF1 = mean(authByline, s.AuthorsBylineN)
	s.AuthorsNoBylineEmpty = mean(authNone, s.AuthorsNoBylineN)
	s.DateExact, s.DateWithin1 = mean(dateExact, s.DateN), mean(dateWithin, s.DateN)
	s.DateAbsentNull = mean(dateNull, s.DateAbsentN)
	return s
}

func mean(sum float64, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// Sources lists the pages' sources, sorted.
func (r MetaReport) Sources() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range r.Pages {
		if !seen[p.Source] {
			seen[p.Source] = true
			out = append(out, p.Source)
		}
	}
	sort.Strings(out)
	return out
}

// BySource is the Summary of one source's pages.
func (r MetaReport) BySource(src string) MetaSummary {
	return r.Summary(func(p MetaPage) bool { return p.Source == src })
}

// WriteSummary prints the figures overall and by source in score.py's
// layout, so that the two can be compared line by line.
func (r MetaReport) WriteSummary(w io.Writer) error {
	missing := 0
	for _, p := range r.Pages {
		if p.Missing {
			missing++
		}
	}
	if _, err := fmt.Fprintf(w, "pages: %d   predictions matched: %d   missing (scored as empty): %d   unmatched predictions ignored: %d\n\n",
		len(r.Pages), len(r.Pages)-missing, missing, r.Unmatched); err != nil {
		return err
	}
	if err := writeMetaSummary(w, "ALL", r.Summary(nil)); err != nil {
		return err
	}
	for _, src := range r.Sources() {
		if err := writeMetaSummary(w, "source="+src, r.BySource(src)); err != nil {
			return err
		}
	}
	return nil
}

func fmt3(x float64) string {
	if math.IsNaN(x) {
		return "  -  "
	}
	return fmt.Sprintf("%.3f", x)
}

func writeMetaSummary(w io.Writer, label string, s MetaSummary) error {
	_, err := fmt.Fprintf(w, "%s\n"+
		"  title    n=%-4d exact=%s  token_f1=%s\n"+
		"  authors  n=%-4d set_f1=%s   with byline: n=%d f1=%s   no byline: n=%d empty_pred=%s\n"+
		"  date     n=%-4d exact=%s  within_1_day=%s   no date: n=%d null_pred=%s\n",
		label,
		s.TitleN, fmt3(s.TitleExact), fmt3(s.TitleTokenF1),
		s.AuthorsN, fmt3(s.AuthorsF1), s.AuthorsBylineN, fmt3(s.AuthorsBylineF1), s.AuthorsNoBylineN, fmt3(s.AuthorsNoBylineEmpty),
		s.DateN, fmt3(s.DateExact), fmt3(s.DateWithin1), s.DateAbsentN, fmt3(s.DateAbsentNull))
	return err
}

// WritePages prints score.py's per-page table.
func (r MetaReport) WritePages(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "\nper page (T=title exact / token F1, A=authors set F1, D=date exact; \".\" = not labelled)\n%-28s %-11s %-4s %1s %5s %5s %1s  predicted title | gold title\n",
		"name", "source", "lang", "T", "T_f1", "A", "D"); err != nil {
		return err
	}
	for _, p := range r.Pages {
		te, tf, af, de := ".", "  .  ", "  .  ", "."
		if p.HasTitle {
			te, tf = yn(p.TitleExact), fmt.Sprintf("%.2f", p.TitleF1)
		}
		if p.HasAuthors {
			af = fmt.Sprintf("%.2f", p.AuthorsF1)
		}
		if p.HasDate {
			de = yn(p.DateExact)
		}
		lang := p.Language
		if lang == "" {
			lang = "?"
		}
		if _, err := fmt.Fprintf(w, "%-28s %-11s %-4s %1s %5s %5s %1s  %s | %s\n",
			p.Name, p.Source, lang, te, tf, af, de, clip(p.Pred.Title, 60), clip(p.GoldTitle, 60)); err != nil {
			return err
		}
	}
	return nil
}

func yn(x float64) string {
	if x != 0 {
		return "Y"
	}
	return "n"
}

// clip collapses whitespace and cuts s to n characters with an ellipsis.
func clip(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, pySpace), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "\u2026"
}
