package boilerplate

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var (
	subjects = []string{"The committee", "A local farmer", "Her neighbours", "The new minister", "Several students",
		"The company", "Our reporter", "The old museum", "Two engineers", "The city council"}
	verbs = []string{"said that", "agreed that", "argued that", "warned that", "was told that", "believes that",
		"announced that", "wrote that", "found that", "hoped that"}
	clauses = []string{"the plan would cost more than expected", "the river had risen again in the night",
		"nobody had seen the letter before it was published", "the results were better than last year",
		"it was too early to say what would happen next", "the road would stay closed until the spring",
		"there was no reason to worry about the delay", "the school needed a new roof before winter",
		"most of the money had already been spent", "the vote would take place in March"}
	tails = []string{".", ", according to people familiar with the matter.", ", and that it would say more soon.",
		" on Monday.", ", although not everyone agreed.", "!", "?"}
)

func sentence(r *rand.Rand) string {
	return subjects[r.IntN(len(subjects))] + " " + verbs[r.IntN(len(verbs))] + " " +
		clauses[r.IntN(len(clauses))] + tails[r.IntN(len(tails))]
}

// sentenceCore is a sentence from sentence without its tail.
func sentenceCore(s string) string {
	core := s
	for _, t := range tails {
		if c, ok := strings.CutSuffix(s, t); ok && len(c) < len(core) {
			core = c
		}
	}
	return core
}

// cleanArticle makes a headline and n paragraphs of plain prose, with no
// boilerplate at all. No sentence says the same twice (same subject, verb
// and clause): a sentence repeated as a paragraph of its own is a pull
// quote, which the classifier drops.
func cleanArticle(r *rand.Rand, n int) []string {
	lines := []string{"Council " + verbs[r.IntN(len(verbs))] + " the bridge will be rebuilt"}
	used := map[string]bool{}
	for range n {
		var b strings.Builder
		for k := range 1 + r.IntN(5) {
			if k > 0 {
				b.WriteByte(' ')
			}
			s := sentence(r)
			for used[sentenceCore(s)] {
				s = sentence(r)
			}
			used[sentenceCore(s)] = true
			b.WriteString(s)
		}
		lines = append(lines, b.String())
	}
	return lines
}

// TestClassifyKeepsCleanArticles is the property the article normalizer
// promises: on a page that is nothing but an article, every paragraph is
// kept.
func TestClassifyKeepsCleanArticles(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2024))
	for trial := range 500 {
		lines := cleanArticle(r, 1+r.IntN(12))
		res := Classify(lines)
		if res.Start != 0 || res.End != len(lines) || res.Body > 1 {
			t.Fatalf("trial %d: run [%d %d %d) of %d lines:\n%s", trial, res.Start, res.Body, res.End, len(lines),
				strings.Join(lines, "\n"))
		}
		for i := 1; i < len(lines); i++ {
			if res.Kinds[i] != "" {
				t.Fatalf("trial %d: paragraph %d dropped as %q: %q", trial, i, res.Kinds[i], lines[i])
			}
		}
	}
}
