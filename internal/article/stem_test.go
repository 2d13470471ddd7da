package article

import (
	"math/rand/v2"
	"seedfeed/internal/longtest"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refStems is the plain statement of what nextStem computes: every stem of
// s in order, read rune by rune.
func refStems(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		if cjkRune(r) {
			j := i + size
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if j < len(s) && cjkRune(r2) {
				out = append(out, s[i:j+size2])
			}
			i = j
			continue
		}
		var word []rune
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) || cjkRune(r) {
				break
			}
			word = append(word, unicode.ToLower(r))
			j += size
		}
		i = j
		if len(word) < 4 {
			continue
		}
		head := word[:min(len(word), stemLen+1)]
		if len(word) <= stemLen+1 && head[len(head)-1] == 's' {
			head = head[:len(head)-1]
		}
		out = append(out, string(head[:min(len(head), stemLen)]))
	}
	return out
}

// refStemShare is stemShare with a map of stems and no early exit.
func refStemShare(lines, body []string) (hits, total []int) {
	hits, total = make([]int, len(lines)), make([]int, len(lines))
	inBody := map[string]bool{}
	size := 0
	for k, p := range body {
		if k >= vocabParagraphs || size >= vocabBytes {
			break
		}
		size += len(p)
		for _, st := range refStems(p) {
			inBody[st] = true
		}
	}
	for i, l := range lines {
		seen := map[string]bool{}
		for _, st := range refStems(l) {
			if seen[st] {
				continue
			}
			seen[st] = true
			total[i]++
			if inBody[st] {
				hits[i]++
			}
		}
	}
	return hits, total
}

func allStems(s string) []string {
	var out []string
	var buf stemBuf
	for i := 0; ; {
		st, next := nextStem(s, i, &buf)
		if st == nil {
			return out
		}
		if next <= i {
			panic("nextStem did not advance")
		}
		out = append(out, string(st))
		i = next
	}
}

// stemPieces are the fragments random test strings are made of: plain
// words around the four- to six-letter bounds, plurals, capitals, letters
// that are not ASCII at every position of a stem, letters whose lower
// case is ASCII (Kelvin sign, dotted capital I), CJK runs, digits and
// punctuation.
var stemPieces = []string{
	"harbour", "Harbours", "bass", "BASS", "cats", "tests", "tested", "news", "abcs", "abcdes",
	"café", "cafés", "Ærøskøbing", "naïve", "naïves", "façades", "résumés", "über", "Straße",
	"KELVINs", "\u212Aelvin", "İstanbul", "ſtraſs", "Москва", "москвы", "東京都庁", "ソウル", "서울시", "北",
	"é", "s", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "x1y", "don't", "e-mail",
	" ", " ", " ", ", ", ". ", "\n", "—", "“", "”", "7", "2026", "\uFFFD", "\xff", "\xe2\x82",
}

func TestNextStemMatchesReference(t *testing.T) {
	cases := []string{"", "Spread the love", "Harbour fees rise as ferries return", "bass cats tests", "abcdés", "abcdeés", "abcdefé", "Ærø", "東京", "東", "a東京b", "KELVIN \u212Aelvins"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		cases = append(cases, randomText(r, stemPieces, 30))
	}
	for _, s := range cases {
		if got, want := allStems(s), refStems(s); !slices.Equal(got, want) {
			t.Fatalf("stems of %q:\n got %q\nwant %q", s, got, want)
		}
	}
}

// checkStemShare compares stemShare's verdicts with the full counts of
// refStemShare, at the shares the parser uses and at random ones.
func checkStemShare(t *testing.T, r *rand.Rand, lines, body []string) {
	t.Helper()
	wantHits, wantTotal := refStemShare(lines, body)
	for _, share := range []float64{minTitleOverlap, 0.5, r.Float64(), 1} {
		heads, shares := stemShare(lines, body, share)
		for k := range lines {
			if want := headsBody(wantHits[k], wantTotal[k], share); heads[k] != want {
				t.Fatalf("share %v, line %q of %q, body %q: heads %v, want %v (%d of %d stems)", share, lines[k], lines, body, heads[k], want, wantHits[k], wantTotal[k])
			}
			if want := wantHits[k] > 0; shares[k] != want {
				t.Fatalf("share %v, line %q of %q, body %q: shares %v, want %v", share, lines[k], lines, body, shares[k], want)
			}
		}
	}
}

func TestStemShareMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range longtest.Scale(600, 3000) {
		lines := make([]string, r.IntN(6))
		for i := range lines {
			lines[i] = randomText(r, stemPieces, 30)
		}
		body := make([]string, r.IntN(25))
		for i := range body {
			body[i] = randomText(r, stemPieces, 30) + randomText(r, stemPieces, 30)
		}
		// Lines that repeat body text, so that hits are not all zero,
		// and lines made only of body words, so that the scan stops
		// early.
		if len(lines) > 0 && len(body) > 0 {
			lines[0] += " " + body[r.IntN(len(body))]
			if len(lines) > 1 {
				lines[1] = body[r.IntN(len(body))]
			}
		}
		checkStemShare(t, r, lines, body)
	}
}

func TestStemShareManyStems(t *testing.T) {
	// More stems than the set's first table holds, so that it grows,
	// and more lines than the counters kept on the stack.
	var line, body strings.Builder
	for i := range 500 {
		w := strings.Repeat(string(rune('a'+i%26)), 1) + strings.Repeat(string(rune('a'+i/26%26)), 3) + "x"
		line.WriteString(w + " ")
		if i%3 == 0 {
			body.WriteString(w + " ")
		}
	}
	lines := []string{line.String(), "nothing here"}
	_, total := refStemShare(lines, []string{body.String()})
	if total[0] < 100 {
		t.Fatalf("only %d stems", total[0])
	}
	for i := range 40 {
		lines = append(lines, strings.Fields(line.String())[i*7]+" harbour "+strings.Fields(line.String())[i*3])
	}
	checkStemShare(t, rand.New(rand.NewPCG(5, 6)), lines, []string{body.String()})
}

// asciiLetters agrees with a plain letter test on every byte value at
// every place of the word, whatever its neighbours are.
func TestAsciiLetters(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for b := range 256 {
		want := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
		for k := range 8 {
			for range 16 {
				x := r.Uint64()&^(0xFF<<(8*k)) | uint64(b)<<(8*k)
				if got := asciiLetters(x)>>(8*k+7)&1 == 1; got != want {
					t.Fatalf("byte %#x at %d of %#x: %v", b, k, x, got)
				}
			}
		}
	}
}
