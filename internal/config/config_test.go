package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseDefaults(t *testing.T) {
	c, err := Parse("config.yaml", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Feed.Items != 50 || c.Seeds.Schedule != "@every 1m" || !c.Seeds.Watch || c.Seeds.Settle != 2*time.Second ||
		c.Seeds.MaxFileBytes != 2097152 || c.Server.Listen != "127.0.0.1:8080" || c.Site.Location != time.UTC {
		t.Errorf("defaults: %+v", c)
	}
}

func TestParseValues(t *testing.T) {
	in := `
site:
  title: "My <Site>"
  base_url: "https://example.org/blog/"
  author: Jane
  language: pt-BR
  timezone: Asia/Kolkata
seeds:
  dir: articles
  schedule: "*/5 * * * *"
  watch: false
  settle: 500ms
  max_file_bytes: 1000
feed:
  items: 10
  full_content: false
server:
  listen: ":9090"
state:
  path: /var/lib/seedfeed.db
`
	c, err := Parse("c.yaml", []byte(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Site.BaseURL != "https://example.org/blog" {
		t.Errorf("base_url not trimmed: %q", c.Site.BaseURL)
	}
	if c.Site.Host() != "example.org" || c.Site.Location.String() != "Asia/Kolkata" {
		t.Errorf("site: %+v", c.Site)
	}
	if c.Seeds.Watch || c.Seeds.Settle != 500*time.Millisecond || c.Seeds.MaxFileBytes != 1000 || c.Seeds.Dir != "articles" {
		t.Errorf("seeds: %+v", c.Seeds)
	}
	if c.Feed.Items != 10 || c.Feed.FullContent || c.Server.Listen != ":9090" || c.State.Path != "/var/lib/seedfeed.db" {
		t.Errorf("rest: %+v", c)
	}
}

func TestParseErrorsNameKeyAndLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bad yaml", "site:\n  title: [unclosed\n", "c.yaml"},
		{"unknown section", "sitez:\n  title: x\n", "c.yaml:1: sitez: unknown section"},
		{"unknown key", "site:\n  title: x\n  colour: red\n", "c.yaml:3: site.colour: unknown key"},
		{"bad cron", "seeds:\n  schedule: \"every minute\"\n", "c.yaml:2: seeds.schedule: bad cron spec"},
		{"relative base_url", "site:\n  base_url: /blog\n", "c.yaml:2: site.base_url"},
		{"unknown timezone", "site:\n  timezone: Mars/Olympus\n", "c.yaml:2: site.timezone: unknown time zone"},
		{"zero items", "feed:\n  items: 0\n", "c.yaml:2: feed.items"},
		{"bad bool", "seeds:\n  watch: maybe\n", "c.yaml:2: seeds.watch"},
		{"bad duration", "seeds:\n  settle: soon\n", "c.yaml:2: seeds.settle"},
		{"negative size", "seeds:\n  max_file_bytes: -1\n", "c.yaml:2: seeds.max_file_bytes"},
		{"bad listen", "server:\n  listen: localhost\n", "c.yaml:2: server.listen"},
		{"bad language", "site:\n  language: english!\n", "c.yaml:2: site.language"},
		{"mapping value", "feed:\n  items:\n    a: 1\n", "c.yaml:3: feed.items: must be a single value"},
		{"duplicate key", "feed:\n  items: 1\n  items: 2\n", "c.yaml"},
		{"top-level list", "- a\n- b\n", "c.yaml:1"},
		{"state.url not postgres", "state:\n  url: mysql://u:pw@db/x\n", "c.yaml:2: state.url: must be a PostgreSQL URL"},
		{"state.url without host", "state:\n  url: \"postgres:///x\"\n", "c.yaml:2: state.url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.in), nil)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestEnvOverrides(t *testing.T) {
	env := map[string]string{
		"SEEDFEED_SERVER_LISTEN":        ":9999",
		"SEEDFEED_SEEDS_MAX_FILE_BYTES": "42",
		"SEEDFEED_SITE_BASE_URL":        "https://feeds.example.com",
	}
	c, err := Parse("c.yaml", []byte("server:\n  listen: \":1\"\n"), func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Server.Listen != ":9999" || c.Seeds.MaxFileBytes != 42 || c.Site.BaseURL != "https://feeds.example.com" {
		t.Errorf("overrides not applied: %+v", c)
	}
	_, err = Parse("c.yaml", nil, func(k string) string {
		if k == "SEEDFEED_FEED_ITEMS" {
			return "zero"
		}
		return ""
	})
	if err == nil || !strings.Contains(err.Error(), "SEEDFEED_FEED_ITEMS") {
		t.Errorf("bad env value error = %v", err)
	}
	if got := UnknownEnv([]string{"SEEDFEED_SERVER_LISTEN=x", "SEEDFEED_SERVR_LISTEN=y", "HOME=/", "SEEDFEED_TEST_POSTGRES_URL=postgres://x/y", "SEEDFEED_STATE_URL=postgres://db/x"}); len(got) != 1 || got[0] != "SEEDFEED_SERVR_LISTEN" {
		t.Errorf("UnknownEnv = %v", got)
	}
}

func TestLoadResolvesPathsAgainstFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte("seeds:\n  dir: s\nstate:\n  path: st/db\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Seeds.Dir != filepath.Join(dir, "s") || c.State.Path != filepath.Join(dir, "st/db") {
		t.Errorf("paths: %q %q", c.Seeds.Dir, c.State.Path)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml"), nil); err == nil || errors.Is(err, ErrInvalid) {
		t.Errorf("missing file: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("site:\n  title: x\n"))
	f.Add([]byte("seeds:\n  schedule: \"@every 1s\"\n  settle: 1s\n"))
	f.Add([]byte("feed: {items: 3}\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yaml", data, nil)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if c.Feed.Items < 1 || c.Site.Location == nil || c.Seeds.MaxFileBytes <= 0 {
			t.Fatalf("accepted an invalid config: %+v", c)
		}
	})
}

// state.url selects PostgreSQL; without it the SQLite file stays the state.
func TestStateLocation(t *testing.T) {
	tests := []struct {
		name, yaml string
		env        map[string]string
		want       string
	}{
		{"default SQLite", "", nil, "seedfeed.db"},
		{"path only", "state:\n  path: /var/lib/s.db\n", nil, "/var/lib/s.db"},
		{"url", "state:\n  path: x.db\n  url: postgres://sf:pw@db.internal:5432/seedfeed\n", nil, "postgres://sf:pw@db.internal:5432/seedfeed"},
		{"postgresql scheme", "state:\n  url: postgresql://db/seedfeed?sslmode=require\n", nil, "postgresql://db/seedfeed?sslmode=require"},
		{"url from the environment", "", map[string]string{"SEEDFEED_STATE_URL": "postgres://db/sf"}, "postgres://db/sf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.yaml), func(k string) string { return tt.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if got := c.State.Location(); got != tt.want {
				t.Errorf("Location() = %q, want %q", got, tt.want)
			}
		})
	}
	_, err := Parse("c.yaml", []byte("state:\n  url: mysql://u:secretpw@db/x\n"), nil)
	if err == nil || strings.Contains(err.Error(), "secretpw") {
		t.Errorf("a bad state.url gives %v: want an error that does not show the password", err)
	}
}
