package article

import (
	"strings"
	"time"

	"seedfeed/internal/article/htmlextract"
)

// htmlPublished chooses the page's publication date among its metadata's,
// the dates its visible text shows (date-marked texts, a date line by
// the headline, the first full date below it), the date the text
// reader's page date finder picks over the whole visible text, and the
// address's date.
func htmlPublished(res htmlextract.Result, a *Article, page *Article, opts Options) *time.Time {
	meta := res.Published
	var text *time.Time
	if page != nil {
		text = page.Published
	}
	if meta != nil && res.PublishedText != "" {
		meta = inMetaOrder(*meta, res.PublishedText, opts.dayOrder, text)
	}
	if meta != nil && text != nil {
		y, m, d := text.Date()
		td := dateMatch{Year: y, Month: m, Day: d}
		gap := dayGap(*meta, *text)
		switch {
		case gap >= -1 && gap <= 1:
			// The same day, or the day a UTC instant falls on
			// elsewhere: the text shows the local day.
			return inLocalDay(*meta, td)
		case gap >= 2 && gap <= maxDraftGap:
			// The metadata's date a few days before the printed one
			// is the draft's, made before the article went out.
			return text
		}
	}
	pub := meta
	vis, ok := visibleDate(res.DateTexts, res.PageLines, a.Title)
	// The first full date below the headline is the article's only on a
	// page that dates it some other way: on an undated page it is most
	// often a comment's, a related story's or one the article cites.
	if !ok && (meta != nil || text != nil) {
		vis, ok = firstPageDate(res.PageLines, a.Title)
	}
	if ok {
		vis = inPageOrder(vis, opts.dayOrder, text)
		switch {
		case pub == nil:
			pub = resolveOrWarn(a, vis, opts)
		case vis.Year != 0:
			pub = inLocalDay(*pub, vis)
		}
	}
	switch {
	case pub == nil && res.URLDate == nil:
		// Nothing but the text: the date its scrape would get (a date
		// bar far above the headline). On an undated page the text
		// reader leaves it nil too.
		pub = text
	case pub == nil:
		pub = res.URLDate
	case res.URLDate != nil && meta == nil && !nearDay(*res.URLDate, *pub):
		// With no date in its metadata, a date the page shows that is
		// days away from the one its address files it under is most
		// often an update's, a comment's or a widget's: the address
		// was given when the article was. The text reader's date keeps
		// its time of day when it is that day.
		pub = res.URLDate
		if text != nil && sameDay(*res.URLDate, *text) {
			pub = text
		}
	case res.URLDate != nil:
		// The day the address files the article under is its local day.
		y, m, d := res.URLDate.Date()
		pub = inLocalDay(*pub, dateMatch{Year: y, Month: m, Day: d})
	}
	return pub
}

// inPageOrder reads a date in figures whose day and month could go
// either way ("02/10/2020") in the order the page's language gives, else
// as the text reader read the page's dates, which weighed them all: when
// its date is the other reading, that one.
func inPageOrder(m dateMatch, hint int8, text *time.Time) dateMatch {
	if !m.Swappable {
		return m
	}
	if m.Numeric == '/' && hint != orderUnknown {
		if numericMonthFirst(m) != (hint == orderMonthFirst) {
			m = m.swapped()
		}
		return m
	}
	if text != nil {
		sw := m.swapped()
		if y, mo, d := text.Date(); sw.Year == y && sw.Month == mo && sw.Day == d {
			return sw
		}
	}
	return m
}

// inMetaOrder rereads the day and month of a metadata date that a loose
// parser read from figures that go either way ("10/05/2022 05:22 pm"),
// in the order the page's language gives (inPageOrder), keeping its time
// of day.
func inMetaOrder(t time.Time, raw string, hint int8, text *time.Time) *time.Time {
	m, ok := findDate(raw)
	if !ok || !m.Swappable || m.Year != t.Year() {
		return &t
	}
	if m.Month != t.Month() || m.Day != t.Day() {
		// findDate may take the two figures the other way round from
		// the parser; they must be the same two.
		if sw := m.swapped(); sw.Month != t.Month() || sw.Day != t.Day() {
			return &t
		}
	}
	m = inPageOrder(m, hint, text)
	if m.Month == t.Month() && m.Day == t.Day() {
		return &t
	}
	r := time.Date(m.Year, m.Month, m.Day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	return &r
}

// maxDraftGap is how many days a metadata date may precede the date the
// page prints and still be read as the draft's date of the same article.
const maxDraftGap = 14

// dayGap is the number of calendar days from a's UTC day to b's.
func dayGap(a, b time.Time) int {
	ay, am, ad := a.UTC().Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// pageText reads the page's visible text the way a whole-page text
// scrape is read, nil when the text reader finds no article in it.
func pageText(lines []string, opts Options) *Article {
	ta := &Article{Removed: map[string][]string{}}
	if parseText(strings.Join(lines, "\n\n"), opts, ta) != nil {
		return nil
	}
	return ta
}

// visibleDate reads the first of the page's date-marked texts that is a
// date line ("Published 3 May 2022", "Tuesday, 03 May 2022") giving a
// publication date with its year.
func visibleDate(texts, page []string, title string) (dateMatch, bool) {
	// headlineDate reads the whole page: it is read at most once.
	var head dateMatch
	headOK, headRead := false, false
	if days := markedDays(texts); len(days) >= minListDays {
		// Three days or more marked up as dates are a list of dated
		// teasers or comments; a date line by the headline that is
		// none of them is the article's.
		head, headOK = headlineDate(page, title)
		headRead = true
		if headOK && !days[[3]int{head.Year, int(head.Month), head.Day}] {
			return head, true
		}
	}
	for _, t := range texts {
		dl, ok := parseDateLine(t)
		if ok && dl.Date != nil && !dl.Updated && dl.Date.Year != 0 {
			return *dl.Date, true
		}
		// A byline with a date among other things ("Accueil | Par
		// Loïc Le Clerc | 30 septembre 2018") stands where it does:
		// the date lines after it are its teasers' and comments'.
		if !ok && readBylineLine(t).form == formLabelled {
			if m, ok := bylineDate(t); ok {
				return m, true
			}
		}
	}
	// A byline-like text that holds a date among other things ("Home |
	// Jane Roe | 30 September 2018").
	for _, t := range texts {
		if m, ok := bylineDate(t); ok {
			return m, true
		}
	}
	if !headRead {
		head, headOK = headlineDate(page, title)
	}
	return head, headOK
}

// minListDays is how many days marked up as dates make a list.
const minListDays = 3

// markedDays is the set of days, with their year, that the date-marked
// texts give; nil when there are too few texts to make a list.
func markedDays(texts []string) map[[3]int]bool {
	if len(texts) < minListDays {
		return nil
	}
	days := map[[3]int]bool{}
	for _, t := range texts {
		if m, ok := findDate(t); ok && m.Year != 0 {
			days[[3]int{m.Year, int(m.Month), m.Day}] = true
		}
	}
	return days
}

// bylineDate is the date, with its year, that a short text holds,
// unless the text labels a last change.
func bylineDate(t string) (dateMatch, bool) {
	if len(t) > maxBylineLen || updatedLabel(t) {
		return dateMatch{}, false
	}
	if m, ok := findDate(t); ok && m.Year != 0 && !m.LowerMonth {
		return m, true
	}
	return dateMatch{}, false
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
	// A date labelled as the last change gives way to a later one
	// labelled as the publication ("Letzte Änderung: 31.10.2023
	// Erschienen am: 01.11.2023"), and is taken otherwise: a date the
	// article's text mentions further down is no better.
	var updated dateMatch
	found := false
	for _, l := range page[start:min(len(page), start+pageDateLines)] {
		if mentionsCopyright(l) {
			continue
		}
		for rest := l; ; {
			m, ok := findDate(rest)
			if !ok {
				break
			}
			if m.Year != 0 && !m.LowerMonth {
				switch label := readDateLabel(rest[:m.Start]); {
				case found && label == labelPublished, !found && label != labelUpdated:
					return m, true
				case !found:
					updated, found = m, true
				}
			}
			rest = rest[m.End:]
		}
	}
	return updated, found
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

// nearDay reports whether b's day is a's UTC day or a day either side,
// the days one instant falls on around the world.
func nearDay(a, b time.Time) bool {
	g := dayGap(a, b)
	return g >= -1 && g <= 1
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

// mentionsCopyright reports a line with "©" or the word "copyright" in
// any case. It runs on every line of a text's date search: lower-casing
// each line to look for the word took a tenth of a plain text's parse.
// Of the runes outside ASCII, only "İ" lower-cases to one of the word's
// letters (a Turkish page's "COPYRİGHT"), so comparing ASCII letters and
// that one finds what lower-casing would.
func mentionsCopyright(l string) bool {
	if strings.Contains(l, "©") {
		return true
	}
	for i := 0; i+len("copyright") <= len(l); i++ {
		if l[i]|0x20 == 'c' && copyrightAt(l[i:]) {
			return true
		}
	}
	return false
}

// copyrightAt reports whether s opens with "copyright" in any case.
func copyrightAt(s string) bool {
	const word = "copyright"
	for k := range len(word) {
		c := word[k]
		switch {
		case s != "" && s[0]|0x20 == c:
			s = s[1:]
		case c == 'i' && strings.HasPrefix(s, "\u0130"):
			s = s[len("\u0130"):]
		default:
			return false
		}
	}
	return true
}
