package article

import (
	"bytes"
	"fmt"
	"slices"

	"golang.org/x/text/encoding/htmlindex"
)

// maxCharsetScan is how far into an HTML page its <meta charset> is
// looked for. Browsers prescan 1024 bytes; a page saved from a web
// archive carries the archive's scripts before the page's own head.
const maxCharsetScan = 16 << 10

// decodeDeclared decodes an HTML page that is not UTF-8 from the
// encoding its <meta charset> or Content-Type declares ("gb2312",
// "shift_jis", "windows-1251"), and reports false when it declares none
// that is known. Windows-1252 and ISO-8859-1 are left to decodeLegacy,
// which reads stray bytes in UTF-8 text better than a declaration a
// template copied.
func decodeDeclared(data []byte) (string, string, bool) {
	name := declaredCharset(data[:min(len(data), maxCharsetScan)])
	if name == "" {
		return "", "", false
	}
	out, canon, ok := decodeCharset(data, name, "windows-1252")
	if !ok {
		return "", "", false
	}
	return string(out), fmt.Sprintf("decoded from %s, as the page declares", canon), true
}

// decodeCharset decodes data from the encoding label names ("gb2312",
// "ISO-8859-1"), and reports false when the label is unknown, names
// UTF-8 or one of skip, or the bytes do not decode. canon is the
// encoding's WHATWG name.
func decodeCharset(data []byte, label string, skip ...string) (out []byte, canon string, ok bool) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", false
	}
	canon, _ = htmlindex.Name(enc)
	if canon == "utf-8" || slices.Contains(skip, canon) {
		return nil, canon, false
	}
	out, err = enc.NewDecoder().Bytes(data)
	return out, canon, err == nil
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
