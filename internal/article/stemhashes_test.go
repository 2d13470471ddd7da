package article

import (
	"math/rand/v2"
	"testing"
)

// TestStemHashesMatchesMap holds the stem set to a map: sized for little
// text and filled with far more hashes than that (so it grows several
// times), with duplicates, the hash 0 and hashes that share their low
// bits, it holds exactly what was added.
func TestStemHashesMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name       string
		textBytes  int
		adds       int
		lowBitsTie bool
	}{
		{"empty", 0, 0, false},
		{"prose", 2048, 300, false},
		{"worst case", 2048, 1025, false},
		{"grows from tiny", 1, 5000, false},
		{"same low bits", 64, 400, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStemHashes(tc.textBytes)
			want := map[uint64]bool{}
			var added []uint64
			for k := range tc.adds {
				var h uint64
				switch {
				case k%50 == 7:
					h = 0
				case k%5 == 3 && len(added) > 0:
					h = added[r.IntN(len(added))] // a duplicate
				case tc.lowBitsTie:
					h = r.Uint64() << 20 // every hash lands on slot 0 first
				default:
					h = r.Uint64()
				}
				s.add(h)
				want[h] = true
				added = append(added, h)
			}
			for h := range want {
				if !s.has(h) {
					t.Fatalf("has(%#x) = false after add", h)
				}
			}
			for range 2000 {
				h := r.Uint64()
				if s.has(h) != want[h] {
					t.Fatalf("has(%#x) = %v, want %v", h, s.has(h), want[h])
				}
			}
			if s.has(0) != want[0] {
				t.Errorf("has(0) = %v, want %v", s.has(0), want[0])
			}
			if len(s.slots) > 0 && s.used*3 > len(s.slots)*2 {
				t.Errorf("%d of %d slots used: more than two thirds", s.used, len(s.slots))
			}
		})
	}
	var zero stemHashes
	if zero.has(5) || zero.has(0) {
		t.Error("the zero set holds something")
	}
}
