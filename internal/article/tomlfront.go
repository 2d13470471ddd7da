package article

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// readTOMLFrontMatter reads a Hugo post's TOML front matter (between
// "+++" lines) as readFrontMatter reads YAML: into the same keys, with
// the same warnings. Only the top-level keys are read, which are the ones
// that carry a post's title, dates, authors and tags; a table
// ("[params]") and what follows it are a theme's settings and are
// skipped. The reader knows the TOML a front matter holds: strings of the
// four kinds, booleans, numbers, dates, arrays and inline tables.
func readTOMLFrontMatter(src string, firstLine int, opts Options) (frontMatter, []string) {
	root, err := tomlMapping(src)
	if err != nil {
		var te *tomlError
		if errors.As(err, &te) {
			te.line += firstLine - 1 // the file's line, as YAML's warnings give
		}
		return frontMatter{}, []string{fmt.Sprintf("front matter: ignored: TOML %v", err)}
	}
	return readFrontMatterNode(root, firstLine, opts)
}

// tomlScanner reads TOML values from src.
type tomlScanner struct {
	src  string
	pos  int
	line int // 1-based line of pos
}

// tomlError is a TOML syntax error at a line of the block.
type tomlError struct {
	line int
	msg  string
}

func (e *tomlError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func (s *tomlScanner) fail(format string, args ...any) error {
	return &tomlError{line: s.line, msg: fmt.Sprintf(format, args...)}
}

// tomlMapping reads the top-level key/value pairs of a TOML document into
// a YAML mapping node whose keys carry their lines.
func tomlMapping(src string) (*yaml.Node, error) {
	s := &tomlScanner{src: src, line: 1}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for {
		s.skipSpace(true)
		if s.pos >= len(s.src) {
			return root, nil
		}
		if s.src[s.pos] == '[' {
			return root, nil // a table: the theme's settings, not the post's
		}
		keyLine := s.line
		key, err := s.key()
		if err != nil {
			return nil, err
		}
		s.skipSpace(false)
		if s.pos >= len(s.src) || s.src[s.pos] != '=' {
			return nil, s.fail("want = after key %q", key)
		}
		s.pos++
		s.skipSpace(false)
		v, err := s.value(0)
		if err != nil {
			return nil, err
		}
		s.skipSpace(false)
		if s.pos < len(s.src) && s.src[s.pos] != '\n' && s.src[s.pos] != '#' {
			return nil, s.fail("unexpected %q after the value of %q", s.src[s.pos], key)
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: keyLine}, v)
	}
}

// skipSpace passes blanks and comments, and line ends when lines is set.
func (s *tomlScanner) skipSpace(lines bool) {
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
		case c == '\n' && lines:
			s.pos++
			s.line++
		case c == '#' && lines:
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		default:
			return
		}
	}
}

// key reads a bare or quoted key; a dotted key keeps its dots.
func (s *tomlScanner) key() (string, error) {
	var b strings.Builder
	for {
		if s.pos >= len(s.src) {
			return "", s.fail("a key ends the block")
		}
		switch c := s.src[s.pos]; {
		case c == '"' || c == '\'':
			str, err := s.quoted(c)
			if err != nil {
				return "", err
			}
			b.WriteString(str)
		case isBareKey(c):
			for s.pos < len(s.src) && isBareKey(s.src[s.pos]) {
				b.WriteByte(s.src[s.pos])
				s.pos++
			}
		default:
			return "", s.fail("want a key, got %q", c)
		}
		s.skipSpace(false)
		if s.pos < len(s.src) && s.src[s.pos] == '.' {
			b.WriteByte('.')
			s.pos++
			s.skipSpace(false)
			continue
		}
		return b.String(), nil
	}
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// maxTOMLDepth bounds nested arrays and inline tables.
const maxTOMLDepth = 16

// value reads one value: a string, an array, an inline table, or a bare
// word (boolean, number, date).
func (s *tomlScanner) value(depth int) (*yaml.Node, error) {
	if depth > maxTOMLDepth {
		return nil, s.fail("values nested too deep")
	}
	if s.pos >= len(s.src) {
		return nil, s.fail("a value is missing")
	}
	line := s.line
	switch c := s.src[s.pos]; c {
	case '"', '\'':
		str, err := s.quoted(c)
		if err != nil {
			return nil, err
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: str, Line: line}, nil
	case '[':
		s.pos++
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line}
		for {
			s.skipSpace(true)
			if s.pos >= len(s.src) {
				return nil, s.fail("an array is not closed")
			}
			if s.src[s.pos] == ']' {
				s.pos++
				return seq, nil
			}
			v, err := s.value(depth + 1)
			if err != nil {
				return nil, err
			}
			seq.Content = append(seq.Content, v)
			s.skipSpace(true)
			if s.pos < len(s.src) && s.src[s.pos] == ',' {
				s.pos++
			}
		}
	case '{':
		s.pos++
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line}
		for {
			s.skipSpace(false)
			if s.pos >= len(s.src) {
				return nil, s.fail("an inline table is not closed")
			}
			if s.src[s.pos] == '}' {
				s.pos++
				return m, nil
			}
			k, err := s.key()
			if err != nil {
				return nil, err
			}
			if s.pos >= len(s.src) || s.src[s.pos] != '=' {
				return nil, s.fail("want = after key %q", k)
			}
			s.pos++
			s.skipSpace(false)
			v, err := s.value(depth + 1)
			if err != nil {
				return nil, err
			}
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: s.line}, v)
			s.skipSpace(false)
			if s.pos < len(s.src) && s.src[s.pos] == ',' {
				s.pos++
			}
		}
	}
	start := s.pos
	for s.pos < len(s.src) && !strings.ContainsRune(" \t\r\n,]}#", rune(s.src[s.pos])) {
		s.pos++
	}
	word := s.src[start:s.pos]
	// A date and a time apart by one space are one value.
	if len(word) == 10 && s.pos+1 < len(s.src) && s.src[s.pos] == ' ' && s.src[s.pos+1] >= '0' && s.src[s.pos+1] <= '9' {
		end := s.pos + 1
		for end < len(s.src) && !strings.ContainsRune(" \t\r\n,]}#", rune(s.src[end])) {
			end++
		}
		word, s.pos = s.src[start:end], end
	}
	tag := "!!str"
	switch {
	case word == "":
		return nil, s.fail("a value is missing")
	case word == "true" || word == "false":
		tag = "!!bool"
	case isTOMLNumber(word):
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: word, Line: line}, nil
}

func isTOMLNumber(w string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(w, "_", ""), 64)
	return err == nil
}

// quoted reads a string opened by q: basic ("…", with escapes), literal
// ('…'), or either's multi-line form ("""…""", ”'…”').
func (s *tomlScanner) quoted(q byte) (string, error) {
	triple := strings.Repeat(string(q), 3)
	if strings.HasPrefix(s.src[s.pos:], triple) {
		s.pos += 3
		end := strings.Index(s.src[s.pos:], triple)
		if end < 0 {
			return "", s.fail("a multi-line string is not closed")
		}
		raw := s.src[s.pos : s.pos+end]
		s.line += strings.Count(raw, "\n")
		s.pos += end + 3
		// Quotes right before the closing ones belong to the string.
		for s.pos < len(s.src) && s.src[s.pos] == q {
			raw += string(q)
			s.pos++
		}
		raw = strings.TrimPrefix(strings.TrimPrefix(raw, "\r"), "\n")
		if q == '\'' {
			return raw, nil
		}
		return tomlUnescape(raw, true)
	}
	s.pos++
	start := s.pos
	for s.pos < len(s.src) && s.src[s.pos] != q && s.src[s.pos] != '\n' {
		if q == '"' && s.src[s.pos] == '\\' {
			s.pos++
		}
		s.pos++
	}
	if s.pos >= len(s.src) || s.src[s.pos] != q {
		return "", s.fail("a string is not closed on its line")
	}
	raw := s.src[start:s.pos]
	s.pos++
	if q == '\'' {
		return raw, nil
	}
	return tomlUnescape(raw, false)
}

// tomlUnescape resolves a basic string's escapes; in a multi-line one a
// backslash at a line's end joins it with the next line's first word.
func tomlUnescape(raw string, multi bool) (string, error) {
	if !strings.Contains(raw, "\\") {
		return raw, nil
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 == len(raw) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := raw[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(e)
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if i+1+n > len(raw) {
				return "", fmt.Errorf("a \\%c escape is cut short", e)
			}
			r, err := strconv.ParseUint(raw[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(r)) {
				return "", fmt.Errorf("\\%c%s is no character", e, raw[i+1:i+1+n])
			}
			b.WriteRune(rune(r))
			i += n
		default:
			if multi && (e == '\n' || e == ' ' || e == '\t' || e == '\r') {
				// A line-ending backslash: drop the break and the
				// blanks that follow it.
				for i < len(raw) && strings.IndexByte(" \t\r\n", raw[i]) >= 0 {
					i++
				}
				i--
				continue
			}
			return "", fmt.Errorf("unknown escape \\%c", e)
		}
	}
	return b.String(), nil
}
