//go:build race

package boilerplate

// raceEnabled scales down the largest inputs: the race detector makes
// them many times slower without finding more.
const raceEnabled = true
