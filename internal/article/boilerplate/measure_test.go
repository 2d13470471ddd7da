package boilerplate

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// measureRef is what measure computes, stated plainly: rune by rune, and
// every word lowercased and trimmed by lowerWord before its look-up.
func measureRef(s string, sw *stopWords) (feat, [numLangs]uint16) {
	var f feat
	var c [numLangs]uint16
	var cjkRunes int32
	prevEnd := false
	for i, r := range s {
		f.runes++
		switch r {
		case ',', ';', '，', '、':
			f.commas++
		case '|', '›', '»', '·', '•':
			if i > 0 {
				f.separator = true
			}
		}
		if IsCJK(r) {
			cjkRunes++
			if unicode.Is(unicode.Hiragana, r) {
				f.kana++
			}
		}
		if isSentenceEnd(r) {
			prevEnd = true
			continue
		}
		if prevEnd && (r == ' ' || r >= 0x3000) && i > 0 {
			f.sentences++
		}
		if !isClosing(r) {
			prevEnd = false
		}
	}
	var buf [maxWordBytes]byte
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' }) {
		f.words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			f.upperInit++
		} else if w[0] >= '0' && w[0] <= '9' {
			f.digits++
		}
		lw := lowerWord(&buf, w)
		if lw == nil {
			continue
		}
		f.lowered++
		if r, _ := utf8.DecodeRune(lw); unicode.Is(unicode.Hangul, r) {
			f.hangul++
		}
		if lw[len(lw)-1] >= utf8.RuneSelf && koreanParticleEnd(lw) {
			f.koStops++
		}
		for l := range numLangs {
			if sw.lookup(lw)&(1<<l) != 0 && c[l] < math.MaxUint16 {
				c[l]++
			}
		}
	}
	// The end-of-line flags are not what the fast word loop changed.
	f.finishLine(s, prevEnd, cjkRunes)
	f.url = strings.Contains(s, "://") || strings.Contains(s, "www.")
	return f, c
}

// measurePieces are what random lines are made of: function words of
// several languages in any case, long and short words, words of nine and
// more letters around the longest plain function word, digits, ASCII and
// other punctuation glued to words, scripts without spaces, invalid bytes.
var measurePieces = []string{
	"the", "The", "THE", "and", "themselves", "Yourselves", "ourselves", "whether", "because", "between",
	"don't", "it’s", "Don’t", "der", "und", "über", "für", "les", "été", "dans", "yang", "tersebut", "sebagai",
	"для", "что", "это", "그리고", "있다", "것이다", "は", "です", "日本", "council", "harbour", "Government",
	"residents", "a1b2", "2026", "12", "x", "internationalization", strings.Repeat("a", 47), strings.Repeat("b", 49),
	"www.example.org", "https://example.org/a", "www", "ww", "w", "//", "/", ".", "(the", "said,", "“we", "said.”", "—", "-", "•", "·", "|", "»",
	" ", " ", " ", " ", "\t", ". ", "! ", "? ", "… ", "。", "，", ",", ";", ":", "(", ")", "\"", "'", "\xff", "\xc3",
	"\u00a0", "İ", "\u212A",
}

func randomLine(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(40) {
		b.WriteString(measurePieces[r.IntN(len(measurePieces))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func checkMeasure(t *testing.T, sw *stopWords, s string) {
	t.Helper()
	var c [numLangs]uint16
	got := measure(s, sw, &c)
	want, wantC := measureRef(s, sw)
	if got != want || c != wantC {
		t.Fatalf("measure(%q):\n got %+v %v\nwant %+v %v", s, got, c, want, wantC)
	}
}

func TestMeasureMatchesReference(t *testing.T) {
	sw := stopWordSet()
	for _, s := range []string{"", " ", "a", "The", proseA, proseB, proseC, "Share this:", "• Home", "- item", "12 34", "日本語の文章です。これはテストです。", "이것은 기사입니다."} {
		checkMeasure(t, sw, s)
	}
	r := rand.New(rand.NewPCG(8, 9))
	for range 20000 {
		checkMeasure(t, sw, randomLine(r))
	}
}

// Every plain function word is found through its packed key, and no
// other plain word is.
// lookupLong finds the plain function words of more than eight bytes in
// any case, and no other word: lookup of the word lowercased is the
// definition.
func TestLookupLong(t *testing.T) {
	sw := stopWordSet()
	var words []string
	sw.words(func(w string, _ uint16) {
		if plainWord(w) && len(w) > 8 {
			words = append(words, w)
		}
	})
	if len(words) == 0 {
		t.Fatal("no plain function word of more than eight bytes")
	}
	for _, w := range words {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "s", w[:len(w)-1],
			w[:len(w)-1] + "x", "x" + w[1:], w[:8] + "1" + w[9:], w[:8] + strings.ToUpper(w[8:]), w[:8] + "Z" + w[9:]} {
			if len(v) <= 8 || !plainWord(v) {
				continue
			}
			if got, want := sw.lookupLong(v), sw.lookup([]byte(strings.ToLower(v))); got != want {
				t.Errorf("lookupLong(%q) = %b, want %b", v, got, want)
			}
		}
	}
	for _, v := range []string{"harbourside", "Residents", "123456789", "ourselvesX", "ourselve1", "OURSELVES"} {
		if got, want := sw.lookupLong(v), sw.lookup([]byte(strings.ToLower(v))); got != want {
			t.Errorf("lookupLong(%q) = %b, want %b", v, got, want)
		}
	}
}

func TestLookupPacked(t *testing.T) {
	sw := stopWordSet()
	n := 0
	sw.words(func(w string, langs uint16) {
		if !plainWord(w) || len(w) > 8 {
			return
		}
		n++
		up := strings.ToUpper(w)
		if got := sw.lookupPacked(packWord(up, 0, len(up))); got != langs {
			t.Errorf("lookupPacked(%q) = %b, want %b", up, got, langs)
		}
		// Packed from the middle of a line, with bytes after it.
		line := "x " + w + "s and more"
		if got := sw.lookupPacked(packWord(line, 2, len(w))); got != langs {
			t.Errorf("lookupPacked(%q in %q) = %b, want %b", w, line, got, langs)
		}
	})
	if n < 300 {
		t.Errorf("only %d packed words", n)
	}
	for _, w := range []string{"harbour", "thee", "th", "council", "a1", "2026", "zzzzzzzz"} {
		if got, want := sw.lookupPacked(packWord(w, 0, len(w))), sw.lookup([]byte(w)); got != want {
			t.Errorf("lookupPacked(%q) = %b, lookup %b", w, got, want)
		}
	}
}

// FuzzMeasure checks measure against measureRef on arbitrary lines.
func FuzzMeasure(f *testing.F) {
	f.Add(proseA)
	f.Add("Share this: Facebook | Twitter")
	f.Add("“We said,” (the) don't ourselves.”")
	f.Add("日本語の文章です。 이것은 기사입니다.")
	sw := stopWordSet()
	f.Fuzz(func(t *testing.T, s string) {
		checkMeasure(t, sw, s)
	})
}

// asciiAlnum8 agrees with asciiAlnum on every byte value at every place
// of the word, whatever its neighbours are.
func TestAsciiAlnum8(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for b := range 256 {
		for k := range 8 {
			for range 16 {
				x := r.Uint64()&^(0xFF<<(8*k)) | uint64(b)<<(8*k)
				got := asciiAlnum8(x)>>(8*k+7)&1 == 1
				if got != asciiAlnum(byte(b)) {
					t.Fatalf("byte %#x at %d of %#x: %v", b, k, x, got)
				}
			}
		}
	}
}
