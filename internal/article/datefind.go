package article

import (
	"bytes"
	"math"
	"strings"
	"time"

	"seedfeed/internal/article/boilerplate"
)

// A whole-page scrape shows many dates: the article's, an update's,
// the dates of comments, of related stories and of archive lists, a
// copyright year. The publication date is the one that stands where a
// header does (next to the headline and the start of the body), is
// labelled as published or stands alone on its line or beside the
// byline, and is the older of an original date and an update printed
// together. findPageDate reads every date of the page with its line and
// scores it on these signs.

// Bounds of the page scan: a line longer than maxDateScanLine is prose,
// of which only the lead (a dateline, "Press release of 25 January 2022
// | ...") is read.
const (
	maxDateScanLine = 320
	dateScanLead    = 100
	maxScanTokens   = 128
	maxPageDates    = 256
)

// Weights of the signs, in units of one line's worth of closeness.
const (
	wHeader        = 3.0  // in the header or the first lines of the body
	wAfterArticle  = -1.5 // after the article run: comments, related lists, footers
	wPublished     = 3.0  // "Published", "Veröffentlicht am", "Posted on"
	wDateline      = 3.0  // the date of a dateline ("WASHINGTON, Jan. 5 (Reuters) -")
	wUpdated       = -3.0 // "Updated", "Aktualisiert"
	wAlone         = 1.5  // the line is little more than the date
	wTeaser        = -1.5 // the date beside a line of other words (a teaser)
	wProse         = -3.0 // inside a sentence of the body
	wByline        = 1.5  // on a byline or next to one
	wNoYear        = -2.0
	wOlderOnLine   = 1.0 // the first of an original date and an update
	wBoilerKind    = -2.5
	wRelative      = -1.0
	wShortYear     = -0.5
	wRepeat        = 0.4
	maxRepeats     = 2
	wAboveDecay    = 0.6
	wList          = -2.0
	minListDates   = 2
	wOldestInSpan  = 1.0
	minPageDateSum = -3.0 // below this the page has no date of its own
)

// pageDate is one date read from the page.
type pageDate struct {
	line  int
	m     dateMatch
	day   int // the calendar day, for comparing candidates
	score float64
	label dateLabel
	shape uint32 // lineSignature of the date's line
}

// dateLabel is what the words before a date say it is.
type dateLabel int8

const (
	labelNone      dateLabel = iota
	labelPublished           // "Published", "Veröffentlicht am"
	labelOn                  // a bare preposition: "on", "am", "le"
	labelUpdated             // "Updated", "Aktualisiert", "as of"
)

// findPageDate picks the publication date among every date of the page.
// ok is false when the page holds none that reads as the article's.
func (tr *textReader) findPageDate(start, body, end int, opts Options) (*dateMatch, bool) {
	var buf [32]pageDate
	cands := buf[:0]
	for i, p := range tr.paras {
		if len(cands) >= maxPageDates {
			break
		}
		cands = tr.lineDates(cands, i, p, opts.Ref)
	}
	// A dateline's date is the story's by its place: the first words of
	// the body.
	dl := tr.h.dateline
	if dl != nil && dl.Date != nil {
		cands = append(cands, pageDate{line: tr.firstBodyLine(body, end), m: *dl.Date, score: wDateline, label: labelPublished})
	}
	if len(cands) == 0 {
		return nil, false
	}
	tr.scorePageDates(cands, start, body, end, opts)
	best := -1
	for k := range cands {
		if best < 0 || cands[k].score > cands[best].score {
			best = k
		}
	}
	if math.IsInf(cands[best].score, -1) && dl != nil && dl.Date != nil && dl.Date.Year == 0 && opts.Ref.IsZero() {
		// Without a reference time no date without a year resolves;
		// the dateline's is still the story's, and apply says why it
		// gives no instant.
		return dl.Date, true
	}
	if cands[best].score < minPageDateSum {
		return nil, false
	}
	m := cands[best].m
	return &m, true
}

// scorePageDates settles the day/month order of the page's dates and adds
// to each the signs that need the others: where it stands, whether its
// line repeats a list's shape, whether the page repeats its day.
// Impossible and implausible dates score -Inf.
func (tr *textReader) scorePageDates(cands []pageDate, start, body, end int, opts Options) {
	resolveDayOrder(cands)
	top, bottom := tr.headerSpan(start, body)
	for k := range cands {
		c := &cands[k]
		t, _, _, ok := c.m.resolve(opts.Ref, opts.Location)
		if !ok || implausible(t, opts.Ref) {
			c.score = math.Inf(-1)
			continue
		}
		y, mo, d := t.Date()
		c.day = y*10000 + int(mo)*100 + d
	}
	listPenalty(cands)
	oldestInSpan(cands, top, bottom)
	for k := range cands {
		c := &cands[k]
		if math.IsInf(c.score, -1) {
			continue
		}
		c.score += tr.placeScore(c.line, top, bottom, end)
		repeats := 0
		for j := range cands {
			if j != k && cands[j].day == c.day && !math.IsInf(cands[j].score, -1) && repeats < maxRepeats {
				c.score += wRepeat
				repeats++
			}
		}
	}
}

// firstBodyLine is the index of the first body paragraph.
func (tr *textReader) firstBodyLine(body, end int) int {
	for i := body; i < end; i++ {
		if tr.roles[i] == roleBody {
			return i
		}
	}
	return body
}

// listPenalty lowers the dates of lines that repeat one shape with
// different dates: comments ("Jane June 28, 2015 at 10:25 pm"), teasers
// and archive lists.
func listPenalty(cands []pageDate) {
	for k := range cands {
		c := &cands[k]
		if math.IsInf(c.score, -1) {
			continue
		}
		others := 0
		for j := range cands {
			o := &cands[j]
			if o.line != c.line && o.shape == c.shape && o.day != c.day && !math.IsInf(o.score, -1) {
				others++
			}
		}
		if others >= minListDates {
			c.score += wList
		}
	}
}

// oldestInSpan favours the oldest of the dates in the header span: an
// update or today's date in a site's date bar comes after the
// publication, never before.
func oldestInSpan(cands []pageDate, top, bottom int) {
	oldest := -1
	distinct := false
	for k, c := range cands {
		if c.line < top-titleLookback || c.line >= bottom || math.IsInf(c.score, -1) || c.m.Year == 0 {
			continue
		}
		if oldest >= 0 && c.day != cands[oldest].day {
			distinct = true
		}
		if oldest < 0 || c.day < cands[oldest].day {
			oldest = k
		}
	}
	if oldest >= 0 && distinct {
		cands[oldest].score += wOldestInSpan
	}
}

// implausible rejects a date after the reference time (a day's grace for
// zones) or from before the web.
func implausible(t, ref time.Time) bool {
	if t.Year() < 1990 {
		return true
	}
	return !ref.IsZero() && t.After(ref.Add(36*time.Hour))
}

// headerSpan is the span of lines where a header's date stands: from the
// headline, or the start of the article run when there is none above
// it, to a few lines into the body.
func (tr *textReader) headerSpan(start, body int) (top, bottom int) {
	top = start
	for i := max(0, start-titleLookback); i < body; i++ {
		if tr.roles[i] == roleTitle {
			top = min(top, i)
			break
		}
	}
	return top, body + maxLeadLines
}

// placeScore scores line i by its distance from the header span
// [top, bottom) and whether it lies after the article run.
func (tr *textReader) placeScore(i, top, bottom, end int) float64 {
	var d int
	switch {
	case i < top:
		d = top - i
	case i >= bottom:
		d = i - bottom + 1
	default:
		return wHeader
	}
	s := -math.Log2(1 + float64(d))
	if i < top {
		// Dates stand above a headline (a kicker, a date bar) more
		// often than below the body's first lines.
		s *= wAboveDecay
	}
	if i >= end {
		s += wAfterArticle
	}
	return s
}

// lineDates appends the dates of paragraph i with the scores of what
// the line itself says about them.
func (tr *textReader) lineDates(cands []pageDate, i int, p string, ref time.Time) []pageDate {
	seg := p
	if len(seg) > maxDateScanLine {
		seg = seg[:dateScanLead]
	}
	if !hasDigit(seg) || tr.kinds[i] == boilerplate.KindCopyright || strings.Contains(seg, "©") {
		return cands
	}
	var tokBuf [maxScanTokens]token
	toks := tokenize(tokBuf[:0], seg)
	first := len(cands)
	prevEnd := 0
	for k := 0; k < len(toks); k++ {
		m, ok := dateAt(seg, toks, k)
		if !ok {
			if rm, n, ok := relativeDate(toks, k, ref); ok {
				rm.Start, rm.End = toks[k].start, toks[n-1].end
				rm.Text = seg[rm.Start:rm.End]
				cands = append(cands, pageDate{line: i, m: rm, score: wRelative})
				k = n - 1
			}
			continue
		}
		if m.Year == 0 && m.LowerMonth {
			continue
		}
		if !m.HasTime {
			timeBefore(seg[prevEnd:m.Start], &m)
		}
		label := readDateLabel(seg[prevEnd:m.Start])
		s := 0.0
		switch label {
		case labelPublished:
			s += wPublished
		case labelUpdated:
			s += wUpdated
		}
		if m.Year == 0 {
			s += wNoYear
		}
		if m.ShortYear {
			s += wShortYear
		}
		cands = append(cands, pageDate{line: i, m: m, score: s, label: label})
		prevEnd = m.End
		for k+1 < len(toks) && toks[k+1].start < m.End {
			k++
		}
	}
	if len(cands) == first {
		return cands
	}
	shape, sig := tr.lineShape(i, p, cands[first:])
	oldest := first
	for k := first; k < len(cands); k++ {
		cands[k].score += shape
		cands[k].shape = sig
		if dateBefore(cands[k].m, cands[oldest].m) {
			oldest = k
		}
	}
	if len(cands)-first > 1 {
		cands[oldest].score += wOlderOnLine
	}
	return cands
}

// dateBefore compares two matches by the calendar date they give,
// missing years last.
func dateBefore(a, b dateMatch) bool {
	if a.Year == 0 || b.Year == 0 {
		return a.Year != 0
	}
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// lineShape scores what surrounds the dates on line i: alone, beside a
// byline, in a teaser, in prose, in a list Classify called boilerplate.
func (tr *textReader) lineShape(i int, p string, ds []pageDate) (float64, uint32) {
	s := 0.0
	switch tr.kinds[i] {
	case boilerplate.KindRelated, boilerplate.KindReadMore, boilerplate.KindNavigation, boilerplate.KindTags,
		boilerplate.KindCommentForm, boilerplate.KindNewsletter, boilerplate.KindAdvert, boilerplate.KindCookie:
		s += wBoilerKind
	}
	// The words the line holds beside its dates.
	rest, before, after := 0, 0, 0
	prev := 0
	for k, d := range ds {
		if d.m.Start >= prev {
			n := fieldCount(p[prev:d.m.Start])
			rest += n
			if k == 0 {
				before = n
			}
		}
		prev = d.m.End
	}
	if prev < len(p) {
		after = fieldCount(p[prev:])
		rest += after
	}
	byline := tr.nearByline(i)
	labelled := false
	for k := range ds {
		switch ds[k].label {
		case labelPublished, labelUpdated:
			labelled = true
		case labelOn:
			// A preposition labels a date on a short line ("by Jane
			// Roe on April 29"), not in a sentence.
			if rest <= 8 {
				ds[k].score += wPublished / 2
				labelled = true
			}
		}
	}
	switch {
	case rest <= 4:
		s += wAlone
	case rest > 10 && !labelled && !byline:
		s += wProse
	case rest > 5 && !labelled && !byline:
		s += wTeaser
	}
	if ds[0].m.Year == 0 && rest > 4 && !labelled {
		s += wNoYear
	}
	if byline {
		s += wByline
	}
	return s, lineSignature(before, after, ds[0].m)
}

// lineSignature sums up the shape of a dated line: the words before and
// after the first date, and how the date is written. Lists of comments,
// teasers and archives repeat one shape with different dates.
func lineSignature(before, after int, m dateMatch) uint32 {
	sig := uint32(min(before, 3))<<8 | uint32(min(after, 3))<<4 | uint32(m.Numeric)<<16
	if m.HasTime {
		sig |= 1
	}
	if m.Clock12 {
		sig |= 2
	}
	return sig | uint32(wordOrder(m.Text))<<24
}

// nearByline reports whether line i or a line next to it is a byline.
func (tr *textReader) nearByline(i int) bool {
	for j := max(0, i-1); j <= i+1 && j < len(tr.paras); j++ {
		if tr.roles[j] == roleFact {
			return true
		}
		if _, ok := cutBylinePrefix(tr.paras[j]); ok && len(tr.paras[j]) <= maxBylineLen {
			return true
		}
	}
	return false
}

// readDateLabel reads the words before a date on its line for a label
// that says what the date is.
func readDateLabel(before string) dateLabel {
	if len(before) > 60 {
		before = before[len(before)-60:]
	}
	if strings.TrimSpace(before) == "" {
		return labelNone
	}
	var buf [64]byte
	lower := lowerBytes(buf[:], before)
	if updatedLabel(string(lower)) || containsAny(lower, "as of", "actualizado", "zuletzt", "geändert", "last edited", "mis à jour",
		"ultima modifica", "son güncelleme") {
		return labelUpdated
	}
	if containsAny(lower, "publi", "posted", "veröffentlicht", "erschienen", "postado", "date", "datum", "fecha", "written", "verfasst",
		"опубликовано", "data", "geschrieben", "story from") {
		return labelPublished
	}
	// "am 18. September", "le 15 septembre", "on April 29", "vom 25.
	// Januar": a preposition right before the date.
	t := bytes.TrimRight(lower, " ")
	for _, w := range []string{" am", " le", " on", " vom", " el", " em", " il", " den"} {
		if bytes.HasSuffix(t, []byte(w)) || string(t) == w[1:] {
			return labelOn
		}
	}
	return labelNone
}

func containsAny(s []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(s, []byte(w)) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'0' < 10 {
			return true
		}
	}
	return false
}

// resolveDayOrder reads every day/month-ambiguous date of the page in the
// order the page's other dates show: figures that can only be read one
// way ("11/28/2016", "28.11.2016"), a 12-hour clock (US usage), and the
// order of the dates written with month names ("November 28, 2016"
// against "28 November 2016").
func resolveDayOrder(cands []pageDate) {
	monthFirst, dayFirst := 0, 0
	for _, c := range cands {
		m := c.m
		switch {
		case m.Numeric != 0 && !m.Swappable:
			// The order as written is the one that gave a valid date.
			if numericMonthFirst(m) {
				monthFirst += 3
			} else {
				dayFirst += 3
			}
		case m.Numeric == 0 && m.Clock12:
			monthFirst++
		case m.Numeric == 0:
			switch wordOrder(m.Text) {
			case 'm':
				monthFirst++
			case 'd':
				dayFirst++
			}
		}
	}
	for k := range cands {
		m := &cands[k].m
		if !m.Swappable {
			continue
		}
		// The other reading is a date the page gives unambiguously
		// ("08/03/2020 15h30 Atualizado 2020-03-08T18:30Z").
		if sw := m.swapped(); !sameDayOnPage(cands, *m) && sameDayOnPage(cands, sw) {
			*m = sw
			m.Swappable = false
			continue
		}
		want := m.Numeric == '/' && monthFirst > dayFirst || m.Numeric != '/' && monthFirst > dayFirst+2
		if m.Clock12 && monthFirst >= dayFirst {
			want = true
		}
		if numericMonthFirst(*m) != want {
			*m = m.swapped()
		}
	}
}

// sameDayOnPage reports whether a date that is not day/month ambiguous
// gives the calendar day of m.
func sameDayOnPage(cands []pageDate, m dateMatch) bool {
	for _, c := range cands {
		if !c.m.Swappable && c.m.Year == m.Year && c.m.Month == m.Month && c.m.Day == m.Day {
			return true
		}
	}
	return false
}

// numericMonthFirst reports whether a numeric match reads its text with
// the month first: its first figures are the month.
func numericMonthFirst(m dateMatch) bool {
	n := 0
	for n < len(m.Text) && m.Text[n] >= '0' && m.Text[n] <= '9' {
		n++
	}
	return atoi(m.Text[:n]) == int(m.Month) && atoi(m.Text[:n]) != m.Day
}

// wordOrder tells a date in words that starts with its month ('m',
// "November 28") from one that starts with its day ('d', "28 November");
// 0 for year-first forms, which say nothing of the other two.
func wordOrder(text string) byte {
	n := 0
	for n < len(text) && text[n] >= '0' && text[n] <= '9' {
		n++
	}
	switch {
	case text == "" || n > 2:
		return 0
	case n == 0:
		return 'm'
	}
	return 'd'
}

// relativeDate reads "3 hours ago", "vor 3 Stunden", "hace 3 horas",
// "il y a 3 heures", "há 3 horas" at toks[k], and returns the day it
// falls on counting back from ref, and the token after it.
func relativeDate(toks []token, k int, ref time.Time) (dateMatch, int, bool) {
	if ref.IsZero() || k+1 >= len(toks) {
		return dateMatch{}, 0, false
	}
	var buf [32]byte
	lw := func(j int) string { return string(lowerBytes(buf[:], toks[j].text)) }
	n, unit, next := 0, time.Duration(0), 0
	switch {
	case toks[k].kind == tNum && len(toks[k].text) <= 3 && toks[k+1].kind == tWord:
		// "3 hours ago"
		if k+2 >= len(toks) || lw(k+2) != "ago" {
			return dateMatch{}, 0, false
		}
		n, unit, next = atoi(toks[k].text), relUnit(lw(k+1)), k+3
	case toks[k].kind == tWord && k+2 < len(toks) && toks[k+1].kind == tNum && len(toks[k+1].text) <= 3:
		switch lw(k) {
		case "vor", "hace", "há", "ha":
			n, unit, next = atoi(toks[k+1].text), relUnit(lw(k+2)), k+3
		default:
			return dateMatch{}, 0, false
		}
	case k+3 < len(toks) && lw(k) == "il" && lw(k+1) == "y" && lw(k+2) == "a" && toks[k+3].kind == tNum && k+4 < len(toks):
		n, unit, next = atoi(toks[k+3].text), relUnit(lw(k+4)), k+5
	default:
		return dateMatch{}, 0, false
	}
	if unit == 0 || n <= 0 {
		return dateMatch{}, 0, false
	}
	t := ref.UTC().Add(-time.Duration(n) * unit)
	y, mo, d := t.Date()
	return dateMatch{Year: y, Month: mo, Day: d, HasTime: unit < 24*time.Hour, Hour: t.Hour(), Min: t.Minute(), Zone: time.UTC}, next, true
}

// relUnit is the length of a unit a relative date counts in, 0 for a
// word that is none.
func relUnit(w string) time.Duration {
	switch w {
	case "minute", "minutes", "min", "mins", "minuten", "minute.", "minutos", "minutas", "minuti":
		return time.Minute
	case "hour", "hours", "hr", "hrs", "stunde", "stunden", "hora", "horas", "heure", "heures", "ore", "ora", "uur":
		return time.Hour
	case "day", "days", "tag", "tagen", "día", "días", "dia", "dias", "jour", "jours", "giorni", "giorno", "dagen":
		return 24 * time.Hour
	case "week", "weeks", "woche", "wochen", "semana", "semanas", "semaine", "semaines":
		return 7 * 24 * time.Hour
	}
	return 0
}
