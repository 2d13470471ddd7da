package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCaptionLen bounds a caption line; longer lines are prose even when
// they end in a credit.
const maxCaptionLen = 400

// maxCreditLine bounds a credit in bytes (a name or two and an agency).
const maxCreditLine = 130

// parseCaption recognizes an image caption with its credit:
//
//	China FM addresses the press (image credit X China MFA)
//	Protesters gather in the square. (Photo: Jane Roe/AP)
//	He spoke on Monday.Credit...Doug Mills/The New York Times
//	Above: A coworking space in San Francisco.
//	Image Credit: WeWork                    (credit only)
//	File photo
//
// A caption must carry a credit marker or a caption lead-in; ordinary
// sentences never match.
func parseCaption(line string) (Image, bool) {
	if len(line) > maxCaptionLen || len(line) < 4 {
		return Image{}, false
	}
	if len(line) <= 40 {
		var buf [40]byte
		switch string(lowerBytes(buf[:], strings.Trim(line, " .()[]"))) {
		case "file photo", "file image", "representational image", "representative image", "image for representation",
			"symbolic image", "symbolbild", "foto de arquivo", "foto d'archivio":
			return Image{Caption: strings.Trim(line, " ()[]")}, true
		}
	}
	// Trailing parenthetical or bracketed credit.
	if closer := line[len(line)-1]; closer == ')' || closer == ']' {
		opener := byte('(')
		if closer == ']' {
			opener = '['
		}
		if open := strings.LastIndexByte(line, opener); open >= 0 {
			inner := strings.TrimSpace(line[open+1 : len(line)-1])
			if credit, ok := creditText(inner); ok {
				return Image{Caption: trimCaption(line[:open]), Credit: credit}, true
			}
		}
	}
	// Gallery counters ("Image 1 of 8") are captions without a picture's
	// words.
	if galleryCounter(line) {
		return Image{}, true
	}
	// NYT-style "Credit..." glued to the caption. Few lines hold an
	// ellipsis at all, which a scan for a rare byte tells.
	if strings.Contains(line, "...") || strings.Contains(line, "…") {
		for _, marker := range [...]string{"Credit...", "Credit…", "CREDIT..."} {
			if i := strings.Index(line, marker); i >= 0 {
				credit := strings.TrimSpace(line[i+len(marker):])
				if credit != "" && utf8.RuneCountInString(credit) <= 120 {
					return Image{Caption: trimCaption(line[:i]), Credit: credit}, true
				}
			}
		}
	}
	glued, separated := tailMarks(line)
	// A credit glued to the caption's last sentence by a scrape that
	// dropped the space: "... isn't easy.Kathrin Ziegler/Getty".
	if glued {
		if img, ok := gluedCredit(line); ok {
			return img, true
		}
	}
	// A credit after the caption's last sentence or a bar:
	// "... in 2019. Photo: Reuters", "... | Photo Credit: AFP".
	// The credit is short, so only the end of the line is searched, in
	// one backward pass over the separators.
	for i := len(line) - 2; separated && i > 0 && i >= len(line)-maxCreditLine-4; i-- {
		if c := line[i]; c != ' ' && c != '.' {
			continue
		}
		if n := creditSeparator(line, i); n > 0 && creditLabelStart(line, i+n) {
			if credit, ok := labelledCredit(line[i+n:], false); ok {
				capt := line[:i]
				if line[i] == '.' {
					capt += "."
				}
				return Image{Caption: trimCaption(capt), Credit: credit}, true
			}
		}
	}
	// A whole line of credit: "Image Credit: WeWork", "Photo by X on Unsplash".
	if len(line) <= maxCreditLine {
		if credit, ok := labelledCredit(line, true); ok {
			return Image{Credit: credit}, true
		}
	}
	// Caption lead-ins that name the picture's position.
	for _, lead := range []string{"Above:", "Pictured:", "Top:", "Below:", "Left:", "Right:", "Photo above:", "In the photo:", "Caption:"} {
		if strings.HasPrefix(line, lead) && len(line) > len(lead)+3 {
			return Image{Caption: strings.TrimSpace(line[len(lead):])}, true
		}
	}
	// Position markers belong to captions: "Jane Roe (left) and ...".
	if strings.IndexByte(line, '(') < 0 {
		return Image{}, false
	}
	for _, m := range []string{"(left)", "(right)", "(center)", "(centre)", "(l)", "(r)", "(l-r)", "(from left)", "(pictured)"} {
		if containsFold(line, m) {
			return Image{Caption: line}, true
		}
	}
	return Image{}, false
}

// tailMarks tells, in one pass over the end of a line, whether it holds
// what a glued credit starts at (a sentence end or a lower-case letter
// directly before a capital) and what a separated credit starts at (a
// separator before a letter a credit label starts with). Prose holds
// few of either, and is then spared both searches. Eight positions at a
// time are passed over when none can be either: a mark counts only at a
// full stop or before a capital, a byte above ASCII, '|' or '-'.
func tailMarks(line string) (glued, separated bool) {
	i := max(1, len(line)-maxCreditLine-4)
	for i <= len(line)-2 {
		if i+9 <= len(line) && tailLoud(load64(line, i), load64(line, i+1)) == 0 {
			i += 8
			continue
		}
		c, next := line[i], line[i+1]
		switch {
		case c >= 'a' && c <= 'z':
			glued = glued || next >= 'A' && next <= 'Z'
		case c == ' ':
			if !separated && (next == '|' || next == '-' || next == 0xE2 || quotedEnd(line[:i])) {
				n := creditSeparator(line, i)
				separated = n > 0 && creditLabelStart(line, i+n)
			}
		case c == '.':
			if !separated && next == ' ' {
				separated = creditLabelStart(line, i+2)
			}
			glued = glued || next >= 'A' && next <= 'Z' || next >= utf8.RuneSelf
		case c == ')' || c == '!' || c == '?':
			glued = glued || next >= 'A' && next <= 'Z' || next >= utf8.RuneSelf
		}
		if glued && separated {
			break
		}
		i++
	}
	return glued, separated
}

// tailLoud has the high bit set in every byte of x whose position may
// mark a credit, x the bytes at eight positions and y the bytes after
// them: a full stop in x, or a capital, a byte above ASCII, '|' or '-' in
// y. On the low seven bits of a byte, adding 0x7F sets the high bit unless
// the byte is zero, and the range test for capitals carries into no other
// byte; a byte above ASCII may pass a test by its low bits, which only
// costs a closer look.
func tailLoud(x, y uint64) uint64 {
	const bytes7F = 0x7F * bytes01
	tx, ty := x&bytes7F, y&bytes7F
	upper := (ty + bytes01*(0x80-'A')) &^ (ty + bytes01*(0x80-'Z'-1))
	bar, dash, stop := ty^bytes01*'|'+bytes7F, ty^bytes01*'-'+bytes7F, tx^bytes01*'.'+bytes7F
	return (y | upper | ^(bar & dash & stop)) & bytes80
}

// creditSeparator returns the length of the separator before a credit
// that starts at line[i] (" | ", ". ", " - ", " — "), or 0. Every
// caption tries it at each byte of its end, so it reads bytes directly.
func creditSeparator(line string, i int) int {
	rest := line[i:]
	switch {
	case len(rest) < 2:
		return 0
	case rest[0] == '.':
		if rest[1] == ' ' {
			return 2
		}
	case rest[0] == ' ' && len(rest) >= 3:
		if (rest[1] == '|' || rest[1] == '-') && rest[2] == ' ' {
			return 3
		}
		if rest[1] == 0xE2 && strings.HasPrefix(rest, " — ") {
			return len(" — ")
		}
	}
	if rest[0] == ' ' && quotedEnd(line[:i]) {
		return 1
	}
	return 0
}

// quotedEnd reports whether s ends with a quoted sentence's end: "…
// movement.’", "… safe!”". A caption that quotes the article does.
func quotedEnd(s string) bool {
	q, size := utf8.DecodeLastRuneInString(s)
	switch q {
	case '’', '”', '"', '»', '\'':
	default:
		return false
	}
	end, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	return end == '.' || end == '!' || end == '?'
}

// creditLabelStart reports whether a credit label could start at line[i]
// after spaces: every label of labelledCredit starts with one of these
// letters.
func creditLabelStart(line string, i int) bool {
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i == len(line) {
		return false
	}
	switch line[i] | 0x20 {
	case 'i', 'p', 'c', 'f', 'b', 'g':
		return true
	}
	return false
}

// creditText reads the inside of a parenthetical credit: "image credit X",
// "Photo: X", "photo by X", "AP Photo/Jane Roe", "File photo", "courtesy X".
func creditText(inner string) (string, bool) {
	if c, ok := labelledCredit(inner, true); ok {
		return c, true
	}
	if isAgency(inner) {
		return inner, true
	}
	// "NASA/JPL/Space Science Institute": photographer and agency.
	if strings.Contains(inner, "/") && !strings.Contains(inner, "://") && fieldCount(inner) <= 8 && !strings.ContainsAny(inner, ".,;") {
		return inner, true
	}
	// A bare domain: "(onmeth.com)".
	if !strings.ContainsAny(inner, " /") && strings.Contains(inner, ".") && len(inner) <= 40 {
		if dot := strings.LastIndexByte(inner, '.'); dot > 0 && dot < len(inner)-2 && allLetters(inner[dot+1:]) {
			return inner, true
		}
	}
	var buf [maxCaptionLen]byte
	lower := lowerBytes(buf[:], inner)
	switch string(lower) {
	case "file photo", "file image", "representational image", "representative image", "file", "photo", "image":
		return inner, true
	}
	for _, p := range []string{"ap photo/", "ap photo", "reuters/", "afp photo", "afp via getty images", "getty images", "shutterstock", "istock"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return inner, true
		}
	}
	return "", false
}

// labelledCredit reads "Photo: X", "Image credit: X", "Photo by X",
// "Credit: X", "Courtesy of X", "Foto: X", "Фото: X". The credit is
// short: a name or an agency, not a sentence. Labels that also start
// ordinary sentences ("Courtesy of the council, ...") count only when
// whole, that is when the text stands alone on its line or in
// parentheses.
func labelledCredit(s string, whole bool) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] < utf8.RuneSelf && !strings.ContainsRune("iIpPcCfFbBgGzZkK", rune(s[0])) {
		return "", false // no label starts otherwise
	}
	labels := [...]string{
		"image credit:", "image credit", "image courtesy of", "image courtesy", "image source:", "image:", "image by",
		"photo credit:", "photo credit", "photo courtesy of", "photo courtesy", "photograph:", "photograph by",
		"photo:", "photo by", "photos:", "photo/", "picture:", "picture by", "pic:", "pic credit:", "credit:", "credits:",
		"foto:", "fotos:", "bild:", "crédit photo:", "crédito:", "file photo:", "file:",
		"fotó:", "fotografía:", "fotografia:", "zdjęcie:", "kuva:", "фото:", "фото/",
		// Only when whole:
		"courtesy of", "courtesy:", "courtesy", "illustration:", "illustration by", "graphic:",
	}
	const partLabels = len(labels) - 6
	for k, p := range labels {
		if k >= partLabels && !whole {
			break
		}
		if mayPrefixFold(s, p) && hasPrefixFold(s, p) {
			credit := strings.TrimSpace(strings.TrimLeft(s[len(p):], " :-–—"))
			credit = strings.TrimSuffix(credit, " on Unsplash")
			if credit == "" || utf8.RuneCountInString(credit) > 100 || fieldCount(credit) > 12 {
				return "", false
			}
			if strings.HasSuffix(credit, ".") && strings.Count(credit, " ") > 6 {
				return "", false // a sentence, not a credit
			}
			return credit, true
		}
	}
	return "", false
}

func trimCaption(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), " |-–—:")
}

// gluedCredit splits "caption.Credit Name/Agency" where the credit is
// marked as one: a slash between names, a known agency or picture
// library, or a credit label.
func gluedCredit(line string) (Image, bool) {
	for i := len(line) - 2; i > 0 && i >= len(line)-maxCreditLine; i-- {
		c := line[i]
		if c >= 'a' && c <= 'z' && line[i+1] >= 'A' && line[i+1] <= 'Z' {
			// A credit label glued to the caption's last word by a
			// scrape that joined two elements: "... a rabbitCredit:
			// Getty". Only a label counts: names glue the same way
			// ("McKinley").
			if credit, ok := labelledCredit(line[i+1:], false); ok && strings.ContainsRune(line[i+1:min(len(line), i+16)], ':') {
				return Image{Caption: trimCaption(line[:i+1]), Credit: credit}, true
			}
			continue
		}
		if c != '.' && c != ')' && c != '!' && c != '?' {
			continue
		}
		// Prose puts a space after a sentence end; only a glued capital
		// is worth decoding.
		if nb := line[i+1]; nb < utf8.RuneSelf && (nb < 'A' || nb > 'Z') {
			continue
		}
		next, _ := utf8.DecodeRuneInString(line[i+1:])
		if !unicode.IsUpper(next) {
			continue
		}
		// "U.S." and "St.Louis": the part before must be a word of
		// more than one letter.
		r1, n1 := utf8.DecodeLastRuneInString(line[:i])
		r2, _ := utf8.DecodeLastRuneInString(line[:i-n1])
		if c == '.' && (!unicode.IsLetter(r1) || !unicode.IsLetter(r2)) {
			return Image{}, false
		}
		// Only the last glued sentence end can start a credit.
		tail := line[i+1:]
		if fieldCount(tail) > 8 || utf8.RuneCountInString(tail) > 80 {
			return Image{}, false
		}
		credit := ""
		switch {
		case isAgency(tail) || strings.Contains(tail, "/"):
			credit = tail
		default:
			if c, ok := labelledCredit(tail, false); ok {
				credit = c
			} else if libraryCredit(tail) {
				credit = tail
			}
		}
		if credit == "" {
			return Image{}, false
		}
		return Image{Caption: trimCaption(line[:i+1]), Credit: credit}, true
	}
	return Image{}, false
}

// libraryCredit reports whether s names a picture agency or library.
func libraryCredit(s string) bool {
	var buf [maxCaptionLen]byte
	lower := lowerBytes(buf[:], s)
	for _, w := range []string{"getty", "shutterstock", "istock", "alamy", "unsplash", "pexels", "wikimedia", "ap photo", "afp", "reuters", "epa"} {
		if bytes.Contains(lower, []byte(w)) {
			return true
		}
	}
	return false
}

// galleryCounter matches "Image 1 of 8", "Photo 3 of 12", "1 / 8".
func galleryCounter(s string) bool {
	if len(s) > 24 {
		return false
	}
	// The words of strings.ToLower(s) are those of s, each lowercased.
	var spanBuf [12]span
	f := fieldSpans(s, spanBuf[:0])
	var buf [24]byte
	is := func(k int, w string) bool { return string(lowerBytes(buf[:], s[f[k].start:f[k].end])) == w }
	isNum := func(k int) bool { return allDigits(s[f[k].start:f[k].end]) }
	switch len(f) {
	case 3:
		return isNum(0) && (is(1, "/") || is(1, "of")) && isNum(2)
	case 4:
		switch string(lowerBytes(buf[:], s[f[0].start:f[0].end])) {
		case "image", "photo", "picture", "slide", "foto", "bild":
			return isNum(1) && (is(2, "of") || is(2, "/") || is(2, "de") || is(2, "von")) && isNum(3)
		}
	}
	return false
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// containsFold reports whether s contains the lower-case ASCII sub in any
// letter case, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
