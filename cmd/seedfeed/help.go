package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// command is one subcommand: the help text and the flags come from the
// same place the command parses them, so help cannot drift from it.
type command struct {
	name     string
	synopsis string // after "seedfeed NAME"
	summary  string // one line, for the list
	// flags declares the command's flags on fs; nil when it has none.
	flags func(fs *flag.FlagSet)
	run   func(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{
			name: "serve", synopsis: "[-config FILE] [-v] [-replica] [-progress DURATION]",
			summary: "run the daemon: scan seeds/, serve the feeds, rescan on schedule and on changes (the default command)",
			flags:   func(fs *flag.FlagSet) { new(serveFlags).define(fs) },
			run:     runServe,
		},
		{
			name: "build", synopsis: "[-config FILE] [-progress DURATION] -out DIR",
			summary: "write every feed and page once, as static files for any web server or CDN",
			flags:   func(fs *flag.FlagSet) { new(buildFlags).define(fs) },
			run:     runBuild,
		},
		{
			name: "check", synopsis: "[-json] [-ref RFC3339] [-config FILE] PATH... | -score DIR [-pages]",
			summary: "normalize files (or every file under a folder) and print them; or score a labelled corpus",
			flags:   func(fs *flag.FlagSet) { new(checkFlags).define(fs) },
			run:     runCheck,
		},
		{
			name: "healthcheck", synopsis: "[-config FILE] [-url URL] [-timeout DURATION]",
			summary: "ask a running seedfeed's /healthz; exit 0 when it serves feeds, 1 when not (for Docker's HEALTHCHECK)",
			flags:   func(fs *flag.FlagSet) { new(healthFlags).define(fs) },
			run:     runHealthcheck,
		},
		{
			name: "migrate", synopsis: "[-config FILE] [-from SQLITE_FILE] [-to POSTGRES_URL]",
			summary: "copy the SQLite state (state.path) into an empty PostgreSQL database (state.url), every id, slug and date intact",
			flags:   func(fs *flag.FlagSet) { new(migrateFlags).define(fs) },
			run:     runMigrate,
		},
		{
			name: "version", synopsis: "",
			summary: "print the version, the normalizer's version, and the revision and commit time the binary was built from",
			run:     runVersion,
		},
		{
			name: "help", synopsis: "[COMMAND]",
			summary: "print this help, or one command's",
			run:     runHelp,
		},
	}
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// newFlagSet returns the flag set of a command. Errors are reported by
// parseFlags in one line, so the flag package prints nothing itself.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses a command's flags. -h prints the command's help on
// stdout and returns done: the caller returns nil (exit status 0). A bad
// flag is a usage error (exit status 2).
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (done bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		c, _ := findCommand(fs.Name())
		writeCommandHelp(stdout, c)
		return true, nil
	}
	if err != nil {
		return true, usageError("%s: %v; \"seedfeed help %s\" lists its flags", fs.Name(), err, fs.Name())
	}
	return false, nil
}

const helpIntro = `seedfeed publishes a folder of articles as Atom, RSS and JSON feeds.

Usage: seedfeed [COMMAND] [FLAGS] [ARGS]
With no command, seedfeed serves. "seedfeed help COMMAND" shows one command.

Commands:
`

// writeHelp prints the list of commands, then each command with its flags.
func writeHelp(w io.Writer) {
	fmt.Fprint(w, helpIntro)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	for _, c := range commands() {
		fmt.Fprintln(w)
		writeCommandHelp(w, c)
	}
	fmt.Fprint(w, `
Exit status: 0 on success, 1 when the work failed (check: a file was
rejected; serve: the database or the port cannot be used; migrate: the
copy failed or the target is not empty), 2 for bad usage or a bad
config.yaml.
`)
}

// writeCommandHelp prints one command's synopsis, summary and flags.
func writeCommandHelp(w io.Writer, c command) {
	fmt.Fprintln(w, strings.TrimRight("seedfeed "+c.name+" "+c.synopsis, " "))
	fmt.Fprintf(w, "  %s\n", c.summary)
	if c.flags == nil {
		return
	}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.flags(fs)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

func runHelp(_ context.Context, args []string, _ func(string) string, stdout, _ io.Writer) error {
	switch {
	case len(args) == 0 || len(args) == 1 && isHelpFlag(args[0]):
		writeHelp(stdout)
		return nil
	case len(args) == 1:
		c, ok := findCommand(args[0])
		if !ok {
			return usageError("help: unknown command %q (known: %s)", args[0], strings.Join(commandNames(), ", "))
		}
		writeCommandHelp(stdout, c)
		return nil
	}
	return usageError("help: name one command, not %d", len(args))
}
