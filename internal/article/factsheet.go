package article

import (
	"slices"
	"strings"
)

// A fact sheet is a run of "Label: value" fields: a book's ISBN, pages,
// publisher and release date under its review, a game's platforms and
// modes, an event's place and time. A date among them is the thing's,
// not the page's, unless its own label says the page was published
// then, or the sheet names an author or stands right under or over a
// byline: then it is the article's own header ("Autor: …", "Datum: …",
// "Kategorie: …").

// minSheetFields is how many fields in a row make a fact sheet.
const minSheetFields = 3

// sheetWindow is how many lines around a date are read for its sheet.
const sheetWindow = 16

// maxFieldLabel and maxFieldValue bound a field's label and value in
// bytes: a longer line is prose with a colon in it.
const (
	maxFieldLabel = 32
	maxFieldValue = 80
)

// sheetDate reports whether the date on line i is a field of a fact
// sheet with no author among its fields, under a label that does not
// say the page was published.
func (tr *textReader) sheetDate(i int) bool {
	// Most dates stand on no field: that is looked at first.
	if _, _, ok := cutField(tr.paras[i]); !ok && (i == 0 || !labelOnly(tr.paras[i-1])) {
		return false
	}
	lo, hi := max(0, i-sheetWindow), min(len(tr.paras), i+sheetWindow+1)
	fields, byline, dateLabel, first := 0, false, "", lo
	k := lo
	for k < hi {
		label, n := tr.fieldAt(k, hi)
		if n == 0 {
			if k > i {
				break
			}
			fields, byline, dateLabel, first = 0, false, "", k+1
			k++
			continue
		}
		fields++
		if _, ok := labelLine(label); ok {
			byline = true
		}
		if k <= i && i < k+n {
			dateLabel = label
		}
		k += n
	}
	var buf [maxFieldLabel]byte
	if dateLabel == "" || fields < minSheetFields || byline || publishedWord(lowerBytes(buf[:], dateLabel)) {
		return false
	}
	// A byline right above or below the fields makes them the article's
	// header: "By Larry Fitzmaurice", "Genre: …", "Reviewed: June 7, 2019".
	return !tr.bylineAt(first-1) && !tr.bylineAt(k)
}

// bylineAt reports whether line j names authors after a label.
func (tr *textReader) bylineAt(j int) bool {
	if j < 0 || j >= len(tr.paras) {
		return false
	}
	_, ok := tr.parseByline(j)
	return ok
}

// fieldAt reads a field at line k: "Label: value" on one line, or
// "Label:" over its value. It returns the label and how many lines the
// field takes, 0 when line k is none.
func (tr *textReader) fieldAt(k, hi int) (string, int) {
	label, value, ok := cutField(tr.paras[k])
	switch {
	case !ok:
		return "", 0
	case value != "":
		return label, 1
	case k+1 < hi && len(tr.paras[k+1]) <= maxFieldValue && !labelOnly(tr.paras[k+1]):
		// A label over a label is a list of headings.
		return label, 2
	}
	return "", 0
}

// labelOnly reports a field's label alone on its line ("Release:"), its
// value on the next.
func labelOnly(p string) bool {
	_, v, ok := cutField(p)
	return ok && v == ""
}

// fieldWith returns the value of p when p is a field whose label, in
// lower case, is one of labels (maybe an empty value).
func fieldWith(p string, labels []string) (string, bool) {
	label, value, ok := cutField(p)
	if !ok || !slices.Contains(labels, strings.ToLower(label)) {
		return "", false
	}
	return value, true
}

// cutField splits "Label: value" at its colon: a label of one to four
// words without figures, a short value (maybe none).
func cutField(p string) (label, value string, ok bool) {
	if len(p) > maxFieldLabel+len("：")+maxFieldValue+1 {
		return "", "", false
	}
	c := strings.IndexAny(p[:min(len(p), maxFieldLabel+len("："))], ":：")
	if c <= 0 || c > maxFieldLabel {
		return "", "", false
	}
	label = strings.TrimSpace(p[:c])
	rest := p[c+1:]
	if strings.HasPrefix(p[c:], "：") {
		rest = p[c+len("："):]
	}
	if label == "" || hasDigit(label) || strings.HasPrefix(rest, "/") {
		return "", "", false
	}
	if w := wordCount(label); w > 4 {
		return "", "", false
	}
	return label, strings.TrimSpace(rest), true
}
