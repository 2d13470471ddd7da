// Command seedfeed publishes a folder of articles as Atom, RSS and JSON feeds.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	_ "time/tzdata" // site.timezone must load on machines without a zoneinfo database
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitError carries a process exit status; its message, if any, has been
// printed already or is printed by exitCode.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks bad command-line usage: exit status 2.
func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "seedfeed:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "seedfeed:", err)
	return 1
}

// run is the whole program; main only supplies the process's environment.
// With no command, or only flags, it serves: DESIGN.md makes serve the
// default, and `go run ./cmd/seedfeed` is the README's first command.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && isHelpFlag(args[0]) {
		writeHelp(stdout)
		return nil
	}
	name := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args, getenv, stdout, stderr)
		}
	}
	return usageError("unknown command %q (known: %s); \"seedfeed help\" describes them", name, strings.Join(commandNames(), ", "))
}

func isHelpFlag(a string) bool {
	return a == "-h" || a == "-help" || a == "--help"
}
