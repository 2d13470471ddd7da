package article

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// maxCharsetScan is how far into an HTML page its <meta charset> is
// looked for. Browsers prescan 1024 bytes; a page saved from a web
// archive carries the archive's scripts before the page's own head.
const maxCharsetScan = 16 << 10

// decodeDeclared decodes an HTML page that is not UTF-8 from the
// encoding its <meta charset> or Content-Type declares ("gb2312",
// "shift_jis", "windows-1251"), and reports false when it declares none
// that is known, or the page is valid UTF-8 or opens with a byte order
// mark, whatever it declares.
// Windows-1252 and ISO-8859-1 are left to cleanInput, which reads stray
// bytes in UTF-8 text better than a declaration a template copied.
func decodeDeclared(data []byte) ([]byte, string, bool) {
	// A byte order mark says the encoding louder than a <meta>.
	if utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) ||
		bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, "", false
	}
	name := declaredCharset(data[:min(len(data), maxCharsetScan)])
	if name == "" {
		return nil, "", false
	}
	enc, err := htmlindex.Get(name)
	if err != nil || enc == unicode.UTF8 {
		return nil, "", false
	}
	if canon, _ := htmlindex.Name(enc); canon == "windows-1252" {
		return nil, "", false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", false
	}
	canon, _ := htmlindex.Name(enc)
	return out, fmt.Sprintf("decoded from %s, as the page declares", canon), true
}

// declaredCharset is the charset a <meta> in head declares, lower-cased,
// "" when none does.
func declaredCharset(head []byte) string {
	lower := bytes.ToLower(head)
	for off := 0; ; {
		i := bytes.Index(lower[off:], []byte("<meta"))
		if i < 0 {
			return ""
		}
		start := off + i
		end := bytes.IndexByte(lower[start:], '>')
		if end < 0 {
			return ""
		}
		tag := lower[start : start+end]
		off = start + end
		j := bytes.Index(tag, []byte("charset"))
		if j < 0 {
			continue
		}
		rest := bytes.TrimLeft(tag[j+len("charset"):], " \t\r\n")
		if len(rest) == 0 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n\"'")
		k := 0
		for k < len(rest) && (rest[k] == '-' || rest[k] == '_' || rest[k] == ':' || rest[k] == '.' ||
			rest[k] >= 'a' && rest[k] <= 'z' || rest[k] >= '0' && rest[k] <= '9') {
			k++
		}
		if k > 0 {
			return string(rest[:k])
		}
	}
}
