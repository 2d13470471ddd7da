package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"seedfeed/internal/article"
)

// An article is stored as a compact binary record (schema 5) instead of
// the JSON of the whole article: no field names, no escaping, and neither
// the columns it already has (title, summary, author) nor a body HTML that
// is only its paragraphs escaped in <p> elements, as for every plain-text
// file. It is about half the size, so a cold start writes half the pages,
// and costs a copy, not reflection, to encode and decode.
//
// Layout, after the format byte: a flags byte, then the fields in the
// order of encodeArticle. Strings and lists are length-prefixed with
// uvarints; a list or map length is stored plus one, so that zero means
// nil and nil and empty survive as they do through JSON.
const formatV1 = 1

const (
	flagDateline = 1 << iota
	flagPublished
	flagUpdated
	flagDraft
	flagHTMLFromParagraphs
	flagYear
	flagYearInferred
	flagAuthors
)

// errBadRecord is what a damaged or foreign record decodes to.
var errBadRecord = errors.New("malformed article record")

// encodeArticle appends a's record to dst. Title, Summary and Author are
// not in it: they are columns of their own.
func encodeArticle(dst []byte, a *article.Article) ([]byte, error) {
	var flags byte
	if a.Dateline != nil {
		flags |= flagDateline
		if a.Dateline.Year != nil {
			flags |= flagYear
		}
		if a.Dateline.YearInferred {
			flags |= flagYearInferred
		}
	}
	if a.Published != nil {
		flags |= flagPublished
	}
	if a.Updated != nil {
		flags |= flagUpdated
	}
	if a.Draft {
		flags |= flagDraft
	}
	// Authors came after the first records were written: it is last, and
	// left out when it says no more than the author column.
	if a.Authors != nil && !(len(a.Authors) == 1 && a.Authors[0] == a.Author) {
		flags |= flagAuthors
	}
	derived := article.IsParagraphsHTML(a.BodyHTML, a.BodyParagraphs)
	if derived {
		flags |= flagHTMLFromParagraphs
	}
	start := len(dst)
	dst = append(dst, formatV1, flags)
	dst = putString(dst, a.Subtitle)
	if d := a.Dateline; d != nil {
		dst = putString(dst, d.Place)
		dst = putString(dst, d.DateText)
		dst = binary.AppendVarint(dst, int64(d.Month))
		dst = binary.AppendVarint(dst, int64(d.Day))
		if d.Year != nil {
			dst = binary.AppendVarint(dst, int64(*d.Year))
		}
	}
	var err error
	for _, t := range []*time.Time{a.Published, a.Updated} {
		if t != nil {
			if dst, err = putTime(dst, *t); err != nil {
				return nil, err
			}
		}
	}
	dst = listLen(dst, a.Images == nil, len(a.Images))
	for _, im := range a.Images {
		dst = putString(dst, im.Caption)
		dst = putString(dst, im.Credit)
	}
	dst = putStrings(dst, a.BodyParagraphs)
	if !derived {
		dst = putString(dst, a.BodyHTML)
	}
	dst = putString(dst, a.Slug)
	dst = putStrings(dst, a.Tags)
	dst = listLen(dst, a.Removed == nil, len(a.Removed))
	if len(a.Removed) > 0 {
		// Sorted, so that the same article always gives the same bytes.
		keys := make([]string, 0, len(a.Removed))
		for k := range a.Removed {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			dst = putString(dst, k)
			dst = putStrings(dst, a.Removed[k])
		}
	}
	dst = putStrings(dst, a.Warnings)
	if flags&flagAuthors != 0 {
		dst = putStrings(dst, a.Authors)
	}
	return appendExtensions(dst, start, a), nil
}

// decodeArticle fills a from a record made by encodeArticle; the caller
// sets Title, Summary and Author from their columns, and Authors from
// Author when the record has none.
func decodeArticle(b []byte, a *article.Article) error {
	d := decoder{b: b}
	format := d.byte()
	if format != formatV1 && format != formatV2 {
		return fmt.Errorf("%w: format %d", errBadRecord, format)
	}
	flags := d.byte()
	a.Subtitle = d.string()
	if flags&flagDateline != 0 {
		dl := &article.Dateline{Place: d.string(), DateText: d.string(), Month: d.int(), Day: d.int(), YearInferred: flags&flagYearInferred != 0}
		if flags&flagYear != 0 {
			y := d.int()
			dl.Year = &y
		}
		a.Dateline = dl
	}
	if flags&flagPublished != 0 {
		a.Published = d.time()
	}
	if flags&flagUpdated != 0 {
		a.Updated = d.time()
	}
	if n, isNil := d.listLen(); !isNil {
		a.Images = make([]article.Image, n)
		for i := range a.Images {
			a.Images[i] = article.Image{Caption: d.string(), Credit: d.string()}
		}
	}
	a.BodyParagraphs = d.strings()
	if flags&flagHTMLFromParagraphs != 0 {
		a.BodyHTML = article.ParagraphsHTML(a.BodyParagraphs)
	} else {
		a.BodyHTML = d.string()
	}
	a.Slug = d.string()
	a.Tags = d.strings()
	a.Draft = flags&flagDraft != 0
	if n, isNil := d.listLen(); !isNil {
		a.Removed = make(map[string][]string, n)
		for range n {
			k := d.string()
			a.Removed[k] = d.strings()
		}
	}
	a.Warnings = d.strings()
	if flags&flagAuthors != 0 {
		a.Authors = d.strings()
	}
	if format == formatV2 {
		d.extensions(a)
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d bytes left over", errBadRecord, len(d.b))
	}
	return d.err
}

func putString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

func listLen(dst []byte, isNil bool, n int) []byte {
	if isNil {
		return append(dst, 0)
	}
	return binary.AppendUvarint(dst, uint64(n)+1)
}

func putStrings(dst []byte, ss []string) []byte {
	dst = listLen(dst, ss == nil, len(ss))
	for _, s := range ss {
		dst = putString(dst, s)
	}
	return dst
}

// putTime keeps the instant and the zone offset, as the JSON form did
// (time's binary form, which decodes to the same location JSON did).
func putTime(dst []byte, t time.Time) ([]byte, error) {
	tb, err := t.MarshalBinary()
	if err != nil {
		return nil, fmt.Errorf("encode time %v: %w", t, err)
	}
	dst = append(dst, byte(len(tb)))
	return append(dst, tb...), nil
}

// decoder reads a record, remembering the first error: a damaged record
// gives an error, never a panic or a huge allocation.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s", errBadRecord, what)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail("length")
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || int64(int(v)) != v {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) bytes(what string) []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail(what)
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) string() string { return string(d.bytes("string")) }

// listLen reads a list length: each element takes at least one byte, so
// a length beyond what is left is damage, not a reason to allocate.
func (d *decoder) listLen() (n int, isNil bool) {
	v := d.uvarint()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(d.b)) {
		d.fail("list length")
		return 0, true
	}
	return int(v - 1), false
}

func (d *decoder) strings() []string {
	n, isNil := d.listLen()
	if isNil {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.string()
	}
	return out
}

func (d *decoder) time() *time.Time {
	n := int(d.byte())
	if n > len(d.b) {
		d.fail("time")
		return nil
	}
	var t time.Time
	if err := t.UnmarshalBinary(d.b[:n]); err != nil {
		d.fail("time")
		return nil
	}
	// time takes nanoseconds of a second or more as they are, and such a
	// time is not the one it encodes back to (FuzzRecord): only a
	// damaged record has them.
	if n >= 13 && binary.BigEndian.Uint32(d.b[9:13]) >= 1e9 {
		d.fail("time")
		return nil
	}
	d.b = d.b[n:]
	return &t
}
