//go:build !race

package longtest

// Race reports that the race detector instruments this build: it slows
// code five to twenty times and multiplies its memory, so bounds of time
// and memory are asserted only without it.
const Race = false
