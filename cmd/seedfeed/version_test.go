//go:build unix

package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"

	"seedfeed/internal/article"
)

func TestVersionText(t *testing.T) {
	main := debug.Module{Path: "seedfeed", Version: "(devel)"}
	setting := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		name   string
		bi     *debug.BuildInfo
		ok     bool
		want   []string
		absent []string
	}{
		{
			name: "clean checkout",
			bi: &debug.BuildInfo{GoVersion: "go1.26.0", Main: main, Settings: setting(
				"CGO_ENABLED", "0", "GOOS", "linux", "GOARCH", "arm64",
				"vcs", "git", "vcs.revision", "0123456789abcdef0123456789abcdef01234567",
				"vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "false")},
			ok: true,
			want: []string{"seedfeed 0.1.0\nnormalizer: " + strconv.Itoa(article.Version) + "\n", "module: seedfeed (devel)\n",
				"revision: 0123456789abcdef0123456789abcdef01234567\n", "commit time: 2026-12-01T10:00:00Z\n",
				"go: go1.26.0 linux/arm64 static (CGO_ENABLED=0)\n"},
			absent: []string{"uncommitted", "unknown"},
		},
		{
			name: "edited checkout",
			bi: &debug.BuildInfo{GoVersion: "go1.26.0", Main: main, Settings: setting(
				"vcs.revision", "abc", "vcs.time", "2026-12-01T10:00:00Z", "vcs.modified", "true")},
			ok:   true,
			want: []string{"revision: abc (with uncommitted changes)\n"},
		},
		{
			name:   "go install of a tag, no VCS",
			bi:     &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "seedfeed", Version: "v0.1.0"}},
			ok:     true,
			want:   []string{"module: seedfeed v0.1.0\n", "revision: unknown"},
			absent: []string{"commit time"},
		},
		{
			name: "no build info",
			ok:   false,
			want: []string{"seedfeed 0.1.0\n", "build information: none"},
		},
	} {
		got := versionText(tc.bi, tc.ok)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, got, w)
			}
		}
		for _, a := range tc.absent {
			if strings.Contains(got, a) {
				t.Errorf("%s: %q has %q", tc.name, got, a)
			}
		}
	}
}

// TestVersionStamped checks that `seedfeed version` names the commit and
// commit time of the binary built as deploy/Dockerfile builds it.
func TestVersionStamped(t *testing.T) {
	sb := stampedBinary(t)
	out, err := exec.Command(sb.path, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("seedfeed version: %v\n%s", err, out)
	}
	for _, w := range []string{"seedfeed 0.1.0\n", "module: seedfeed ", "revision: " + sb.head + "\n",
		"commit time: " + sb.when + "\n", " static (CGO_ENABLED=0)\n"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("seedfeed version printed\n%s\nwithout %q", out, w)
		}
	}
	if strings.Contains(string(out), "uncommitted") {
		t.Errorf("a clean checkout reads as modified:\n%s", out)
	}
}

// stamped is seedfeed built in a fresh git repository with the build
// command of deploy/Dockerfile. A fresh repository, because go build stamps
// nothing in a git worktree (it wants .git to be a folder) and the test
// may run with GOFLAGS=-buildvcs=false.
type stamped struct {
	path, head, when string
	err              error
}

var stampedOnce struct {
	sync.Once
	stamped
}

// dockerBuildFlags are the flags of the go build line in deploy/Dockerfile
// (TestDockerfile checks that it says so); -trimpath also lets the build
// cache serve a repository at a new temporary path.
var dockerBuildFlags = []string{"-trimpath", "-ldflags=-s -w"}

func stampedBinary(t *testing.T) stamped {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git command")
	}
	stampedOnce.Do(func() { stampedOnce.stamped = buildStamped(gobin) })
	if stampedOnce.err != nil {
		t.Fatal(stampedOnce.err)
	}
	return stampedOnce.stamped
}

func buildStamped(gobin string) (sb stamped) {
	root, err := filepath.Abs("../..")
	if err != nil {
		return stamped{err: err}
	}
	repo := filepath.Join(binary.dir, "stamped-src")
	for _, p := range []string{"go.mod", "go.sum", "cmd", "internal"} {
		if err := copySources(filepath.Join(root, p), filepath.Join(repo, p)); err != nil {
			return stamped{err: err}
		}
	}
	sb.when = "2026-11-30T08:09:10Z"
	git := func(args ...string) (string, error) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+sb.when, "GIT_AUTHOR_DATE="+sb.when)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("git %v: %w\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out)), nil
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"commit", "-q", "-m", "stamped build"}} {
		if _, err := git(args...); err != nil {
			return stamped{err: err}
		}
	}
	if sb.head, err = git("rev-parse", "HEAD"); err != nil {
		return stamped{err: err}
	}
	sb.path = filepath.Join(binary.dir, "seedfeed-stamped")
	args := append(append([]string{"build", "-buildvcs=true"}, dockerBuildFlags...), "-o", sb.path, "./cmd/seedfeed")
	build := exec.Command(gobin, args...)
	build.Dir = repo
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return stamped{err: fmt.Errorf("go build: %w\n%s", err, out)}
	}
	return sb
}

// copySources copies a file or a tree of Go sources, leaving out tests and
// their data, which the binary does not need.
func copySources(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasSuffix(p, "_test.go") || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
