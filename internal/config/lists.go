package config

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// listSetting is a key whose value is a list: a YAML sequence of scalars,
// or null for none. Its environment variable holds the items separated by
// commas or spaces. Every item is checked by add, so an error names the
// item's own line.
type listSetting struct {
	section, key string
	reset        func(c *Config)
	add          func(c *Config, item string) error
	// example is a value shown when the key is given something else than
	// a list.
	example string
	// commaScalar reads a single scalar as comma-separated items, for
	// lists of short tokens such as addresses.
	commaScalar bool
}

func (s listSetting) name() string { return s.section + "." + s.key }

func (s listSetting) envName() string {
	return "SEEDFEED_" + strings.ToUpper(s.section) + "_" + strings.ToUpper(s.key)
}

func listSettings() []listSetting {
	return []listSetting{
		{section: "websub", key: "hubs", reset: func(c *Config) { c.WebSub.Hubs = nil }, add: addWebSubHub,
			example: `["https://hub.example.org/"]`},
		{section: "server", key: "trusted_proxies", reset: func(c *Config) { c.Server.TrustedProxies = nil }, add: addTrustedProxy,
			example: "[10.0.0.0/8, 127.0.0.1]", commaScalar: true},
	}
}

// listError is a bad list value, with the line of the offending item.
type listError struct {
	line int
	err  error
}

// setList applies a list setting's YAML node.
func (s listSetting) setList(c *Config, n *yaml.Node) *listError {
	s.reset(c)
	switch {
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return nil
	case n.Kind == yaml.ScalarNode && s.commaScalar:
		for item := range strings.SplitSeq(n.Value, ",") {
			if item = strings.TrimSpace(item); item != "" {
				if err := s.add(c, item); err != nil {
					return &listError{n.Line, err}
				}
			}
		}
		return nil
	case n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return &listError{item.Line, errors.New("each item must be a single value")}
			}
			if err := s.add(c, item.Value); err != nil {
				return &listError{item.Line, err}
			}
		}
		return nil
	}
	return &listError{n.Line, fmt.Errorf("must be a list, such as %s", s.example)}
}

// setEnv applies the setting's environment variable, which replaces the
// file's list.
func (s listSetting) setEnv(c *Config, v string) error {
	s.reset(c)
	for _, item := range splitEnvList(v) {
		if err := s.add(c, item); err != nil {
			return err
		}
	}
	return nil
}

// splitEnvList splits an environment variable's value into items at commas
// and white space.
func splitEnvList(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n'
	})
}

// addWebSubHub adds one websub.hubs item: an absolute http(s) URL without
// a fragment, given once.
func addWebSubHub(c *Config, v string) error {
	u, err := url.Parse(v)
	if err != nil {
		return fmt.Errorf("%q is not a URL: %w", v, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q must be an absolute http:// or https:// URL", v)
	}
	if u.Fragment != "" || strings.ContainsAny(v, "<>\" \t\r\n") {
		return fmt.Errorf("%q must not have a fragment, spaces, quotes or angle brackets", v)
	}
	if slices.Contains(c.WebSub.Hubs, v) {
		return fmt.Errorf("%q is listed twice", v)
	}
	c.WebSub.Hubs = append(c.WebSub.Hubs, v)
	return nil
}

// addTrustedProxy adds one server.trusted_proxies item.
func addTrustedProxy(c *Config, v string) error {
	p, err := parseProxy(v)
	if err != nil {
		return err
	}
	c.Server.TrustedProxies = append(c.Server.TrustedProxies, p)
	return nil
}
