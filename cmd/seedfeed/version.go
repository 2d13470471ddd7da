package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"seedfeed/internal/article"
	"seedfeed/internal/version"
)

func runVersion(_ context.Context, args []string, _ func(string) string, stdout, _ io.Writer) error {
	if len(args) > 0 {
		if isHelpFlag(args[0]) {
			c, _ := findCommand("version")
			writeCommandHelp(stdout, c)
			return nil
		}
		return usageError("version: unexpected argument %q", args[0])
	}
	bi, ok := debug.ReadBuildInfo()
	fmt.Fprint(stdout, versionText(bi, ok))
	return nil
}

// versionText says which seedfeed this is: the release, the normalizer's
// version (article.Version), the module version
// (a tag when installed with `go install seedfeed/cmd/seedfeed@vX`,
// "(devel)" from a checkout), and the commit it was built from, which is
// what a bug report needs. The revision comes from the VCS stamp `go
// build` adds in a git checkout; it is absent with -buildvcs=false.
func versionText(bi *debug.BuildInfo, ok bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "seedfeed %s\n", version.Version)
	// A store re-reads the files another normalizer made its articles of.
	fmt.Fprintf(&b, "normalizer: %d\n", article.Version)
	if !ok || bi == nil {
		fmt.Fprintf(&b, "go: %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
		b.WriteString("build information: none (not built with module support)\n")
		return b.String()
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	fmt.Fprintf(&b, "module: %s %s\n", bi.Main.Path, bi.Main.Version)
	if rev := settings["vcs.revision"]; rev != "" {
		if settings["vcs.modified"] == "true" {
			rev += " (with uncommitted changes)"
		}
		fmt.Fprintf(&b, "revision: %s\n", rev)
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(&b, "commit time: %s\n", t)
		}
	} else {
		b.WriteString("revision: unknown (built outside a git checkout, or with -buildvcs=false)\n")
	}
	goos, goarch := settings["GOOS"], settings["GOARCH"]
	if goos == "" {
		goos, goarch = runtime.GOOS, runtime.GOARCH
	}
	fmt.Fprintf(&b, "go: %s %s/%s", bi.GoVersion, goos, goarch)
	if settings["CGO_ENABLED"] == "0" {
		b.WriteString(" static (CGO_ENABLED=0)")
	}
	b.WriteString("\n")
	return b.String()
}
