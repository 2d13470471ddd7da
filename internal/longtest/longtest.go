// Package longtest says whether the tests that take minutes run. They do
// in CI (.ci/run runs with CI=true) and when a developer asks for them
// with SEEDFEED_LONG=1; the plain `go test -race ./...` a newcomer runs
// leaves them out, or runs them on a smaller scale, so that it finishes
// in about two minutes.
package longtest

import (
	"os"
	"strconv"
	"testing"
)

// Enabled reports whether the long tests run.
func Enabled() bool {
	return on("SEEDFEED_LONG") || on("CI")
}

func on(name string) bool {
	v, ok := os.LookupEnv(name)
	if !ok || v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	return err != nil || b // any other non-empty value, as CI systems set, counts as on
}

// Skip skips t unless the long tests run, saying how to run it.
func Skip(t testing.TB, what string) {
	t.Helper()
	if !Enabled() {
		t.Skipf("long test (%s): runs in CI, or with SEEDFEED_LONG=1", what)
	}
}

// Scale returns long when the long tests run, else short: the size of a
// test that checks the same thing either way, on more cases in CI.
func Scale(short, long int) int {
	if Enabled() {
		return long
	}
	return short
}
