package article

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"
)

// Format is how Parse reads a file, chosen by its extension.
type Format int

// The formats Parse reads.
const (
	FormatText Format = iota
	FormatMarkdown
	FormatHTML
	// FormatMHTML is a page a browser saved as one file (.mhtml, .mht):
	// its HTML is read as an HTML page's.
	FormatMHTML
	// FormatReST is reStructuredText (.rst, .rest): plain text under its
	// title and docinfo fields, its markup taken out.
	FormatReST
	// FormatAsciiDoc is AsciiDoc (.adoc, .asciidoc), read likewise.
	FormatAsciiDoc
	// FormatOrg is an Emacs Org document (.org), read likewise.
	FormatOrg
)

// FormatOf picks the format from a file name: .md and .markdown are
// Markdown, .html and .htm HTML, .mhtml and .mht a saved page, .rst and
// .rest reStructuredText, .adoc and .asciidoc AsciiDoc, .org Org,
// anything else (.txt, no extension) plain text.
func FormatOf(name string) Format {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/"))) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm":
		return FormatHTML
	case ".mhtml", ".mht":
		return FormatMHTML
	case ".rst", ".rest":
		return FormatReST
	case ".adoc", ".asciidoc":
		return FormatAsciiDoc
	case ".org":
		return FormatOrg
	}
	return FormatText
}

// Parse normalizes one seed file. name is used for its extension (the
// format) and as the slug of last resort; data is the file's bytes. It
// returns ErrEmpty, ErrBinary or ErrInvalidUTF8 (wrapped) for input that is
// not text, and ErrNoBody when no article text is left.
func Parse(name string, data []byte, opts Options) (*Article, error) {
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	format := FormatOf(name)
	var saved map[string]string // an archive's pictures, by where they came from
	if format == FormatMHTML && len(bytes.TrimSpace(data)) > 0 && binarySignature(data) == "" {
		// (An empty or binary file is cleanInput's to turn away.)
		page, from, pictures, err := mhtmlPage(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		saved = pictures
		if from = savedFrom(from); from != "" {
			opts.BaseURL = from
		}
		data = page
	}
	text, warns, err := cleanInput(data, format == FormatHTML || format == FormatMHTML)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	a := &Article{Removed: map[string][]string{}, Warnings: warns}
	switch format {
	case FormatMarkdown:
		err = parseMarkdown(text, opts, a)
	case FormatHTML, FormatMHTML:
		err = parseHTML(text, opts, a)
	case FormatReST:
		err = parseRST(text, opts, a)
	case FormatAsciiDoc:
		err = parseAsciiDoc(text, opts, a)
	case FormatOrg:
		err = parseOrg(text, opts, a)
	default:
		err = parseText(text, opts, a)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(saved) > 0 && opts.FilesURL != "" {
		archivePictures(a, saved, archiveURL(opts.FilesURL, name))
	}
	if inDrafts(name) {
		a.Draft = true
	}
	if a.Published == nil {
		if t, ok := nameDate(name, opts.Location); ok {
			a.Published = &t
		}
	}
	// Plain text, and the documents read by their own markup (reST,
	// AsciiDoc, Org), are made only of pieces of the cleaned input;
	// parsers of Markdown and HTML resolve entities ("&#1;") and need a
	// second pass.
	finish(a, name, format == FormatMarkdown || format == FormatHTML || format == FormatMHTML)
	return a, nil
}

// finish fills what every format derives the same way and, when scrub is
// set, makes every string safe for XML.
func finish(a *Article, name string, scrub bool) {
	if n := len(a.Warnings); n > maxWarnings {
		// A file can give a warning per line; the first ones say what
		// is wrong, and the log line and the record stay small.
		a.Warnings = append(a.Warnings[:maxWarnings-1:maxWarnings-1], fmt.Sprintf("%d more warnings", n-maxWarnings+1))
	}
	if a.BodyHTML == "" {
		a.BodyHTML = ParagraphsHTML(a.BodyParagraphs)
	}
	if a.Summary == "" && len(a.BodyParagraphs) > 0 {
		a.Summary = summarize(a.BodyParagraphs[0])
	}
	switch {
	case len(a.Authors) == 0 && a.Author != "":
		a.Authors = []string{a.Author}
	case a.Author == "" && len(a.Authors) > 0:
		a.Author = strings.Join(a.Authors, ", ")
	}
	// Every format ends here, so that no article leaves without a title.
	if strings.TrimSpace(a.Title) == "" {
		src := a.BodyParagraphs
		if len(src) == 0 {
			src = []string{a.Summary}
		}
		if t := fallbackTitle(src); t != "" {
			a.Title = t
			a.Warnings = append(a.Warnings, warnFallbackTitle)
		}
	}
	if a.Slug == "" {
		a.Slug = slugFor(a.Title, name)
	}
	if scrub {
		scrubArticle(a)
	}
	// Empty lists encode as [] rather than null: consumers of check -json
	// iterate them without a nil check.
	if a.Images == nil {
		a.Images = []Image{}
	}
	if a.BodyParagraphs == nil {
		a.BodyParagraphs = []string{}
	}
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if a.Warnings == nil {
		a.Warnings = []string{}
	}
}

// maxWarnings bounds the warnings an article keeps.
const maxWarnings = 50

// scrubArticle drops what XML forbids from every string of the article.
func scrubArticle(a *Article) {
	a.Title = scrubString(a.Title)
	a.Subtitle = scrubString(a.Subtitle)
	a.Author = scrubString(a.Author)
	for i, n := range a.Authors {
		a.Authors[i] = scrubString(n)
	}
	for i, p := range a.BodyParagraphs {
		a.BodyParagraphs[i] = scrubString(p)
	}
	a.BodyHTML = scrubString(a.BodyHTML)
	a.Summary = scrubString(a.Summary)
	if a.Dateline != nil {
		a.Dateline.Place = scrubString(a.Dateline.Place)
		a.Dateline.DateText = scrubString(a.Dateline.DateText)
	}
	for i := range a.Images {
		a.Images[i].Caption = scrubString(a.Images[i].Caption)
		a.Images[i].Credit = scrubString(a.Images[i].Credit)
	}
	for i, t := range a.Tags {
		a.Tags[i] = scrubString(t)
	}
	for k, lines := range a.Removed {
		for i, l := range lines {
			lines[i] = scrubString(l)
		}
		if sk := scrubString(k); sk != k {
			delete(a.Removed, k)
			a.Removed[sk] = lines
		}
	}
	for i, w := range a.Warnings {
		a.Warnings[i] = scrubString(w)
	}
}

// escapeMask has the high bit set of the first byte of x (in memory
// order) that writeEscaped escapes, and 0 when there is none; bits above
// the first may be set too, wrongly. Setting the low bit makes the
// ampersand and the apostrophe one byte, setting the next makes the angle
// brackets one, so three zero-byte tests cover the five: a byte equal to c
// makes x^c zero there, and the borrow test flags the lowest such byte
// exactly (a borrow only runs upwards, from a byte that was zero).
func escapeMask(x uint64) uint64 {
	const (
		quot    = '"' * bytes01
		ampApos = '\'' * bytes01
		ltGt    = '>' * bytes01
		bytes02 = 2 * bytes01
	)
	a, b, c := x^quot, (x|bytes01)^ampApos, (x|bytes02)^ltGt
	return ((a-bytes01)&^a | (b-bytes01)&^b | (c-bytes01)&^c) & bytes80
}

// load64 reads s[i:i+8] as a little-endian word; the compiler turns the
// shifts into one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
