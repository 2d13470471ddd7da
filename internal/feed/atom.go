package feed

import (
	"time"

	"github.com/gorilla/feeds"
)

// atomFeed adds what feeds.AtomFeed cannot express: xml:lang, typed text,
// a generator, several links (self and alternate) and entries with
// categories. Its fields hide the embedded ones of the same name.
type atomFeed struct {
	*feeds.AtomFeed
	Lang      string         `xml:"xml:lang,attr,omitempty"`
	NSMedia   string         `xml:"xmlns:media,attr,omitempty"`
	NSHistory string         `xml:"xmlns:fh,attr,omitempty"`
	Title     atomText       `xml:"title"`
	Subtitle  *atomText      `xml:"subtitle,omitempty"`
	Generator *atomGenerator `xml:"generator,omitempty"`
	Links     []feeds.AtomLink
	Archive   *fhArchive  `xml:"fh:archive"`
	Entries   []atomEntry `xml:"entry"`
}

type atomGenerator struct {
	Text string `xml:",chardata"`
}

// atomEntry replaces the single, element-valued feeds.AtomEntry.Category
// with one category element per tag and its single author with one
// element per author, and types its title.
type atomEntry struct {
	*feeds.AtomEntry
	Authors    []feeds.AtomAuthor `xml:"author"`
	Title      atomText           `xml:"title"`
	Categories []atomCategory     `xml:"category"`
	Media      *mediaContent      `xml:"media:content"`
	Thumbnail  *mediaThumbnail    `xml:"media:thumbnail"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomTime is RFC 3339 with the sub-second part an item's updated may
// carry (see updatedOffset), and none when it is zero.
const atomTime = "2006-01-02T15:04:05.999999Z07:00"

func renderAtom(d *doc, path string) ([]byte, error) {
	af := (&feeds.Atom{Feed: gorillaFeed(d)}).AtomFeed()
	out := atomFeed{
		AtomFeed: af,
		Lang:     d.lang,
		Title:    newAtomText(d.title),
		Links: []feeds.AtomLink{
			{Href: d.base + d.dir + path, Rel: "self", Type: "application/atom+xml"},
			{Href: d.home, Rel: "alternate", Type: "text/html"},
		},
		Entries: make([]atomEntry, len(af.Entries)),
	}
	out.Links = append(out.Links, atomHubLinks(d)...)
	for _, l := range d.archiveLinks(ArchiveAtomPath, PathFeed) {
		out.Links = append(out.Links, feeds.AtomLink{Href: l.href, Rel: l.rel, Type: "application/atom+xml"})
	}
	if d.archived() {
		out.NSHistory, out.Archive = NSHistory, &fhArchive{}
	}
	if d.subtitle != "" {
		st := newAtomText(d.subtitle)
		out.Subtitle = &st
	}
	if d.generator != "" {
		out.Generator = &atomGenerator{Text: d.generator}
	}
	if anyPictures(d) {
		out.NSMedia = nsMedia
	}
	af.Icon, af.Logo = d.icon, d.logo
	for i, ae := range af.Entries {
		e := d.entries[i]
		// feeds writes no <published> and calls every summary HTML; ours
		// is plain text.
		ae.Published = e.published.Format(time.RFC3339)
		ae.Updated = e.updated.Format(atomTime)
		if ae.Summary != nil {
			st := newAtomText(e.summary)
			ae.Summary.Type, ae.Summary.Content = st.Type, st.Text
			if st.Type == "" {
				ae.Summary.Type = "text"
			}
		}
		out.Entries[i] = atomEntry{
			AtomEntry:  ae,
			Authors:    make([]feeds.AtomAuthor, len(e.authors)),
			Title:      newAtomText(e.title),
			Categories: make([]atomCategory, len(e.tags)),
		}
		for j, a := range e.authors {
			out.Entries[i].Authors[j].Name = a
		}
		for _, p := range e.pictures {
			ae.Links = append(ae.Links, feeds.AtomLink{Href: p.url, Rel: "enclosure", Type: p.typ, Length: lengthAttr(p.length)})
		}
		out.Entries[i].Media, out.Entries[i].Thumbnail = leadMedia(e)
		for j, t := range e.tags {
			out.Entries[i].Categories[j].Term = t
		}
	}
	// AtomFeed copies the feed id from the link and keeps one link only.
	af.Id = d.id
	af.Updated = d.updated.Format(atomTime)
	af.Link = nil
	af.Entries = nil
	return marshalXML(d.stylesheet, out)
}
