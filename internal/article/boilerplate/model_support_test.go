package boilerplate

// What training, the debug dumps and the dot-product test need of the
// model beside what Classify runs: a page of its own (Classify takes its
// pages from a pool), a line's stage-two features in one slice, and the
// plain dot product.

// newPage measures lines into a page of its own.
func newPage(lines []string) *page {
	p := new(page)
	p.init(lines)
	return p
}

// stage2Features adds line i's neighbourhood to its own features.
func (p *page) stage2Features(i int, c *context, x []float64) {
	p.stage1Features(i, x[:nStage1])
	p.contextFeatures(i, c, x[nStage1:])
}

// dot is the plain dot product: training uses it, and dot2 and
// dotContext must sum the same terms in its order.
func dot(w, x []float64) float64 {
	z := 0.0
	for k, v := range x {
		z += w[k] * v
	}
	return z
}
