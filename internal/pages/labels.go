package pages

import (
	"fmt"

	"seedfeed/internal/taxonomy"
)

// The sections of the site under which tags and authors have their pages
// and feeds: /tags/{slug}/ and /authors/{slug}/.
const (
	SectionTags    = "/tags"
	SectionAuthors = "/authors"
)

// LabelRef is a tag or an author as the pages link it.
type LabelRef struct {
	// Section is SectionTags or SectionAuthors.
	Section string
	// Slug is taxonomy.Slug of the name (unescaped).
	Slug  string
	Name  string
	Count int // published articles; 0 shows no count
	// Version changes whenever one of its articles does (store.Label);
	// the server reuses what it rendered for the same version.
	Version int64
}

// LabelDir is the path of a label's page and feeds, escaped, without a
// trailing slash: "/tags/%E0%A4%B9...". It is feed.LabelDir, which the
// pages package does not import.
func LabelDir(section, slug string) string { return section + "/" + taxonomy.PathSegment(slug) }

// linkView is a name and the absolute URL it links to.
type linkView struct {
	Name, URL string
	Count     int
}

// labelLinks links each name that has a slug to its page under section;
// a name without one is shown unlinked.
func labelLinks(base, section string, names []string) []linkView {
	out := make([]linkView, 0, len(names))
	for _, n := range names {
		lv := linkView{Name: n}
		if s := taxonomy.Slug(n); s != "" {
			lv.URL = base + LabelDir(section, s) + "/"
		}
		out = append(out, lv)
	}
	return out
}

// LabelPage renders a tag's or an author's page: its newest entries (in
// the order given) and autodiscovery links for its own feeds.
func LabelPage(site SiteInfo, l LabelRef, items []Entry) ([]byte, error) {
	if l.Slug == "" || l.Section != SectionTags && l.Section != SectionAuthors {
		return nil, fmt.Errorf("%w: label %+v", ErrInvalid, l)
	}
	v, err := newView(site)
	if err != nil {
		return nil, err
	}
	dir := v.Site.BaseURL + LabelDir(l.Section, l.Slug)
	v.Feeds = feedLinks{Atom: dir + AtomPath, RSS: dir + RSSPath, JSON: dir + JSONPath}
	what := "Tag"
	if l.Section == SectionAuthors {
		what = "Author"
	}
	v.Heading = what + ": " + l.Name
	v.FeedTitle = site.Title + ": " + l.Name
	if site.Title == "" {
		v.FeedTitle = l.Name
	}
	v.Title = v.Heading + " · " + site.Title
	v.Canonical = dir + "/"
	v.Entries = make([]entryView, 0, len(items))
	for i := range items {
		ev, err := newEntryView(v.Site, items[i])
		if err != nil {
			return nil, err
		}
		v.Entries = append(v.Entries, ev)
	}
	return execute("label.html", v)
}

// LabelListPage renders the page that links every tag (or every author)
// of section, in the order given, each with its count.
func LabelListPage(site SiteInfo, section string, labels []LabelRef) ([]byte, error) {
	if section != SectionTags && section != SectionAuthors {
		return nil, fmt.Errorf("%w: section %q", ErrInvalid, section)
	}
	v, err := newView(site)
	if err != nil {
		return nil, err
	}
	v.Heading = "All tags"
	if section == SectionAuthors {
		v.Heading = "All authors"
	}
	v.Title = v.Heading + " · " + site.Title
	v.Canonical = v.Site.BaseURL + section + "/"
	v.TagLinks = make([]linkView, 0, len(labels))
	for _, l := range labels {
		if l.Slug != "" {
			v.TagLinks = append(v.TagLinks, linkView{Name: l.Name, URL: v.Site.BaseURL + LabelDir(section, l.Slug) + "/", Count: l.Count})
		}
	}
	return execute("labels.html", v)
}
