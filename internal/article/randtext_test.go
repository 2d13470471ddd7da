package article

import (
	"math/rand/v2"
	"strings"
)

// randomText joins fewer than maxPieces pieces picked at random: the
// inputs of the tests that hold a fast function to its plain reference.
func randomText(r *rand.Rand, pieces []string, maxPieces int) string {
	var b strings.Builder
	for range r.IntN(maxPieces) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}
