package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A serve-only process (seeds.dir "" or -replica) that cannot follow a
// writer stops at start, exit status 1, with a message naming the key to
// fix; build refuses to run without a folder. None of these reach a
// database or the network.
func TestServeOnlyRefusedAtStart(t *testing.T) {
	tests := []struct {
		name, yaml string
		args       []string
		want       []string
	}{
		{
			name: "seeds.dir empty on SQLite",
			yaml: "seeds:\n  dir: \"\"\nstate:\n  path: state.db\n",
			args: []string{"serve"},
			want: []string{"state.url is not set", "seeds.dir"},
		},
		{
			name: "-replica on SQLite",
			yaml: "seeds:\n  dir: seeds\nstate:\n  path: state.db\n",
			args: []string{"serve", "-replica"},
			want: []string{"serve -replica:", "state.url is not set"},
		},
		{
			name: "build without a folder",
			yaml: "seeds:\n  dir: \"\"\nstate:\n  path: state.db\n",
			args: []string{"build", "-out", "OUT"},
			want: []string{"build: seeds.dir is empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "config.yaml")
			yaml := tt.yaml + "server:\n  listen: \"127.0.0.1:0\"\n"
			if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{}, tt.args...)
			for i, a := range args {
				if a == "OUT" {
					args[i] = filepath.Join(dir, "out")
				}
			}
			args = append(args, "-config", cfg)
			_, stderr, code := runArgs(t, args...)
			if code != 1 {
				t.Errorf("exit status %d, want 1; stderr:\n%s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("more than one line on stderr:\n%s", stderr)
			}
			for _, made := range []string{"state.db", "seeds", "out"} {
				if _, err := os.Stat(filepath.Join(dir, made)); err == nil {
					t.Errorf("%s was created by a process that refused to start", made)
				}
			}
		})
	}
}
