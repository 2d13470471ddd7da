package boilerplate

import (
	"math"
	"sync"
)

// The line scorer is a two-stage logistic model. Stage one reads a line on
// its own (length, function words, punctuation, known phrases,
// repetition, position); stage two adds what its neighbourhood says
// (stage-one probabilities around it, where the first guess of the
// article lies). Its weights are fitted on half of the real-world corpus
// by TestTrain (train_test.go) and written to weights.go.

const (
	nStage1 = 30
	nStage2 = nStage1 + 18
)

// logTableSize covers the line lengths and distances most lines have.
const logTableSize = 1024

// log1pTable holds math.Log1p of small integers: the features take a
// few logarithms of every line.
var log1pTable = sync.OnceValue(func() *[logTableSize]float64 {
	var t [logTableSize]float64
	for k := range t {
		t[k] = math.Log1p(float64(k))
	}
	return &t
})

// log1p is math.Log1p(n), from the table when n is small.
func (p *page) log1p(n int) float64 {
	if n >= 0 && n < logTableSize {
		return p.logs[n]
	}
	// 1+n is exact in a float64 here, and Log is the faster call.
	return math.Log(float64(n) + 1)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// stage1Features describes line i on its own.
func (p *page) stage1Features(i int, x []float64) {
	f := p.feats[i]
	n := float64(len(p.lines))
	words := float64(max(1, f.words))
	lr := p.log1p(int(f.runes)) / 5
	pos := float64(i) / n
	x[0] = 1
	x[1] = lr
	x[2] = f.density
	x[3] = f.density * b2f(f.runes >= 70)
	x[4] = b2f(f.endsSent)
	x[5] = min(1, float64(f.sentences)*10/words)
	x[6] = float64(f.upperInit) / words
	x[7] = float64(f.digits) / words
	x[8] = b2f(f.kind != kindNone)
	x[9] = b2f(f.comment)
	x[10] = b2f(f.dup > 1)
	x[11] = p.log1p(int(max(1, f.dup) - 1))
	x[12] = b2f(f.teaser)
	x[13] = b2f(f.runes < 40)
	x[14] = min(1, float64(f.commas)/words)
	x[15] = b2f(f.colonEnd)
	x[16] = b2f(f.separator)
	x[17] = b2f(f.bullet)
	x[18] = b2f(f.url)
	x[19] = b2f(f.cjk)
	x[20] = b2f(f.words < 4)
	x[21] = pos
	x[22] = pos * pos
	x[23] = b2f(p.relaxed)
	x[24] = f.density * lr
	x[25] = b2f(f.words >= 4 && !f.endsSent && float64(f.upperInit)/words > 0.6)
	// Relative to the page: the article's lines are long and wordy for
	// this page, whatever the page's style.
	x[26] = float64(f.runes) / float64(max(1, p.maxRunes))
	x[27] = f.density - p.proseDensity
	x[28] = p.log1p(p.maxRunes) / 5
	x[29] = b2f(f.numeric)
}

// context holds what stage two knows about the page as a whole.
type context struct {
	p1    []float64 // stage-one probabilities
	sum   []float64 // prefix sums of p1
	wsum  []float64 // prefix sums of p1 weighted by words
	words []float64 // prefix sums of words
	// numeric holds prefix counts of number-only lines (exact in a
	// float64, so numericShare divides the same numbers).
	numeric []float64
	s, e    int     // stage-one article run
	wallAt  int     // first comment wall after s, or len(lines)
	max     float64 // highest stage-one probability on the page
	// runShare is the stage-one run's share of the page's words.
	runShare float64
}

func (p *page) newContext(p1 []float64) context {
	n := len(p1)
	// The four prefix sums and the line scores share one allocation.
	p.buf.context = sized(p.buf.context, 4*(n+1)+n)
	all := p.buf.context
	c := context{p1: p1, sum: all[:n+1], wsum: all[n+1 : 2*(n+1)], words: all[2*(n+1) : 3*(n+1)],
		numeric: all[3*(n+1) : 4*(n+1)]}
	for i, v := range p1 {
		w := float64(p.feats[i].words)
		c.numeric[i+1] = c.numeric[i]
		if p.feats[i].numeric {
			c.numeric[i+1]++
		}
		c.sum[i+1] = c.sum[i] + v
		c.wsum[i+1] = c.wsum[i] + v*w
		c.words[i+1] = c.words[i] + w
	}
	sc := all[4*(n+1):]
	for i, v := range p1 {
		sc[i] = p.feats[i].weight * (2*v - 1)
	}
	c.s, c.e = p.maxRun(sc)
	c.max = 1e-3
	for _, v := range p1 {
		c.max = max(c.max, v)
	}
	if c.words[n] > 0 {
		c.runShare = (c.words[c.e] - c.words[c.s]) / c.words[n]
	}
	c.wallAt = n
	for i := c.s; i < n; i++ {
		if p.wall(i) {
			c.wallAt = i
			break
		}
	}
	return c
}

// mean is the average stage-one probability of lines [a, b) around i,
// leaving i out.
func (c *context) mean(i, r int) float64 {
	a, b := max(0, i-r), min(len(c.p1), i+r+1)
	if b-a <= 1 {
		return 0.5
	}
	return (c.sum[b] - c.sum[a] - c.p1[i]) / float64(b-a-1)
}

func (c *context) wmean(i, r int) float64 {
	a, b := max(0, i-r), min(len(c.p1), i+r+1)
	w := c.words[b] - c.words[a]
	if w == 0 {
		return 0.5
	}
	return (c.wsum[b] - c.wsum[a]) / w
}

// contextFeatures describes line i's neighbourhood: x[k] is stage-two
// feature nStage1+k.
func (p *page) contextFeatures(i int, c *context, x []float64) {
	inside := i >= c.s && i < c.e
	dist := 0
	switch {
	case i < c.s:
		dist = c.s - i
	case i >= c.e:
		dist = i - c.e + 1
	}
	x[0] = c.p1[i]
	x[1] = c.mean(i, 1)
	x[2] = c.mean(i, 3)
	x[3] = c.mean(i, 10)
	x[4] = c.wmean(i, 5)
	x[5] = b2f(inside)
	x[6] = p.log1p(dist) / 3
	x[7] = b2f(i < c.s)
	x[8] = b2f(i >= c.e)
	x[9] = b2f(i > c.wallAt)
	rel := 0.0
	if inside {
		rel = float64(i-c.s) / float64(max(1, c.e-c.s))
	}
	x[10] = rel
	x[11] = b2f(dist > 0 && dist <= 3)
	x[12] = c.p1[i] / c.max
	x[13] = c.max
	x[14] = c.runShare
	// Tables and lists: runs of number cells, or lines after a lead-in
	// that ends with a colon, are content even though they are not prose.
	x[15] = c.numericShare(i, 6)
	x[16] = b2f(c.colonBefore(p, i, 3))
	x[17] = p.log1p(len(p.lines)) / 7
}

func (c *context) numericShare(i, r int) float64 {
	a, b := max(0, i-r), min(len(c.p1), i+r+1)
	return (c.numeric[b] - c.numeric[a]) / float64(b-a)
}

func (c *context) colonBefore(p *page, i, r int) bool {
	for k := max(0, i-r); k < i; k++ {
		if p.feats[k].colonEnd {
			return true
		}
	}
	return false
}

// dot2 is dot(w, x) and dot(v, x) for the stage-one features x, summed in
// the same order, in one pass that loads x once for both; the arrays'
// lengths leave the loop no bounds to check.
func dot2(w, v, x *[nStage1]float64) (float64, float64) {
	// Reading the arrays once before the loop takes their nil checks
	// out of it.
	_, _, _ = w[0], v[0], x[0]
	z, y := 0.0, 0.0
	for k, a := range x {
		z += w[k] * a
		y += v[k] * a
	}
	return z, y
}

// dotContext is dot(w, x) for stage two's context features x, with no
// bounds to check.
func dotContext(w, x *[nStage2 - nStage1]float64) float64 {
	_, _ = w[0], x[0]
	z := 0.0
	for k, a := range x {
		z += w[k] * a
	}
	return z
}

// predict runs both stages and returns the stage-two probability that
// each line belongs to the article body. A line's own features are
// computed once: stage two's weights on them are applied in the same pass
// as stage one's.
func (p *page) predict(w1 *[nStage1]float64, w2 *[nStage2]float64) []float64 {
	n := len(p.lines)
	p.buf.both = sized(p.buf.both, 2*n)
	both := p.buf.both
	p1, own := both[:n:n], both[n:]
	var x1 [nStage1]float64
	for i := range n {
		p.stage1Features(i, x1[:])
		z1, z2 := dot2(w1, (*[nStage1]float64)(w2[:nStage1]), &x1)
		p1[i] = sigmoid(z1)
		own[i] = z2
	}
	c := p.newContext(p1)
	var x2 [nStage2 - nStage1]float64
	for i := range n {
		p.contextFeatures(i, &c, x2[:])
		own[i] = sigmoid(own[i] + dotContext((*[nStage2 - nStage1]float64)(w2[nStage1:]), &x2))
	}
	return own
}
