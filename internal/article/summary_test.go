package article

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// summarizeRef is summarize as it was before its ASCII path: every
// character decoded, the rune count taken first.
func summarizeRef(p string) string {
	p = collapseSpaces(p)
	if len(p) <= summaryTarget || utf8.RuneCountInString(p) <= summaryTarget {
		return p
	}
	best, bestDist := -1, 1<<30
	chars := 0
	for i, r := range p {
		chars++
		if chars > summaryMax {
			break
		}
		if !sentenceEnd(p, i, r) {
			continue
		}
		end := skipClosers(p, i+utf8.RuneLen(r))
		if chars < summaryMin {
			continue
		}
		d := chars - summaryTarget
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = end, d
		}
	}
	if best > 0 {
		return strings.TrimSpace(p[:best])
	}
	cut, n, hard := 0, 0, len(p)
	for i, r := range p {
		if n == summaryTarget-1 {
			hard = i
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = hard
	}
	return strings.TrimRightFunc(p[:cut], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) + "…"
}

// summarize's ASCII path must cut where decoding every character does,
// on paragraphs around the target lengths with sentence ends, closers,
// abbreviations and non-ASCII characters before, around and after the
// first summaryMax bytes.
func TestSummarizeMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	words := []string{"the", "harbour", "council", "said", "Mr.", "U.S.", "etc.", "J.", "vote.", "end!", "why?",
		"“quoted.”", "(aside.)", "it's", "été", "naïve", "日本語。", "終わり！", "—", "x", "a.b", "ok.\"", "no.'"}
	ascii := func(w string) bool { return !strings.ContainsFunc(w, func(c rune) bool { return c >= utf8.RuneSelf }) }
	for k := range 20000 {
		// Non-ASCII words only from byte from on: most paragraphs
		// take the ASCII path, some only just, some not.
		from := []int{0, 1 << 30, summaryTarget - 20 + r.IntN(100), summaryMax - 8 + r.IntN(16)}[k%4]
		var b strings.Builder
		size := 200 + r.IntN(400)
		for b.Len() < size {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			w := words[r.IntN(len(words))]
			for b.Len() < from && !ascii(w) {
				w = words[r.IntN(len(words))]
			}
			if k%8 >= 4 && r.IntN(30) > 0 {
				// Sentence ends few and far between: the one
				// picked may be near the edges of the window.
				w = "plain"
			}
			b.WriteString(w)
		}
		p := b.String()
		if got, want := summarize(p), summarizeRef(p); got != want {
			t.Fatalf("summarize(%q)\n got %q\nwant %q", p, got, want)
		}
	}
}
