// Package config reads config.yaml into a Config: defaults for every key,
// strict validation that names the key and its line, and SEEDFEED_* environment
// overrides.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v3"
)

// ErrInvalid is wrapped by every validation error, so callers can tell a bad
// config (exit status 2) from an unreadable file.
var ErrInvalid = errors.New("config: invalid")

// Config is the whole of config.yaml after defaults, overrides and validation.
type Config struct {
	Site   Site
	Seeds  Seeds
	Feed   Feed
	Server Server
	State  State
	WebSub WebSub
}

// Site describes the publication.
type Site struct {
	Title    string
	BaseURL  string // absolute, no trailing slash
	Author   string
	Language string
	Timezone string
	Location *time.Location // Timezone, loaded
	// Icon and Logo are each an absolute http(s) URL, or the path of an
	// image file in the seeds folder (slash-separated, relative to
	// seeds.dir), which is then served (siteimage.go). Empty means none.
	Icon, Logo string
}

// Host is the base URL's host without a port: the authority of tag: ids.
func (s Site) Host() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// Seeds describes the watched folder.
type Seeds struct {
	// Dir is the seeds folder; empty means none: the process only
	// serves what a writer puts in PostgreSQL (ServeOnly).
	Dir          string
	Schedule     string
	Watch        bool
	Settle       time.Duration
	MaxFileBytes int64
}

// Feed shapes the rendered feeds.
type Feed struct {
	Items       int
	FullContent bool
}

// Server is the HTTP listener.
type Server struct {
	Listen string
	// AccessLog logs one line per request (method, path, status, bytes,
	// duration, remote address, user agent).
	AccessLog bool
	// TrustedProxies are the peers whose X-Forwarded-For the access log
	// believes; empty: none, the client is the peer.
	TrustedProxies []netip.Prefix
	// AdminListen, when set, is where /metrics and /healthz are served
	// instead of on Listen; empty: on Listen, with the feeds.
	AdminListen string
}

// State is where seedfeed keeps what it learned.
type State struct {
	// Path is the SQLite file, used when URL is empty.
	Path string
	// URL is a postgres:// (or postgresql://) URL: when set, the state
	// lives in that PostgreSQL database and Path is not used. Empty means
	// SQLite.
	URL string
}

// Location is what store.Open takes: the PostgreSQL URL when one is set,
// else the SQLite file.
func (s State) Location() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// WebSub is push to subscribers through WebSub hubs (W3C Recommendation).
type WebSub struct {
	// Hubs are the absolute http(s) URLs of the hubs every feed advertises
	// and that are notified when a feed changes. Empty turns WebSub off.
	Hubs []string
}

// Default returns the configuration used for every key the file leaves out.
func Default() Config {
	return Config{
		Site: Site{
			Title:    "seedfeed",
			BaseURL:  "http://localhost:8080",
			Author:   "seedfeed",
			Language: "en",
			Timezone: "UTC",
			Location: time.UTC,
		},
		Seeds: Seeds{
			Dir:          "seeds",
			Schedule:     "@every 1m",
			Watch:        true,
			Settle:       2 * time.Second,
			MaxFileBytes: 2 << 20,
		},
		Feed:   Feed{Items: 50, FullContent: true},
		Server: Server{Listen: "127.0.0.1:8080"},
		State:  State{Path: "seedfeed.db"},
	}
}

// setting is one key of the file: how to parse a value into the Config.
type setting struct {
	section, key string
	set          func(c *Config, v string) error
}

// parseProxy reads one server.trusted_proxies item: a CIDR such as
// 10.0.0.0/8 or a single address, which stands for itself alone.
func parseProxy(v string) (netip.Prefix, error) {
	v = strings.TrimSpace(v)
	if strings.Contains(v, "/") {
		p, err := netip.ParsePrefix(v)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("%q is not a CIDR such as 10.0.0.0/8 or an address such as 127.0.0.1", v)
		}
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(v)
	if err != nil || a.Zone() != "" {
		return netip.Prefix{}, fmt.Errorf("%q is not an address such as 127.0.0.1 or a CIDR such as 10.0.0.0/8", v)
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), nil
}

func (s setting) name() string { return s.section + "." + s.key }

// EnvName is the environment variable that overrides the setting.
func (s setting) envName() string {
	return "SEEDFEED_" + strings.ToUpper(s.section) + "_" + strings.ToUpper(s.key)
}

var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

func settings() []setting {
	str := func(dst func(*Config) *string) func(*Config, string) error {
		return func(c *Config, v string) error { *dst(c) = v; return nil }
	}
	return []setting{
		{"site", "title", func(c *Config, v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New("must not be empty")
			}
			c.Site.Title = v
			return nil
		}},
		{"site", "base_url", func(c *Config, v string) error {
			u, err := url.Parse(v)
			if err != nil {
				return fmt.Errorf("not a URL: %w", err)
			}
			if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return fmt.Errorf("%q must be an absolute http:// or https:// URL", v)
			}
			if u.RawQuery != "" || u.Fragment != "" {
				return fmt.Errorf("%q must not have a query or fragment", v)
			}
			c.Site.BaseURL = strings.TrimRight(v, "/")
			return nil
		}},
		{"site", "author", str(func(c *Config) *string { return &c.Site.Author })},
		{"site", "language", func(c *Config, v string) error {
			if !langRE.MatchString(v) {
				return fmt.Errorf("%q is not a language tag such as en or pt-BR", v)
			}
			c.Site.Language = v
			return nil
		}},
		{"site", "timezone", func(c *Config, v string) error {
			loc, err := time.LoadLocation(v)
			if err != nil || v == "" {
				return fmt.Errorf("unknown time zone %q (use an IANA name such as UTC or Europe/Paris)", v)
			}
			c.Site.Timezone, c.Site.Location = v, loc
			return nil
		}},
		{"site", "icon", siteImage(func(c *Config) *string { return &c.Site.Icon })},
		{"site", "logo", siteImage(func(c *Config) *string { return &c.Site.Logo })},
		// Empty: a serve-only process (serveonly.go), which needs
		// state.url; Check says so.
		{"seeds", "dir", func(c *Config, v string) error {
			c.Seeds.Dir = v
			return nil
		}},
		{"seeds", "schedule", func(c *Config, v string) error {
			if _, err := CronParser.Parse(v); err != nil {
				return fmt.Errorf("bad cron spec %q: %w", v, err)
			}
			c.Seeds.Schedule = v
			return nil
		}},
		{"seeds", "watch", func(c *Config, v string) error {
			b, err := parseBool(v)
			c.Seeds.Watch = b
			return err
		}},
		{"seeds", "settle", func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil || d < 0 {
				return fmt.Errorf("%q is not a duration such as 2s or 500ms", v)
			}
			c.Seeds.Settle = d
			return nil
		}},
		{"seeds", "max_file_bytes", func(c *Config, v string) error {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				return fmt.Errorf("%q is not a positive number of bytes", v)
			}
			c.Seeds.MaxFileBytes = n
			return nil
		}},
		{"feed", "items", func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 10000 {
				return fmt.Errorf("%q must be a whole number from 1 to 10000", v)
			}
			c.Feed.Items = n
			return nil
		}},
		{"feed", "full_content", func(c *Config, v string) error {
			b, err := parseBool(v)
			c.Feed.FullContent = b
			return err
		}},
		{"server", "listen", func(c *Config, v string) error {
			if _, _, err := net.SplitHostPort(v); err != nil {
				return fmt.Errorf("%q is not host:port (such as 127.0.0.1:8080 or :8080)", v)
			}
			c.Server.Listen = v
			return nil
		}},
		{"server", "access_log", func(c *Config, v string) error {
			b, err := parseBool(v)
			c.Server.AccessLog = b
			return err
		}},
		{"server", "admin_listen", func(c *Config, v string) error {
			if v != "" {
				if _, _, err := net.SplitHostPort(v); err != nil {
					return fmt.Errorf("%q is not host:port (such as 127.0.0.1:9100), or empty", v)
				}
			}
			c.Server.AdminListen = v
			return nil
		}},
		{"state", "path", func(c *Config, v string) error {
			if v == "" {
				return errors.New("must not be empty")
			}
			c.State.Path = v
			return nil
		}},
		{"state", "url", func(c *Config, v string) error {
			if v == "" {
				c.State.URL = ""
				return nil
			}
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
				return errors.New("must be a PostgreSQL URL such as postgres://user:password@host:5432/seedfeed (leave it out to keep the SQLite file at state.path)")
			}
			c.State.URL = v
			return nil
		}},
	}
}

// CronParser is the spec parser the daemon schedules with: five fields or a
// descriptor such as "@every 30s" or "@hourly".
var CronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true", "yes", "on":
		return true, nil
	case "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", v)
}

// Load reads the file at path (a missing file is an error), applies getenv
// overrides, and validates. Relative seeds.dir and state.path are resolved
// against the file's folder, so the daemon can be started from anywhere.
func Load(path string, getenv func(string) string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	c, err := Parse(path, data, getenv)
	if err != nil {
		return Config{}, err
	}
	dir := filepath.Dir(path)
	if c.Seeds.Dir != "" && !filepath.IsAbs(c.Seeds.Dir) {
		c.Seeds.Dir = filepath.Join(dir, c.Seeds.Dir)
	}
	if !filepath.IsAbs(c.State.Path) {
		c.State.Path = filepath.Join(dir, c.State.Path)
	}
	return c, nil
}

// Parse validates the YAML in data (name is used in messages only) and
// applies getenv overrides on top. Every error names the key, and the line
// when it comes from the file.
func Parse(name string, data []byte, getenv func(string) string) (Config, error) {
	c := Default()
	byName := map[string]setting{}
	for _, s := range settings() {
		byName[s.name()] = s
	}
	listsByName := map[string]listSetting{}
	for _, s := range listSettings() {
		listsByName[s.name()] = s
		// A placeholder, so that the key counts as known everywhere a
		// scalar key does; Parse reads it as a list.
		byName[s.name()] = setting{section: s.section, key: s.key}
	}
	bad := func(line int, key, format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s: %s", ErrInvalid, name, line, key, fmt.Sprintf(format, args...))
	}

	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("%w: %s: %v", ErrInvalid, name, err)
	}
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			return Config{}, bad(root.Line, "(top level)", "must be a mapping of sections (site, seeds, feed, server, state)")
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(root.Content); i += 2 {
			sk, sv := root.Content[i], root.Content[i+1]
			section := sk.Value
			if !knownSection(section) {
				return Config{}, bad(sk.Line, section, "unknown section (known: site, seeds, feed, server, state, websub)")
			}
			if sv.Kind == yaml.ScalarNode && sv.Tag == "!!null" {
				continue
			}
			if sv.Kind != yaml.MappingNode {
				return Config{}, bad(sv.Line, section, "must be a mapping of keys")
			}
			for j := 0; j+1 < len(sv.Content); j += 2 {
				kk, kv := sv.Content[j], sv.Content[j+1]
				full := section + "." + kk.Value
				s, ok := byName[full]
				if !ok {
					return Config{}, bad(kk.Line, full, "unknown key (known: %s)", strings.Join(keysOf(byName, section), ", "))
				}
				if seen[full] {
					return Config{}, bad(kk.Line, full, "given twice")
				}
				seen[full] = true
				if ls, ok := listsByName[full]; ok {
					if err := ls.setList(&c, kv); err != nil {
						return Config{}, bad(err.line, full, "%v", err.err)
					}
					continue
				}
				if kv.Kind != yaml.ScalarNode {
					return Config{}, bad(kv.Line, full, "must be a single value")
				}
				if err := s.set(&c, kv.Value); err != nil {
					return Config{}, bad(kv.Line, full, "%v", err)
				}
			}
		}
	}

	if getenv != nil {
		for _, s := range settings() {
			if v := getenv(s.envName()); v != "" {
				if err := s.set(&c, v); err != nil {
					return Config{}, fmt.Errorf("%w: environment %s (%s): %v", ErrInvalid, s.envName(), s.name(), err)
				}
			}
		}
		for _, s := range listSettings() {
			if v := getenv(s.envName()); v != "" {
				if err := s.setEnv(&c, v); err != nil {
					return Config{}, fmt.Errorf("%w: environment %s (%s): %v", ErrInvalid, s.envName(), s.name(), err)
				}
			}
		}
	}
	return c, nil
}

// UnknownEnv lists SEEDFEED_* variables in environ that name no setting, so
// a typo in a deployment is reported instead of silently ignored.
func UnknownEnv(environ []string) []string {
	known := map[string]bool{}
	for _, s := range settings() {
		known[s.envName()] = true
	}
	for _, s := range listSettings() {
		known[s.envName()] = true
	}
	var out []string
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		// SEEDFEED_TEST_* are the test suite's (the PostgreSQL URL of
		// scripts/pg-test-cluster.sh), exported in the shell it runs in.
		if strings.HasPrefix(k, "SEEDFEED_") && !strings.HasPrefix(k, "SEEDFEED_TEST_") && !known[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func knownSection(s string) bool {
	switch s {
	case "site", "seeds", "feed", "server", "state", "websub":
		return true
	}
	return false
}

func keysOf(m map[string]setting, section string) []string {
	var out []string
	for _, s := range m {
		if s.section == section {
			out = append(out, s.key)
		}
	}
	sort.Strings(out)
	return out
}
