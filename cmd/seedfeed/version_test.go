package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
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
			want: []string{"seedfeed 0.1.0\n", "module: seedfeed (devel)\n",
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

// TestVersionStamped builds seedfeed in a fresh git repository and checks
// that `seedfeed version` names its commit and commit time. A fresh
// repository, because go build stamps nothing in a git worktree (it wants
// .git to be a folder) and CI may build with -buildvcs=false.
func TestVersionStamped(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git command")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	for _, p := range []string{"go.mod", "go.sum", "cmd", "internal"} {
		copySources(t, filepath.Join(root, p), filepath.Join(repo, p))
	}
	const when = "2026-11-30T08:09:10Z"
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+when, "GIT_AUTHOR_DATE="+when)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "version test")
	head := git("rev-parse", "HEAD")

	bin := filepath.Join(t.TempDir(), "seedfeed")
	// The flags of deploy/Dockerfile; -trimpath also lets the build cache
	// serve a repository at a new temporary path.
	build := exec.Command(gobin, "build", "-buildvcs=true", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/seedfeed")
	build.Dir = repo
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("seedfeed version: %v\n%s", err, out)
	}
	for _, w := range []string{"seedfeed 0.1.0\n", "module: seedfeed ", "revision: " + head + "\n",
		"commit time: " + when + "\n", " static (CGO_ENABLED=0)\n"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("seedfeed version printed\n%s\nwithout %q", out, w)
		}
	}
}

// copySources copies a file or a tree of Go sources, leaving out tests and
// their data, which the binary does not need.
func copySources(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
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
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
