package boilerplate

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDotSameSums checks that predict's array dot products give dot's
// sums to the last bit: the scores, and so every output, depend on it.
func TestDotSameSums(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	w1, w2 := stage1Weights(), stage2Weights()
	for range 2000 {
		var x1 [nStage1]float64
		var x2 [nStage2 - nStage1]float64
		for k := range x1 {
			x1[k] = r.NormFloat64() * math.Pow(10, float64(r.IntN(7)-3))
		}
		for k := range x2 {
			x2[k] = r.NormFloat64() * math.Pow(10, float64(r.IntN(7)-3))
		}
		z, y := dot2(&w1, (*[nStage1]float64)(w2[:nStage1]), &x1)
		if want := dot(w1[:], x1[:]); math.Float64bits(z) != math.Float64bits(want) {
			t.Fatalf("dot2 stage one = %v, dot %v", z, want)
		}
		if want := dot(w2[:nStage1], x1[:]); math.Float64bits(y) != math.Float64bits(want) {
			t.Fatalf("dot2 stage two = %v, dot %v", y, want)
		}
		c := dotContext((*[nStage2 - nStage1]float64)(w2[nStage1:]), &x2)
		if want := dot(w2[nStage1:], x2[:]); math.Float64bits(c) != math.Float64bits(want) {
			t.Fatalf("dotContext = %v, dot %v", c, want)
		}
	}
}
