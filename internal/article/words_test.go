package article

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

var wordSamples = []string{
	"", " ", "Jane Roe", "  Jane\tRoe \n", "MONDAY", "Kyodo News", "İstanbul", "\u212Aelvin", "straße", "ÀÉÎ", "a\u00a0b",
	"x\u2003y", "\x01A\x08B\x00C", "\xff\xfeAB", strings.Repeat("Ab", 40), "Photo: AP", "1 / 8",
}

func TestFieldCount(t *testing.T) {
	for _, s := range wordSamples {
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("fieldCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFieldSpans(t *testing.T) {
	for _, s := range append(wordSamples, "\v\f\rA\x85B\u0085C\u00a0D\u2028E") {
		var words []string
		spans := fieldSpans(s, nil)
		for _, sp := range spans {
			words = append(words, s[sp.start:sp.end])
		}
		if want := strings.Fields(s); !slices.Equal(words, want) {
			t.Errorf("fields of %q: %q, want %q", s, words, want)
		}
		for n := range len(spans) + 1 {
			if got, want := joinFields(s, spans[:n]), strings.Join(strings.Fields(s)[:n], " "); got != want {
				t.Errorf("joinFields(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}

func TestLowerBytes(t *testing.T) {
	for _, s := range wordSamples {
		for _, n := range []int{0, 4, 32, 200} {
			buf := make([]byte, n)
			if got, want := string(lowerBytes(buf, s)), strings.ToLower(s); got != want {
				t.Errorf("lowerBytes(%d bytes, %q) = %q, want %q", n, s, got, want)
			}
		}
	}
}

// TestLowerBytesOutsideASCII holds lowerBytes to strings.ToLower on
// random words of letters that change their length when lowered, invalid
// bytes and a real U+FFFD, in buffers too short and long enough.
func TestLowerBytesOutsideASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"A", "z", "É", "é", "İ", "Ⱥ", "\u212a", "ẞ", "Σ", "’", "\xff", "\xc3", "\xe2\x80", "\ufffd", "ǅ", "日", " ", "."}
	for range 20000 {
		s := randomText(r, pieces, 12)
		for _, n := range []int{len(s), len(s) + 8, 32} {
			buf := make([]byte, n)
			if got, want := string(lowerBytes(buf, s)), strings.ToLower(s); got != want {
				t.Fatalf("lowerBytes(%d bytes, %q) = %q, want %q", n, s, got, want)
			}
		}
	}
	var buf [32]byte
	if n := testing.AllocsPerRun(100, func() {
		if string(lowerBytes(buf[:], "Émile’s")) != "émile’s" {
			t.Fatal("lowered wrong")
		}
	}); n != 0 {
		t.Errorf("lowerBytes of a short word outside ASCII allocates %v times", n)
	}
}

func TestWordHelpersDoNotAllocate(t *testing.T) {
	var buf [32]byte
	n := testing.AllocsPerRun(100, func() {
		if fieldCount("Kyodo News Agency") != 3 {
			t.Fatal("count")
		}
		switch string(lowerBytes(buf[:], "Monday")) {
		case "monday":
		default:
			t.Fatal("lower")
		}
		// Asked of every headline candidate, of the lines beside it and of
		// every word of a name.
		if !commentCount("New, 15 comments") || !commentPrompt("{ 38 comments… read them below }") || !clockOrYear("15:23 2019") || !shoutRun("NEW YORK DAILY NEWS") ||
			!followPrompt("Follow Jane Roe on Twitter") {
			t.Fatal("line shapes")
		}
	})
	if n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func TestCollapseSpaces(t *testing.T) {
	cases := append(wordSamples, "a  b", " a", "a ", "“Quoted” text, ½ and ©.", "a\u00a0b", "a\u0085b", "a\u3000b", "a\u205fb", "a\u2029b", "a\u200bb")
	// Spaces and other bytes at every place of the eight-byte words,
	// and across their edges.
	pieces := []string{"a", "b", "cd", "efghijk", " ", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\x01", "\x1f", "!", "!!", "\x7f", "é", "\u00a0", "\u3000", "\xff", "."}
	r := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		cases = append(cases, randomText(r, pieces, 24))
	}
	for _, s := range cases {
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}
