package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// headlineShapeRef is headlineShape as it was before its one pass: the
// characters counted first, then letters and digits, then words.
func headlineShapeRef(s string) bool {
	n := utf8.RuneCountInString(s)
	if n > maxTitleLen || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || strings.Contains(s, "@") {
		return false
	}
	letters, digits, cjk := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if cjkRune(r) {
				cjk++
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 0 || digits*2 > letters+digits {
		return false
	}
	w := wordCount(s)
	if cjk >= 6 {
		return w <= maxTitleWords
	}
	return w >= minTitleWords && w <= maxTitleWords
}

// headlineShape against its plain definition, on lines around every bound:
// characters, words, the digit share, CJK lines, invalid bytes.
func TestHeadlineShapeMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"Harbour", "vote", "2024", "7", "a", "É", "été", "東京", "の", "한국", "٣", "\xff", "\xc3", "@", "://",
		"www.", "—", "-", ",", ".", "ß", "ǅ", "Ⅻ", "½", "\u00a0"}
	seps := []string{" ", " ", " ", "  ", "\t", "\n", ""}
	for k := range 30000 {
		var b strings.Builder
		count := []int{r.IntN(4), r.IntN(40), 25 + r.IntN(10), 60 + r.IntN(200)}[k%4]
		for range count {
			b.WriteString(pieces[r.IntN(len(pieces))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		s := b.String()
		if got, want := headlineShape(s), headlineShapeRef(s); got != want {
			t.Fatalf("headlineShape(%q) = %v, want %v", s, got, want)
		}
	}
	// 25 words of nine characters and 24 spaces: 249 characters.
	long := strings.TrimSpace(strings.Repeat("xxxxxxxxx ", 25))
	longE := strings.TrimSpace(strings.Repeat("ééééééééé ", 25))
	for _, s := range []string{"", long, long + "y", long + "yy", longE, longE + "é", longE + "éé", strings.Repeat("a ", maxTitleLen/2), strings.Repeat("a ", maxTitleLen/2) + "b",
		strings.Repeat("é", maxTitleLen) + " x", strings.Repeat("é", maxTitleLen+1) + " x", strings.Repeat("東", 300)} {
		if got, want := headlineShape(s), headlineShapeRef(s); got != want {
			t.Errorf("headlineShape(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTitleShape(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Harbor ferry returns to service", true},
		{"The ferry is back. Passengers cheer", false},
		{"The ferry is back.", false},
		{"Wait for it...", true},
		{"Mayor: “We will rebuild the pier”", true},
		{"“$5 million a week goes into the old pier.”", false},
		{"\"The pier is safe.\"", false},
		{"“The pier is safe!”", true},
		{"“Wait for it...”", true},
		{"Latest news:", false},
		{"U.S. ferry rules change", true},
		{"渡轮今天恢复运营。", false},
		{"渡轮恢复运营。乘客欢呼", false},
		{"渡轮恢复运营！", true},
		{"渡轮恢复运营：乘客欢呼", true},
	} {
		if got := titleShape(tc.line); got != tc.want {
			t.Errorf("titleShape(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
