package article

import (
	"strings"
	"time"
)

// visibleDate reads the first of the page's date-marked texts that is a
// date line ("Published 3 May 2022", "Tuesday, 03 May 2022") giving a
// publication date with its year.
func visibleDate(texts, page []string, title string) (dateMatch, bool) {
	for _, t := range texts {
		dl, ok := parseDateLine(t)
		if !ok || dl.Date == nil || dl.Updated || dl.Date.Year == 0 {
			continue
		}
		return *dl.Date, true
	}
	// A byline-like text that holds a date among other things ("Home |
	// By Jane Roe | 30 September 2018").
	for _, t := range texts {
		if len(t) > maxBylineLen || updatedLabel(t) {
			continue
		}
		if m, ok := findDate(t); ok && m.Year != 0 && !m.LowerMonth {
			return m, true
		}
	}
	if m, ok := headlineDate(page, title); ok {
		return m, true
	}
	return firstPageDate(page, title)
}

// pageDateLines is how far below the headline firstPageDate reads: the
// article's opening, not the related links and footer below it.
const pageDateLines = 40

// firstPageDate is the first full date (with its year) in the page's
// text outside copyright lines: on a page that marks up no date, the
// first one it prints is most often the article's own (its body's
// "press release of 25 January 2022", a header's date).
func firstPageDate(page []string, title string) (dateMatch, bool) {
	tk := foldKey(title)
	start := -1
	for i, l := range page {
		if tk != "" && foldKey(l) == tk {
			start = i
			break
		}
	}
	if start < 0 {
		return dateMatch{}, false
	}
	for _, l := range page[start:min(len(page), start+pageDateLines)] {
		if mentionsCopyright(l) {
			continue
		}
		if m, ok := findDate(l); ok && m.Year != 0 && !m.LowerMonth {
			return m, true
		}
	}
	return dateMatch{}, false
}

// dateWindow is how many lines around the headline a date line is
// looked for in the page's text: the header's lines, not the body's.
const (
	dateLinesBefore = 4
	dateLinesAfter  = 12
)

// headlineDate finds a date line near the headline in the page's visible
// text, the way a whole-page text scrape is read.
func headlineDate(page []string, title string) (dateMatch, bool) {
	if title == "" {
		return dateMatch{}, false
	}
	tk := foldKey(title)
	for i, l := range page {
		if foldKey(l) != tk {
			continue
		}
		for j := max(0, i-dateLinesBefore); j < len(page) && j <= i+dateLinesAfter; j++ {
			if mentionsCopyright(page[j]) {
				continue
			}
			dl, ok := parseDateLine(page[j])
			if ok && dl.Date != nil && !dl.Updated && dl.Date.Year != 0 {
				return *dl.Date, true
			}
			if b, ok := parseByline(page[j]); ok && b.Date != nil && !b.Updated && b.Date.Year != 0 {
				return *b.Date, true
			}
		}
	}
	return dateMatch{}, false
}

// inLocalDay shows a UTC instant from metadata in the offset that puts it
// on the calendar day the page prints, when such an offset exists
// (UTC-12 to UTC+14): the page's date is the article's local date, the
// metadata's UTC date may be the day after or before it. Any other t is
// returned as is.
func inLocalDay(t time.Time, vis dateMatch) *time.Time {
	if _, off := t.Zone(); off != 0 {
		return &t
	}
	want := time.Date(vis.Year, vis.Month, vis.Day, 0, 0, 0, 0, time.UTC)
	if sameDay(t, want) {
		return &t
	}
	// The offset nearest to UTC that gives the printed day.
	for h := 1; h <= 14; h++ {
		for _, o := range []int{-h, h} {
			if o < -12 {
				continue
			}
			lt := t.In(time.FixedZone("", o*3600))
			if sameDay(lt, want) {
				return &lt
			}
		}
	}
	return &t
}

func sameDay(t, d time.Time) bool {
	y, m, dd := t.Date()
	y2, m2, d2 := d.Date()
	return y == y2 && m == m2 && dd == d2
}

// pageByline finds a byline near the headline in the page's visible
// text, the way a whole-page text scrape is read.
func pageByline(page []string, title string) (string, bool) {
	i := titleLine(page, title)
	if i < 0 {
		return "", false
	}
	for j := max(0, i-dateLinesBefore); j < len(page) && j <= i+dateLinesAfter; j++ {
		if b, ok := parseByline(page[j]); ok && b.Author != "" {
			return b.Author, true
		}
	}
	return "", false
}

// titleLine is the index of the first page line that is the headline,
// -1 when none is.
func titleLine(page []string, title string) int {
	tk := foldKey(title)
	if tk == "" {
		return -1
	}
	for i, l := range page {
		if foldKey(l) == tk {
			return i
		}
	}
	return -1
}

func mentionsCopyright(l string) bool {
	return strings.Contains(l, "©") || strings.Contains(strings.ToLower(l), "copyright")
}
