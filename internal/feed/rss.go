package feed

import (
	"encoding/xml"
	"strconv"

	"github.com/gorilla/feeds"
)

// Namespaces of the RSS extensions used.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

// rssDoc is the <rss> root: feeds.RssFeedXml declares only the content
// namespace, and this feed also uses atom and dc.
type rssDoc struct {
	XMLName   xml.Name   `xml:"rss"`
	Version   string     `xml:"version,attr"`
	NSAtom    string     `xml:"xmlns:atom,attr"`
	NSContent string     `xml:"xmlns:content,attr"`
	NSDC      string     `xml:"xmlns:dc,attr"`
	NSMedia   string     `xml:"xmlns:media,attr,omitempty"`
	NSHistory string     `xml:"xmlns:fh,attr,omitempty"`
	Channel   rssChannel `xml:"channel"`
}

// rssChannel adds the atom:link rel="self" the RSS Advisory Board asks for;
// the shallower Items field hides the embedded one.
type rssChannel struct {
	*feeds.RssFeed
	AtomLink rssAtomLink `xml:"atom:link"`
	HubLinks []rssHubLink
	// ArchiveLinks are the RFC 5005 links, written as atom:link elements
	// too (",any" takes each element's name from its XMLName, so the
	// fields do not clash).
	ArchiveLinks []rssArchiveLink `xml:",any"`
	Archive      *fhArchive       `xml:"fh:archive"`
	Items        []rssItem        `xml:"item"`
}

type rssAtomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// rssArchiveLink is an atom:link element of an archived feed.
type rssArchiveLink struct {
	XMLName xml.Name `xml:"atom:link"`
	Href    string   `xml:"href,attr"`
	Rel     string   `xml:"rel,attr"`
	Type    string   `xml:"type,attr"`
}

// rssItem puts each author's name in a dc:creator of its own (RSS <author>
// must be an e-mail address, and there is one of it) and writes one
// category element per tag.
type rssItem struct {
	*feeds.RssItem
	Creators   []string        `xml:"dc:creator"`
	Categories []string        `xml:"category"`
	Media      *mediaContent   `xml:"media:content"`
	Thumbnail  *mediaThumbnail `xml:"media:thumbnail"`
}

func renderRSS(d *doc) ([]byte, error) {
	rf := (&feeds.Rss{Feed: gorillaFeed(d)}).RssFeed()
	rf.Title = rssText(rf.Title)
	if rf.Description == "" {
		rf.Description = d.title // required
	}
	rf.Description = rssText(rf.Description)
	rf.ManagingEditor = "" // it would be " (name)": not an e-mail address
	rf.PubDate = ""
	rf.Language = d.lang
	rf.Generator = d.generator
	rf.Ttl = d.ttl
	self := PathRSS
	if d.archived() {
		self = ArchiveRSSPath(d.pos.Page)
	}
	ch := rssChannel{
		RssFeed:  rf,
		AtomLink: rssAtomLink{Href: d.base + d.dir + self, Rel: "self", Type: "application/rss+xml"},
		HubLinks: rssHubLinks(d),
		Items:    make([]rssItem, len(rf.Items)),
	}
	for _, l := range d.archiveLinks(ArchiveRSSPath, PathRSS) {
		ch.ArchiveLinks = append(ch.ArchiveLinks, rssArchiveLink{Href: l.href, Rel: l.rel, Type: "application/rss+xml"})
	}
	nsHistory := ""
	if d.archived() {
		ch.Archive, nsHistory = &fhArchive{}, NSHistory
	}
	for i, ri := range rf.Items {
		e := d.entries[i]
		ri.Title = rssText(ri.Title)
		// The description is HTML in RSS; the summary is plain text. It is
		// written even when empty, which is invalid.
		ri.Description = escapeHTMLText(e.summary)
		if ri.Description == "" {
			ri.Description = escapeHTMLText(e.title)
		}
		cats := make([]string, len(e.tags))
		for j, t := range e.tags {
			cats[j] = rssText(t)
		}
		creators := make([]string, len(e.authors))
		for j, a := range e.authors {
			creators[j] = rssText(a)
		}
		// RSS allows one enclosure per item: the lead picture, when its
		// type is known (RSS requires one). Its length is 0 when unknown,
		// as the RSS Advisory Board's profile says.
		if len(e.pictures) > 0 && e.pictures[0].typ != "" {
			p := e.pictures[0]
			ri.Enclosure = &feeds.RssEnclosure{Url: p.url, Type: p.typ, Length: strconv.FormatInt(p.length, 10)}
		}
		media, thumb := leadMedia(e)
		ch.Items[i] = rssItem{RssItem: ri, Creators: creators, Categories: cats, Media: media, Thumbnail: thumb}
	}
	if img := rssImageURL(d); img != "" {
		// RSS <image> is a logo that links to the site, titled as it.
		rf.Image = &feeds.RssImage{Url: img, Title: rf.Title, Link: d.home}
	}
	rf.Items = nil
	nsMediaAttr := ""
	if anyPictures(d) {
		nsMediaAttr = nsMedia
	}
	return marshalXML(d.stylesheet, rssDoc{
		NSMedia:   nsMediaAttr,
		Version:   "2.0",
		NSAtom:    nsAtom,
		NSContent: nsContent,
		NSDC:      nsDC,
		NSHistory: nsHistory,
		Channel:   ch,
	})
}
