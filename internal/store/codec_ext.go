package store

import (
	"encoding/binary"
	"fmt"

	"seedfeed/internal/article"
)

// Fields added to the record after its flags byte was full follow the
// last field of encodeArticle as extensions, in a record of format 2: a
// count, then each extension as a tag byte and the field, tags rising.
// An article without any is written in format 1 as it always was, so
// every record written before reads as before, and the count makes a
// format 2 record cut short fail to decode instead of losing fields.
const formatV2 = 2

const (
	extPictures = 1 // article.Article.Pictures: a count, then URL and alt of each
)

// appendExtensions appends a's extensions to the record that starts at
// dst[start], switching it to format 2 when there are any.
func appendExtensions(dst []byte, start int, a *article.Article) []byte {
	n := 0
	if len(a.Pictures) > 0 {
		n++
	}
	if n == 0 {
		return dst
	}
	dst[start] = formatV2
	dst = binary.AppendUvarint(dst, uint64(n))
	if len(a.Pictures) > 0 {
		dst = append(dst, extPictures)
		dst = listLen(dst, false, len(a.Pictures))
		for _, p := range a.Pictures {
			dst = putString(dst, p.URL)
			dst = putString(dst, p.Alt)
		}
	}
	return dst
}

// extensions reads the extensions of a format 2 record.
func (d *decoder) extensions(a *article.Article) {
	n := d.uvarint()
	if d.err == nil && (n == 0 || n > uint64(len(d.b))) {
		d.fail("extension count")
	}
	last := 0
	for i := uint64(0); d.err == nil && i < n; i++ {
		tag := int(d.byte())
		if tag <= last {
			d.err = fmt.Errorf("%w: extension %d after %d", errBadRecord, tag, last)
			return
		}
		last = tag
		switch tag {
		case extPictures:
			n, isNil := d.listLen()
			if isNil {
				d.fail("pictures")
				return
			}
			a.Pictures = make([]article.Picture, n)
			for i := range a.Pictures {
				a.Pictures[i] = article.Picture{URL: d.string(), Alt: d.string()}
			}
		default:
			d.err = fmt.Errorf("%w: unknown extension %d", errBadRecord, tag)
			return
		}
	}
}
