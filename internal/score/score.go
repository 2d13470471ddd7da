// Package score measures extracted article bodies against hand-labelled
// ones, with the two metrics of the real-world corpus
// (the README of the shared real-world corpus): a bag-of-words token F1 that the
// project targets, and the shingle F1 of the Zyte article-extraction
// benchmark that published extractors are ranked by. metadata.go scores
// header fields (title, authors, date) on the metadata corpus the way that
// corpus's score.py does.
package score

import (
	"strings"
	"unicode"
)

// PRF is precision, recall and F1 of one page or their averages.
type PRF struct {
	P, R, F1 float64
}

// Tokens scores pred against gold as multisets of lowercased
// whitespace-separated tokens. An empty prediction scores zero.
func Tokens(gold, pred string) PRF {
	g := strings.Fields(strings.ToLower(gold))
	p := strings.Fields(strings.ToLower(pred))
	if len(p) == 0 || len(g) == 0 {
		return PRF{}
	}
	counts := make(map[string]int, len(g))
	for _, t := range g {
		counts[t]++
	}
	tp := 0
	for _, t := range p {
		if counts[t] > 0 {
			counts[t]--
			tp++
		}
	}
	r := PRF{P: float64(tp) / float64(len(p)), R: float64(tp) / float64(len(g))}
	r.F1 = f1(r.P, r.R)
	return r
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Shingle counts of one page under the benchmark's metric.
type Shingle struct {
	TP, FP, FN int
}

// Shingles compares the 4-token shingles of pred and gold, tokens being
// \w+ runs (letters, digits, marks, connector punctuation as Python's
// Unicode \w), case kept.
func Shingles(gold, pred string) Shingle {
	g := shingles(wordTokens(gold))
	p := shingles(wordTokens(pred))
	var s Shingle
	for k, n := range p {
		m := g[k]
		s.TP += min(n, m)
		s.FP += max(0, n-m)
	}
	for k, m := range g {
		s.FN += max(0, m-p[k])
	}
	return s
}

// isWordRune is Python 3's Unicode \w as the benchmark's regexp sees it:
// letters, numbers of any kind and the underscore. Combining marks are not
// word characters there, so they split tokens here too.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

func wordTokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

const shingleSize = 4

func shingles(tokens []string) map[string]int {
	m := make(map[string]int)
	if len(tokens) == 0 {
		return m
	}
	if len(tokens) < shingleSize {
		m[strings.Join(tokens, "\x00")]++
		return m
	}
	for i := 0; i+shingleSize <= len(tokens); i++ {
		m[strings.Join(tokens[i:i+shingleSize], "\x00")]++
	}
	return m
}

// precision and recall of one page as the benchmark defines them; ok is
// false when the page does not count toward the mean.
func (s Shingle) precision() (float64, bool) { return ratio(s.TP, s.FP) }
func (s Shingle) recall() (float64, bool)    { return ratio(s.TP, s.FN) }

// ratio is tp/(tp+miss), the benchmark's way: the counts are first
// normalized by their sum, fp = fn = 0 gives 1, and nothing at all does
// not count.
func ratio(tp, miss int) (float64, bool) {
	if tp+miss == 0 {
		return 0, false
	}
	if miss == 0 {
		return 1, true
	}
	return float64(tp) / float64(tp+miss), true
}

// ShingleMeans is the benchmark's corpus figure: P and R are means over
// the pages where they are defined, and F1 is computed from those means.
func ShingleMeans(pages []Shingle) PRF {
	var sp, sr float64
	np, nr := 0, 0
	for _, s := range pages {
		if p, ok := s.precision(); ok {
			sp += p
			np++
		}
		if r, ok := s.recall(); ok {
			sr += r
			nr++
		}
	}
	var out PRF
	if np > 0 {
		out.P = sp / float64(np)
	}
	if nr > 0 {
		out.R = sr / float64(nr)
	}
	out.F1 = f1(out.P, out.R)
	return out
}
