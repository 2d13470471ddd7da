package article

import (
	"math/rand/v2"
	"testing"
)

// TestOneEditASCIIMatchesRunes holds the byte comparison to the rune
// one on ASCII words near one another and near the month names.
func TestOneEditASCIIMatchesRunes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "b", "r", "m", "ch", "march", "ma", "y", "ju", "ne", "ly", "x"}
	for range 50000 {
		a, b := randomText(r, pieces, 5), randomText(r, pieces, 5)
		if r.IntN(3) == 0 && len(a) > 0 {
			// One random edit of a.
			bs := []byte(a)
			i := r.IntN(len(bs))
			switch r.IntN(4) {
			case 0:
				bs[i] = "abmrx"[r.IntN(5)]
			case 1:
				bs = append(bs[:i], bs[i+1:]...)
			case 2:
				bs = append(bs[:i], append([]byte{"abmrx"[r.IntN(5)]}, bs[i:]...)...)
			default:
				if i+1 < len(bs) {
					bs[i], bs[i+1] = bs[i+1], bs[i]
				}
			}
			b = string(bs)
		}
		want := a != b && oneEditRunes([]rune(a), []rune(b))
		if got := oneEditASCII(a, b); got != want {
			t.Fatalf("oneEditASCII(%q, %q) = %v, want %v", a, b, got, want)
		}
		if got := oneEdit(a, b); got != want {
			t.Fatalf("oneEdit(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}
