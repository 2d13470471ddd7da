package main

import (
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"seedfeed/internal/config"
)

// TestReadmeFirstURLMatchesBundledConfig: the address the README's first
// command tells a newcomer to open is the one the bundled config.yaml
// builds its links on, on the port it listens on.
func TestReadmeFirstURLMatchesBundledConfig(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<(https?://[^>]+)>`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md names no <URL> to open")
	}
	first, err := url.Parse(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(root, "config.yaml"), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(cfg.Site.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	if first.Scheme != base.Scheme || first.Host != base.Host {
		t.Errorf("README's first URL %s is not on site.base_url %s", first, cfg.Site.BaseURL)
	}
	_, port, err := net.SplitHostPort(cfg.Server.Listen)
	if err != nil {
		t.Fatal(err)
	}
	if first.Port() != port {
		t.Errorf("README's first URL %s is not on the port server.listen %s gives", first, cfg.Server.Listen)
	}
}
