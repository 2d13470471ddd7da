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
		{name: "cp1252", in: "Caf\xE9 \x93quoted\x94 \x96 dash and words enough", want: "Café “quoted” – dash and words enough", warn: "Windows-1252 text"},
		{name: "latin-1 file with an accidental valid pair", in: "\xABL'\xC9T\xC9\xBB est arriv\xE9 \xE0 la plage, d\xE9j\xE0 chaude et pleine de mo\xEFnes", want: "«L'ÉTÉ» est arrivé à la plage, déjà chaude et pleine de moïnes", warn: "Windows-1252 text"},
		{name: "mostly utf8 with a stray byte", in: "It’s “fine” and it’s fine, really caf\xE9", want: "It’s “fine” and it’s fine, really café", warn: "1 decoded as Windows-1252"},
		{name: "one stray byte does not recode good accents", in: "La canción más antigua está aquí \x96 y allá", want: "La canción más antigua está aquí – y allá", warn: "1 decoded as Windows-1252"},
		{name: "a single good accent outweighs a lone byte", in: "Árbol \x93quoted\x94 text with plenty of plain words", want: "Árbol “quoted” text with plenty of plain words", warn: "2 decoded"},
		{name: "truncated sequence dropped", in: "Años de música y un corte \xE2\x80 aquí", want: "Años de música y un corte  aquí", warn: "2 dropped"},
		{name: "truncated sequence beside one accent", in: "Él dijo \xF0\x9F\x98 hola a todos los vecinos del barrio", want: "Él dijo  hola a todos los vecinos del barrio", warn: "3 dropped"},
		{name: "undefined byte in utf8 text dropped", in: "Zürich und Genf \x81 sind Städte", want: "Zürich und Genf  sind Städte", warn: "1 dropped"},
		{name: "undefined byte thin in ascii dropped", in: strings.Repeat("plain words on a line ", 10) + "\x8D end", want: strings.Repeat("plain words on a line ", 10) + " end", warn: "1 dropped"},
		{name: "double-encoded french", in: "L\u2019Ã©tÃ© Ã©tait chaud, trÃ¨s chaud", want: "L\u2019été était chaud, très chaud", warn: "repaired 4 double-encoded"},
		{name: "double-encoded quotes", in: "donâ€™t say â€œnoâ€\u009d", want: "don’t say “no”", warn: "double-encoded"},
		{name: "double-encoded cyrillic", in: "ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€", want: "Привет, мир", warn: "double-encoded"},
		{name: "double-encoded emoji", in: "nice ðŸ˜€ day", want: "nice 😀 day", warn: "double-encoded"},
		{name: "encoded three times", in: "cafÃƒÂ© au lait", want: "café au lait", warn: "double-encoded"},
		{name: "portuguese capitals kept", in: "ATENÇÃO: SÃO PAULO E CIDADÃO", want: "ATENÇÃO: SÃO PAULO E CIDADÃO", noWarned: true},
		{name: "capital before a closing quote kept", in: "«L\u2019ÉTÉ» et \u201cIRMÃ\u201d", want: "«L\u2019ÉTÉ» et \u201cIRMÃ\u201d", noWarned: true},
		{name: "lone â€ kept", in: "the bytes â€ and Ã alone", want: "the bytes â€ and Ã alone", noWarned: true},
		{name: "weak sequence repaired beside strong ones", in: "RepÃºblica, Ã©poca y PANAMÃ\u00a0 hoy", want: "República, época y PANAMà hoy", warn: "repaired 3"},
		{name: "no-break space turned space", in: "Ã©tÃ© Ã  Paris, Ã  Lyon, prixÂ : 3Â â‚¬", want: "été à Paris, à Lyon, prix\u00a0: 3\u00a0€", warn: "double-encoded"},
		{name: "capital before a space kept", in: "IRMÃ E ALEMÃ VENCEM", want: "IRMÃ E ALEMÃ VENCEM", noWarned: true},
		{name: "controls removed", in: "a\x01b\x7Fc\u0085d\uFFFDe\uFFFEf and more words to dilute them", want: "abcdef and more words to dilute them", warn: "removed 5"},
		{name: "nul inside text removed", in: "<p>" + strings.Repeat("A line of ordinary page text. ", 20) + "\x00</p>", want: "<p>" + strings.Repeat("A line of ordinary page text. ", 20) + "</p>", warn: "removed 1 NUL byte(s) from text (first at offset 603)"},
		{name: "form feed breaks the line", in: "page one\fpage two", want: "page one\npage two", warn: "removed 1"},
		{name: "vertical tab is a soft break", in: "one\vtwo", want: "one two", warn: "removed 1"},
		{name: "line separator", in: "one\u2028two", want: "one\ntwo", warn: "removed 1"},
		{name: "tab kept", in: "a\tb", want: "a\tb", noWarned: true},
		{name: "astral kept", in: "ok 😀", want: "ok 😀", noWarned: true},
		{name: "two boms", in: "\xEF\xBB\xBF\xEF\xBB\xBFHello", want: "Hello", noWarned: true},
		{name: "empty", in: "", wantErr: ErrEmpty},
		{name: "whitespace", in: " \n\t\r\n\u00A0\u3000", wantErr: ErrEmpty},
		{name: "bom only", in: "\xEF\xBB\xBF", wantErr: ErrEmpty},
		{name: "only removed chars", in: "\u0085\uFFFD", wantErr: ErrEmpty},
		{name: "nul in a short file", in: "abc\x00def", wantErr: ErrBinary},
		{name: "controls", in: "\x01\x02\x03\x04abcdefghijklmnop", wantErr: ErrBinary},
		{name: "png", in: "\x89PNG\r\n\x1a\n" + strings.Repeat("text-looking chunk ", 10), wantErr: ErrBinary},
		{name: "pdf", in: "%PDF-1.7\n" + strings.Repeat("plain looking object stream ", 10), wantErr: ErrBinary},
		{name: "gzip", in: "\x1F\x8B\x08" + strings.Repeat("x", 100), wantErr: ErrBinary},
		{name: "elf", in: "\x7FELF" + strings.Repeat("y", 100), wantErr: ErrBinary},
		{name: "zip", in: "PK\x03\x04" + strings.Repeat("z", 100), wantErr: ErrBinary},
		{name: "safari web archive", in: "bplist00\xd1\x01\x02_\x10\x0fWebMainResource", wantErr: ErrBinary},
		{name: "rtf", in: `{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} {\pard Harbour reopens\par}}`, wantErr: ErrFormat},
		{name: "rtf after a bom", in: "\xEF\xBB\xBF{\\rtf1\\ansi text}", wantErr: ErrFormat},
		{name: "postscript", in: "%!PS-Adobe-3.0\n%%Title: harbour\n", wantErr: ErrFormat},
		{name: "internet shortcut", in: "[InternetShortcut]\r\nURL=https://coast.example/news/ferry\r\n", wantErr: ErrFormat},
		{name: "script", in: "#!/bin/sh\necho hello\n", wantErr: ErrFormat},
		{name: "a brace and a hash are words", in: "{rtf} and #!hashbang talk, #1 story", want: "{rtf} and #!hashbang talk, #1 story", noWarned: true},
		{name: "bzh is a word", in: "BZh said the sign, and nothing more", want: "BZh said the sign, and nothing more", noWarned: true},
		{name: "undefined cp1252 byte", in: "abc\x81def", wantErr: ErrInvalidUTF8},
		{name: "mostly high bytes", in: "\xE9\xE8\xE0\xF9\xE9\xE8a", wantErr: ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, warns, err := cleanInput([]byte(tc.in), false)
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
	got, _, err := cleanInput(data, false)
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

// FuzzCleanInput checks the properties the encoding repair promises on
// any bytes: text it returns is valid UTF-8 and free of what XML forbids,
// cleaning it again changes nothing, and printable ASCII comes back as it
// went in.
func FuzzCleanInput(f *testing.F) {
	for _, seed := range []string{
		"plain ascii text\n",
		"caf\xE9 \x93quoted\x94",
		"Años de música \xE2\x80 aquí",
		"L’Ã©tÃ© Ã  Paris, donâ€™t â€œnoâ€\u009d",
		"cafÃƒÂ© ÐŸÑ€Ð¸ ðŸ˜€ prixÂ : 3Â â‚¬",
		"SÃO PAULO «ÉTÉ» IRMÃ E",
		"text with a NUL\x00 and \x01 controls and enough words to stay text",
		"\xEF\xBB\xBF\xEF\xBB\xBFbom",
		"\xFF\xFEh\x00i\x00",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, _, err := cleanInput(data, false)
		if err != nil {
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("output is not valid UTF-8: %q", out)
		}
		if !clean(out) {
			t.Fatalf("output holds characters normalizeChars drops: %q", out)
		}
		again, _, err := cleanInput([]byte(out), false)
		if err != nil {
			t.Fatalf("cleaning the output failed: %v (output %q)", err, out)
		}
		if again != out {
			t.Fatalf("not idempotent:\n first %q\nsecond %q", out, again)
		}
		printable := true
		for _, c := range data {
			if c >= 0x7F || c < 0x20 && c != '\n' && c != '\t' {
				printable = false
				break
			}
		}
		if printable && out != string(data) {
			t.Fatalf("printable ASCII changed: %q -> %q", data, out)
		}
	})
}

// BenchmarkCleanInput measures input hygiene alone on clean text, the
// fast path every ordinary file takes: ASCII, and accented Latin text
// (whose C3 bytes the mojibake check must look past).
func BenchmarkCleanInput(b *testing.B) {
	ascii := genText(1 << 20)
	accented := []byte(strings.Repeat("Él está aquí, en la península, según dijo el señor Müller: «Ça va très bien». ", 1<<20/84))
	for _, in := range []struct {
		name string
		data []byte
	}{{"ascii_1MB", ascii}, {"accented_1MB", accented}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				if _, _, err := cleanInput(in.data, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBinaryHints: a document a writer may take for an article is turned
// away with what to do instead.
func TestBinaryHints(t *testing.T) {
	for in, want := range map[string]string{
		"PK\x03\x04\x14\x00\x06\x00word/document.xml":               "save it as text, Markdown or HTML",
		"%PDF-1.7\n1 0 obj":                                         "not PDF",
		"bplist00\xd1\x01\x02_\x10\x0fWebMainResource":              "save the page as HTML",
		"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("x", 9): "save the document",
	} {
		_, _, err := cleanInput([]byte(in), false)
		if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), want) {
			t.Errorf("%.12q: %v, want ErrBinary saying %q", in, err, want)
		}
	}
}
