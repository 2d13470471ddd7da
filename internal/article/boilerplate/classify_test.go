package boilerplate

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const (
	proseA = "The council met on Tuesday evening to discuss the plan for the new bridge, which has been delayed for more than two years because of a dispute over its cost."
	proseB = "Residents who spoke at the meeting said that they were tired of waiting and that the old crossing was no longer safe for the children who use it every day."
	proseC = "The mayor told them that the work would start in the spring if the state agreed to pay its share, but she did not say what would happen if it refused."
)

func TestClassifyCleanArticleKeepsEverything(t *testing.T) {
	lines := []string{"Town agrees to rebuild the old river bridge", proseA, proseB, proseC}
	res := Classify(lines)
	if res.Start != 0 || res.Body != 1 || res.End != len(lines) {
		t.Fatalf("run = [%d %d %d), want [0 1 4)", res.Start, res.Body, res.End)
	}
	for i, k := range res.Kinds {
		if k != "" {
			t.Errorf("line %d %q dropped as %q", i, lines[i], k)
		}
	}
}

func TestClassifyKinds(t *testing.T) {
	lines := []string{
		"Home", "News", "Sport", "Weather", "Contact us",
		"Town agrees to rebuild the old river bridge",
		"A photo of the bridge at dusk (image credit: J. Smith)",
		"A photo of the bridge at dusk (image credit: J. Smith)",
		"Spread the love",
		"By Staff Reporter",
		proseA,
		"Also read: Ferry service to resume next month",
		proseB,
		"Advertisement",
		proseC,
		"Share this:",
		"Facebook",
		"Tags: bridge, council",
		"About the author",
		"Leave a Reply",
		"Your email address will not be published. Required fields are marked *",
		"I think this is a great idea and that the council should have done it a long time ago, frankly.",
		"© 2024 Example Gazette. All rights reserved.",
	}
	want := map[int]string{
		0: KindNavigation, 1: KindOutside, 4: KindNavigation,
		5: "", 7: KindDuplicate, 8: KindShare, 9: "", 10: "", 11: KindReadMore, 12: "", 13: KindAdvert, 14: "",
		15: KindShare, 16: KindShare, 17: KindTags, 18: KindAuthorBox, 19: KindCommentForm, 20: KindCommentForm,
		21: KindOutside, 22: KindCopyright,
	}
	res := Classify(lines)
	if res.Start != 5 || res.Body != 10 || res.End != 15 {
		t.Errorf("run = [%d %d %d), want [5 10 15)", res.Start, res.Body, res.End)
	}
	for i, k := range want {
		if res.Kinds[i] != k {
			t.Errorf("line %d %q: kind %q, want %q", i, lines[i], res.Kinds[i], k)
		}
	}
}

func TestClassifyEmpty(t *testing.T) {
	res := Classify(nil)
	if res.Start != 0 || res.End != 0 || len(res.Kinds) != 0 {
		t.Fatalf("Classify(nil) = %+v", res)
	}
	res = Classify([]string{"Home", "Menu", "Search"})
	if res.End != res.Start {
		t.Errorf("menu-only page has an article: %+v", res)
	}
	for i, k := range res.Kinds {
		if k == "" {
			t.Errorf("line %d kept on a page with no article", i)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	var lines []string
	for i := 0; i < 2000; i++ {
		lines = append(lines, "Home", "Share this:", proseA, proseB, "Advertisement", proseC, "Leave a Reply")
	}
	size := 0
	for _, l := range lines {
		size += len(l) + 2
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Classify(lines)
	}
}

func TestClassifyMillionLines(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	n := 1_000_000
	if raceEnabled {
		n = 50_000
	}
	lines := make([]string, n)
	for i := range lines {
		switch i % 4 {
		case 0:
			lines[i] = proseA
		case 1:
			lines[i] = "Menu"
		default:
			lines[i] = strings.Repeat("word ", i%13)
		}
	}
	start := time.Now()
	res := Classify(lines)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("%d lines took %v", n, d)
	}
	if len(res.Kinds) != len(lines) {
		t.Fatalf("got %d kinds for %d lines", len(res.Kinds), len(lines))
	}
}

func TestStopWords(t *testing.T) {
	sw := stopWordSet()
	sw.words(func(w string, langs uint16) {
		if len(w) > maxStopBytes {
			t.Errorf("function word %q is longer than maxStopBytes", w)
		}
		if got := sw.lookup([]byte(w)); got != langs {
			t.Errorf("lookup(%q) = %b, want %b", w, got, langs)
		}
		if got := sw.lookupString(w, hashWord([]byte(w))); got != langs {
			t.Errorf("lookupString(%q) = %b, want %b", w, got, langs)
		}
	})
	for l, list := range stopWordLists {
		for _, w := range strings.Fields(list) {
			if sw.lookup([]byte(w))&(1<<l) == 0 {
				t.Errorf("%q not found for language %d", w, l)
			}
		}
	}
	for _, w := range []string{"", "bridge", "th", "thee", "theyre", strings.Repeat("a", 40)} {
		if got := sw.lookup([]byte(w)); got != 0 {
			t.Errorf("lookup(%q) = %b, want none", w, got)
		}
	}
}

func TestPhraseTable(t *testing.T) {
	for kind, list := range phraseTable {
		if id, ok := kindNamed(kind); !ok || id.String() != kind {
			t.Errorf("%s: no lineKind of that name", kind)
		}
		for _, e := range list {
			e = strings.TrimPrefix(e, "!")
			if strings.HasPrefix(e, "*") && strings.HasSuffix(e, "*") && len(e) < 4 {
				t.Errorf("%s: contains pattern %q is shorter than two bytes", kind, e)
			}
			if e == "" || e == "*" {
				t.Errorf("%s: empty pattern", kind)
			}
		}
	}
}

// A line that two prefixes of different kinds match takes the kind of the
// longer, more specific one, in every process.
func TestMatchLongestPrefix(t *testing.T) {
	ph := phraseSet()
	var key keyBuf
	for line, want := range map[string]string{
		"Continue Reading Below":     KindAdvert,
		"Continue reading":           KindReadMore,
		"View all posts by Jane Roe": KindAuthorBox,
		"View all":                   KindNavigation,
		"Recommended reading":        KindReadMore,
		"Recommended for you":        KindRelated,
		// A call to click is the site's link, whatever it leads to.
		"Click Here for More on JANE ROE":   KindReadMore,
		"CLICK HERE TO GET THE NEWS APP":    KindReadMore,
		"Hier klicken, um mehr zu erfahren": KindReadMore,
	} {
		if m, ok := ph.match(line, &key); !ok || m.kind.String() != want {
			t.Errorf("%q matched %+v %v, want kind %s", line, m, ok, want)
		}
	}
}

// Phrases that condemn a short line ("Sign up for our newsletter") are
// part of what a long paragraph says.
func TestMatchLongLineOnlyByPrefix(t *testing.T) {
	ph := phraseSet()
	var key keyBuf
	long := "The school board said that parents who did not consent to the new schedule could write to the " +
		"district, and that the weekly newsletter would explain how the late buses will run from January onwards, " +
		"once the drivers have been hired."
	if m, ok := ph.match(long, &key); ok {
		t.Errorf("long prose matched %+v", m)
	}
	if _, ok := ph.match("Sign up for our weekly newsletter", &key); !ok {
		t.Error("short newsletter prompt not matched")
	}
	if m, ok := ph.match("Read more: "+long, &key); !ok || m.kind != kindReadMore {
		t.Errorf("long line opening with a read-more phrase: %+v %v", m, ok)
	}
}

// Keys of lines of invalid bytes and of runes that grow when lowercased fit
// the key buffer.
func TestNormalizeKeyGrowth(t *testing.T) {
	var key keyBuf
	for _, s := range []string{strings.Repeat("\xff", 500), strings.Repeat("Ⱥ", 300), "A" + strings.Repeat("\xc3", 200)} {
		for _, limit := range []int{maxKeyBytes, 20, 1000} {
			k := normalizeKey(s, &key, limit)
			if len(k) > 3*min(len(s), limit)+utf8.UTFMax {
				t.Errorf("key of %d bytes for a %d-byte line", len(k), len(s))
			}
		}
	}
}

// TestClassifyInterfaceLines: the site's interface in several languages
// (skip links, an outdated-browser notice, a translated comment form) is
// told apart from the article around it.
func TestClassifyInterfaceLines(t *testing.T) {
	tests := []struct {
		line, kind string
	}{
		{"Skip to main content | Skip to sidebar", KindNavigation},
		{"Skip to secondary content", KindNavigation},
		{"Skip to the article", KindNavigation},
		{"Zum Inhalt springen Zur Hauptnavigation springen", KindNavigation},
		{"Aller au contenu principal", KindNavigation},
		{"Wechseln zu: Navigation, Suche", KindNavigation},
		{"Dein Browser ist leider veraltet", KindNavigation},
		{"You are using an outdated browser. Please upgrade your browser to improve your experience.", KindNavigation},
		{"Kommentar verfassen Antwort abbrechen", KindCommentForm},
		{"Deja una respuesta Cancelar la respuesta", KindCommentForm},
		{"Saisissez votre commentaire ici...", KindCommentForm},
		{"E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)", KindCommentForm},
		{"Email (required) (Address never made public)", KindCommentForm},
		{"Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:", KindCommentForm},
		{"Fill in your details below or click an icon to log in:", KindCommentForm},
		{"Report this post", KindShare},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			lines := []string{"Town agrees to rebuild the old river bridge", proseA, proseB, proseC, tt.line}
			if res := Classify(lines); res.Kinds[4] != tt.kind {
				t.Errorf("kind %q, want %q", res.Kinds[4], tt.kind)
			}
		})
	}
}
