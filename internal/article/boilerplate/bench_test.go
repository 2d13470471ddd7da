package boilerplate

import (
	"testing"
)

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
	var key keyBuf
	b.SetBytes(int64(len(proseA)))
	for b.Loop() {
		ph.match(proseA, &key)
	}
}

func BenchmarkMatchShortLines(b *testing.B) {
	ph := phraseSet()
	var key keyBuf
	lines := []string{"Latest Sports", "Michigan State", "Share this:", "November 19, 2019 at 9:45 am", "Weather Videos", "© 2019 Example Inc.", "Tom Rogan", "Read more: The council's plan"}
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, l := range lines {
			ph.match(l, &key)
		}
	}
}
