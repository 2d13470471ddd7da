package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mojibake is UTF-8 text that some tool read as Windows-1252 (or Latin-1)
// and wrote back as UTF-8: "é" (C3 A9) comes out as "Ã©", "’" (E2 80 99)
// as "â€™". Each such sequence is a character from U+00C2 to U+00F4, the
// reading of a UTF-8 lead byte, followed by one to three characters that
// read back to continuation bytes (0x80 to 0xBF). Every lead character is
// written C3 xx in UTF-8, which is what makes the check for clean text
// cheap.
//
// The repair follows the idea of ftfy, not its code: undo a sequence only
// when the text it gives is more plausible than the sequence. A letter
// followed at once by a symbol such as "©", "¤" or "€™" is almost never
// what someone wrote, so those sequences count as strong evidence. An
// uppercase letter followed by a closing quote, a dash or an ellipsis
// ("SÃO”", "CAFÉ»") is ordinary text in Portuguese or French, so such
// sequences are repaired only in a file that strong evidence shows to be
// double-encoded, and never on their own.

// mayBeMojibake reports whether data, valid UTF-8, holds a possible
// mojibake sequence: a lead character followed by a character that reads
// back to a continuation byte. Text in most languages has none, and
// accented text passes with one look at each C3 byte.
func mayBeMojibake(data []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], 0xC3)
		if j < 0 {
			return false
		}
		i += j
		if i+2 < len(data) && data[i+1] >= 0x82 && data[i+1] <= 0xB4 {
			r, _ := utf8.DecodeRune(data[i+2:])
			if b, ok := cp1252Byte(r); ok && b >= 0x80 && b <= 0xBF {
				return true
			}
		}
		i++
	}
}

// cp1252Byte is the byte Windows-1252 writes r as. The C1 controls map to
// their own byte, as Latin-1 reads them, since mojibake made through
// Latin-1 holds them where Windows-1252 has punctuation or no character.
func cp1252Byte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	switch r {
	case '€':
		return 0x80, true
	case '‚':
		return 0x82, true
	case 'ƒ':
		return 0x83, true
	case '„':
		return 0x84, true
	case '…':
		return 0x85, true
	case '†':
		return 0x86, true
	case '‡':
		return 0x87, true
	case 'ˆ':
		return 0x88, true
	case '‰':
		return 0x89, true
	case 'Š':
		return 0x8A, true
	case '‹':
		return 0x8B, true
	case 'Œ':
		return 0x8C, true
	case 'Ž':
		return 0x8E, true
	case '‘':
		return 0x91, true
	case '’':
		return 0x92, true
	case '“':
		return 0x93, true
	case '”':
		return 0x94, true
	case '•':
		return 0x95, true
	case '–':
		return 0x96, true
	case '—':
		return 0x97, true
	case '˜':
		return 0x98, true
	case '™':
		return 0x99, true
	case 'š':
		return 0x9A, true
	case '›':
		return 0x9B, true
	case 'œ':
		return 0x9C, true
	case 'ž':
		return 0x9E, true
	case 'Ÿ':
		return 0x9F, true
	}
	return 0, false
}

// mojibakeSeq is one sequence that reads back to a UTF-8 character: s[start:end]
// becomes r.
type mojibakeSeq struct {
	start, end int
	r          rune
	strong     bool
}

// repairMojibake undoes double encoding in s, valid UTF-8, pass after pass
// (text encoded twice over needs two), and returns how many characters it
// repaired. Each pass shortens s, so the loop ends, and at its end s is a
// text the repair leaves alone.
func repairMojibake(s string) (string, int) {
	total := 0
	for {
		out, n := repairPass(s)
		if n == 0 {
			break
		}
		s, total = out, total+n
	}
	return s, total
}

// repairPass finds every mojibake sequence in s and repairs them all when
// there are strong ones and the weak ones are no more than twice as many,
// or none: in a double-encoded text of any language the strong ones
// abound, while in a clean one even an accidental strong sequence stands
// beside the weak ones its language writes.
func repairPass(s string) (string, int) {
	var seqs []mojibakeSeq
	strong := 0
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xC3)
		if j < 0 {
			break
		}
		i += j
		if m, ok := mojibakeAt(s, i); ok {
			seqs = append(seqs, m)
			if m.strong {
				strong++
			}
			i = m.end
			continue
		}
		i++
	}
	if strong == 0 || strong*3 < len(seqs) {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, m := range seqs {
		b.WriteString(s[last:m.start])
		b.WriteRune(m.r)
		last = m.end
	}
	b.WriteString(s[last:])
	return b.String(), len(seqs)
}

// mojibakeAt reads the mojibake sequence starting at s[i], a C3 byte, if
// there is one whose repair is a character people write.
func mojibakeAt(s string, i int) (mojibakeSeq, bool) {
	lead, size := utf8.DecodeRuneInString(s[i:])
	var need int
	switch {
	case lead >= 0xC2 && lead <= 0xDF:
		need = 1
	case lead >= 0xE0 && lead <= 0xEF:
		need = 2
	case lead >= 0xF0 && lead <= 0xF4:
		need = 3
	default:
		return mojibakeSeq{}, false
	}
	j := i + size
	if (lead == 'Â' || lead == 'Ã') && j < len(s) && s[j] == ' ' {
		return spaceMojibake(s, i, j, lead), true
	}
	var buf [4]byte
	buf[0] = byte(lead)
	// A sequence is strong evidence unless it is an uppercase letter
	// followed by punctuation that may end a word; "Â" is no such letter,
	// since no language ends words with it before such punctuation.
	strong := lead == 'Â'
	allWordEnd := true
	for k := 1; k <= need; k++ {
		r, sz := utf8.DecodeRuneInString(s[j:])
		b, ok := cp1252Byte(r)
		if !ok || b < 0x80 || b > 0xBF {
			return mojibakeSeq{}, false
		}
		if r < 0xA0 {
			strong = true // a C1 control: never in text people write
		}
		if !wordEndPunct(r) {
			allWordEnd = false
		}
		buf[k] = b
		j += sz
	}
	r, n := utf8.DecodeRune(buf[:need+1])
	if r == utf8.RuneError || n != need+1 || !plausibleRune(r) {
		return mojibakeSeq{}, false
	}
	if !allWordEnd {
		strong = true
	}
	return mojibakeSeq{start: i, end: j, r: r, strong: strong}, true
}

// spaceMojibake reads "Â " and "Ã " as mojibake whose no-break space
// (byte A0) some later tool made an ordinary space: "Â" then a no-break
// space, and "à". Such a sequence is weak evidence, repaired only beside
// strong ones. The space after "Ã" stays unless another follows it, since
// the tool may have merged the no-break space with the space after "à".
func spaceMojibake(s string, i, j int, lead rune) mojibakeSeq {
	if lead == 'Â' {
		return mojibakeSeq{start: i, end: j + 1, r: '\u00A0'}
	}
	if j+1 < len(s) && s[j+1] == ' ' {
		j++
	}
	return mojibakeSeq{start: i, end: j, r: 'à'}
}

// wordEndPunct reports whether r may follow a letter directly in ordinary
// text: closing quotes, dashes, an ellipsis, a no-break space, trademark
// signs.
func wordEndPunct(r rune) bool {
	switch r {
	case '’', '”', '»', '›', '…', '\u00A0', '–', '—', '™', '®':
		return true
	}
	return false
}

// plausibleRune reports whether r is a character a repair may produce:
// graphic (letters, marks, numbers, punctuation, symbols, spaces) and
// allowed in XML.
func plausibleRune(r rune) bool {
	return xmlRune(r) && r != '\u2028' && r != '\u2029' && (unicode.IsGraphic(r) || unicode.IsMark(r))
}
