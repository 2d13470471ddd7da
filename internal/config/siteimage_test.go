package config

import (
	"errors"
	"strings"
	"testing"
)

func TestSiteImages(t *testing.T) {
	tests := []struct {
		value string
		ok    bool
	}{
		{"icon.png", true},
		{"img/logo.SVG", true},
		{"https://cdn.example.org/logo.png", true},
		{"http://example.org/favicon", true}, // a URL needs no extension
		{"", true},
		{"../secret.png", false},
		{"/etc/icon.png", false},
		{"img/../icon.png", false},
		{"icon.txt", false},
		{`img\\icon.png`, false}, // a backslash, escaped for YAML
		{"ftp://example.org/icon.png", false},
		{"https:///icon.png", false},
	}
	for _, tt := range tests {
		for _, key := range []string{"icon", "logo"} {
			c, err := Parse("config.yaml", []byte("site:\n  "+key+": \""+tt.value+"\"\n"), nil)
			if tt.ok != (err == nil) {
				t.Errorf("site.%s %q: err %v, want ok %v", key, tt.value, err, tt.ok)
				continue
			}
			if err != nil {
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "site."+key) {
					t.Errorf("site.%s %q: error %v does not name the key", key, tt.value, err)
				}
				continue
			}
			got := c.Site.Icon
			if key == "logo" {
				got = c.Site.Logo
			}
			if got != tt.value {
				t.Errorf("site.%s = %q, want %q", key, got, tt.value)
			}
		}
	}
	c, err := Parse("config.yaml", []byte("site:\n  title: x\n"), func(k string) string {
		if k == "SEEDFEED_SITE_ICON" {
			return "favicon.ico"
		}
		return ""
	})
	if err != nil || c.Site.Icon != "favicon.ico" {
		t.Errorf("SEEDFEED_SITE_ICON: %q, %v", c.Site.Icon, err)
	}
}
