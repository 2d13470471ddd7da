package config

import (
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
)

func TestParseServerOperations(t *testing.T) {
	prefixes := func(s ...string) []netip.Prefix {
		var out []netip.Prefix
		for _, p := range s {
			out = append(out, netip.MustParsePrefix(p))
		}
		return out
	}
	tests := []struct {
		name    string
		in      string
		env     map[string]string
		access  bool
		proxies []netip.Prefix
		admin   string
	}{
		{name: "defaults", in: ""},
		{name: "access log on", in: "server:\n  access_log: true\n", access: true},
		{name: "access log off", in: "server:\n  access_log: off\n"},
		{
			name:    "proxies as a list",
			in:      "server:\n  trusted_proxies:\n    - 10.0.0.0/8\n    - 127.0.0.1\n    - \"::1\"\n    - 192.168.1.7/24\n",
			proxies: prefixes("10.0.0.0/8", "127.0.0.1/32", "::1/128", "192.168.1.0/24"),
		},
		{name: "proxies flow list", in: "server:\n  trusted_proxies: [10.1.0.0/16]\n", proxies: prefixes("10.1.0.0/16")},
		{name: "proxies comma scalar", in: "server:\n  trusted_proxies: \"10.0.0.1, fd00::/8\"\n", proxies: prefixes("10.0.0.1/32", "fd00::/8")},
		{name: "proxies empty", in: "server:\n  trusted_proxies: []\n"},
		{name: "proxies null", in: "server:\n  trusted_proxies:\n"},
		{name: "v4-mapped address", in: "server:\n  trusted_proxies: [\"::ffff:10.0.0.1\"]\n", proxies: prefixes("10.0.0.1/32")},
		{name: "admin listen", in: "server:\n  admin_listen: 127.0.0.1:9100\n", admin: "127.0.0.1:9100"},
		{name: "admin listen empty", in: "server:\n  admin_listen: \"\"\n"},
		{
			name:    "environment",
			in:      "server:\n  trusted_proxies: [10.0.0.0/8]\n",
			env:     map[string]string{"SEEDFEED_SERVER_ACCESS_LOG": "true", "SEEDFEED_SERVER_TRUSTED_PROXIES": "127.0.0.1,172.16.0.0/12", "SEEDFEED_SERVER_ADMIN_LISTEN": ":9100"},
			access:  true,
			proxies: prefixes("127.0.0.1/32", "172.16.0.0/12"),
			admin:   ":9100",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.in), func(k string) string { return tt.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if c.Server.AccessLog != tt.access || c.Server.AdminListen != tt.admin || !slices.Equal(c.Server.TrustedProxies, tt.proxies) {
				t.Errorf("server = %+v, want access_log %v, admin_listen %q, trusted_proxies %v", c.Server, tt.access, tt.admin, tt.proxies)
			}
		})
	}
}

func TestParseServerErrorsNameKey(t *testing.T) {
	tests := []struct {
		name string
		in   string
		env  map[string]string
		want string
	}{
		{name: "bad access_log", in: "server:\n  access_log: sometimes\n", want: "c.yaml:2: server.access_log"},
		{name: "bad CIDR", in: "server:\n  trusted_proxies:\n    - 10.0.0.0/8\n    - 10.0.0.0/33\n", want: "c.yaml:4: server.trusted_proxies: \"10.0.0.0/33\" is not a CIDR"},
		{name: "host name", in: "server:\n  trusted_proxies: [proxy.local]\n", want: "c.yaml:2: server.trusted_proxies: \"proxy.local\" is not an address"},
		{name: "nested list", in: "server:\n  trusted_proxies:\n    - [10.0.0.1]\n", want: "c.yaml:3: server.trusted_proxies: each item"},
		{name: "mapping", in: "server:\n  trusted_proxies:\n    a: 1\n", want: "c.yaml:3: server.trusted_proxies: must be a list"},
		{name: "bad admin_listen", in: "server:\n  admin_listen: localhost\n", want: "c.yaml:2: server.admin_listen"},
		{name: "bad env proxy", env: map[string]string{"SEEDFEED_SERVER_TRUSTED_PROXIES": "10.0.0.1,nope"}, want: "SEEDFEED_SERVER_TRUSTED_PROXIES (server.trusted_proxies): \"nope\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.in), func(k string) string { return tt.env[k] })
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
