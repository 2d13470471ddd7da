package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seeds.dir "" (in the file) makes a serve-only process; it needs
// state.url, and site images given as URLs.
func TestServeOnly(t *testing.T) {
	const pg = "state:\n  url: postgres://u:p@db.example:5432/seedfeed\n"
	tests := []struct {
		name, in  string
		env       map[string]string
		serveOnly bool
		// wantErr: what CheckServeOnly's error must contain; "" for none.
		wantErr string
	}{
		{name: "default folder", in: "", serveOnly: false},
		{name: "folder on SQLite", in: "seeds:\n  dir: articles\n", serveOnly: false},
		{name: "no folder, PostgreSQL", in: "seeds:\n  dir: \"\"\n" + pg, serveOnly: true},
		{name: "no folder, PostgreSQL from the environment", in: "seeds:\n  dir: \"\"\n",
			env: map[string]string{"SEEDFEED_STATE_URL": "postgres://u:p@db.example/seedfeed"}, serveOnly: true},
		{name: "no folder, SQLite", in: "seeds:\n  dir: \"\"\n", serveOnly: true, wantErr: "state.url is not set"},
		{name: "no folder, SQLite at a path", in: "seeds:\n  dir: \"\"\nstate:\n  path: x.db\n", serveOnly: true, wantErr: "state.url is not set"},
		{name: "no folder, icon URL", in: "site:\n  icon: https://cdn.example/icon.png\nseeds:\n  dir: \"\"\n" + pg, serveOnly: true},
		{name: "no folder, icon file", in: "site:\n  icon: icon.png\nseeds:\n  dir: \"\"\n" + pg, serveOnly: true},
		{name: "no folder, logo file", in: "site:\n  logo: img/logo.svg\nseeds:\n  dir: \"\"\n" + pg, serveOnly: true},
		{name: "folder, icon file", in: "site:\n  icon: icon.png\n", serveOnly: false},
		// The environment cannot empty a key (an empty variable is no
		// override): SEEDFEED_SEEDS_DIR="" keeps the file's folder.
		{name: "empty environment keeps the folder", in: "seeds:\n  dir: articles\n",
			env: map[string]string{"SEEDFEED_SEEDS_DIR": ""}, serveOnly: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.in), func(k string) string { return tt.env[k] })
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if c.ServeOnly() != tt.serveOnly {
				t.Errorf("ServeOnly() = %v, want %v (seeds.dir %q)", c.ServeOnly(), tt.serveOnly, c.Seeds.Dir)
			}
			err = c.CheckServeOnly()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("CheckServeOnly: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("CheckServeOnly: %v, want an error with %q", err, tt.wantErr)
			case err != nil && (!errors.Is(err, ErrServeOnly) || errors.Is(err, ErrInvalid)):
				t.Errorf("CheckServeOnly: %v is not ErrServeOnly alone (a refusal at start, exit status 1, not a bad config)", err)
			}
		})
	}
}

// Load resolves a relative seeds.dir against the config's folder, but an
// empty one stays empty: no folder, not the config's own.
func TestLoadServeOnlyKeepsNoFolder(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte("seeds:\n  dir: \"\"\nstate:\n  url: postgres://u@db.example/s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Seeds.Dir != "" || !c.ServeOnly() {
		t.Errorf("seeds.dir = %q, want empty (serve-only)", c.Seeds.Dir)
	}
}
