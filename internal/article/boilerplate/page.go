package boilerplate

import "hash/maphash"

// thresholds are the jusText-style class boundaries, in characters and
// stop-word density.
type thresholds struct {
	short    int     // shorter lines are "short"
	long     int     // lines at least this long with density >= good are "good"
	good     float64 // stop-word density of good prose
	nearGood float64 // density of prose that needs its neighbours' support
}

// standardThresholds are jusText's, adapted to lines.
func standardThresholds() thresholds {
	return thresholds{short: 70, long: 200, good: 0.32, nearGood: 0.25}
}

// relaxedThresholds serve pages with almost no line that passes the
// standard ones: short news items, list-heavy articles, languages whose
// function-word list here is thin.
func relaxedThresholds() thresholds {
	return thresholds{short: 40, long: 100, good: 0.22, nearGood: 0.15}
}

type class uint8

const (
	clsBad class = iota
	clsShort
	clsNearGood
	clsGood
)

type page struct {
	lines  []string
	feats  []feat
	scores []float64
	prob   []float64
	class  []class
	lang   lang
	// relaxed is set on pages where almost no line passes the standard
	// thresholds.
	relaxed bool
	th      thresholds
	// maxRunes is the length of the longest line; proseDensity the mean
	// stop-word density of lines of at least 70 characters.
	maxRunes     int
	proseDensity float64
	// heads holds prefix counts of comment headers; nil when the page
	// has none.
	heads []int32
	// group is, for each line, the first line with the same text; dups
	// says some line's text occurs more than once.
	group []int32
	dups  bool
	logs  *[logTableSize]float64
	// buf keeps the arrays of an earlier page for this one to reuse.
	buf buffers
}

// init measures lines into p, a new page or one whose arrays it may
// reuse, and leaves nothing of p's previous page in it.
func (p *page) init(lines []string) {
	sw := stopWordSet()
	ph := phraseSet()
	*p = page{
		lines:  lines,
		feats:  sized(p.feats, len(lines)),
		scores: sized(p.scores, len(lines)),
		class:  sized(p.class, len(lines)),
		logs:   log1pTable(),
		buf:    p.buf,
	}
	// One pass measures every line and counts its function words in
	// every language; the page's language is known only at its end.
	p.buf.counts = sized(p.buf.counts, len(lines))
	counts := p.buf.counts
	ls := newLangSample()
	for i, s := range lines {
		p.feats[i] = measure(s, sw, &counts[i])
		ls.add(s, &p.feats[i], &counts[i])
	}
	p.lang = ls.lang()
	var key keyBuf
	for i, s := range lines {
		f := &p.feats[i]
		f.setLang(s, p.lang, sw, &counts[i])
		if m, ok := ph.match(s, &key); ok && p.phraseApplies(*f, m) {
			f.kind = m.kind
			f.comment = m.comment
		}
		f.teaser = isTeaser(s, *f, sw, p.lang)
		f.commentHead = f.kind == kindNone && isCommentHeader(s)
		f.stamp = f.kind == kindNone && isStampHeader(s)
	}
	p.shareRowComments()
	p.stampThreads()
	p.countCommentHeads()
	p.groupLines()
	p.th = standardThresholds()
	good := 0
	for _, f := range p.feats {
		if p.th.classify(f) == clsGood {
			good++
		}
	}
	if good < 3 {
		p.relaxed = true
		p.th = relaxedThresholds()
	}
	var dsum float64
	dn := 0
	for i, f := range p.feats {
		p.class[i] = p.th.classify(f)
		p.maxRunes = max(p.maxRunes, int(f.runes))
		if f.runes >= 70 {
			dsum += f.density
			dn++
		}
	}
	if dn > 0 {
		p.proseDensity = dsum / float64(dn)
	}
}

// release drops p's references to its lines before it goes back to
// pagePool, so a pooled page keeps no caller's text alive.
func (p *page) release() {
	p.lines = nil
	pagePool.Put(p)
}

// groupLines finds the lines whose text occurs more than once: it sets
// group, and the dup count of each such line. Lines are grouped in an
// open-addressing table of line numbers, so no text is copied or kept
// twice: a map keyed by the lines held a string header per line for the
// collector to scan, and a second one marked the first copies.
func (p *page) groupLines() {
	n := len(p.lines)
	size := 4
	for size < 2*n {
		size *= 2
	}
	// slots hold 1 + the first line with a text, 0 when empty.
	p.buf.slots = sized(p.buf.slots, size)
	slots := p.buf.slots
	mask := uint64(size - 1)
	seed := maphash.MakeSeed()
	p.buf.group = sized(p.buf.group, n)
	p.group = p.buf.group
	for i, s := range p.lines {
		for j := maphash.String(seed, s) & mask; ; j = (j + 1) & mask {
			e := slots[j]
			if e == 0 {
				slots[j] = int32(i) + 1
				p.group[i] = int32(i)
				break
			}
			if p.lines[e-1] == s {
				p.group[i] = e - 1
				break
			}
		}
		// Counted on the group's first line until every line is seen.
		p.feats[p.group[i]].dup++
	}
	for i, g := range p.group {
		switch d := p.feats[g].dup; {
		case d > 1:
			p.feats[i].dup = d
			p.dups = true
		case int(g) == i:
			p.feats[i].dup = 0
		}
	}
}

// phraseApplies keeps a boilerplate phrase from condemning a line of real
// prose that merely starts with the same words ("Popular culture has ...").
func (p *page) phraseApplies(f feat, m phrase) bool {
	if m.contains {
		return true
	}
	switch m.kind {
	case kindReadMore, kindCommentForm, kindCopyright, kindCookie, kindTags:
		return f.runes <= 300
	}
	if f.runes > 200 {
		return false
	}
	return !(f.endsSent && f.words > 8 && f.density >= 0.3)
}

// classify puts one line in a jusText class.
func (th thresholds) classify(f feat) class {
	switch {
	case f.kind != kindNone || f.teaser:
		return clsBad
	case f.dup > 1 && f.runes < 100:
		return clsBad
	case int(f.runes) < th.short:
		return clsShort
	case f.density >= th.good && int(f.runes) >= th.long:
		return clsGood
	case f.density >= th.nearGood:
		return clsNearGood
	}
	return clsBad
}

// score gives every line a soft score in units of words: positive for
// lines that look like article prose, negative for the rest. The article
// is then the run with the largest sum, which is what token F1 rewards:
// a kept body word is a true positive, a kept menu word a false one.
func (p *page) score() {
	w1, w2 := stage1Weights(), stage2Weights()
	p.prob = p.predict(&w1, &w2)
	// Every page is taken to hold an article: on pages unlike most of
	// the web, where even the article's lines score low, the bar drops
	// with the best line's probability.
	top := 0.0
	for _, v := range p.prob {
		top = max(top, v)
	}
	theta := min(thetaBase, thetaShare*top)
	for i, f := range p.feats {
		s := f.weight * (p.prob[i] - theta) * 2
		switch f.kind {
		case kindNone:
		case kindReadMore, kindAdvert, kindShare, kindNewsletter:
			// Interruptions that sit inside articles: dropped by their
			// kind wherever they are, they cost the run nothing.
			s = -0.5
		default:
			s = min(s, -3)
		}
		p.scores[i] = s
	}
}

// thetaShare is the share of the page's best line probability below
// which a line counts against the run, when that is under one half.
const thetaShare = 0.45

const thetaBase = 0.5

// findArticle returns the article's first line (headline if any), its
// first body line and one past its last body line.
func (p *page) findArticle() (start, body, end int) {
	s, e := p.maxRun(p.scores)
	if e <= s {
		return 0, 0, 0
	}
	s, e = p.extend(s, e)
	if t := p.tableAfter(e); t > e {
		s, e = p.extend(s, t)
	}
	if r := p.recipeAfter(e); r > e {
		s, e = p.extend(s, r)
	}
	// A headline or byline that scored as prose opens the run; the body
	// starts at the first line that reads as running text.
	b := s
	for b < e-1 && b < s+maxHeaderLines && !p.feats[b].endsSent && p.class[b] != clsGood {
		b++
	}
	if b == e-1 && !p.feats[b].endsSent && p.class[b] != clsGood {
		b = s
	}
	return p.header(s), b, e
}

// maxRun is Kadane's maximum-sum subarray over the line scores. A line that
// opens a comment section is a wall: comments are prose too, and without
// the wall a long discussion would join the article. Comments come after
// the article, so the earliest stretch between walls whose best run is a
// fair share of the page's best wins over a later, longer one.
func (p *page) maxRun(scores []float64) (int, int) {
	type run struct {
		sum  float64
		s, e int
		wall int // the wall that ends the stretch
	}
	var segs []run
	best := run{}
	cur := run{}
	sum, s := 0.0, 0
	for i, sc := range scores {
		if p.wall(i) {
			cur.wall = i
			segs = append(segs, cur)
			cur = run{}
			sum, s = 0, i+1
			continue
		}
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += sc
		if sum > cur.sum {
			cur = run{sum, s, i + 1, 0}
		}
		if sum > best.sum {
			best = run{sum, s, i + 1, 0}
		}
	}
	for k, r := range segs {
		if r.e <= r.s || r.sum < minArticleWords {
			continue
		}
		// A wall followed by comment headers ("Jane on May 3 at 5
		// pm said:") is certainly a comment section: whatever
		// article there is stands before it.
		next := len(scores)
		if k+1 < len(segs) {
			next = segs[k+1].wall
		}
		if r.sum >= commentShare*best.sum || p.commentHeads(r.wall, next) >= minCommentHeads {
			return r.s, r.e
		}
	}
	return best.s, best.e
}

// wall reports a line that opens a comment section: a heading
// ("Comments", "Leave a reply") or the first of a run of stamps.
func (p *page) wall(i int) bool { return p.feats[i].comment || p.feats[i].thread }

// Comment stamps: how many in a run make a comment section, and the most
// lines from one to the next (a comment's text and its reply button
// between them).
const (
	minStamps   = 3
	maxStampGap = 12
)

// stampThreads marks the comment sections that stamps head
// (isStampHeader): a run of at least minStamps of them, each within
// maxStampGap lines of the one before. The run's first stamp is a wall,
// as a "Comments" heading is, and every stamp in it a comment's head. A
// stamp alone is an article's byline and date.
func (p *page) stampThreads() {
	for i := 0; i < len(p.feats); {
		if !p.feats[i].stamp {
			i++
			continue
		}
		n, last := 1, i
		for j := i + 1; j < len(p.feats) && j-last <= maxStampGap; j++ {
			if p.feats[j].stamp {
				n, last = n+1, j
			}
		}
		if n >= minStamps {
			p.feats[i].thread = true
			for k := i; k <= last; k++ {
				p.feats[k].commentHead = p.feats[k].commentHead || p.feats[k].stamp
			}
		}
		i = last + 1
	}
}

// minCommentHeads is how many comment headers confirm a comment section.
const minCommentHeads = 2

// commentHeads counts the comment headers in lines[a:b].
func (p *page) commentHeads(a, b int) int {
	if p.heads == nil {
		return 0
	}
	return int(p.heads[b] - p.heads[a])
}

// countCommentHeads builds the prefix counts of comment headers, on the
// pages that have any.
func (p *page) countCommentHeads() {
	any := false
	for i := range p.feats {
		if p.feats[i].commentHead {
			any = true
			break
		}
	}
	if !any {
		return
	}
	p.buf.heads = sized(p.buf.heads, len(p.feats)+1)
	p.heads = p.buf.heads
	for i := range p.feats {
		p.heads[i+1] = p.heads[i]
		if p.feats[i].commentHead {
			p.heads[i+1]++
		}
	}
}

// shareRowComments undoes the comment wall of a "Comments" button in a
// row of share buttons: it links to the comments, it does not open them.
func (p *page) shareRowComments() {
	for i := range p.feats {
		f := &p.feats[i]
		if !f.comment || f.words > 2 {
			continue
		}
		if (i > 0 && p.feats[i-1].kind == kindShare) || (i+1 < len(p.feats) && p.feats[i+1].kind == kindShare) {
			f.comment = false
			f.kind = kindShare
		}
	}
}

// commentShare: a stretch before a comment wall is preferred to the best
// run of the page when its sum is at least this share of the best.
const commentShare = 0.25

// minArticleWords is the least run sum taken for an article before a
// comment wall: less is a comment count in a header, not an article.
const minArticleWords = 20

// sentenceLike reports whether a line reads as part of running text even
// if it is too short to score well on its own: a closing remark, a one-line
// paragraph.
func (p *page) sentenceLike(i int) bool {
	f := p.feats[i]
	return f.kind == kindNone && !f.teaser && f.dup < 2 && f.endsSent && f.words >= 3 && f.density >= 0.15
}

// extend grows the run over neighbouring lines that read as sentences: the
// maximum-sum run stops at short final paragraphs that score just below
// zero.
func (p *page) extend(s, e int) (int, int) {
	for e < len(p.lines) && !p.wall(e) && p.sentenceLike(e) {
		e++
	}
	for s > 0 && p.sentenceLike(s-1) {
		s--
	}
	return s, e
}

// maxHeaderLines bounds how far above the body the headline is looked for.
const maxHeaderLines = 8

// header looks above the first body line for the article's headline: the
// farthest headline-like line among the few short lines that precede the
// body without a break of navigation.
func (p *page) header(body int) int {
	start := body
	for i := body - 1; i >= 0 && i >= body-maxHeaderLines; i-- {
		f := p.feats[i]
		if p.wall(i) || f.runes > 300 || p.class[i] == clsGood {
			break
		}
		if p.headlineLike(i) {
			start = i
		}
	}
	return start
}

func (p *page) headlineLike(i int) bool {
	f := p.feats[i]
	if f.kind != kindNone || f.teaser {
		return false
	}
	if f.cjk {
		return f.runes >= 8 && f.runes <= 120
	}
	if f.words < 4 || f.runes > 250 {
		return false
	}
	last := p.lines[i][len(p.lines[i])-1]
	return last != '.' && last != ':'
}

// label writes the kind of every line.
func (p *page) label(kinds []string, start, body, end int) {
	// inRun counts the copies of each repeated line inside the article;
	// -1 marks a line shown twice in a row somewhere (a caption in a
	// gallery and its enlarged twin), which is never structure. ownFirst
	// marks a repeated line met inside the article. Both are indexed by
	// the line's group and read only for repeated lines.
	var inRun []int32
	var ownFirst []bool
	if p.dups {
		p.buf.inRun = sized(p.buf.inRun, len(p.lines))
		p.buf.ownFirst = sized(p.buf.ownFirst, len(p.lines))
		inRun, ownFirst = p.buf.inRun, p.buf.ownFirst
	}
	for i := start; i < end; i++ {
		if p.feats[i].dup < 2 {
			continue
		}
		g := p.group[i]
		if n := inRun[g]; n >= 0 {
			inRun[g] = n + 1
		}
		if i > start && p.group[i-1] == g {
			inRun[g] = -1
		}
	}
	for i := range p.lines {
		f := p.feats[i]
		inside := i >= start && i < end
		switch {
		case f.kind != kindNone:
			kinds[i] = f.kind.String()
		case f.teaser && (!inside || i >= body):
			kinds[i] = KindRelated
		case !inside:
			kinds[i] = KindOutside
		case f.dup > 1 && f.dup >= dupKeepMin && inRun[p.group[i]] == f.dup:
			// A line repeated only inside the article, never twice in
			// a row, is its structure (the same subheading over each
			// day of a plan).
		case f.numeric:
			// Numbers repeat in any table; a number is no menu.
		case f.dup > 1 && (f.runes < 100 || ownFirst[p.group[i]]):
			// Short repeats are menus and captions shown twice; a long
			// paragraph repeated inside the article is kept once.
			kinds[i] = KindDuplicate
		}
		if inside && f.dup > 1 {
			ownFirst[p.group[i]] = true
		}
	}
}

const dupKeepMin = 3
