package article

import (
	"bytes"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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

// The signs a date is scored on, each a feature of pageDate.f.
const (
	fInSpan       = iota // in the header span: the headline to the body's first lines
	fAbove               // log2(1+lines) above the header span
	fBelow               // log2(1+lines) below it, inside the article run
	fBelowAfter          // log2(1+lines) below it, after the article run
	fAfterArticle        // after the article run: comments, related lists, footers
	fPublished           // "Published", "Veröffentlicht am", "Posted on"
	fOn                  // a preposition before it on a short line ("by Jane Roe on")
	fUpdated             // "Updated", "Aktualisiert", "as of"
	fAlone               // the line is little more than the date
	fTeaser              // the date beside a few more words (a teaser)
	fProse               // the date inside a sentence
	fByline              // on a byline or next to one
	fNoYear              // no year given
	fShortYear           // a two-digit year
	fRelative            // "3 hours ago"
	fOlderOnLine         // the oldest of several dates on its line
	fList                // its line repeats a list's shape with other dates
	fOldestInSpan        // the oldest of different dates in the header span
	fRepeat              // how often (up to maxRepeats) the page repeats its day
	fBoilerKind          // on a line Classify called related, navigation...
	fDateline            // the date of the body's dateline
	fHasTime             // a time of day beside it
	nDateFeatures
)

// dateWeights are the weights of the features, in units of one
// doubling of the distance from the header. They are set by hand: a
// label or the header span is worth about three doublings of distance,
// the shape of the line half that. Inside the article run a line below
// the header costs what one above it does: where the body starts is a
// guess, and a date the run holds (a stamp under a misread lead) is
// more often the article's than one in the comments after it. Weights fitted on one half of the
// metadata corpus (conditional logit, coordinate search) did no better
// than these on the other half.
func dateWeights() [nDateFeatures]float64 {
	return [nDateFeatures]float64{
		fInSpan: 3, fAbove: -0.6, fBelow: -0.6, fBelowAfter: -1, fAfterArticle: -1.5,
		fPublished: 3, fOn: 1.5, fUpdated: -3,
		fAlone: 1.5, fTeaser: -1.5, fProse: -3, fByline: 1.5,
		fNoYear: -2, fShortYear: -0.5, fRelative: -1,
		fOlderOnLine: 1, fList: -2, fOldestInSpan: 1, fRepeat: 0.4,
		fBoilerKind: -2.5, fDateline: 3, fHasTime: 0,
	}
}

// Bounds of the scoring.
const (
	maxRepeats     = 2
	minListDates   = 2
	minPageDateSum = -3.0 // below this the page has no date of its own
)

// pageDate is one date read from the page.
type pageDate struct {
	line  int
	m     dateMatch
	day   int // the calendar day, for comparing candidates
	f     [nDateFeatures]float64
	dead  bool // not a calendar date, or not a plausible one
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
	cands := tr.pageDates(buf[:0], body, end, opts)
	dl := tr.h.dateline
	if len(cands) == 0 {
		return nil, false
	}
	tr.scorePageDates(cands, start, body, end, opts)
	tr.h.yearRef = tr.pageYearRef(cands, opts)
	if !tr.h.yearRef.IsZero() {
		// "1 day ago" counts from when the page was shown. A page
		// that shows itself older than the reference time does not
		// say when that was: read against the reference time, its
		// relative dates would date a 2019 story yesterday.
		for k := range cands {
			if cands[k].f[fRelative] != 0 {
				cands[k].dead = true
				cands[k].score = math.Inf(-1)
			}
		}
	}
	best := -1
	for k := range cands {
		if best < 0 || cands[k].score > cands[best].score {
			best = k
		}
	}
	if cands[best].dead && dl != nil && dl.Date != nil && dl.Date.Year == 0 && opts.Ref.IsZero() {
		// Without a reference time no date without a year resolves;
		// the dateline's is still the story's, and apply says why it
		// gives no instant.
		return dl.Date, true
	}
	if cands[best].dead || cands[best].score < minPageDateSum && !tr.soleLabelledDate(cands, best, body) {
		return nil, false
	}
	m := cands[best].m
	return &m, true
}

// yearSlack is how far after the latest full date of a page a date
// without a year may fall: a story is dated a day after the teasers
// around it, or a comment months after it.
const yearSlack = 6

// pageYearRef returns the time a date without a year is read against
// when the page shows itself older than the reference time: six months
// after the latest date with a year the page gives ("Nov 19, 6:51 AM" on a
// page whose other stories are dated "Nov 18, 2019"), or without one the
// end of the year of its copyright notice ("© 2019"). A page scraped in
// 2019 and read in 2026 would otherwise date "Nov 19" in 2026. The zero
// time when the page says nothing older than the reference time.
func (tr *textReader) pageYearRef(cands []pageDate, opts Options) time.Time {
	if opts.Ref.IsZero() {
		return time.Time{}
	}
	// scorePageDates resolved each live date to its day (yyyymmdd).
	latest := 0
	for _, c := range cands {
		if !c.dead && c.m.Year != 0 && c.f[fRelative] == 0 {
			latest = max(latest, c.day)
		}
	}
	var ref time.Time
	if latest > 0 {
		// From the end of that day.
		ref = time.Date(latest/10000, time.Month(latest/100%100), latest%100+1, 0, 0, 0, 0, opts.Ref.Location()).AddDate(0, yearSlack, 0)
	} else if y := tr.copyrightYear(opts.Ref.Year()); y != 0 {
		ref = time.Date(y, time.December, 31, 23, 59, 59, 0, opts.Ref.Location())
	}
	if ref.IsZero() || !ref.Before(opts.Ref) {
		return time.Time{}
	}
	return ref
}

// copyrightYear returns the latest year, up to max, of the page's
// copyright notices ("© 2005-2019 …", "Copyright 2019"), 0 when none.
func (tr *textReader) copyrightYear(maxYear int) int {
	year := 0
	for i, p := range tr.paras {
		if len(p) > maxDateScanLine || !(tr.kinds[i] == boilerplate.KindCopyright || mentionsCopyright(p)) {
			continue
		}
		// Every run of exactly four figures is a year or not a date.
		for j := 0; j < len(p); {
			k := j
			for k < len(p) && '0' <= p[k] && p[k] <= '9' {
				k++
			}
			if k == j {
				j++
				continue
			}
			if y, err := strconv.Atoi(p[j:k]); err == nil && k-j == 4 && y >= 1990 && y <= maxYear {
				year = max(year, y)
			}
			j = k
		}
	}
	return year
}

// pageDates appends every date of the page to cands, with the features
// its own line gives.
func (tr *textReader) pageDates(cands []pageDate, body, end int, opts Options) []pageDate {
	// One token buffer for every line: clearing a line's worth of
	// tokens for each line cost as much as tokenizing it.
	var tokBuf [maxScanTokens]token
	toks := tokBuf[:0]
	for i, p := range tr.paras {
		if len(cands) >= maxPageDates {
			break
		}
		cands, toks = tr.lineDates(cands, toks[:0], i, p, opts.Ref)
	}
	// A dateline's date is the story's by its place: the first words of
	// the body.
	if dl := tr.h.dateline; dl != nil && dl.Date != nil {
		c := pageDate{line: tr.firstBodyLine(body, end), m: *dl.Date, label: labelPublished}
		c.f[fDateline] = 1
		cands = append(cands, c)
	}
	return cands
}

// scorePageDates settles the day/month order of the page's dates, adds
// to each the features that need the others (where it stands, whether
// its line repeats a list's shape, whether the page repeats its day) and
// scores it. Impossible and implausible dates are dead.
func (tr *textReader) scorePageDates(cands []pageDate, start, body, end int, opts Options) {
	// Whether the body is English is read once, and only when a date
	// that reads both ways asks.
	englishRead, isEnglish := false, false
	english := func() bool {
		if !englishRead {
			englishRead, isEnglish = true, englishText(tr.a.BodyParagraphs)
		}
		return isEnglish
	}
	hint := opts.dayOrder
	if hint == orderUnknown && slices.ContainsFunc(cands, func(c pageDate) bool { return c.m.Swappable }) && english() {
		// A text's English spells where it is written, and so the order
		// it writes dates in, as a page's <html lang="en-GB"> says.
		hint = spellingOrder(tr.a.BodyParagraphs)
	}
	if hint == orderUnknown {
		// The text tells nothing: the site's language does.
		hint = langDayOrder(opts.Language)
	}
	resolveDayOrder(cands, english, hint)
	top, bottom := tr.headerSpan(start, body)
	adoptYears(cands)
	for k := range cands {
		c := &cands[k]
		if c.dead {
			c.score = math.Inf(-1)
			continue
		}
		t, _, _, ok := c.m.resolve(opts.Ref, opts.Location)
		if !ok || implausible(t, opts.Ref) {
			c.dead = true
			c.score = math.Inf(-1)
			continue
		}
		y, mo, d := t.Date()
		c.day = y*10000 + int(mo)*100 + d
	}
	listFeature(cands)
	oldestInSpan(cands, top, bottom)
	w := dateWeights()
	for k := range cands {
		c := &cands[k]
		if c.dead {
			continue
		}
		tr.placeFeatures(c, top, bottom, end)
		for j := range cands {
			if j != k && cands[j].day == c.day && !cands[j].dead && c.f[fRepeat] < maxRepeats {
				c.f[fRepeat]++
			}
		}
		c.score = 0
		for i, x := range c.f {
			c.score += w[i] * x
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

// adoptYears gives a date without a year ("HONOLULU, Dec. 23 (UPI) —")
// the year of a date of the page with the same month and day ("December
// 23, 2016"), rather than the reference time's.
func adoptYears(cands []pageDate) {
	for k := range cands {
		m := &cands[k].m
		if m.Year != 0 {
			continue
		}
		for _, o := range cands {
			if o.m.Year != 0 && o.m.Month == m.Month && o.m.Day == m.Day {
				m.Year = o.m.Year
				break
			}
		}
	}
}

// listFeature marks the dates of lines that repeat one shape with
// different dates: comments ("Jane June 28, 2015 at 10:25 pm"), teasers
// and archive lists.
func listFeature(cands []pageDate) {
	for k := range cands {
		c := &cands[k]
		if c.dead {
			continue
		}
		others := 0
		for j := range cands {
			o := &cands[j]
			if o.line != c.line && o.shape == c.shape && o.day != c.day && !o.dead {
				others++
			}
		}
		if others >= minListDates {
			c.f[fList] = 1
		}
	}
}

// spanLookback is how far above the header's top a date still counts as
// printed with the header (a date bar above the headline).
const spanLookback = 6

// oldestInSpan marks the oldest of the dates in the header span: an
// update or today's date in a site's date bar comes after the
// publication, never before.
func oldestInSpan(cands []pageDate, top, bottom int) {
	oldest := -1
	distinct := false
	for k, c := range cands {
		if c.line < top-spanLookback || c.line >= bottom || c.dead || c.m.Year == 0 {
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
		cands[oldest].f[fOldestInSpan] = 1
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
	for i := max(0, body-headBack); i < min(body+headForward, len(tr.roles)); i++ {
		if tr.roles[i] == roleTitle {
			top = min(top, i)
			break
		}
	}
	return top, body + maxLeadLines
}

// placeFeatures sets the features of where line i stands: in the header
// span [top, bottom), how far above or below it, after the article run.
func (tr *textReader) placeFeatures(c *pageDate, top, bottom, end int) {
	i := c.line
	switch {
	case i < top:
		c.f[fAbove] = math.Log2(1 + float64(top-i))
	case i >= bottom && i < end:
		c.f[fBelow] = math.Log2(float64(2 + i - bottom))
	case i >= bottom:
		c.f[fBelowAfter] = math.Log2(float64(2 + i - bottom))
	default:
		c.f[fInSpan] = 1
	}
	if i >= end {
		c.f[fAfterArticle] = 1
	}
}

// lineDates appends the dates of paragraph i with the scores of what
// the line itself says about them. It tokenizes the line into toks and
// returns them, for the next line to reuse the buffer.
func (tr *textReader) lineDates(cands []pageDate, toks []token, i int, p string, ref time.Time) ([]pageDate, []token) {
	seg := p
	if len(seg) > maxDateScanLine {
		seg = seg[:dateScanLead]
	}
	d := firstDigit(seg)
	if d < 0 || tr.kinds[i] == boilerplate.KindCopyright || strings.Contains(seg, "©") {
		return cands, toks
	}
	// Every date has a figure, and what comes before its first figure
	// (a month name, "il y a") is short: the words of the line before
	// that are not tokenized.
	w := windowStart(seg, d)
	toks = tokenize(toks, seg[w:])
	first := len(cands)
	prevEnd := 0
	num := 0
	for k := 0; k < len(toks); k++ {
		if !figureNear(toks, k, &num) {
			continue
		}
		m, ok := dateAt(seg[w:], toks, k)
		m.Start, m.End = m.Start+w, m.End+w
		if !ok {
			if rm, n, ok := relativeDate(toks, k, ref); ok {
				rm.Start, rm.End = toks[k].start+w, toks[n-1].end+w
				rm.Text = seg[rm.Start:rm.End]
				c := pageDate{line: i, m: rm}
				c.f[fRelative] = 1
				cands = append(cands, c)
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
		if inURLPath(seg, m) {
			// A date in a URL's path dates whatever the link is to.
			prevEnd = m.End
			for k+1 < len(toks) && toks[k+1].start+w < m.End {
				k++
			}
			continue
		}
		c := pageDate{line: i, m: m, label: readDateLabel(seg[prevEnd:m.Start])}
		// The last day of a range ("vom 9. bis 23. Februar 2017") or a
		// deadline dates an event, not the page.
		c.dead = rangeEnd(seg[prevEnd:m.Start]) || tr.sheetDate(i)
		switch c.label {
		case labelPublished:
			c.f[fPublished] = 1
		case labelUpdated:
			c.f[fUpdated] = 1
		}
		if m.Year == 0 {
			c.f[fNoYear] = 1
		}
		if m.ShortYear {
			c.f[fShortYear] = 1
		}
		if m.HasTime {
			c.f[fHasTime] = 1
		}
		cands = append(cands, c)
		prevEnd = m.End
		for k+1 < len(toks) && toks[k+1].start+w < m.End {
			k++
		}
	}
	if len(cands) == first {
		return cands, toks
	}
	lineRanges(seg, cands[first:])
	tr.lineShape(i, p, cands[first:])
	oldest := first
	for k := first; k < len(cands); k++ {
		if dateBefore(cands[k].m, cands[oldest].m) {
			oldest = k
		}
	}
	if len(cands)-first > 1 {
		cands[oldest].f[fOlderOnLine] = 1
	}
	return cands, toks
}

// lineRanges reads what the words between and after the dates of one
// line say of them: two dates joined by a range word ("31. Dezember
// 2021 - 6. Januar 2022") bound a period, not the page's date;
// a verb after the date ("wurde am 27. November 2019 veröffentlicht")
// labels it as a word before it does.
func lineRanges(seg string, ds []pageDate) {
	for k := range ds {
		d := &ds[k]
		if k+1 < len(ds) && ds[k+1].m.Start >= d.m.End && rangeWord(seg[d.m.End:ds[k+1].m.Start]) {
			d.dead = true
			ds[k+1].dead = true
		}
		if d.label != labelNone && d.label != labelOn {
			continue
		}
		after := seg[d.m.End:]
		if k+1 < len(ds) && ds[k+1].m.Start >= d.m.End {
			after = seg[d.m.End:ds[k+1].m.Start]
		}
		if len(after) > maxLabelAfter {
			after = after[:maxLabelAfter]
		}
		var buf [maxLabelAfter]byte
		if containsAny(lowerBytes(buf[:], after), "veröffentlicht", "publiziert", "erschienen", "gepostet", "gepubliceerd") {
			d.label = labelPublished
			d.f[fPublished] = 1
		}
	}
}

// maxLabelAfter is how far after a date a verb that labels it may stand.
const maxLabelAfter = 48

// rangeWord reports whether the text between two dates joins them as
// a period's start and end.
func rangeWord(between string) bool {
	t := strings.TrimSpace(between)
	switch strings.ToLower(t) {
	case "-", "–", "—", "bis", "to", "until", "till", "au", "al", "hasta", "a", "do", "до", "-/-":
		return true
	}
	return false
}

// inURLPath reports whether date m of seg stands in a URL's path: right
// after a slash, in figures ("/2019/11/19/") or after a word with a dot
// or a colon ("example.com/November-19"). A date in words after a name
// and a slash is a meta row's ("By Cat Lafuente/June 12, 2020").
func inURLPath(seg string, m dateMatch) bool {
	if m.Start == 0 || seg[m.Start-1] != '/' {
		return false
	}
	if m.Numeric != 0 {
		return true
	}
	word := seg[:m.Start-1]
	if i := strings.LastIndexAny(word, " \t"); i >= 0 {
		word = word[i+1:]
	}
	return strings.ContainsAny(word, ".:/")
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

// lineShape sets the features of what surrounds the dates ds of line i:
// alone, beside a byline, in a teaser, in prose, in a list Classify
// called boilerplate; and the line's signature.
func (tr *textReader) lineShape(i int, p string, ds []pageDate) {
	boiler := 0.0
	switch tr.kinds[i] {
	case boilerplate.KindRelated, boilerplate.KindReadMore, boilerplate.KindNavigation, boilerplate.KindTags,
		boilerplate.KindCommentForm, boilerplate.KindNewsletter, boilerplate.KindAdvert, boilerplate.KindCookie:
		boiler = 1
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
	if tr.teaserCard(i) {
		// The date of another post's card ("October 28, 2020", its
		// title, "Read More").
		for k := range ds {
			ds[k].dead = true
		}
	}
	if (tr.kinds[i] == kindCaption || tr.kinds[i] == kindDuplicateCaption) && before > 2 {
		// A caption that tells of a day dates its picture ("… leaves
		// PortMiami on Aug. 31, 2019. (AP)"); one that opens with a
		// date is the story's date line with a credit after it.
		boiler = 1
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
				ds[k].f[fOn] = 1
				labelled = true
			}
		}
	}
	// A byline on the next line vouches for a short date line, not for
	// a sentence.
	if rest > 10 && !tr.isBylineLine(i) {
		byline = false
	}
	// A date that opens a paragraph and is cut off from it by a mark
	// ("25. Januar 2022 | Berlin – ...") leads it as a dateline does.
	if rest > 10 && before <= 2 && leadMark(p[ds[0].m.End:]) {
		rest = 5
	}
	var shape [nDateFeatures]float64
	switch {
	case rest <= 4:
		shape[fAlone] = 1
	case rest > 10 && !labelled && !byline:
		shape[fProse] = 1
	case rest > 5 && !labelled && !byline:
		shape[fTeaser] = 1
	}
	if byline {
		shape[fByline] = 1
	}
	shape[fBoilerKind] = boiler
	sig := lineSignature(before, after, ds[0].m) | uint32(ds[0].label)<<28
	for k := range ds {
		for f, x := range shape {
			ds[k].f[f] += x
		}
		// A date without a year in a line of words is a mention.
		if ds[k].m.Year == 0 && rest > 4 && !labelled {
			ds[k].f[fNoYear]++
		}
		ds[k].shape = sig
	}
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
		if tr.isBylineLine(j) {
			return true
		}
	}
	return false
}

// isBylineLine reports whether line j was read as a byline or a date
// line, or opens as a byline does.
func (tr *textReader) isBylineLine(j int) bool {
	if tr.roles[j] == roleFact {
		return true
	}
	p := tr.paras[j]
	if len(p) > maxBylineLen {
		return false
	}
	if _, ok := cutBylinePrefix(p); ok {
		return true
	}
	// "News | By Jane Roe | 30 September 2018": a byline between bars.
	for seg := range strings.SplitSeq(p, "|") {
		if _, ok := cutBylinePrefix(strings.TrimSpace(seg)); ok {
			return true
		}
	}
	return false
}

// leadMark reports whether s opens with a mark that ends a lead: a bar,
// a dash or a colon.
func leadMark(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, m := range []string{"|", "–", "—", "- ", ":", "/"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// rangeEnd reports whether the text before a date says it dates
// something other than the page: the end of a range or the last of an
// enumeration of days ("9. bis", "14. -", "from 3 to", "2 et 6 mai"), a
// deadline ("Antworten bis 23.06.2006") or the start of a period
// ("collected since 5 December").
func rangeEnd(before string) bool {
	t := strings.TrimRight(before, " ")
	for _, w := range []string{"-", "–", "—", " bis", " to", " until", " au", " al", " hasta", " till",
		" and", " und", " et", " y", " e", " i", " и", "&"} {
		if strings.HasSuffix(t, w) {
			if dayNumberEnd(t[:len(t)-len(w)]) {
				return true
			}
			break
		}
	}
	var buf [16]byte
	i := strings.LastIndexByte(t, ' ')
	last := string(lowerBytes(buf[:], t[i+1:]))
	if i > 0 && periodArticle(last) {
		// "seit dem", "depuis le", "desde el": the word before the article.
		t = t[:i]
		i = strings.LastIndexByte(t, ' ')
		last = string(lowerBytes(buf[:], t[i+1:]))
	}
	switch last {
	case "bis", "until", "till", "hasta", "jusqu'au", "deadline", "since", "seit", "depuis", "desde", "dal", "sinds", "od":
		return true
	}
	return false
}

// dayNumberEnd reports whether s ends with a bare number ("14.", "3",
// "2019"), not a time of day ("22:00").
func dayNumberEnd(s string) bool {
	s = strings.TrimRight(s, " .")
	i := strings.LastIndexAny(s, " ,(")
	f := s[i+1:]
	if f == "" {
		return false
	}
	for k := 0; k < len(f); k++ {
		if f[k] < '0' || f[k] > '9' {
			return false
		}
	}
	return true
}

// periodArticle reports the articles and prepositions that stand between
// "since" and its date in the languages rangeEnd reads.
func periodArticle(w string) bool {
	switch w {
	case "dem", "le", "el", "the", "de", "del":
		return true
	}
	return false
}

// readDateLabel reads the words before a date on its line for a label
// that says what the date is.
func readDateLabel(before string) dateLabel {
	if entryFooter(before) {
		return labelPublished
	}
	if len(before) > 60 {
		before = before[len(before)-60:]
	}
	if strings.TrimSpace(before) == "" {
		return labelNone
	}
	var buf [64]byte
	lower := lowerBytes(buf[:], before)
	// updatedLabel's words, and those that also head other things than
	// a date in a byline ("as of", "zuletzt").
	if updatedLabel(string(lower)) || containsAny(lower, "as of", "actualizado", "zuletzt", "last edited", "last change",
		"dernière modification", "última modificación", "ultima modifica", "son güncelleme") {
		return labelUpdated
	}
	if publishedWord(lower) || containsAny(lower, "date", "datum", "fecha", "data", "story from") {
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

// entryFooter reports a line that opens as a blog theme's note under a
// post does ("This entry was posted in News on …", "Dieser Eintrag wurde
// veröffentlicht in … am …", "Der Beitrag wurde am … veröffentlicht"):
// the date in it, however far into the line, is the post's.
func entryFooter(line string) bool {
	if len(line) < minEntryFooter {
		return false
	}
	head := line[:min(len(line), maxEntryFooter)]
	for _, o := range entryFooterOpenings {
		if len(head) >= len(o) && strings.EqualFold(head[:len(o)], o) {
			return true
		}
	}
	return false
}

// entryFooterOpenings are the openings of the note under a post in the
// blog themes' translations.
var entryFooterOpenings = []string{
	"this entry was posted", "this entry was filed", "this post was posted", "this post was written", "this article was posted",
	"dieser eintrag wurde", "dieser beitrag wurde", "der beitrag wurde", "der eintrag wurde",
	"cette entrée a été", "ce contenu a été publié", "cet article a été publié",
	"esta entrada fue", "esta entrada se publicó", "questa voce è stata", "questo articolo è stato",
	"dit bericht werd", "dit bericht is geplaatst", "esta entrada foi",
}

// Bounds of an entry footer's opening, in bytes.
const minEntryFooter, maxEntryFooter = 16, 32

// publishedWord reports a label, lower-cased, that says a page was
// published then ("veröffentlicht", "posted", "publié le",
// "опубликована"), which a bare "Date" or a book's "Erscheinungsdatum"
// does not.
func publishedWord(lower []byte) bool {
	return containsAny(lower, "publi", "posted", "veröffentlicht", "erschienen", "gepostet", "written",
		"verfasst", "geschrieben", "postado", "опубликован", "gepubliceerd")
}

func containsAny(s []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(s, []byte(w)) {
			return true
		}
	}
	return false
}

// firstDigit returns the byte index of the first figure of s, -1 when
// it has none: an ASCII digit, or a digit of another script (Persian,
// Arabic-Indic, Devanagari, Bengali, fullwidth), whose UTF-8 encodings
// open with the bytes checked below.
func firstDigit(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c-'0' < 10:
			return i
		case c == 0xD9 || c == 0xDB || c == 0xE0 || c == 0xEF:
			if r, _ := utf8.DecodeRuneInString(s[i:]); r >= utf8.RuneSelf && unicode.IsDigit(r) {
				return i
			}
		}
	}
	return -1
}

// maxDateLead is how far before its first figure a date may start:
// "Wednesday, September" and "il y a" fit.
const maxDateLead = 24

// windowStart is where to start reading s for dates whose first figure
// is at d: a word boundary at most maxDateLead bytes before it.
func windowStart(s string, d int) int {
	if d <= maxDateLead {
		return 0
	}
	w := d - maxDateLead
	if sp := strings.IndexByte(s[w:d], ' '); sp >= 0 {
		return w + sp + 1
	}
	// No space: a run of letters glued to the figure, which a date
	// reads only whole; start at the run's rune boundary.
	for w > 0 && s[w]&0xC0 == 0x80 {
		w--
	}
	return w
}

// resolveDayOrder reads every day/month-ambiguous date of the page in the
// order the page's other dates show: figures that can only be read one
// way ("11/28/2016", "28.11.2016"), then the page's language (hint, from
// an HTML page's lang), then a 12-hour clock (US usage) and the order of
// the dates written with month names ("November 28, 2016" against "28
// November 2016"), which a caption or a teaser from another desk may
// have written.
func resolveDayOrder(cands []pageDate, english func() bool, hint int8) {
	monthFirst, dayFirst := 0, 0
	numMonth, numDay := 0, 0
	for _, c := range cands {
		m := c.m
		switch {
		case m.Numeric != 0 && !m.Swappable:
			// The order as written is the one that gave a valid date.
			if numericMonthFirst(m) {
				monthFirst += 3
				numMonth++
			} else {
				dayFirst += 3
				numDay++
			}
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
		var want bool
		switch {
		case m.Numeric == '/' && numMonth == numDay && hint != orderUnknown:
			want = hint == orderMonthFirst
		case m.Numeric == '-' && numMonth == numDay && hint == orderMonthFirst:
			// "01-09-17" on an American page.
			want = true
		case m.Numeric == '-' && m.ShortYear && numMonth == numDay && hint == orderUnknown && monthFirst == dayFirst && english():
			// Nothing on the page tells, but English writes a
			// two-digit year after dashes the American way
			// ("01-09-17"); a British page writes slashes or dots.
			want = true
		case m.Numeric == '/' && monthFirst != dayFirst:
			want = monthFirst > dayFirst
		case m.Numeric != '/' && monthFirst > dayFirst+2:
			want = true
		case m.Numeric == '/':
			// Only US pages put the month first, and they tell the time
			// with am/pm: British pages write "02/10/2020" too.
			want = m.Clock12 && english()
		}
		if numericMonthFirst(*m) != want {
			*m = m.swapped()
		}
	}
}

// englishText reports whether the paragraphs read as English: its
// commonest words outnumber those of the other languages of the web
// that write dates in figures day first. It reads a bounded prefix.
func englishText(paras []string) bool {
	en, other := 0, 0
	for w := range prefixWords(paras, 8<<10) {
		switch w {
		case "the", "and", "of", "to", "is", "was", "The":
			en++
		case "der", "die", "und", "das", "le", "la", "les", "et", "el", "los", "de", "il", "di", "che", "het", "een",
			"que", "do", "da", "и", "в", "на", "не", "ve", "bir", "és":
			other++
		}
	}
	return en > other
}

// prefixWords yields the words of the first budget bytes of paras: a
// text's language shows in its opening, and a long page costs no more.
func prefixWords(paras []string, budget int) iter.Seq[string] {
	return func(yield func(string) bool) {
		read := 0
		for _, p := range paras {
			if read >= budget {
				return
			}
			if len(p) > budget-read {
				p = p[:budget-read]
			}
			read += len(p)
			for w := range strings.FieldsSeq(p) {
				if !yield(w) {
					return
				}
			}
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
	n := leadingDigits(m.Text)
	return atoi(m.Text[:n]) == int(m.Month) && atoi(m.Text[:n]) != m.Day
}

// leadingDigits is how many ASCII digits s opens with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// wordOrder tells a date in words that starts with its month ('m',
// "November 28") from one that starts with its day ('d', "28 November");
// 0 for year-first forms, which say nothing of the other two.
func wordOrder(text string) byte {
	n := leadingDigits(text)
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
	if ref.IsZero() || k+2 >= len(toks) {
		return dateMatch{}, 0, false
	}
	var n, next int
	var unit time.Duration
	t := toks[k]
	switch {
	case t.kind == tNum && len(t.text) <= 3 && toks[k+1].kind == tWord && strings.EqualFold(toks[k+2].text, "ago"):
		// "3 hours ago"
		n, unit, next = atoi(t.text), relUnit(toks[k+1].text), k+3
	case t.kind == tWord && toks[k+1].kind == tNum && len(toks[k+1].text) <= 3 && relPrefix(t.text):
		// "vor 3 Stunden", "hace 3 horas", "há 3 horas"
		n, unit, next = atoi(toks[k+1].text), relUnit(toks[k+2].text), k+3
	case t.kind == tWord && k+4 < len(toks) && strings.EqualFold(t.text, "il") && toks[k+1].text == "y" && toks[k+2].text == "a" && toks[k+3].kind == tNum:
		// "il y a 3 heures"
		n, unit, next = atoi(toks[k+3].text), relUnit(toks[k+4].text), k+5
	case t.kind == tWord && dayBack(t.text) >= 0:
		// "Yesterday at 9:45 AM", "Heute um 09:45": the day from the
		// reference time, the time of day as printed.
		var m dateMatch
		after := readTime(toks, k+1, &m)
		if after == k+1 {
			return dateMatch{}, 0, false
		}
		y, mo, d := ref.UTC().AddDate(0, 0, -dayBack(t.text)).Date()
		m.Year, m.Month, m.Day = y, mo, d
		return m, after, true
	default:
		return dateMatch{}, 0, false
	}
	if unit == 0 || n <= 0 {
		return dateMatch{}, 0, false
	}
	at := ref.UTC().Add(-time.Duration(n) * unit)
	y, mo, d := at.Date()
	return dateMatch{Year: y, Month: mo, Day: d, HasTime: unit < 24*time.Hour, Hour: at.Hour(), Min: at.Minute(), Zone: time.UTC}, next, true
}

// dayBack is how many days before the reference time a day word names
// ("yesterday" 1, "heute" 0), -1 for a word that is none.
func dayBack(w string) int {
	var buf [32]byte
	switch string(lowerBytes(buf[:], w)) {
	case "today", "heute", "hoy", "oggi", "hoje", "vandaag", "сегодня", "dzisiaj":
		return 0
	case "yesterday", "gestern", "hier", "ayer", "ieri", "ontem", "gisteren", "вчера", "wczoraj":
		return 1
	}
	return -1
}

// relPrefix reports the words that open a relative date before its count.
func relPrefix(w string) bool {
	return strings.EqualFold(w, "vor") || strings.EqualFold(w, "hace") || strings.EqualFold(w, "há") || strings.EqualFold(w, "ha")
}

// relUnit is the length of a unit a relative date counts in, 0 for a
// word that is none.
func relUnit(w string) time.Duration {
	var buf [32]byte
	switch string(lowerBytes(buf[:], w)) {
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

// soleLabelledDate reports whether cands[best] is the page's only live
// date, labelled as when the page was published or updated, above the
// body start: nothing else on the page competes with it.
func (tr *textReader) soleLabelledDate(cands []pageDate, best, body int) bool {
	c := cands[best]
	if c.line >= body || c.label != labelPublished && c.label != labelUpdated {
		return false
	}
	for k := range cands {
		if k != best && !cands[k].dead {
			return false
		}
	}
	return true
}
