package server

import (
	"net/http"
)

// notModified evaluates If-None-Match and, only when that is absent,
// If-Modified-Since (RFC 9110 section 13.2.2) for a GET or HEAD.
func notModified(h *reqHeaders, etag string, res *Resource) bool {
	if h.hasIfNoneMatch {
		for _, list := range h.ifNoneMatch {
			if etagListMatches(list, etag) {
				return true
			}
		}
		return false
	}
	ims := h.ifModifiedSince
	if len(ims) == 0 || res.LastModified.IsZero() {
		return false
	}
	// Clients echo Last-Modified back verbatim: compare the string first
	// and parse only when it differs.
	if ims[0] == res.lastModStr {
		return true
	}
	t, err := http.ParseTime(ims[0])
	if err != nil {
		return false
	}
	return !res.LastModified.After(t)
}

// etagListMatches reports whether the If-None-Match field value list holds
// "*" or an entity tag that weakly matches etag (a quoted strong tag).
func etagListMatches(list, etag string) bool {
	for i := 0; i < len(list); {
		switch c := list[i]; {
		case c == ' ' || c == '\t' || c == ',':
			i++
			continue
		case c == '*':
			return true
		}
		if len(list)-i >= 2 && list[i] == 'W' && list[i+1] == '/' {
			i += 2
		}
		if i >= len(list) || list[i] != '"' {
			return false // malformed: stop rather than guess
		}
		end := i + 1
		for end < len(list) && list[end] != '"' {
			end++
		}
		if end == len(list) {
			return false
		}
		if list[i:end+1] == etag {
			return true
		}
		i = end + 1
	}
	return false
}
