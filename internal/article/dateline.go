package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDatelineHead bounds where the dateline's separator may stand: a
// dateline is a few words at the very start of the first paragraph.
const maxDatelineHead = 90

// datelineMatch is a dateline found at the start of a paragraph.
type datelineMatch struct {
	Place  string
	Agency string
	Date   *dateMatch
	Rest   string // the paragraph without its dateline
}

// parseDateline reads the lead of a news paragraph:
//
//	New Delhi, March 25: ...          place, date, colon
//	WASHINGTON, Jan. 5 (Reuters) - ...  place, date, agency, dash
//	LAGOS, Nigeria (AP) — ...          place, region, agency, dash
//	LONDON — ...                       capitalized place, dash
//	AUSTIN, Texas, May 4, 2021 /PRNewswire/ -- ...  a wire's credit
//
// Without a date or an agency only an all-capitals place before a dash
// counts, so that prose such as "However, he said: ..." is left alone.
func parseDateline(p string) (datelineMatch, bool) {
	sepAt, sepEnd, dash := datelineSeparator(p)
	if sepAt <= 0 {
		return datelineMatch{}, false
	}
	head := strings.TrimSpace(p[:sepAt])
	rest := strings.TrimSpace(p[sepEnd:])
	if rest == "" {
		return datelineMatch{}, false
	}
	var dm datelineMatch
	if agency, before, ok := wireCredit(head); ok {
		// "SPRINGFIELD, Ill., May 4, 2021 /PRNewswire/ --": a press
		// release wire's credit between slashes.
		dm.Agency = agency
		head = before
	} else if strings.HasSuffix(head, ")") {
		open := strings.LastIndexByte(head, '(')
		if open < 0 {
			return datelineMatch{}, false
		}
		agency := strings.TrimSpace(head[open+1 : len(head)-1])
		if !isAgency(agency) && !looksLikeAgency(agency) {
			return datelineMatch{}, false
		}
		dm.Agency = agency
		head = strings.TrimSpace(head[:open])
	}
	// strings.Split(head, ","), into an array on the stack for a usual
	// head.
	var partsBuf [8]string
	parts := partsBuf[:0]
	for h := head; ; {
		i := strings.IndexByte(h, ',')
		if i < 0 {
			parts = append(parts, h)
			break
		}
		parts = append(parts, h[:i])
		h = h[i+1:]
	}
	if len(parts) >= 2 {
		last := strings.TrimSpace(parts[len(parts)-1])
		// "March 3, 2024" splits at its own comma: try the last two parts.
		// A date goes to the heap only once found.
		if len(parts) >= 3 {
			two := strings.TrimSpace(parts[len(parts)-2]) + "," + parts[len(parts)-1]
			if m, ok := dateAtStart(two); ok && m.End == len(two) {
				found := m
				dm.Date = &found
				parts = parts[:len(parts)-2]
			}
		}
		if dm.Date == nil {
			if m, ok := dateAtStart(last); ok && m.End == len(last) {
				found := m
				dm.Date = &found
				parts = parts[:len(parts)-1]
			}
		}
	}
	if len(parts) == 0 || len(parts) > 2 {
		return datelineMatch{}, false
	}
	place := strings.TrimSpace(strings.Join(parts, ","))
	if !looksLikePlace(place) {
		return datelineMatch{}, false
	}
	if dm.Date == nil && dm.Agency == "" && (!dash || !allCaps(parts[0])) {
		return datelineMatch{}, false
	}
	dm.Place = place
	dm.Rest = rest
	return dm, true
}

// wireCredit cuts a press release wire's credit, "/Business Wire/", off
// the end of a dateline's head.
func wireCredit(head string) (agency, before string, ok bool) {
	if !strings.HasSuffix(head, "/") {
		return "", "", false
	}
	open := strings.LastIndexByte(head[:len(head)-1], '/')
	if open < 0 {
		return "", "", false
	}
	agency = strings.TrimSpace(head[open+1 : len(head)-1])
	if !looksLikeAgency(agency) {
		return "", "", false
	}
	return agency, strings.TrimSpace(head[:open]), true
}

// datelineSeparator finds the colon or dash that ends a dateline.
func datelineSeparator(p string) (at, end int, dash bool) {
	limit := min(len(p), maxDatelineHead)
	for i := 0; i < limit; {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch r {
		case ':':
			// "14:05" is a time, not a separator.
			if i+1 < len(p) && p[i+1] >= '0' && p[i+1] <= '9' {
				break
			}
			return i, i + size, false
		case '—', '–':
			return i, i + size, true
		case '-':
			if i > 0 && p[i-1] == ' ' && i+1 < len(p) && (p[i+1] == ' ' || p[i+1] == '-') {
				j := i + 1
				for j < len(p) && p[j] == '-' {
					j++
				}
				return i, j, true
			}
		case '!', '?':
			// A sentence ended first. Periods do not stop the search:
			// dates ("Jan. 5") and places ("St. Louis") have them, and
			// the place check rejects a whole sentence as a place.
			return -1, -1, false
		}
		i += size
	}
	return -1, -1, false
}

// looksLikePlace accepts one or two comma-separated names of one to four
// capitalized words each, without digits.
func looksLikePlace(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 50 {
		return false
	}
	for part := range strings.SplitSeq(s, ",") {
		if n := fieldCount(part); n == 0 || n > 4 {
			return false
		}
		for w := range strings.FieldsSeq(part) {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) && !placeParticle(w) {
				return false
			}
			if strings.ContainsAny(w, "0123456789\"“”") {
				return false
			}
		}
	}
	return true
}

func placeParticle(w string) bool {
	switch w {
	case "de", "del", "la", "el", "of", "upon", "on", "am", "an", "der", "di", "da", "do", "dos", "es", "al":
		return true
	}
	return false
}

// looksLikeAgency accepts a short credit that is not in the known list:
// all capitals ("IANS") or one to three capitalized words ("Lusa",
// "Kyodo News").
func looksLikeAgency(s string) bool {
	if len(s) < 2 || len(s) > 30 || strings.ContainsAny(s, "0123456789,.;:") {
		return false
	}
	if fieldCount(s) > 3 {
		return false
	}
	for w := range strings.FieldsSeq(s) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// allCaps reports whether s has letters and no lower-case ones.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}
