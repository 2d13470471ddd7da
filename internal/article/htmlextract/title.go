package htmlextract

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"seedfeed/internal/article/boilerplate"
)

// titleSeps are the separators a <title> puts between the headline and
// the site's name or section.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " › ", " « ", "|"}

// span is one part of a title, by byte offsets.
type titleSpan struct{ start, end int }

// titleParts splits t at its separators.
func titleParts(t string) []titleSpan {
	var out []titleSpan
	start := 0
	for i := 0; i < len(t); {
		n := 0
		for _, s := range titleSeps {
			if strings.HasPrefix(t[i:], s) {
				n = len(s)
				break
			}
		}
		if n == 0 && (t[i] == '_' || t[i] == '-') && cjkAround(t, i) {
			// "…找对象_智能_好奇心日报", "…的城！-新华网": CJK titles
			// join their parts without spaces.
			n = 1
		}
		if n == 0 {
			i++
			continue
		}
		if strings.TrimSpace(t[start:i]) != "" {
			out = append(out, titleSpan{start, i})
		}
		i += n
		start = i
	}
	if strings.TrimSpace(t[start:]) != "" {
		out = append(out, titleSpan{start, len(t)})
	}
	return out
}

// cjkAround reports whether the byte at i stands right after or right
// before a CJK letter or a full-width mark.
func cjkAround(t string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	after, _ := utf8.DecodeRuneInString(t[i+1:])
	return cjkRune(before) || cjkRune(after)
}

// cjkRune reports a CJK letter or a CJK or full-width punctuation mark.
func cjkRune(r rune) bool {
	return boilerplate.IsCJK(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// siteNames are the folded spellings of the site's name a title may
// carry: its og:site_name, its publisher, its host.
type siteNames []string

func newSiteNames(m meta, pageURL *url.URL) siteNames {
	var s siteNames
	for _, n := range append([]string{m.siteName, m.publisher}, m.dom.homeNames...) {
		if k := key(n); k != "" {
			s = append(s, k, strings.ReplaceAll(k, " ", ""))
		}
	}
	if pageURL != nil {
		host := strings.TrimPrefix(strings.ToLower(pageURL.Hostname()), "www.")
		if host != "" {
			s = append(s, strings.ReplaceAll(key(host), " ", ""))
			if i := strings.IndexByte(host, '.'); i > 0 {
				s = append(s, strings.ReplaceAll(key(host[:i]), " ", ""))
			}
		}
	}
	return s
}

// is reports whether a title part names the site.
func (s siteNames) is(part string) bool {
	k := key(part)
	if k == "" {
		return false
	}
	flat := strings.ReplaceAll(k, " ", "")
	for _, n := range s {
		if k == n || flat == n {
			return true
		}
		// "Tagesspiegel" in "Der Tagesspiegel", "Foo Blog" for "foo".
		if len(n) >= 4 && 2*len(n) >= len(flat) && strings.Contains(flat, n) || len(flat) >= 4 && strings.Contains(n, flat) {
			return true
		}
	}
	return false
}

// stripSite cuts the site's name (and the section beside it) off a
// <title>: parts at either end that name the site go; when none is known
// to, a short last part after " | " or a dash does, being the common
// "Headline | Site" shape.
func stripSite(t string, site siteNames) string {
	parts := titleParts(t)
	if len(parts) < 2 {
		return strings.TrimSpace(t)
	}
	lo, hi := 0, len(parts)
	for hi-lo > 1 && site.is(t[parts[hi-1].start:parts[hi-1].end]) {
		hi--
	}
	for hi-lo > 1 && site.is(t[parts[lo].start:parts[lo].end]) {
		lo++
	}
	if lo == 0 && hi == len(parts) {
		// A CJK title may end with the site's section and its name
		// ("…_智能_好奇心日报"); elsewhere a second short part is as
		// often the headline's own ("Chapter 1: Prologue - Murdered").
		cjk := strings.IndexFunc(t, cjkRune) >= 0
		for hi > 1 {
			last := strings.TrimSpace(t[parts[hi-1].start:parts[hi-1].end])
			rest := strings.TrimSpace(t[parts[0].start:parts[hi-2].end])
			if words(last) > 4 || utf8.RuneCountInString(last) >= utf8.RuneCountInString(rest) {
				break
			}
			hi--
			if !cjk {
				break
			}
		}
	}
	return strings.TrimSpace(t[parts[lo].start:parts[hi-1].end])
}

// chooseTitle picks the headline: the page's visible heading when the
// metadata titles confirm it, else the metadata title without the site's
// name; a headline cut short with an ellipsis is given whole when a
// metadata title holds it so.
func chooseTitle(m meta, pageURL *url.URL) string {
	site := newSiteNames(m, pageURL)
	// stripped[k] is metas[k] with the site's name cut.
	var metas, stripped []string
	for _, t := range []string{m.ldTitle, m.ogTitle, m.docTitle} {
		if t != "" {
			metas = append(metas, t)
			stripped = append(stripped, stripSite(t, site))
		}
	}
	return uncut(pickTitle(m, metas, stripped, site), stripped)
}

// uncut is title s, or, when s ends with an ellipsis ("… Hong Kong
// leader..."), the metadata title that goes on where s stops: a teaser's
// or a JSON-LD headline cut to a length the <title> is not.
func uncut(s string, stripped []string) string {
	head, ok := cutEllipsis(s)
	if !ok || words(head) < 3 {
		return s
	}
	if u := goesOn(head, stripped, func(u string) bool { _, cut := cutEllipsis(u); return !cut }); u != "" {
		return u
	}
	return s
}

// cutEllipsis cuts a trailing "..." or "…" off s, and the spaces before it.
func cutEllipsis(s string) (string, bool) {
	head, ok := strings.CutSuffix(s, "...")
	if !ok {
		head, ok = strings.CutSuffix(s, "…")
	}
	return strings.TrimSpace(head), ok
}

// goesOn is the first of the metadata titles, the site's name cut, that
// begins with head, goes on after it and that whole accepts; "" when
// none does.
func goesOn(head string, stripped []string, whole func(u string) bool) string {
	for _, u := range stripped {
		if len(u) > len(head) && strings.HasPrefix(u, head) && whole(u) {
			return u
		}
	}
	return ""
}

// pickTitle is chooseTitle's pick among the headings and metas.
func pickTitle(m meta, metas, stripped []string, site siteNames) string {
	match := map[string]string{}
	var parts []string
	for k, t := range metas {
		match[key(t)] = t
		s := stripped[k]
		match[key(s)] = s
		parts = append(parts, s)
		// The parts of what is left once the site's name is cut: the
		// part that was cut names the site, and a logo heading with it
		// is no headline.
		for _, p := range titleParts(s) {
			pt := strings.TrimSpace(s[p.start:p.end])
			if !site.is(pt) {
				match[key(pt)] = pt
				parts = append(parts, pt)
			}
		}
	}
	delete(match, "")
	raw := map[string]bool{}
	for _, t := range metas {
		raw[key(t)] = true
	}
	// A heading the metadata names is the headline, as the page shows it;
	// a hidden heading that repeats the <title> has the site's name cut
	// as the <title> has when another metadata title is the headline
	// alone.
	for _, h := range m.dom.headings {
		if _, ok := match[key(h.text)]; ok && !site.is(h.text) {
			if s := stripSite(h.text, site); s != h.text && raw[key(s)] {
				return s
			}
			return h.text
		}
		if _, ok := match[key(h.full)]; ok && !site.is(h.text) {
			return h.text
		}
	}
	// A heading that is a metadata title behind a kicker ("Election
	// 2024: Polls close ...") gives that title.
	for _, h := range m.dom.headings {
		hk := key(h.text)
		best := ""
		for _, p := range parts {
			pk := key(p)
			if words(p) >= 3 && len(pk) < len(hk) && len(p) > len(best) &&
				(strings.HasSuffix(hk, " "+pk) || strings.HasPrefix(hk, pk+" ")) {
				best = p
			}
		}
		if best != "" {
			return best
		}
	}
	if h, ok := firstHeadline(m.dom.headings, site, stripped); ok {
		return h
	}
	for _, s := range stripped {
		if s != "" {
			return unbroken(s, stripped)
		}
	}
	return ""
}

// unbroken is title s, or the longer metadata title that goes on where s
// stops with a double quote: a <meta content="… "word""> the page did
// not escape ends its attribute at the quote, and the <title> holds the
// whole headline.
func unbroken(s string, stripped []string) string {
	if u := goesOn(s, stripped, func(u string) bool { return strings.HasPrefix(strings.TrimSpace(u[len(s):]), `"`) }); u != "" {
		return u
	}
	return s
}

// firstHeadline is the first <h1> outside the site's chrome that does not
// name the site.
func firstHeadline(hs []heading, site siteNames, stripped []string) (string, bool) {
	for _, h := range hs {
		if h.h1 && !h.chrome && !site.is(h.text) && utf8.RuneCountInString(h.text) >= 4 && (!h.linked || sharesWord(h.text, stripped)) {
			return h.text, true
		}
	}
	return "", false
}

// minSharedWord is how many letters a word has at least to count as
// shared between a heading and a metadata title.
const minSharedWord = 4

// sharesWord reports whether heading t shares a word of minSharedWord
// letters or more with the metadata titles (the site's name cut), or
// they have none: a heading that is a link and shares none with the
// page's own title is a section's name ("Business Monday") or a logo's,
// where a permalink heading shares the title's words.
func sharesWord(t string, stripped []string) bool {
	tk := key(t)
	any := false
	for _, s := range stripped {
		for w := range strings.FieldsSeq(key(s)) {
			if utf8.RuneCountInString(w) < minSharedWord {
				continue
			}
			any = true
			for hw := range strings.FieldsSeq(tk) {
				if hw == w {
					return true
				}
			}
		}
	}
	return !any
}
