// Package article turns the bytes of one seed file (plain text, Markdown or
// HTML) into a clean Article. It is pure: no file system, no clock, no
// network. Everything hard about messy input lives here.
package article

import (
	"errors"
	"time"
)

// Errors returned by Parse when a file cannot be published at all. They are
// wrapped with detail; test with errors.Is.
var (
	ErrEmpty       = errors.New("article: empty file")
	ErrBinary      = errors.New("article: binary content")
	ErrInvalidUTF8 = errors.New("article: invalid UTF-8")
	ErrNoBody      = errors.New("article: no article text found")
	// ErrFormat is text in a format that is no article's: a word
	// processor's RTF, PostScript, a script. Read as prose it would be
	// published as its own markup ("{\rtf1\ansi…" as the headline).
	ErrFormat = errors.New("article: not a text, Markdown or HTML article")
)

// Options carry what Parse needs from outside the file.
type Options struct {
	// Ref is the reference time: a date without a year is the latest such
	// date not after Ref. Usually the file's modification time.
	Ref time.Time
	// Location is the zone for dates whose text names none (site.timezone).
	// Nil means UTC.
	Location *time.Location
	// BaseURL is the absolute URL relative links in HTML input are resolved
	// against when the page itself gives no better base.
	BaseURL string
	// FilesURL is where the seeds folder's root is served (the site's
	// /files/), "" when it is not known. A Markdown picture written from
	// the root ("/images/gulls.jpg", as a post moved from Jekyll or Hugo
	// has them) is looked for there: the site serves no other such path.
	FilesURL string
	// Language is the site's (site.language, a BCP 47 tag). A plain text
	// that does not tell how it orders a date in figures ("03/04/2024")
	// is read in the order the site's region writes: a writer on an
	// "en-US" site means March 4, on an "en-GB" or "de" one April 3.
	Language string
	// dayOrder is the order of day and month the page's language gives
	// dates in figures (langDayOrder), for an HTML page's visible text.
	dayOrder int8
}

// Dateline is the "Place, Month Day:" lead of a news article, as written.
type Dateline struct {
	Place    string `json:"place"`
	DateText string `json:"date_text"`
	Month    int    `json:"month"`
	Day      int    `json:"day"`
	// Year as given by the text, or inferred from Options.Ref when the text
	// gives none (YearInferred is then true).
	Year         *int `json:"year"`
	YearInferred bool `json:"year_inferred,omitempty"`
}

// Image is one picture the article referred to, by its caption and credit.
type Image struct {
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
}

// Article is the normalized form of one seed file.
type Article struct {
	Title    string `json:"title"`
	Subtitle string `json:"subtitle"`
	// Author is every author's name joined with ", ": the byline as one
	// string, as check -json has always printed it.
	Author string `json:"author"`
	// Authors lists the authors one by one, in byline order. Parsers set
	// either; finish fills the other (one name when only Author is set).
	Authors  []string  `json:"authors"`
	Dateline *Dateline `json:"dateline"`
	// Published is the article's own date when its text or metadata gives
	// one; nil otherwise (the store then uses the first-seen time).
	Published *time.Time `json:"published"`
	// Updated is an explicit modification date from metadata (front
	// matter, article:modified_time); nil otherwise.
	Updated *time.Time `json:"updated,omitempty"`
	Images  []Image    `json:"images"`
	// Pictures are the images that have an address, the lead first
	// (pictures.go); nil for plain text.
	Pictures       []Picture `json:"pictures,omitempty"`
	BodyParagraphs []string  `json:"body_paragraphs"`
	// BodyHTML is the body as safe HTML: sanitized, every URL absolute.
	// For plain text it is the paragraphs, escaped, in <p> elements.
	BodyHTML string   `json:"body_html"`
	Summary  string   `json:"summary"`
	Slug     string   `json:"slug"`
	Tags     []string `json:"tags"`
	// Draft articles are parsed but never published.
	Draft bool `json:"draft,omitempty"`
	// Removed lists every dropped line, grouped by kind
	// ("duplicate_caption", "share_widget", "author_box", "comment_form", ...).
	Removed  map[string][]string `json:"removed"`
	Warnings []string            `json:"warnings"`
}
