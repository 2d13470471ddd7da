//go:build race

package article

// raceEnabled reports that the race detector, which slows code by five to
// twenty times, instruments this build.
const raceEnabled = true
