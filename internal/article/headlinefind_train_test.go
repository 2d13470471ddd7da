package article

import (
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"seedfeed/internal/article/boilerplate"
)

// The weights in headWeights are fitted on the metadata corpus's text
// scrapes by TestFitHeadlineWeights, run by hand:
//
//	SEEDFEED_FIT_HEADLINE=1 go test ./internal/article/ -run FitHeadline -v
//
// It reads the pages, takes every headline candidate with its features,
// labels the candidates whose text is the page's labelled title (or whose
// part before a site separator is), and fits a listwise logistic model:
// the softmax of the scores over a page's candidates, maximizing the
// probability of its labelled ones. It fits on the even-numbered pages and
// scores the odd ones, then the other way round, so that the figures show
// whether the features generalize, then cross-validates (below), and
// prints the weights fitted on all. The realworld pages extraPages labels
// by their HTML title are a check the fit has not seen: their figure is
// the share of them whose text title is that HTML title, printed for each
// fold's fit and for the fit on all. SEEDFEED_FIT_EXTRA=0.3 adds those
// pages (and the metadata pages with no labelled title, labelled the same
// way) to every fit but the halves', folded as the labelled pages are, so
// that the check stays on pages the fit has not seen. SEEDFEED_FIT_ITER
// sets the fit's iterations (3000): fewer stop it early. Every fit also
// takes the tests' designed pages (designedPages), which are never
// scored as held out; SEEDFEED_FIT_DESIGNED=0 leaves them out. The
// cross-validated figure is printed for each source of the corpus too,
// and SEEDFEED_FIT_PAGES=1 lists the pages wrong in most drawings, with
// the line picked instead.
// Tests never depend on the corpus: without the variable it skips.

// fitPage is one page's candidates and which of them is the headline.
type fitPage struct {
	name string
	// source is the project whose tests label the page (mercury,
	// trafilatura), "" for a page labelled by its HTML title.
	source string
	cands  []headCand
	text   []string
	gold   []bool
	// weight scales the page in the fit: 0 means 1.
	weight float64
	// named is 1 when the page's comment head names its headline, or a
	// writer's own file heads it (which findHeadline takes over the
	// weights' choice), -1 when that line is not the labelled headline,
	// 0 when the weights choose.
	named int
}

func TestFitHeadlineWeights(t *testing.T) {
	if os.Getenv("SEEDFEED_FIT_HEADLINE") == "" {
		t.Skip("SEEDFEED_FIT_HEADLINE not set")
	}
	pages := headlinePages(t)
	extra := extraPages(t)
	// SEEDFEED_FIT_DROP=52,53 fits without those features, to measure
	// what they add.
	dropped := featureList(os.Getenv("SEEDFEED_FIT_DROP"))
	designed := withoutFeatures(designedPages(t), dropped)
	pages, extra = withoutFeatures(pages, dropped), withoutFeatures(extra, dropped)
	var even, odd []fitPage
	for _, p := range pages {
		n, _ := strconv.Atoi(strings.Split(p.name, "_")[1])
		if n%2 == 0 {
			even = append(even, p)
		} else {
			odd = append(odd, p)
		}
	}
	we, wo := fitHeadline(even), fitHeadline(odd)
	t.Logf("fitted on even: even %.3f, odd %.3f", headAccuracy(we, even), headAccuracy(we, odd))
	t.Logf("fitted on odd: odd %.3f, even %.3f", headAccuracy(wo, odd), headAccuracy(wo, even))
	rw := realworldPages(extra)
	cv := crossValidateExtra(pages, extra, designed, 10)
	t.Logf("10-fold cross-validated: %.4f; realworld pages by their HTML title %.4f (%d pages)", cv.labelled, cv.realworld, len(rw))
	logHeldOut(t, pages, cv)
	w := fitHeadline(append(append(slices.Clip(pages), fitted(extra)...), designed...))
	if len(designed) > 0 {
		t.Logf("designed pages: %d, right %.3f; now %.3f", len(designed), headAccuracy(w, designed), headAccuracy(headWeights, designed))
	}
	t.Logf("fitted on all: %.3f, realworld %.3f; now: %.3f, realworld %.3f",
		headAccuracy(w, pages), headAccuracy(w, rw), headAccuracy(headWeights, pages), headAccuracy(headWeights, rw))
	t.Logf("weights fitted on even: %s", goWeights(we))
	t.Logf("weights fitted on odd: %s", goWeights(wo))
	t.Logf("weights: %s", goWeights(w))
}

// crossValidate fits on all folds but one and scores the one left out,
// for each fold, and returns the share of pages right: with one page worth
// 0.3%, the halves above differ by chance more than features do. The
// folds are drawn three times, each time by a different hash of the
// page's name, and the figure is their mean: one drawing alone moves by
// a page or two when a feature moves nothing. SEEDFEED_FIT_DRAWINGS=9
// draws them nine times, for a steadier figure at three times the cost.
func crossValidate(pages []fitPage, folds int) float64 {
	return crossValidateExtra(pages, nil, nil, folds).labelled
}

// crossValidation is what crossValidateExtra measures: the share of
// held-out labelled pages right, of held-out realworld pages right (by
// their HTML title), and how each labelled page wrong held out fared.
type crossValidation struct {
	labelled, realworld float64
	drawings            int
	wrong               map[string]heldOut
}

// heldOut is how a labelled page fared held out: in how many of the
// drawings it was wrong, and the candidate picked the last time.
type heldOut struct {
	drawings int
	pick     string
}

// crossValidateExtra folds the pages labelled by their HTML title with the
// others, fits on those outside the fold when SEEDFEED_FIT_EXTRA weights
// them, and scores the held-out pages of both kinds. Every fold's fit
// takes the designed pages too: they are requirements, not pages to
// score.
func crossValidateExtra(pages, extra, designed []fitPage, folds int) crossValidation {
	drawings := 3
	if n, err := strconv.Atoi(os.Getenv("SEEDFEED_FIT_DRAWINGS")); err == nil && n > 0 {
		drawings = n
	}
	fitExtra, rw := fitted(extra), realworldPages(extra)
	right, rwRight, rwN := 0.0, 0.0, 0
	cv := crossValidation{drawings: drawings, wrong: map[string]heldOut{}}
	for d := 0; d < drawings; d++ {
		for k := 0; k < folds; k++ {
			held := func(name string) bool {
				h := fnv.New32a()
				fmt.Fprintf(h, "%d/%s", d, name)
				return int(h.Sum32()%uint32(folds)) == k
			}
			var fit, heldPages, heldRW []fitPage
			for _, p := range pages {
				if held(p.name) {
					heldPages = append(heldPages, p)
				} else {
					fit = append(fit, p)
				}
			}
			for _, p := range fitExtra {
				if !held(p.name) {
					fit = append(fit, p)
				}
			}
			for _, p := range rw {
				if held(p.name) {
					heldRW = append(heldRW, p)
				}
			}
			w := fitHeadline(append(fit, designed...))
			for _, p := range heldPages {
				if ok, pick := headPick(w, p); ok {
					right++
				} else {
					cv.wrong[p.name] = heldOut{cv.wrong[p.name].drawings + 1, pick}
				}
			}
			if len(heldRW) > 0 {
				rwRight += headAccuracy(w, heldRW) * float64(len(heldRW))
				rwN += len(heldRW)
			}
		}
	}
	cv.labelled = right / float64(drawings*len(pages))
	cv.realworld = rwRight / float64(max(1, rwN))
	return cv
}

// logHeldOut logs the cross-validated figure of each source of the
// metadata corpus and, with SEEDFEED_FIT_PAGES=1, the pages wrong in most
// drawings: the pages a change of features should be read on.
func logHeldOut(t *testing.T, pages []fitPage, cv crossValidation) {
	t.Helper()
	type tally struct{ right, n float64 }
	bySource := map[string]*tally{}
	var sources []string
	for _, p := range pages {
		src := p.source
		if bySource[src] == nil {
			bySource[src] = &tally{}
			sources = append(sources, src)
		}
		bySource[src].right += 1 - float64(cv.wrong[p.name].drawings)/float64(cv.drawings)
		bySource[src].n++
	}
	slices.Sort(sources)
	for _, src := range sources {
		t.Logf("  cross-validated, %s: %.3f (%d pages)", src, bySource[src].right/bySource[src].n, int(bySource[src].n))
	}
	if os.Getenv("SEEDFEED_FIT_PAGES") == "" {
		return
	}
	for _, p := range pages {
		if h := cv.wrong[p.name]; 2*h.drawings > cv.drawings {
			t.Logf("  wrong held out in %d of %d drawings: %s, picked %q", h.drawings, cv.drawings, p.name, h.pick)
		}
	}
}

// realworldPages returns the realworld corpus's pages among extra.
func realworldPages(extra []fitPage) []fitPage {
	var rw []fitPage
	for _, p := range extra {
		if strings.HasPrefix(p.name, "realworld/") {
			rw = append(rw, p)
		}
	}
	return rw
}

// fitted returns the pages labelled by their HTML title that the fit
// takes: none unless SEEDFEED_FIT_EXTRA weights them.
func fitted(extra []fitPage) []fitPage {
	if extraWeight() == 0 {
		return nil
	}
	return extra
}

// TestFitHeadlineDropOne cross-validates the model without each feature
// in turn (besides those SEEDFEED_FIT_DROP names), to find the features
// the fit would do better without: run by hand, as TestFitHeadlineWeights,
// with SEEDFEED_FIT_DROPONE=1 (about twenty-five minutes over three drawings
// on two cores). A gain of a page or two (0.003 to 0.006) is within what
// the drawings move by; the realworld agreement (TestCompareTextAndHTML)
// checks a drop on pages the fit has not seen.
func TestFitHeadlineDropOne(t *testing.T) {
	if os.Getenv("SEEDFEED_FIT_DROPONE") == "" {
		t.Skip("SEEDFEED_FIT_DROPONE not set")
	}
	dropped := featureList(os.Getenv("SEEDFEED_FIT_DROP"))
	pages := withoutFeatures(headlinePages(t), dropped)
	base := crossValidate(pages, 10)
	t.Logf("without %v: %.4f", dropped, base)
	type result struct {
		k  int
		cv float64
	}
	var (
		mu      sync.Mutex
		results []result
		wg      sync.WaitGroup
	)
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for k := range work {
				cv := crossValidate(withoutFeatures(pages, []int{k}), 10)
				mu.Lock()
				results = append(results, result{k, cv})
				mu.Unlock()
			}
		})
	}
	for k := hfBias + 1; k < numHeadFeatures; k++ {
		if !slices.Contains(dropped, k) {
			work <- k
		}
	}
	close(work)
	wg.Wait()
	slices.SortFunc(results, func(a, b result) int { return cmp.Compare(b.cv, a.cv) })
	for _, r := range results {
		t.Logf("without %2d too: %.4f (%+.4f)", r.k, r.cv, r.cv-base)
	}
}

// featureList reads a comma-separated list of feature numbers.
func featureList(s string) []int {
	var ks []int
	for _, f := range strings.Split(s, ",") {
		if k, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && k > hfBias && k < numHeadFeatures {
			ks = append(ks, k)
		}
	}
	return ks
}

// withoutFeatures returns copies of pages whose candidates have features
// ks set to zero, which the fit then cannot use.
func withoutFeatures(pages []fitPage, ks []int) []fitPage {
	if len(ks) == 0 {
		return pages
	}
	out := make([]fitPage, len(pages))
	for i, p := range pages {
		p.cands = slices.Clone(p.cands)
		for c := range p.cands {
			for _, k := range ks {
				p.cands[c].f[k] = 0
			}
		}
		out[i] = p
	}
	return out
}

// goWeights prints weights as a Go composite literal's body.
func goWeights(w [numHeadFeatures]float64) string {
	var b strings.Builder
	b.WriteByte('{')
	for k, x := range w {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%.3f", x)
	}
	b.WriteByte('}')
	return b.String()
}

// headlinePages reads the labelled pages of the metadata corpus and their
// candidates.
func headlinePages(t *testing.T) []fitPage {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "corpus", "metadata")
	files, err := filepath.Glob(filepath.Join(dir, "input", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no corpus: %v", err)
	}
	var pages []fitPage
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		exp := expectedOf(t, dir, name)
		if exp.Title == nil || *exp.Title == "" {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p := labelCandidates(name, data, *exp.Title)
		p.source = exp.Source.Name
		pages = append(pages, p)
	}
	return pages
}

// labelledTitle returns the title the metadata corpus in dir labels page
// name with, "" when it labels none.
func labelledTitle(t *testing.T, dir, name string) string {
	if title := expectedOf(t, dir, name).Title; title != nil {
		return *title
	}
	return ""
}

// expected is what the fit reads of a metadata page's labels.
type expected struct {
	Title  *string `json:"title"`
	Source struct {
		Name string `json:"name"`
	} `json:"source"`
}

// expectedOf reads page name's labels in the metadata corpus in dir.
func expectedOf(t *testing.T, dir, name string) expected {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "expected", name+".expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	return exp
}

// labelCandidates returns a page's candidates, those whose text is title
// (or whose part before a site separator is) marked as the headline.
func labelCandidates(name string, data []byte, title string) fitPage {
	p := fitPage{name: name}
	tr, cands, body, top := readerOf(data)
	if tr == nil {
		return p
	}
	gold := foldTitle(title)
	isGold := func(line string) bool {
		head, _, ok := cutSep(line)
		return foldTitle(line) == gold || ok && foldTitle(head) == gold
	}
	for _, c := range cands {
		line := c.text(tr.paras)
		p.cands = append(p.cands, c)
		p.text = append(p.text, line)
		p.gold = append(p.gold, isGold(line))
	}
	// The title a comment head names, or a writer's own file's first
	// heading, is taken whatever the weights say (findHeadline), so the
	// page is scored by it.
	for _, c := range cands {
		if c.f[hfFirstHeading] == 1 && tr.ownFile(top, c.i) {
			p.named = -1
			if isGold(c.text(tr.paras)) {
				p.named = 1
			}
			return p
		}
	}
	if c, ok := tr.namedHeadline(cands, body); ok {
		p.named = -1
		if isGold(c.text(tr.paras)) {
			p.named = 1
		}
	}
	return p
}

// extraWeight is the weight of a page labelled by its own HTML title in
// the fit, against 1 for a page of the metadata corpus's labels.
// SEEDFEED_FIT_EXTRA sets it: without, the fit takes none of them.
func extraWeight() float64 {
	x, err := strconv.ParseFloat(os.Getenv("SEEDFEED_FIT_EXTRA"), 64)
	if err != nil || x <= 0 {
		return 0
	}
	return x
}

// extraPages labels pages by the title seedfeed reads from their HTML: the
// realworld corpus's, which labels no titles, and the metadata corpus's
// whose title is not labelled. The HTML title is right far more often
// than the text's (0.90 against 0.80 on the labelled pages), and the
// text's candidates hold it on 229 of these pages: more pages for the fit,
// weighted below the labelled ones for the HTML title's errors. Pages on
// which no candidate is that title are left out. The realworld ones are
// the check of the fit on pages with more menus than the metadata pages
// have; all of them are fitted on only when SEEDFEED_FIT_EXTRA is set.
func extraPages(t *testing.T) []fitPage {
	t.Helper()
	weight := extraWeight()
	var out []fitPage
	ref := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for _, corpus := range []string{"realworld", "metadata"} {
		dir := filepath.Join(sharedDir(t), "corpus", corpus)
		files, err := filepath.Glob(filepath.Join(dir, "input", "*.txt"))
		if err != nil || len(files) == 0 {
			t.Skipf("no corpus: %v", err)
		}
		for _, path := range files {
			name := strings.TrimSuffix(filepath.Base(path), ".txt")
			if corpus == "metadata" && labelledTitle(t, dir, name) != "" {
				continue
			}
			html, err := readGzip(filepath.Join(dir, "html", name+".html.gz"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(name+".html", html, Options{Ref: ref})
			if err != nil || a.Title == "" {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p := labelCandidates(corpus+"/"+name, data, a.Title)
			p.weight = weight
			if slices.Contains(p.gold, true) {
				out = append(out, p)
			}
		}
	}
	t.Logf("pages labelled by their HTML title: %d, weighted %g", len(out), weight)
	return out
}

// designedPages are the pages the tests design for the headline
// (scrapedHeadlineCases, ownFileHeaderCases), labelled with the headline
// each test wants: every fit takes them, weighted SEEDFEED_FIT_DESIGNED
// (1 unless set; 0 leaves them out), so that weights that lose a designed
// case are not what the fit offers: without them, every refit tried on
// 2026-12-05 lost two, near ties of the weights in use that no corpus
// page decides. They are never scored as held-out pages.
func designedPages(t *testing.T) []fitPage {
	t.Helper()
	weight := 1.0
	if x, err := strconv.ParseFloat(os.Getenv("SEEDFEED_FIT_DESIGNED"), 64); err == nil && x >= 0 {
		weight = x
	}
	if weight == 0 {
		return nil
	}
	var out []fitPage
	add := func(name, page, title string) {
		p := labelCandidates("designed/"+name, []byte(page), title)
		p.weight = weight
		// A page a rule decides asks nothing of the weights.
		if p.named == 0 && slices.Contains(p.gold, true) {
			out = append(out, p)
		}
	}
	for _, c := range scrapedHeadlineCases() {
		add(c.name, c.page, c.title)
	}
	for _, c := range ownFileHeaderCases() {
		add(c.name, c.text, c.title)
	}
	return out
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}

// candidatesOf runs parseText's steps up to the headline choice on a page
// and returns its paragraphs and headline candidates.
func candidatesOf(data []byte) ([]string, []headCand) {
	tr, cands, _, _ := readerOf(data)
	if tr == nil {
		return nil, nil
	}
	return tr.paras, cands
}

// readerOf reads a page up to its headline's candidates, as Parse does,
// and returns its reader (nil when the page has no body), candidates,
// body start and the top of its header (headlineCandidates').
func readerOf(data []byte) (*textReader, []headCand, int, int) {
	text, _, err := cleanInput(data, false)
	if err != nil {
		return nil, nil, 0, 0
	}
	paras := splitParagraphs(text)
	res := boilerplate.Classify(paras)
	if res.Start < 0 || res.Start > res.Body || res.Body > res.End || res.Start == res.End {
		return nil, nil, 0, 0
	}
	a := &Article{Removed: map[string][]string{}}
	tr := &textReader{paras: paras, kinds: res.Kinds, a: a, roles: make([]role, len(paras))}
	tr.bylines = tr.bylineBuf[:0]
	body := tr.readStory(res.Start, res.Body, res.End)
	if len(a.BodyParagraphs) == 0 {
		return nil, nil, 0, 0
	}
	tr.headerLines(res.Start, body)
	cands, top := tr.headlineCandidates(res.Start, body)
	return tr, cands, body, top
}

// foldTitle is the corpus scorer's comparison form of a title: NFKC,
// without soft hyphens and zero-width characters, with ASCII quotes and
// dashes, spaces collapsed, lower-cased.
func foldTitle(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		case '‘', '’', '‚', '‛', '′', '´', '`', '‹', '›':
			return '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			return '"'
		case '‐', '‑', '‒', '–', '—', '―', '−':
			return '-'
		}
		return r
	}, s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// fitHeadline fits the weights by gradient ascent (Adam) on the listwise
// log-likelihood, with a small L2 penalty. SEEDFEED_FIT_FREE=58,59 fits
// only those features' weights and keeps the others as headWeights has
// them: a new feature's weight is fitted without refitting, and so
// moving, the rest (a refit from zero lands elsewhere on a likelihood
// whose optimum is not the best accuracy).
func fitHeadline(pages []fitPage) [numHeadFeatures]float64 {
	iterations, rate := 3000, 0.03
	if n, err := strconv.Atoi(os.Getenv("SEEDFEED_FIT_ITER")); err == nil && n > 0 {
		iterations = n
	}
	l2 := fitL2()
	var w, m, v [numHeadFeatures]float64
	free := [numHeadFeatures]bool{}
	for k := range free {
		free[k] = true
	}
	if fs := os.Getenv("SEEDFEED_FIT_FREE"); fs != "" {
		w = headWeights
		free = [numHeadFeatures]bool{}
		for _, f := range strings.Split(fs, ",") {
			if k, err := strconv.Atoi(f); err == nil {
				free[k] = true
			}
		}
	}
	for it := 1; it <= iterations; it++ {
		var g [numHeadFeatures]float64
		n := 0.0
		for _, p := range pages {
			hasGold := false
			for _, y := range p.gold {
				hasGold = hasGold || y
			}
			if !hasGold {
				continue
			}
			pw := p.weight
			if pw == 0 {
				pw = 1
			}
			n += pw
			scores := make([]float64, len(p.cands))
			top := math.Inf(-1)
			for k := range p.cands {
				scores[k] = dotHead(&w, &p.cands[k].f)
				top = max(top, scores[k])
			}
			z, zGold := 0.0, 0.0
			for k := range scores {
				scores[k] = math.Exp(scores[k] - top)
				z += scores[k]
				if p.gold[k] {
					zGold += scores[k]
				}
			}
			for k := range p.cands {
				c := -scores[k] / z
				if p.gold[k] {
					c += scores[k] / zGold
				}
				c *= pw
				for j := range g {
					g[j] += c * p.cands[k].f[j]
				}
			}
		}
		for j := range w {
			if !free[j] {
				continue
			}
			gj := g[j]/n - l2*w[j]
			m[j] = 0.9*m[j] + 0.1*gj
			v[j] = 0.999*v[j] + 0.001*gj*gj
			mh := m[j] / (1 - math.Pow(0.9, float64(it)))
			vh := v[j] / (1 - math.Pow(0.999, float64(it)))
			w[j] += rate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w
}

// fitL2 is the L2 penalty of the fit: SEEDFEED_FIT_L2 when set, to try
// others by hand.
func fitL2() float64 {
	if x, err := strconv.ParseFloat(os.Getenv("SEEDFEED_FIT_L2"), 64); err == nil {
		return x
	}
	return 0.001
}

func dotHead(w, f *[numHeadFeatures]float64) float64 {
	s := 0.0
	for j := range w {
		s += w[j] * f[j]
	}
	return s
}

// headAccuracy is the share of pages whose best-scored candidate is a
// labelled headline.
func headAccuracy(w [numHeadFeatures]float64, pages []fitPage) float64 {
	ok := 0
	for _, p := range pages {
		if right, _ := headPick(w, p); right {
			ok++
		}
	}
	return float64(ok) / float64(len(pages))
}

// headPick reports whether the weights w get page p's headline right,
// and the text of the candidate they pick ("" for a page a rule decides,
// or one without candidates).
func headPick(w [numHeadFeatures]float64, p fitPage) (bool, string) {
	if p.named != 0 {
		return p.named > 0, ""
	}
	best, top := -1, math.Inf(-1)
	for k := range p.cands {
		if s := dotHead(&w, &p.cands[k].f); s > top {
			best, top = k, s
		}
	}
	if best < 0 {
		return false, ""
	}
	return p.gold[best], p.text[best]
}

// TestHeadlineRecall reports, for each labelled page whose headline is not
// among the candidates, where the headline stands and why it was left out.
func TestHeadlineRecall(t *testing.T) {
	if os.Getenv("SEEDFEED_FIT_HEADLINE") == "" {
		t.Skip("SEEDFEED_FIT_HEADLINE not set")
	}
	dir := filepath.Join(sharedDir(t), "corpus", "metadata")
	files, _ := filepath.Glob(filepath.Join(dir, "input", "*.txt"))
	miss, total := 0, 0
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		title := labelledTitle(t, dir, name)
		if title == "" {
			continue
		}
		total++
		data, _ := os.ReadFile(path)
		gold := foldTitle(title)
		text, _, err := cleanInput(data, false)
		if err != nil {
			continue
		}
		paras := splitParagraphs(text)
		res := boilerplate.Classify(paras)
		_, cands := candidatesOf(data)
		found := false
		for _, c := range cands {
			head, _, ok := cutSep(c.text(paras))
			if foldTitle(c.text(paras)) == gold || ok && foldTitle(head) == gold {
				found = true
			}
		}
		if found {
			continue
		}
		miss++
		where := []string{}
		for i, p := range paras {
			head, _, ok := cutSep(p)
			if foldTitle(p) == gold || ok && foldTitle(head) == gold {
				where = append(where, fmt.Sprintf("%d(shape=%v kind=%q)", i, headlineShape(p), res.Kinds[i]))
			} else if strings.Contains(foldTitle(p), gold) && len(where) < 6 {
				where = append(where, fmt.Sprintf("%d~in(len %d)", i, len(p)))
			}
		}
		t.Logf("%s start=%d body=%d ncand=%d gold=%q at %v", name, res.Start, res.Body, len(cands), title, where)
	}
	t.Logf("missing %d of %d", miss, total)
}
