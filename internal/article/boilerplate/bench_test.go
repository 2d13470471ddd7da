package boilerplate

import "testing"

// BenchmarkMeasureLine and BenchmarkMatchLine time the two per-line scans
// that dominate Classify on prose.
func BenchmarkMeasureLine(b *testing.B) {
	sw := stopWordSet()
	var c [numLangs]uint16
	b.SetBytes(int64(len(proseA)))
	for b.Loop() {
		measure(proseA, sw, &c)
	}
}

func BenchmarkMatchLine(b *testing.B) {
	ph := phraseSet()
	key := make([]byte, 0, 2*maxKeyBytes)
	b.SetBytes(int64(len(proseA)))
	for b.Loop() {
		ph.match(proseA, &key)
	}
}
