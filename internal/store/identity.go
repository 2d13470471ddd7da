package store

import (
	"path"
	"strconv"
	"strings"
	"time"
)

// maxSlugLen leaves room for a "-NNN" suffix under the 128 characters the
// HTTP layer accepts in /articles/{slug}.
const maxSlugLen = 100

// tagID is the RFC 4151 id of an article: fixed at first sight, so it must
// be built only once, when the row is created.
func tagID(host string, firstSeen time.Time, slug string) string {
	return "tag:" + host + "," + firstSeen.UTC().Format("2006-01-02") + ":/articles/" + slug
}

// cleanSlug keeps what a URL path segment and the page router accept:
// lower-case ASCII letters, digits and single hyphens. The article package
// already produces such slugs; this is the store's guarantee, not a second
// slug algorithm.
func cleanSlug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > maxSlugLen {
		out = out[:maxSlugLen]
		if i := strings.LastIndexByte(out, '-'); i > maxSlugLen/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// baseSlug is the slug an article asks for, falling back to its file name.
func baseSlug(want, filePath string) string {
	if s := cleanSlug(want); s != "" {
		return s
	}
	name := path.Base(filePath)
	name = strings.TrimSuffix(name, path.Ext(name))
	if s := cleanSlug(name); s != "" {
		return s
	}
	return "article"
}

// nthSlug is the n-th candidate for a slug: base, base-2, base-3…
func nthSlug(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "-" + strconv.Itoa(n)
}

// secs is the stored precision of every time: whole seconds, UTC, so that
// restarts and re-renders give identical bytes.
func secs(t time.Time) int64 { return t.Unix() }

func fromSecs(s int64) time.Time { return time.Unix(s, 0).UTC() }

// nextUpdated is the updated time after a content change: the explicit
// date the article gives when it moves time forward, else the scan time,
// and always strictly later than before so readers see the change.
func nextUpdated(prev, at time.Time, explicit *time.Time) time.Time {
	cand := at
	if explicit != nil && explicit.Truncate(time.Second).After(prev) {
		cand = *explicit
	}
	cand = cand.Truncate(time.Second)
	if !cand.After(prev) {
		cand = prev.Add(time.Second)
	}
	return cand.UTC()
}
