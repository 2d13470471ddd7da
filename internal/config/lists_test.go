package config

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestWebSubHubs(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		env  string
		want []string
	}{
		{"absent", "", "", nil},
		{"empty list", "websub:\n  hubs: []\n", "", []string{}},
		{"null", "websub:\n  hubs:\n", "", nil},
		{"block list", "websub:\n  hubs:\n    - https://hub.example.org/\n    - http://127.0.0.1:9000/hub?x=1\n", "",
			[]string{"https://hub.example.org/", "http://127.0.0.1:9000/hub?x=1"}},
		{"flow list", "websub:\n  hubs: [\"https://a.example/\", \"https://b.example/\"]\n", "",
			[]string{"https://a.example/", "https://b.example/"}},
		{"env replaces the file", "websub:\n  hubs: [\"https://a.example/\"]\n", "https://b.example/, https://c.example/",
			[]string{"https://b.example/", "https://c.example/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.yaml), func(k string) string {
				if k == "SEEDFEED_WEBSUB_HUBS" {
					return tt.env
				}
				return ""
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(c.WebSub.Hubs, tt.want) {
				t.Errorf("hubs = %q, want %q", c.WebSub.Hubs, tt.want)
			}
		})
	}
}

func TestWebSubHubsErrorsNameKeyAndLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"scalar", "websub:\n  hubs: https://hub.example.org/\n", "c.yaml:2: websub.hubs: must be a list"},
		{"relative", "websub:\n  hubs:\n    - /hub\n", "c.yaml:3: websub.hubs: \"/hub\" must be an absolute"},
		{"ftp", "websub:\n  hubs: [\"ftp://hub.example.org/\"]\n", "c.yaml:2: websub.hubs"},
		{"fragment", "websub:\n  hubs: [\"https://hub.example.org/#x\"]\n", "c.yaml:2: websub.hubs: \"https://hub.example.org/#x\" must not have a fragment"},
		{"twice", "websub:\n  hubs: [\"https://h.example/\", \"https://h.example/\"]\n", "listed twice"},
		{"nested", "websub:\n  hubs:\n    - [a]\n", "c.yaml:3: websub.hubs: each item must be a single value"},
		{"unknown key", "websub:\n  hub: []\n", "c.yaml:2: websub.hub: unknown key (known: hubs)"},
		{"unknown section", "push:\n  hubs: []\n", "known: site, seeds, feed, server, state, websub"},
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
	_, err := Parse("c.yaml", nil, func(k string) string {
		if k == "SEEDFEED_WEBSUB_HUBS" {
			return "hub.example.org"
		}
		return ""
	})
	if err == nil || !strings.Contains(err.Error(), "SEEDFEED_WEBSUB_HUBS (websub.hubs)") {
		t.Errorf("bad env value error = %v", err)
	}
	if got := UnknownEnv([]string{"SEEDFEED_WEBSUB_HUBS=x"}); len(got) != 0 {
		t.Errorf("UnknownEnv calls SEEDFEED_WEBSUB_HUBS unknown: %v", got)
	}
}
