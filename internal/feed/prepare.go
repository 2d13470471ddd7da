package feed

import (
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
	"time"
)

// undated dates what has no date at all (an empty feed; an item with
// neither date, which the store never produces). Anything derived from the
// clock would make two renders of the same input differ, and the W3C
// validator calls dates before 1990 implausible.
func undated() time.Time { return time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC) }

// doc is the feed after cleaning and defaulting: every string is safe for
// XML and every URL absolute. The renderers only translate it.
type doc struct {
	base       string // BaseURL without a trailing slash
	dir        string // Meta.Dir: "" or an escaped path such as "/tags/go"
	home       string // base + dir + "/"
	id         string
	title      string
	subtitle   string
	author     string
	lang       string
	generator  string
	ttl        int
	full       bool
	stylesheet string   // absolute href, or ""
	icon, logo string   // absolute URLs, or ""
	hubs       []string // WebSub hub URLs, absolute
	updated    time.Time
	entries    []entry
	pos        ArchivePosition // where the document stands in the archived feed
}

type entry struct {
	id        string
	link      string
	title     string
	summary   string
	authors   []string // at least one, in byline order
	content   string   // absolute-URL HTML; "" when !full or empty
	published time.Time
	updated   time.Time
	tags      []string
	pictures  []picture // the lead picture first
}

func prepare(meta Meta, items []Item) (*doc, error) {
	base, err := parseBase(meta.BaseURL)
	if err != nil {
		return nil, err
	}
	d := &doc{
		base:      strings.TrimSuffix(base.String(), "/"),
		title:     cleanLine(meta.Title),
		subtitle:  cleanLine(meta.Subtitle),
		author:    cleanLine(meta.Author),
		lang:      cleanLine(meta.Language),
		generator: cleanLine(meta.Generator),
		ttl:       max(meta.TTL, 0),
		full:      meta.FullContent,
		updated:   undated(),
	}
	if meta.Dir != "" {
		if !validDir(meta.Dir) {
			return nil, fmt.Errorf("%w: dir %q", ErrMeta, meta.Dir)
		}
		d.dir = meta.Dir
	}
	d.home = d.base + d.dir + "/"
	if err := prepareSiteImages(d, meta.Images); err != nil {
		return nil, err
	}
	if d.title == "" {
		d.title = base.Host
	}
	if d.author == "" {
		d.author = d.title
	}
	if !isLangTag(d.lang) {
		return nil, fmt.Errorf("%w: language %q", ErrMeta, meta.Language)
	}
	d.id = cleanLine(meta.FeedID)
	if d.id == "" {
		d.id = defaultFeedID(base) + d.dir
	}
	if !isAbsolute(d.id) {
		return nil, fmt.Errorf("%w: feed id %q is not an absolute URI", ErrMeta, meta.FeedID)
	}
	if s := cleanLine(meta.Stylesheet); s != "" {
		href, err := stylesheetHref(d.base, s)
		if err != nil {
			return nil, err
		}
		d.stylesheet = href
	}

	if d.hubs, err = prepareHubs(meta.Hubs); err != nil {
		return nil, err
	}

	seen := make(map[string]int, len(items))
	d.entries = make([]entry, 0, len(items))
	for i, it := range items {
		e, err := prepareItem(d, it)
		if err != nil {
			return nil, fmt.Errorf("%w %d (slug %q): %w", ErrItem, i, it.Slug, err)
		}
		if j, dup := seen[e.id]; dup {
			return nil, fmt.Errorf("%w %d (slug %q): id %q already used by item %d", ErrItem, i, it.Slug, e.id, j)
		}
		seen[e.id] = i
		if e.updated.After(d.updated) {
			d.updated = e.updated
		}
		d.entries = append(d.entries, e)
	}
	return d, nil
}

func prepareItem(d *doc, it Item) (entry, error) {
	e := entry{
		id:      cleanLine(it.ID),
		title:   cleanLine(it.Title),
		authors: itemAuthors(it, d.author),
	}
	if !isAbsolute(e.id) {
		return e, fmt.Errorf("id %q is not an absolute URI", it.ID)
	}
	slug := cleanLine(it.Slug)
	if slug == "" {
		return e, errors.New("empty slug")
	}
	e.link = d.base + "/articles/" + url.PathEscape(slug)
	link, err := url.Parse(e.link)
	if err != nil {
		return e, fmt.Errorf("link %q: %w", e.link, err)
	}
	if e.title == "" {
		e.title = slug
	}
	content, text := rewriteContent(cleanText(it.ContentHTML), link)
	// Tokenizing decodes character references, which may name characters
	// that cleanText had no chance to remove.
	content = cleanText(content)
	e.summary = cleanLine(it.Summary)
	if e.summary == "" {
		e.summary = excerpt(cleanLine(text))
	}
	// A subtitle says what the article is about too, when neither the
	// article nor its body says more.
	if e.summary == "" {
		e.summary = excerpt(cleanLine(it.Subtitle))
	}
	if d.full {
		e.content = joinHTML(leadHTML(it), content)
	}
	e.published, e.updated = itemDates(it.Published, it.Updated)
	e.updated = e.updated.Add(updatedOffset(e.id))
	e.tags = cleanList(it.Tags)
	e.pictures = preparePictures(it.Pictures, link)
	return e, nil
}

// updatedOffset is a sub-second offset fixed by the item's id. Articles
// first seen in one scan share their updated second, and Atom wants
// distinct updated values (the W3C validator warns "DuplicateUpdated");
// an offset derived from the id keeps each item's value the same on every
// render, so no reader sees an item re-dated, while two items sharing a
// second almost never share the microsecond.
func updatedOffset(id string) time.Duration {
	h := fnv.New32a()
	h.Write([]byte(id))
	return time.Duration(h.Sum32()%1_000_000) * time.Microsecond
}

// itemDates fills in a missing date from the other and keeps updated from
// preceding published.
func itemDates(published, updated time.Time) (time.Time, time.Time) {
	p, u := normDate(published), normDate(updated)
	switch {
	case p.IsZero() && u.IsZero():
		return undated(), undated()
	case p.IsZero():
		p = u
	case u.IsZero() || u.Before(p):
		u = p
	}
	return p, u
}

// normDate is t in UTC to the second, or zero when t cannot be written as
// an RFC 3339 date (JSON marshalling fails outside years 0 to 9999).
func normDate(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	t = t.UTC().Truncate(time.Second)
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}
	}
	return t
}

// itemAuthors is the item's authors, cleaned, in byline order, without
// repeats; failing those its Author as one name, failing that the site's.
func itemAuthors(it Item, site string) []string {
	names := cleanList(it.Authors)
	if len(names) == 0 {
		if a := cleanLine(it.Author); a != "" {
			names = []string{a}
		} else {
			names = []string{site}
		}
	}
	return names
}

// cleanList cleans each of a list of one-line values (tags, names),
// dropping the empty ones and repeats.
func cleanList(list []string) []string {
	var out []string
	seen := make(map[string]bool, len(list))
	for _, t := range list {
		t = cleanLine(t)
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

func parseBase(raw string) (*url.URL, error) {
	u, err := url.Parse(cleanLine(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: base URL %q: %v", ErrMeta, raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return nil, fmt.Errorf("%w: base URL %q must be an absolute http(s) URL without query or fragment", ErrMeta, raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.RawPath = ""
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

// defaultFeedID makes a tag: URI (RFC 4151) from the base URL. A tag needs
// a date on which the authority held the name; there is no honest one to
// hand, so it is fixed, which at least keeps the id stable. Callers that
// know better set Meta.FeedID.
func defaultFeedID(base *url.URL) string {
	return "tag:" + base.Hostname() + ",2000:" + base.EscapedPath() + "/feed"
}

func stylesheetHref(base, s string) (string, error) {
	href := s
	if !isAbsolute(s) {
		href = base + "/" + strings.TrimLeft(s, "/")
	}
	u, err := url.Parse(href)
	if err != nil || strings.ContainsAny(href, "\"<>&'") || u.Fragment != "" {
		return "", fmt.Errorf("%w: stylesheet %q", ErrMeta, s)
	}
	return href, nil
}

func isAbsolute(uri string) bool {
	u, err := url.Parse(uri)
	return err == nil && u.Scheme != "" && !strings.ContainsAny(uri, " \t\n")
}

// isLangTag accepts the characters of a BCP 47 tag; which tags exist is the
// configuration's business, but a stray space or quote would break
// xml:lang.
func isLangTag(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
