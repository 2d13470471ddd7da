package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"go.yaml.in/yaml/v3"
)

// listSetting is a key whose value is a YAML sequence of scalars. Its
// environment variable holds the items separated by commas or spaces.
type listSetting struct {
	section, key string
	set          func(c *Config, vs []string) error
}

func (s listSetting) name() string { return s.section + "." + s.key }

func (s listSetting) envName() string {
	return "SEEDFEED_" + strings.ToUpper(s.section) + "_" + strings.ToUpper(s.key)
}

func listSettings() []listSetting {
	return []listSetting{
		{"websub", "hubs", setWebSubHubs},
	}
}

// sequenceValues returns the scalars of a sequence node; a null value is
// the empty list. The line is where an error should point: the offending
// item, or the node itself.
func sequenceValues(n *yaml.Node) ([]string, int, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, n.Line, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, n.Line, errors.New("must be a list, such as [\"https://hub.example.org/\"]")
	}
	vals := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			return nil, item.Line, errors.New("each item must be a single value")
		}
		vals = append(vals, item.Value)
	}
	return vals, n.Line, nil
}

// splitEnvList splits an environment variable's value into items at commas
// and white space.
func splitEnvList(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n'
	})
}

// setWebSubHubs validates websub.hubs: absolute http(s) URLs without a
// fragment, each given once.
func setWebSubHubs(c *Config, vs []string) error {
	hubs := make([]string, 0, len(vs))
	seen := map[string]bool{}
	for _, v := range vs {
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
		if seen[v] {
			return fmt.Errorf("%q is listed twice", v)
		}
		seen[v] = true
		hubs = append(hubs, v)
	}
	c.WebSub.Hubs = hubs
	return nil
}
