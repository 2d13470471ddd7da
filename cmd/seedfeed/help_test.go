package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/help/*.golden from the current output")

// runArgs runs the command line in-process, as main would.
func runArgs(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, func(string) string { return "" }, &out, &errOut)
	code = exitCode(err, &errOut)
	return out.String(), errOut.String(), code
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "help", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Help -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (go test -run Help -update rewrites it):\n%s", name, path, got)
	}
}

func TestHelpGolden(t *testing.T) {
	full, _, code := runArgs(t, "help")
	if code != 0 {
		t.Fatalf("help: exit status %d", code)
	}
	checkGolden(t, "all", full)
	// Every way of asking for help gives the same page, on stdout, with
	// status 0.
	for _, args := range [][]string{{"-h"}, {"-help"}, {"--help"}, {"help", "-h"}} {
		out, errOut, code := runArgs(t, args...)
		if out != full || errOut != "" || code != 0 {
			t.Errorf("%q: status %d, stderr %q, stdout equal to help: %v", args, code, errOut, out == full)
		}
	}
	for _, c := range commands() {
		out, errOut, code := runArgs(t, "help", c.name)
		if code != 0 || errOut != "" {
			t.Fatalf("help %s: status %d, stderr %q", c.name, code, errOut)
		}
		checkGolden(t, "command-"+c.name, out)
		if !strings.Contains(full, out) {
			t.Errorf("the full help lacks the section of %s:\n%s", c.name, out)
		}
		if c.name == "help" {
			continue
		}
		// COMMAND -h prints the same section: the help is the parser's.
		if hout, _, code := runArgs(t, c.name, "-h"); hout != out || code != 0 {
			t.Errorf("%s -h: status %d, output differs from help %s:\n%s", c.name, code, c.name, hout)
		}
	}
	// Every flag a command parses is in its help.
	for _, c := range commands() {
		if c.flags == nil {
			continue
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs)
		section, _, _ := runArgs(t, "help", c.name)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(section, "  -"+f.Name) {
				t.Errorf("help %s does not show -%s", c.name, f.Name)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string // in stderr
	}{
		{[]string{"frob"}, []string{`unknown command "frob"`, "serve, build, check, healthcheck, migrate, version, help"}},
		{[]string{"help", "frob"}, []string{`unknown command "frob"`, "known: serve"}},
		{[]string{"help", "serve", "build"}, []string{"name one command"}},
		{[]string{"serve", "-nope"}, []string{"serve: flag provided but not defined: -nope", "seedfeed help serve"}},
		{[]string{"-nope"}, []string{"serve: flag provided but not defined: -nope"}},
		{[]string{"build"}, []string{"-out DIR is required"}},
		{[]string{"build", "-out", "x", "extra"}, []string{`unexpected argument "extra"`}},
		{[]string{"check"}, []string{"name at least one file"}},
		{[]string{"version", "x"}, []string{`unexpected argument "x"`}},
		{[]string{"healthcheck", "-timeout", "soon"}, []string{"healthcheck: invalid value"}},
	} {
		out, errOut, code := runArgs(t, tc.args...)
		if code != 2 {
			t.Errorf("%q: exit status %d, want 2 (stderr %q)", tc.args, code, errOut)
		}
		if out != "" {
			t.Errorf("%q: wrote to stdout: %q", tc.args, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%q: stderr %q lacks %q", tc.args, errOut, w)
			}
		}
		if n := strings.Count(errOut, "\n"); n != 1 {
			t.Errorf("%q: %d lines on stderr, want one: %q", tc.args, n, errOut)
		}
	}
}

// With no command seedfeed serves (DESIGN.md; the README's first command
// is `go run ./cmd/seedfeed`): a bad config shows it got as far as
// loading serve's config.
func TestNoCommandServes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(bad, []byte("site:\n  colour: red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-config", bad}, func(string) string { return "" }, &out, &errOut)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(err.Error(), "site.colour") {
		t.Fatalf("seedfeed -config BAD: %v, want serve's config error", err)
	}
}
