package article

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanInput(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		warn     string // substring of a warning, "" for none
		wantErr  error
		noWarned bool
	}{
		{name: "plain", in: "Hello.\n", want: "Hello.\n", noWarned: true},
		{name: "bom", in: "\xEF\xBB\xBFHello", want: "Hello", noWarned: true},
		{name: "crlf and cr", in: "a\r\nb\rc\r", want: "a\nb\nc\n", noWarned: true},
		{name: "utf16le bom", in: "\xFF\xFEH\x00i\x00\r\x00\n\x00", want: "Hi\n", warn: "UTF-16"},
		{name: "utf16be bom", in: "\xFE\xFF\x00H\x00i", want: "Hi", warn: "UTF-16"},
		{name: "cp1252", in: "Caf\xE9 \x93quoted\x94 \x96 dash and words enough", want: "Café “quoted” – dash and words enough", warn: "Windows-1252"},
		{name: "mostly utf8 with a stray byte", in: "It’s “fine” and it’s fine, really caf\xE9", want: "It’s “fine” and it’s fine, really café", warn: "stray"},
		{name: "controls removed", in: "a\x01b\x7Fc\u0085d\uFFFDe\uFFFEf and more words to dilute them", want: "abcdef and more words to dilute them", warn: "removed 5"},
		{name: "form feed breaks the line", in: "page one\fpage two", want: "page one\npage two", warn: "removed 1"},
		{name: "vertical tab is a soft break", in: "one\vtwo", want: "one two", warn: "removed 1"},
		{name: "line separator", in: "one\u2028two", want: "one\ntwo", warn: "removed 1"},
		{name: "tab kept", in: "a\tb", want: "a\tb", noWarned: true},
		{name: "astral kept", in: "ok 😀", want: "ok 😀", noWarned: true},
		{name: "empty", in: "", wantErr: ErrEmpty},
		{name: "whitespace", in: " \n\t\r\n\u00A0\u3000", wantErr: ErrEmpty},
		{name: "bom only", in: "\xEF\xBB\xBF", wantErr: ErrEmpty},
		{name: "only removed chars", in: "\u0085\uFFFD", wantErr: ErrEmpty},
		{name: "nul", in: "abc\x00def", wantErr: ErrBinary},
		{name: "controls", in: "\x01\x02\x03\x04abcdefghijklmnop", wantErr: ErrBinary},
		{name: "undefined cp1252 byte", in: "abc\x81def", wantErr: ErrInvalidUTF8},
		{name: "mostly high bytes", in: "\xE9\xE8\xE0\xF9\xE9\xE8a", wantErr: ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, warns, err := cleanInput([]byte(tc.in))
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			joined := strings.Join(warns, "|")
			if tc.noWarned && len(warns) > 0 {
				t.Errorf("unexpected warnings %q", joined)
			}
			if tc.warn != "" && !strings.Contains(joined, tc.warn) {
				t.Errorf("warnings %q lack %q", joined, tc.warn)
			}
		})
	}
}

func TestCleanInputLinear(t *testing.T) {
	// A quadratic step anywhere would make this take minutes.
	line := "Some words on a line, and a \r\n"
	data := []byte(strings.Repeat(line, 200000) + "\x01")
	got, _, err := cleanInput(data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "\r") || strings.Contains(got, "\x01") {
		t.Error("CR or control character left")
	}
}

// TestPlainText checks the sixteen- and eight-bytes-at-a-time tests
// against the plain definition, for every byte value and rune class at
// every offset of both halves of a step, since a wrong mask would only
// miss bytes at some positions.
func TestPlainText(t *testing.T) {
	ref := func(b []byte) bool { return utf8.Valid(b) && clean(string(b)) }
	base := []byte("The quick brown fox jumps over")
	var inserts []string
	for c := range 256 {
		inserts = append(inserts, string([]byte{byte(c)}))
	}
	inserts = append(inserts, "é", "–", "\u2028", "\u2029", "\uFFFD", "\uFFFE", "\u0085", "😀", "\xED\xA0\x80", "\xC3")
	for _, ins := range inserts {
		for at := 0; at <= 17; at++ {
			b := append(append(append([]byte{}, base[:at]...), ins...), base[at:]...)
			if got, want := plainText(b), ref(b); got != want {
				t.Errorf("plainText(%q) = %v, want %v", b, got, want)
			}
			// After a byte the word test flags but that passes (a
			// line feed, a tab, a letter outside ASCII), the bytes up
			// to sixteen on are tested again.
			for _, first := range []string{"\n", "\t", "é"} {
				for d := 0; d <= 17 && at+d <= len(base); d++ {
					b := append(append(append(append(append([]byte{}, base[:at]...), first...), base[at:at+d]...), ins...), base[at+d:]...)
					if got, want := plainText(b), ref(b); got != want {
						t.Errorf("plainText(%q) = %v, want %v", b, got, want)
					}
				}
			}
		}
	}
}
