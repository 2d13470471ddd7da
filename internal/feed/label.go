package feed

import (
	"net/url"
	"strings"

	"seedfeed/internal/taxonomy"
)

// LabelDir is the Meta.Dir of a tag's or an author's feeds: the section
// ("/tags", "/authors") and the slug, percent-encoded as one path
// segment (taxonomy.PathSegment), so that "हिंदी", "c#" or "r&d" make a
// valid URL.
func LabelDir(section, slug string) string {
	return section + "/" + taxonomy.PathSegment(slug)
}

// validDir accepts an escaped absolute path without a trailing slash and
// without characters that would need escaping in an attribute or a URL.
func validDir(dir string) bool {
	if !strings.HasPrefix(dir, "/") || strings.HasSuffix(dir, "/") || strings.Contains(dir, "//") ||
		strings.ContainsAny(dir, "?#\"'<>& \t\r\n\\") {
		return false
	}
	for _, seg := range strings.Split(dir[1:], "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	u, err := url.Parse(dir)
	return err == nil && u.EscapedPath() == dir
}
