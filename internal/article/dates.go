package article

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateMatch is a calendar date read from text, as much of it as the text
// gave. It is only ever read from header lines (datelines, bylines, date
// lines): in running prose "May" is a verb and "March" a noun too often.
type dateMatch struct {
	Text       string // the date as written, e.g. "Match 25"
	Start, End int    // byte span of Text in the searched string
	Year       int    // 0 when the text gives none
	Month      time.Month
	Day        int
	HasTime    bool
	Hour, Min  int
	Sec        int
	Nsec       int
	Zone       *time.Location // nil when the text names no zone
	// LowerMonth is true when an English month was written in lower
	// case ("20 may"): a weaker sign of a date, as "may" is also a verb.
	LowerMonth bool
	// Numeric is the separator of a date written in figures with the day
	// and month first ('.', '/' or '-'), 0 for the other forms. Swappable
	// is true when the day and the month could be read the other way
	// round ("03/05/2024"): the page, not the date, says which is right.
	Numeric   byte
	Swappable bool
	// ShortYear is true for a two-digit year ("10.12.19").
	ShortYear bool
	// Clock12 is true when the time was given with am/pm, as US pages,
	// which put the month first, write it.
	Clock12 bool
}

// swapped is the match with its day and month exchanged.
func (m dateMatch) swapped() dateMatch {
	m.Month, m.Day = time.Month(m.Day), int(m.Month)
	return m
}

// resolve turns the match into an instant. A missing year is the latest
// year in which that month and day is not after ref (compared as calendar
// days in loc); a missing zone is loc; a missing time of day is midnight.
// ok is false when the year is missing and ref is zero, or the day does not
// exist.
func (m dateMatch) resolve(ref time.Time, loc *time.Location) (t time.Time, year int, inferred, ok bool) {
	if loc == nil {
		loc = time.UTC
	}
	zone := loc
	if m.Zone != nil {
		zone = m.Zone
	}
	year = m.Year
	if year == 0 {
		if ref.IsZero() {
			return time.Time{}, 0, false, false
		}
		r := ref.In(zone)
		ry, rm, rd := r.Date()
		// Eight years back always reaches a leap year for February 29.
		for y := ry; y >= ry-8; y-- {
			if !validDate(y, m.Month, m.Day) {
				continue
			}
			if y < ry || m.Month < rm || (m.Month == rm && m.Day <= rd) {
				year = y
				break
			}
		}
		if year == 0 {
			return time.Time{}, 0, false, false
		}
		inferred = true
	}
	if !validDate(year, m.Month, m.Day) {
		return time.Time{}, 0, false, false
	}
	return time.Date(year, m.Month, m.Day, m.Hour, m.Min, m.Sec, m.Nsec, zone), year, inferred, true
}

// possibleDate reports whether the day exists in the month, in the given
// year or, when there is none, in some year (2000 was a leap year).
func possibleDate(m dateMatch) bool {
	if m.Year != 0 {
		return validDate(m.Year, m.Month, m.Day)
	}
	return validDate(2000, m.Month, m.Day)
}

func validDate(y int, mo time.Month, d int) bool {
	if mo < time.January || mo > time.December || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	return t.Month() == mo && t.Day() == d
}

// maxDateLine bounds the work spent looking for a date in one line; header
// lines are short, and a long line is prose, where dates are not read.
const maxDateLine = 400

// findDate returns the first date in s, scanning token by token.
func findDate(s string) (dateMatch, bool) {
	if len(s) > maxDateLine {
		s = s[:maxDateLine]
	}
	// Every form dateAt reads has a figure among its first four tokens
	// (as lineDates knows): a line without one, most lines a header
	// finder asks about, is not tokenized at all, and a token with no
	// figure that near is not tried.
	if firstDigit(s) < 0 {
		return dateMatch{}, false
	}
	var buf [maxStackTokens]token
	toks := tokenize(buf[:0], s)
	num := 0
	for i := range toks {
		if !figureNear(toks, i, &num) {
			continue
		}
		if m, ok := dateAt(s, toks, i); ok {
			return m, true
		}
	}
	return dateMatch{}, false
}

// dateAtStart reads a date that begins at the start of s (after spaces).
func dateAtStart(s string) (dateMatch, bool) {
	if len(s) > maxDateLine {
		s = s[:maxDateLine]
	}
	var buf [maxStackTokens]token
	toks := tokenize(buf[:0], s)
	if len(toks) == 0 {
		return dateMatch{}, false
	}
	return dateAt(s, toks, 0)
}

// figureNear reports whether a number token stands among the four tokens
// from k on: every date dateAt or relativeDate reads has a figure among
// its first four tokens ("March 3", "3 hours ago", "il y a 3"), so a
// token with none that near starts no date, and the words of prose
// around a figure are passed over without trying each form on them. num
// is the first number token at or after the k of the previous call, 0
// before the first: a pass over a line looks at each token once.
func figureNear(toks []token, k int, num *int) bool {
	for *num < len(toks) && (*num < k || toks[*num].kind != tNum) {
		*num++
	}
	return *num <= k+3
}

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

type token struct {
	kind       tokKind
	start, end int
	text       string
	space      bool // whitespace precedes the token
}

// maxStackTokens is how many tokens the callers of tokenize keep on the
// stack: a header line's worth. Longer lines spill to the heap.
const maxStackTokens = 48

// tokenize appends to toks the tokens of s: letter runs, digit runs and
// single punctuation characters, so "3rd" is "3" "rd" and "14:05" is
// "14" ":" "05".
func tokenize(toks []token, s string) []token {
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of any line, without decoding: the
			// spaces, letters and digits of unicode.IsSpace,
			// unicode.IsLetter and the digit case below.
			switch {
			case c == ' ' || c-'\t' <= '\r'-'\t':
				space = true
				i++
				continue
			case c-'0' < 10:
				j := i + 1
				for j < len(s) && s[j]-'0' < 10 {
					j++
				}
				toks = append(toks, token{tNum, i, j, s[i:j], space})
				i = j
			case (c|0x20)-'a' < 26:
				j := wordRunEnd(s, i+1)
				toks = append(toks, token{tWord, i, j, s[i:j], space})
				i = j
			default:
				toks = append(toks, token{tPunct, i, i + 1, s[i : i+1], space})
				i++
			}
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += size
			continue
		case unicode.IsDigit(r):
			// Another script's figures ("۱۳۹۹", "٢٠٢٠"): the token
			// spans them and its text is their ASCII digits.
			j, text := foreignFigures(s, i)
			toks = append(toks, token{tNum, i, j, text, space})
			i = j
		case unicode.IsLetter(r):
			j := wordRunEnd(s, i+size)
			toks = append(toks, token{tWord, i, j, s[i:j], space})
			i = j
		default:
			toks = append(toks, token{tPunct, i, i + size, s[i : i+size], space})
			i += size
		}
		space = false
	}
	return toks
}

// foreignFigures reads the run of non-ASCII decimal digits of s that
// starts at i, and returns its end and its value in ASCII digits.
func foreignFigures(s string, i int) (int, string) {
	var b []byte
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r < utf8.RuneSelf || !unicode.IsDigit(r) {
			break
		}
		b = append(b, byte('0'+digitValue(r)))
		j += size
	}
	return j, string(b)
}

// digitValue is the value of decimal digit r. Unicode lays out every
// script's ten digits in a row from zero to nine, and some sets of ten
// right after one another (the mathematical digits): the value is r's
// distance from the start of its run of digits, modulo ten.
func digitValue(r rune) int {
	start := r
	for start > 0 && unicode.IsDigit(start-1) {
		start--
	}
	return int(r-start) % 10
}

// wordRunEnd returns the end of the run of letters of s that goes on at
// i: unicode.IsLetter's, the ASCII ones passed over eight at a time, and
// the combining marks inside a word, which Devanagari writes its vowels
// with ("जनवरी").
func wordRunEnd(s string, i int) int {
	for {
		i = letterRunEnd(s, i)
		if i >= len(s) || s[i] < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return i
		}
		i += size
	}
}

// dateAt tries every supported form at toks[i].
func dateAt(s string, toks []token, i int) (dateMatch, bool) {
	t := toks[i]
	var m dateMatch
	var next int
	ok := false
	switch t.kind {
	case tNum:
		switch {
		case len(t.text) == 4:
			m, next, ok = isoDate(toks, i)
			if !ok {
				m, next, ok = yearFirstWords(toks, i)
			}
		default:
			m, next, ok = numericDate(toks, i)
			if !ok {
				m, next, ok = dayFirst(toks, i)
			}
		}
	case tWord:
		m, next, ok = monthFirst(toks, i)
	}
	if !ok {
		return dateMatch{}, false
	}
	next = readTime(toks, next, &m)
	m.Start = t.start
	m.End = toks[next-1].end
	// A match that ends on a year glued to more figures (gluedYear's
	// token, when no time was read from it) ends with the year: the
	// figures are the next date's day or a count ("20236. November 2023",
	// "20230 Kommentare").
	if last := toks[next-1]; last.kind == tNum && len(last.text) > 4 && len(last.text) <= 6 && atoi(last.text[:4]) == m.Year {
		m.End = last.start + 4
	}
	m.Text = s[m.Start:m.End]
	return m, true
}

// isoDate reads 2024-01-05 and 2024/01/05, and RFC 3339's "T" time.
func isoDate(toks []token, i int) (dateMatch, int, bool) {
	if i+4 >= len(toks) {
		return dateMatch{}, 0, false
	}
	sep := toks[i+1]
	if sep.kind != tPunct || (sep.text != "-" && sep.text != "/" && sep.text != ".") || toks[i+3].text != sep.text {
		return dateMatch{}, 0, false
	}
	mo, d := toks[i+2], toks[i+4]
	// "2020. 06. 04." (Hungarian) spaces its dotted figures.
	spaced := sep.text == "." && mo.space && d.space && !sep.space && !toks[i+3].space
	if mo.kind != tNum || d.kind != tNum || len(mo.text) > 2 || len(d.text) > 2 || sep.space || toks[i+3].space ||
		(!spaced && (mo.space || d.space)) {
		return dateMatch{}, 0, false
	}
	y := atoi(toks[i].text)
	m := dateMatch{Year: y, Month: time.Month(atoi(mo.text)), Day: atoi(d.text)}
	if !plausibleYear(y) || !validDate(y, m.Month, m.Day) {
		return dateMatch{}, 0, false
	}
	next := i + 5
	if spaced && next < len(toks) && toks[next].text == "." && !toks[next].space {
		next++
	}
	// "T14:05" tokenizes as the word "T" then the number.
	if next < len(toks) && toks[next].kind == tWord && (toks[next].text == "T" || toks[next].text == "t") && !toks[next].space {
		if after := readTime(toks, next+1, &m); after > next+1 {
			return m, after, true
		}
	}
	return m, next, true
}

// numericDate reads day-first "19.11.2019" and "19-11-2019", slashed
// "11/19/2019" (month first, as in the US, unless the first number cannot
// be a month), and the same with a two-digit year ("10.12.19") or a year
// glued to a time ("19.11.201914:05").
func numericDate(toks []token, i int) (dateMatch, int, bool) {
	if i+4 >= len(toks) || len(toks[i].text) > 2 {
		return dateMatch{}, 0, false
	}
	sep := toks[i+1].text
	if (sep != "." && sep != "/" && sep != "-") || toks[i+3].text != sep {
		return dateMatch{}, 0, false
	}
	mid, year := toks[i+2], toks[i+4]
	// "13. 1. 2020" spaces its dotted figures, with a full year.
	spaced := sep == "." && mid.space && year.space && len(year.text) == 4
	if mid.kind != tNum || len(mid.text) > 2 || year.kind != tNum ||
		toks[i+1].space || toks[i+3].space || (!spaced && (mid.space || year.space)) {
		return dateMatch{}, 0, false
	}
	first, second := atoi(toks[i].text), atoi(mid.text)
	m := dateMatch{Month: time.Month(second), Day: first, Numeric: sep[0]}
	next := i + 5
	switch {
	case len(year.text) == 4:
		m.Year = atoi(year.text)
	case len(year.text) == 2 && (sep != "-" || len(toks[i].text) == 2 && len(mid.text) == 2):
		// "1.5.20.3" is a version number, "10.12.19" a date.
		if next < len(toks) && (toks[next].text == sep || toks[next].kind == tNum) && !toks[next].space {
			return dateMatch{}, 0, false
		}
		m.Year, m.ShortYear = 2000+atoi(year.text), true
		if m.Year > 2069 {
			m.Year -= 100
		}
	default:
		y, n, ok := gluedYear(toks, i+4, &m)
		if !ok {
			return dateMatch{}, 0, false
		}
		m.Year, next = y, n
	}
	if sep == "/" && first <= 12 {
		m.Month, m.Day = time.Month(first), second
	}
	if !plausibleYear(m.Year) {
		return dateMatch{}, 0, false
	}
	if !validDate(m.Year, m.Month, m.Day) {
		// "01.21.2020": only the other order is a date.
		m = m.swapped()
		if !validDate(m.Year, m.Month, m.Day) {
			return dateMatch{}, 0, false
		}
	} else if first != second && first <= 12 && second <= 12 {
		m.Swappable = true
	}
	return m, next, true
}

// gluedYear reads a year that a scrape glued to what followed it: a time
// ("20194:29 AM", "202207:59") or the figures of a second date or a count
// ("201922. Dezember", "20230 Kommentare"). The token at k has five or six
// figures, of which the first four are a year of the web's age. A glued
// time is read into m.
func gluedYear(toks []token, k int, m *dateMatch) (year, next int, ok bool) {
	t := toks[k]
	if t.kind != tNum || len(t.text) < 5 || len(t.text) > 6 {
		return 0, 0, false
	}
	year = atoi(t.text[:4])
	if year < 1970 || year > 2099 {
		return 0, 0, false
	}
	rest := t.text[4:]
	if k+2 < len(toks) && toks[k+1].text == ":" && !toks[k+1].space && toks[k+2].kind == tNum && len(toks[k+2].text) == 2 {
		if after := readClock(toks, k+1, atoi(rest), m); after > k+1 {
			return year, after, true
		}
	}
	return year, k + 1, true
}

// yearFirstWords reads the year-first forms with words: East Asian
// "2019年4月13日" and "2019년 4월 13일", and Hungarian "2020. június 4.".
func yearFirstWords(toks []token, i int) (dateMatch, int, bool) {
	y := atoi(toks[i].text)
	if !plausibleYear(y) || i+2 >= len(toks) {
		return dateMatch{}, 0, false
	}
	m := dateMatch{Year: y}
	next := toks[i+1]
	switch {
	case next.kind == tWord && (strings.HasPrefix(next.text, "年") || strings.HasPrefix(next.text, "년")):
		if i+4 >= len(toks) || toks[i+2].kind != tNum || len(toks[i+2].text) > 2 || toks[i+4].kind != tNum || len(toks[i+4].text) > 2 {
			return dateMatch{}, 0, false
		}
		mw := toks[i+3]
		if mw.kind != tWord || !(strings.HasPrefix(mw.text, "月") || strings.HasPrefix(mw.text, "월")) {
			return dateMatch{}, 0, false
		}
		m.Month, m.Day = time.Month(atoi(toks[i+2].text)), atoi(toks[i+4].text)
		end := i + 5
		if end < len(toks) && toks[end].kind == tWord && (strings.HasPrefix(toks[end].text, "日") || strings.HasPrefix(toks[end].text, "일")) {
			end++
		}
		if !validDate(y, m.Month, m.Day) {
			return dateMatch{}, 0, false
		}
		return m, end, true
	case next.text == "." || next.text == "m" && i+2 < len(toks) && toks[i+2].text == ".":
		// The month word, then the day: after the year's dot
		// (Hungarian "2020. június 4.") or its abbreviated word
		// (Lithuanian "2019 m. lapkričio 19 d.").
		w := i + 2
		if next.text == "m" {
			w++
		}
		if w+1 >= len(toks) || toks[w].kind != tWord || toks[w+1].kind != tNum || len(toks[w+1].text) > 2 {
			return dateMatch{}, 0, false
		}
		mo, weak, ok := monthToken(toks[w].text, false)
		if !ok || weak {
			return dateMatch{}, 0, false
		}
		m.Month, m.Day = mo, atoi(toks[w+1].text)
		end := w + 2
		if end < len(toks) && toks[end].text == "." && !toks[end].space {
			end++
		}
		if !validDate(y, m.Month, m.Day) {
			return dateMatch{}, 0, false
		}
		return m, end, true
	}
	return dateMatch{}, 0, false
}

// monthFirst reads "March 25", "Jan. 5", "Mar 3rd", "March 3, 2024",
// "Sept 5 2023".
func monthFirst(toks []token, i int) (dateMatch, int, bool) {
	j := i + 1
	if j < len(toks) && toks[j].text == "." && !toks[j].space {
		j++
	}
	if j >= len(toks) || toks[j].kind != tNum || len(toks[j].text) > 2 {
		return dateMatch{}, 0, false
	}
	dayTok := j
	mo, weak, ok := monthToken(toks[i].text, j > i+1)
	if !ok {
		return dateMatch{}, 0, false
	}
	m := dateMatch{Month: mo, Day: atoi(toks[dayTok].text), LowerMonth: lowerEnglish(toks[i].text)}
	j = skipOrdinal(toks, dayTok+1)
	if j < len(toks) && toks[j].kind == tNum && !toks[j].space && j == dayTok+1 {
		return dateMatch{}, 0, false // "March 2024x" or digits glued on
	}
	j = readYear(toks, j, &m)
	if !possibleDate(m) || (weak && m.Year == 0) {
		return dateMatch{}, 0, false
	}
	return m, j, true
}

// dayFirst reads "5 January 2024", "25th of March", "5 Jan. 2024".
func dayFirst(toks []token, i int) (dateMatch, int, bool) {
	if len(toks[i].text) > 2 {
		return dateMatch{}, 0, false
	}
	j := skipOrdinal(toks, i+1)
	// German and Scandinavian ordinals: "30. Juli 2018".
	if j == i+1 && j < len(toks) && toks[j].text == "." && !toks[j].space {
		j++
	}
	// "25th of March", Spanish and Portuguese "4 de mayo".
	if j < len(toks) && (strings.EqualFold(toks[j].text, "of") || toks[j].text == "de") {
		j++
	}
	if j >= len(toks) || toks[j].kind != tWord {
		return dateMatch{}, 0, false
	}
	dotted := j+1 < len(toks) && toks[j+1].text == "." && !toks[j+1].space
	mo, weak, ok := monthToken(toks[j].text, dotted)
	if !ok && j+1 < len(toks) {
		if mo, ok = levantMonth(toks[j].text, toks[j+1].text); ok {
			j++ // the month's second word
		}
	}
	if !ok {
		return solarHijri(toks, i, j)
	}
	m := dateMatch{Month: mo, Day: atoi(toks[i].text), LowerMonth: lowerEnglish(toks[j].text)}
	j++
	if dotted {
		j++
	}
	j = readYear(toks, j, &m)
	if m.Year == 0 {
		j = shortYear(toks, j, &m)
	}
	if !possibleDate(m) || (weak && m.Year == 0) {
		return dateMatch{}, 0, false
	}
	return m, j, true
}

// solarHijri reads a Solar Hijri date, day toks[i], month toks[j], and
// its year ("2 تیر 1399"), as the Gregorian date it is.
func solarHijri(toks []token, i, j int) (dateMatch, int, bool) {
	var m dateMatch
	next := readYear(toks, j+1, &m)
	mo, d, y, ok := jalaliDate(atoi(toks[i].text), toks[j].text, m.Year)
	if !ok {
		return dateMatch{}, 0, false
	}
	return dateMatch{Year: y, Month: mo, Day: d}, next, true
}

// shortYear reads the two-digit year of a day-first date in words ("27
// Mar 20 à 9:21", "14 Gennaio 20"): two figures that end the date, not
// a count of something ("5 May 20 people").
func shortYear(toks []token, j int, m *dateMatch) int {
	if j >= len(toks) || toks[j].kind != tNum || len(toks[j].text) != 2 || !toks[j].space {
		return j
	}
	if k := j + 1; k < len(toks) {
		next := toks[k]
		switch {
		case !next.space && (next.kind != tPunct || next.text == ":" || next.text == "." || next.text == "/"):
			return j // "20:30", "20.5", "20/21", "20th"
		case next.kind == tWord && !isTimeConnector(next.text):
			return j
		}
	}
	m.Year, m.ShortYear = 2000+atoi(toks[j].text), true
	if m.Year > 2069 {
		m.Year -= 100
	}
	return j + 1
}

// isTimeConnector reports the words that join a date to its time.
func isTimeConnector(w string) bool {
	switch strings.ToLower(w) {
	case "à", "at", "um", "a", "alle", "às", "kl", "klo", "om", "u", "o", "в", "о":
		return true
	}
	return false
}

func skipOrdinal(toks []token, j int) int {
	if j < len(toks) && toks[j].kind == tWord && !toks[j].space {
		var buf [32]byte
		switch string(lowerBytes(buf[:], toks[j].text)) {
		case "st", "nd", "rd", "th", "er":
			return j + 1
		}
	}
	return j
}

// readYear consumes an optional ", 2024", " 2024", "de 2022" or "del
// 2022", and a year glued to a time ("20163:33 PM").
func readYear(toks []token, j int, m *dateMatch) int {
	k := j
	if k < len(toks) && (toks[k].text == "," || toks[k].text == "de" || toks[k].text == "del") {
		k++
	}
	if k < len(toks) && toks[k].kind == tNum && len(toks[k].text) > 4 {
		if y, next, ok := gluedYear(toks, k, m); ok {
			m.Year = y
			return next
		}
	}
	if k < len(toks) && toks[k].kind == tNum && len(toks[k].text) == 4 {
		if y := atoi(toks[k].text); plausibleYear(y) {
			// "March 25, 2024:30" is not a year.
			if k+2 < len(toks) && toks[k+1].text == ":" && !toks[k+1].space && !toks[k+2].space {
				return j
			}
			m.Year = y
			return k + 1
		}
	}
	return j
}

func plausibleYear(y int) bool { return y >= 1000 && y <= 2999 }

// readTime consumes an optional time of day and zone after a date:
// ", 14:05 IST", " at 2:05 p.m. EST", "T14:05:00Z", " 11:03 PM", "+05:30".
// It returns j unchanged when there is none.
func readTime(toks []token, j int, m *dateMatch) int {
	k := j
	if k < len(toks) && (toks[k].text == "," || toks[k].text == "|" || toks[k].text == "-" || toks[k].text == "–" ||
		toks[k].text == ":" && k+1 < len(toks) && toks[k+1].space) {
		k++
	}
	// The dot that ends a year in Slavic languages ("2020. u 10:15") and
	// Russian and Ukrainian "2019 г." / "2019 р.".
	if k < len(toks) && toks[k].text == "." && !toks[k].space {
		k++
	} else if k+1 < len(toks) && (toks[k].text == "г" || toks[k].text == "р") && toks[k+1].text == "." {
		k += 2
	}
	if k < len(toks) {
		switch {
		case toks[k].text == "a" && k+1 < len(toks) && toks[k+1].text == "las":
			k += 2
		case isTimeConnector(toks[k].text), toks[k].text == "@":
			k++
			if k < len(toks) && toks[k].text == "." && !toks[k].space {
				k++
			}
		}
	}
	// East Asian pages put the half of the day before the time ("오후
	// 9:45", "午後9時45分", "下午 9:45").
	pm, before := false, false
	if k < len(toks) && toks[k].kind == tWord {
		pm, before = meridiemBefore(toks[k].text)
		if before {
			k++
		}
	}
	if k+1 >= len(toks) || toks[k].kind != tNum || len(toks[k].text) > 2 {
		return j
	}
	h := atoi(toks[k].text)
	if before {
		if h < 1 || h > 12 {
			return j
		}
		h = ampm(h, pm)
	}
	if after := readClock(toks, k+1, h, m); after > k+1 {
		if before {
			m.Clock12 = true
		}
		return after
	}
	return j
}

// meridiemBefore reads a word that says which half of the day the time
// after it is in, as Korean, Japanese and Chinese write it before the
// time: pm is true for the afternoon, ok false for no such word.
func meridiemBefore(w string) (pm, ok bool) {
	switch w {
	case "오전", "午前", "上午":
		return false, true
	case "오후", "午後", "下午":
		return true, true
	}
	return false, false
}

// readClock reads the rest of a time of day whose hour h is already read
// and whose separator is toks[k]: ":05", ":05:09.5", "h05" (French),
// then am/pm and a zone. It returns k unchanged when there is none.
func readClock(toks []token, k, h int, m *dateMatch) int {
	j := k
	if k+1 < len(toks) && cjkHour(toks[k].text) {
		return readCJKClock(toks, k, h, m)
	}
	if k+1 >= len(toks) || toks[k].space || toks[k+1].kind != tNum || len(toks[k+1].text) != 2 || toks[k+1].space {
		return j
	}
	switch toks[k].text {
	case ":", "h", "H":
	case ".":
		// "15.30 GMT", "15.30 Uhr": a dot parts hour and minutes
		// only where a zone, "Uhr" or am/pm follows, so that a second
		// date ("18.11.2019 19.11.2019") is no time.
		if !dotClockEnd(toks, k+2, *m) {
			return j
		}
	default:
		return j
	}
	mi := atoi(toks[k+1].text)
	sec, nsec := 0, 0
	clock12 := false
	k += 2
	if k+1 < len(toks) && toks[k].text == ":" && !toks[k].space && toks[k+1].kind == tNum && len(toks[k+1].text) == 2 && !toks[k+1].space {
		sec = atoi(toks[k+1].text)
		k += 2
		if k+1 < len(toks) && toks[k].text == "." && !toks[k].space && toks[k+1].kind == tNum && !toks[k+1].space {
			nsec = fraction(toks[k+1].text)
			k += 2
		}
	}
	if pm, n := meridiem(toks, k); n > 0 {
		h, clock12 = ampm(h, pm), true
		k += n
	}
	if h > 23 || mi > 59 || sec > 60 {
		return j
	}
	m.HasTime, m.Hour, m.Min, m.Sec, m.Nsec, m.Clock12 = true, h, mi, sec, nsec, clock12
	return readZone(toks, k, m)
}

// cjkHour reports the hour's mark of a Japanese, Chinese or Korean time
// of day ("9時45分", "9时45分", "9시 45분").
func cjkHour(w string) bool { return w == "時" || w == "时" || w == "시" }

// readCJKClock reads the minutes of an East Asian time of day after its
// hour's mark at toks[k]: a number and the minute's mark ("45分",
// "45분"). An hour alone ("9時") is no time of day the page gives.
func readCJKClock(toks []token, k, h int, m *dateMatch) int {
	j := k + 1
	if j+1 >= len(toks) || toks[j].kind != tNum || len(toks[j].text) > 2 {
		return k
	}
	if w := toks[j+1].text; w != "分" && w != "분" {
		return k
	}
	mi := atoi(toks[j].text)
	if h > 23 || mi > 59 {
		return k
	}
	m.HasTime, m.Hour, m.Min, m.Sec, m.Nsec, m.Clock12 = true, h, mi, 0, 0, false
	return j + 2
}

// dotClockEnd reports whether toks[i] ends a time of day written with a
// dot: a zone, "Uhr", "h" or am/pm.
func dotClockEnd(toks []token, i int, m dateMatch) bool {
	if i >= len(toks) || toks[i].kind != tWord {
		return false
	}
	if _, n := meridiem(toks, i); n > 0 || strings.EqualFold(toks[i].text, "uhr") || toks[i].text == "h" {
		return true
	}
	if _, ok := zoneOffset(toks[i].text); ok {
		return true
	}
	_, ok := usZone(toks[i].text, m)
	return ok
}

// meridiem reads "am", "pm", "a.m." or "p.m." at toks[k]: pm, and how
// many tokens it takes (0 for none).
func meridiem(toks []token, k int) (pm bool, n int) {
	if k >= len(toks) || toks[k].kind != tWord {
		return false, 0
	}
	var buf [8]byte
	switch w := string(lowerBytes(buf[:], toks[k].text)); w {
	case "am", "pm":
		return w == "pm", 1
	case "a", "p":
		if k+2 < len(toks) && toks[k+1].text == "." && strings.EqualFold(toks[k+2].text, "m") {
			n = 3
			if k+3 < len(toks) && toks[k+3].text == "." && !toks[k+3].space {
				n = 4
			}
			return w == "p", n
		}
	}
	return false, 0
}

func ampm(h int, pm bool) int {
	switch {
	case h == 12 && !pm:
		return 0
	case h < 12 && pm:
		return h + 12
	}
	return h
}

func fraction(digits string) int {
	n := 0
	for i := 0; i < 9; i++ {
		n *= 10
		if i < len(digits) {
			n += int(digits[i] - '0')
		}
	}
	return n
}

// zoneOffset maps the zone abbreviations news sites print to their fixed
// offsets. Ambiguous ones take the reading common in English-language news
// (IST is India, not Ireland or Israel).
func zoneOffset(name string) (int, bool) {
	const h = 3600
	switch name {
	case "UTC", "GMT", "Z", "UT", "WET":
		return 0, true
	case "BST", "CET", "WAT", "WEST":
		return 1 * h, true
	case "CEST", "EET", "CAT", "SAST":
		return 2 * h, true
	case "EEST", "EAT", "MSK":
		return 3 * h, true
	case "GST":
		return 4 * h, true
	case "PKT":
		return 5 * h, true
	case "IST":
		return 5*h + 1800, true
	case "NPT":
		return 5*h + 2700, true
	case "ICT", "WIB":
		return 7 * h, true
	case "SGT", "HKT", "PHT", "AWST":
		return 8 * h, true
	case "JST", "KST":
		return 9 * h, true
	case "ACST":
		return 9*h + 1800, true
	case "AEST":
		return 10 * h, true
	case "AEDT":
		return 11 * h, true
	case "NZST":
		return 12 * h, true
	case "NZDT":
		return 13 * h, true
	case "BRT", "ART":
		return -3 * h, true
	case "EDT":
		return -4 * h, true
	case "EST", "CDT":
		return -5 * h, true
	case "CST", "MDT":
		return -6 * h, true
	case "MST", "PDT":
		return -7 * h, true
	case "PST", "AKDT":
		return -8 * h, true
	case "AKST":
		return -9 * h, true
	case "HST":
		return -10 * h, true
	}
	return 0, false
}

// readZone consumes an optional zone: an abbreviation, "Z", "+05:30",
// "-0500", "UTC+5:30", "GMT+1".
func readZone(toks []token, k int, m *dateMatch) int {
	if k >= len(toks) {
		return k
	}
	t := toks[k]
	if t.kind == tWord {
		name := t.text
		if off, ok := zoneOffset(name); ok {
			m.Zone = time.FixedZone(name, off)
			k++
			if name == "UTC" || name == "GMT" {
				if k2, off2, ok := numericOffset(toks, k, false); ok {
					m.Zone = time.FixedZone(name+offsetText(off2), off2)
					return k2
				}
			}
			return k
		}
		if off, ok := usZone(name, *m); ok {
			m.Zone = time.FixedZone(name, off)
			return k + 1
		}
		return k
	}
	if k2, off, ok := numericOffset(toks, k, true); ok {
		m.Zone = time.FixedZone(offsetText(off), off)
		return k2
	}
	return k
}

// numericOffset reads "+05:30", "+0530", "-5", "+1". When strict, an
// offset of bare hours must be glued to what precedes it, so that
// "14:05 - 7 killed" is not read as a zone.
func numericOffset(toks []token, k int, strict bool) (int, int, bool) {
	if k+1 >= len(toks) || (toks[k].text != "+" && toks[k].text != "-" && toks[k].text != "−") || toks[k+1].kind != tNum || toks[k+1].space {
		return k, 0, false
	}
	digits := toks[k+1].text
	var h, mi int
	next := k + 2
	switch {
	case len(digits) == 4:
		h, mi = atoi(digits[:2]), atoi(digits[2:])
	case len(digits) <= 2 && next+1 < len(toks) && toks[next].text == ":" && toks[next+1].kind == tNum && len(toks[next+1].text) == 2:
		h, mi = atoi(digits), atoi(toks[next+1].text)
		next += 2
	case len(digits) <= 2:
		if strict && toks[k].space {
			return k, 0, false
		}
		h = atoi(digits)
	default:
		return k, 0, false
	}
	if h > 14 || mi > 59 {
		return k, 0, false
	}
	off := h*3600 + mi*60
	if toks[k].text != "+" {
		off = -off
	}
	return next, off, true
}

func offsetText(off int) string {
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	h, mi := off/3600, off%3600/60
	return string([]byte{sign, byte('0' + h/10), byte('0' + h%10), ':', byte('0' + mi/10), byte('0' + mi%10)})
}

// usZone reads the DST-agnostic US abbreviations ("ET", "PT") with the US
// daylight-saving rule of the date itself: second Sunday of March to first
// Sunday of November.
func usZone(name string, m dateMatch) (int, bool) {
	var h int
	switch name {
	case "ET":
		h = -5
	case "CT":
		h = -6
	case "MT":
		h = -7
	case "PT":
		h = -8
	default:
		return 0, false
	}
	if m.Year != 0 && inUSDST(m.Year, m.Month, m.Day) {
		h++
	}
	return h * 3600, true
}

func inUSDST(y int, mo time.Month, d int) bool {
	start := nthSunday(y, time.March, 2)
	end := nthSunday(y, time.November, 1)
	day := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	return !day.Before(start) && day.Before(end)
}

func nthSunday(y int, mo time.Month, n int) time.Time {
	t := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
	for t.Weekday() != time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t.AddDate(0, 0, 7*(n-1))
}

// monthByName reads a month name, its usual abbreviations, and full names
// misspelt by one edit ("Match" is March). Abbreviations must match
// exactly; a fuzzy match needs at least four letters and exactly one
// month within reach, so short words never turn into months.
func monthByName(w string, dotted bool) (time.Month, bool) {
	mo, weak, ok := monthToken(w, dotted)
	if !ok || weak {
		return 0, false
	}
	return mo, true
}

// monthToken is monthByName with the month names of other languages
// (foreignMonth); weak is true for the abbreviations that are common
// words too, which the grammar accepts only with a year.
func monthToken(w string, dotted bool) (mo time.Month, weak, ok bool) {
	// 36 bytes hold the longest month names of the scripts that take
	// three bytes a letter ("সেপ্টেম্বর").
	if len(w) < 3 || len(w) > 36 {
		return 0, false, false
	}
	mo, ok = englishMonth(w, dotted)
	if ok {
		return mo, false, true
	}
	var buf [40]byte
	return foreignMonth(string(lowerBytes(buf[:], w)))
}

func englishMonth(w string, dotted bool) (time.Month, bool) {
	if len(w) > 12 {
		return 0, false
	}
	monthNames := [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	var buf [32]byte
	lw := string(lowerBytes(buf[:], w))
	for i, name := range monthNames {
		if lw == name {
			return time.Month(i + 1), true
		}
	}
	switch lw {
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		for i, name := range monthNames {
			if strings.HasPrefix(name, lw) {
				return time.Month(i + 1), true
			}
		}
	}
	n := utf8.RuneCountInString(lw)
	if dotted || n < 4 {
		return 0, false
	}
	// A misspelling keeps the first letter: the words of prose that
	// follow or precede a figure are turned away before the edit
	// distance to every month is measured.
	switch lw[0] {
	case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd':
	default:
		return 0, false
	}
	found := time.Month(0)
	for i, name := range monthNames {
		// A name (ASCII) two letters longer or shorter than the word
		// is not one edit from it: oneEdit's own first test, counted
		// once here rather than once a name.
		if len(name) < 4 || len(name) > n+1 || n > len(name)+1 {
			continue
		}
		if oneEdit(lw, name) {
			if found != 0 {
				return 0, false
			}
			found = time.Month(i + 1)
		}
	}
	return found, found != 0
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or transposition of adjacent letters.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na > nb+1 || nb > na+1 {
		return false // most words of prose, turned away before decoding
	}
	if asciiPrefix(a, len(a)) == len(a) && asciiPrefix(b, len(b)) == len(b) {
		// Their bytes are their runes: englishMonth measures every
		// word before or after a figure against the month names, and
		// decoding both into runes cost more than the comparison.
		return oneEditSeq([]byte(a), []byte(b))
	}
	return oneEditSeq([]rune(a), []rune(b))
}

// oneEditSeq is oneEdit of two different sequences of letters.
func oneEditSeq[E comparable](a, b []E) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := -1
		for i := range a {
			if a[i] != b[i] {
				if diff >= 0 {
					// A second difference is allowed only as the
					// other half of a transposition.
					return i == diff+1 && a[diff] == b[i] && a[i] == b[diff] && slices.Equal(a[i+1:], b[i+1:])
				}
				diff = i
			}
		}
		return true
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return slices.Equal(a[i:], b[i+1:])
	}
	return false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// timeBefore reads a time of day written before its date ("11:21 pm CST,
// Tuesday, November 19, 2019") into m.
func timeBefore(s string, m *dateMatch) {
	var buf [maxStackTokens]token
	toks := tokenize(buf[:0], s)
	for k := range toks {
		if toks[k].kind != tNum {
			continue
		}
		probe := *m
		if readTime(toks, k, &probe) > k {
			probe.Text, probe.Start, probe.End = m.Text, m.Start, m.End
			*m = probe
			return
		}
	}
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// lowerEnglish reports whether w is an English month name written in
// lower case; other languages write their months so.
func lowerEnglish(w string) bool {
	if !startsLower(w) {
		return false
	}
	var buf [32]byte
	return englishMonthWord(string(lowerBytes(buf[:], w)))
}
