package article

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// Vocabulary for generated prose. Names, places and words with
// typographic and non-ASCII characters are mixed in, so that sentences can
// start with "By", "May" or a place name as real ones do.
var (
	propSubjects = strings.Fields(`council workers families children doctors teachers farmers residents
officials engineers volunteers Marta Ahmed Chen Sofía Zoë Lisbon Nairobi Oslo “the committee” police`)
	propVerbs = strings.Fields(`said agreed decided asked promised warned expected planned refused built
opened closed repaired visited reported may will would could must`)
	propObjects = strings.Fields(`the bridge a new school the old market the harbour wall a museum the library
the hospital a small café the village road the forest path 3.5% of the budget £20 million thirty-five rooms
the co‑operative an über-modern station a naïve plan ‘the long winter’`)
	propPreps = strings.Fields(`in on by with for from after before during under near across`)
	propTails = strings.Fields(`the river the spring March May the winter the island the mountain 2024 the city
centre the next month the summer`)
	propJoins = []string{"and", "but", "because", "although", "while", "so that", "after", "when"}
)

// propSentence makes one sentence of ordinary prose: clauses of subject,
// verb, object and a place or time, joined by conjunctions.
func propSentence(r *rand.Rand) string {
	pick := func(ws []string) string { return ws[r.IntN(len(ws))] }
	clause := func() string {
		c := "the " + pick(propSubjects) + " " + pick(propVerbs) + " that " + pick(propObjects)
		for range r.IntN(3) {
			c += " " + pick(propPreps) + " " + pick(propTails)
		}
		return c
	}
	s := clause()
	for range r.IntN(3) {
		sep := " "
		if r.IntN(2) == 0 {
			sep = ", "
		}
		s += sep + pick(propJoins) + " " + clause()
	}
	if r.IntN(4) == 0 {
		s = strings.TrimPrefix(s, "the ")
	}
	first, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[size:] + []string{".", ".", ".", "?", "!"}[r.IntN(5)]
}

// genArticle makes a clean article: a headline and n paragraphs of a few
// sentences each, as a writer would save it.
func genArticle(r *rand.Rand, n int) (title string, paras []string) {
	words := strings.Fields(strings.TrimRight(propSentence(r), ".?!"))
	title = strings.TrimRight(strings.Join(words[:min(len(words), 4+r.IntN(6))], " "), ",")
	for range n {
		var s []string
		for range 1 + r.IntN(5) {
			s = append(s, propSentence(r))
		}
		paras = append(paras, strings.Join(s, " "))
	}
	return title, paras
}

// TestCleanArticleKeepsEveryParagraph is the normalizer's promise to
// writers: an article without boilerplate comes out whole, byte for byte,
// whatever its line endings.
func TestCleanArticleKeepsEveryParagraph(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	runs := 400
	if testing.Short() {
		runs = 60
	}
	for i := range runs {
		title, paras := genArticle(r, 1+r.IntN(12))
		text := title + "\n\n" + strings.Join(paras, "\n\n") + "\n"
		switch i % 3 {
		case 1:
			text = strings.ReplaceAll(text, "\n", "\r\n")
		case 2:
			text = "\uFEFF" + text
		}
		a, err := Parse("gen.txt", []byte(text), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, text)
		}
		if !reflect.DeepEqual(a.BodyParagraphs, paras) {
			t.Fatalf("run %d: body changed\n got %q\nwant %q\nremoved %q", i, a.BodyParagraphs, paras, a.Removed)
		}
		if a.Title != title {
			t.Fatalf("run %d: title %q, want %q", i, a.Title, title)
		}
		if len(a.Removed) != 0 {
			t.Fatalf("run %d: removed %q from a clean article", i, a.Removed)
		}
	}
}
