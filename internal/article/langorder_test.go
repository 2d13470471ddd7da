package article

import (
	"testing"
	"time"
)

func TestLangDayOrder(t *testing.T) {
	tests := []struct {
		tag  string
		want int8
	}{
		{"en-GB", orderDayFirst},
		{"en_AU", orderDayFirst},
		{"EN-in", orderDayFirst},
		{"en-US", orderMonthFirst},
		{"en-Latn-US", orderMonthFirst},
		{"en-PH", orderMonthFirst},
		{"en", orderUnknown},
		{"en-CA", orderUnknown},
		{"pt-BR", orderDayFirst},
		{"pt_BR", orderDayFirst},
		{"de", orderDayFirst},
		{"fr-ca", orderDayFirst},
		{"ja", orderUnknown},
		{"zh-Hant-TW", orderUnknown},
		{"hu-HU", orderUnknown},
		{"", orderUnknown},
		{"x", orderUnknown},
		{"english", orderUnknown},
		{"und", orderUnknown},
		{"fil-PH", orderUnknown},
	}
	for _, tt := range tests {
		if got := langDayOrder(tt.tag); got != tt.want {
			t.Errorf("langDayOrder(%q) = %d, want %d", tt.tag, got, tt.want)
		}
	}
}

// TestHTMLDayOrder: a date in figures that reads both ways takes the order
// of the page's language, over the order of the dates in words around it
// (a photo agency's caption, a teaser from another desk).
func TestHTMLDayOrder(t *testing.T) {
	page := func(htmlTag, head string) string {
		return htmlTag + `<head><title>Student halls are too full to be safe</title>` + head + `</head>
<body><nav><a href="/">Home</a> <a href="/uk">UK</a></nav>
<article><h1>Student halls are too full to be safe</h1>
<div><span class="time">02/10/2020</span> <span class="author">Nell Marsh</span></div>
<figure><img src="/halls.jpg" alt=""><figcaption>LEEDS, ENGLAND - SEPTEMBER 28: Students look out of a window of their halls.</figcaption></figure>
<p>Public health advisers warned this week that student halls packed to the last room make it hard for anyone to keep apart, and that the first weeks of term are the riskiest of the year.</p>
<p>Several universities asked students to stay in their rooms after cases rose in the halls, and some students went home to their families rather than sit out the weeks alone.</p>
<p>Weather for November 5: fog in the morning, then sun.</p>
</article></body></html>`
	}
	tests := []struct {
		name, html, head, want string
	}{
		{"British English reads the day first", `<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB">`, "", "2020-10-02"},
		{"American English reads the month first", `<html lang="en-US">`, "", "2020-02-10"},
		{"Brazilian Portuguese from the content language", `<html>`, `<meta http-equiv="content-language" content="pt_BR">`, "2020-10-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("halls.html", []byte(page(tt.html, tt.head)), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil || a.Published.Format("2006-01-02") != tt.want {
				t.Errorf("published = %v, want %s", a.Published, tt.want)
			}
		})
	}
}

// TestResolveDayOrderHint: the language's order settles a date in figures
// that the page's dates in words would read the other way; an
// unambiguous date in figures still outweighs the language.
func TestResolveDayOrderHint(t *testing.T) {
	read := func(s string) pageDate {
		m, ok := findDate(s)
		if !ok {
			t.Fatalf("no date in %q", s)
		}
		return pageDate{m: m}
	}
	tests := []struct {
		name  string
		dates []string
		hint  int8
		want  string // the first date's month and day
	}{
		{"words say month first, language day first", []string{"02/10/2020", "November 5, 2020", "September 28, 2020"}, orderDayFirst, "10-02"},
		{"words say month first, no language", []string{"02/10/2020", "November 5, 2020", "September 28, 2020"}, orderUnknown, "02-10"},
		{"American page without a clock", []string{"02/10/2020"}, orderMonthFirst, "02-10"},
		{"unambiguous figures outweigh the language", []string{"02/10/2020", "10/28/2020"}, orderDayFirst, "02-10"},
	}
	for _, tt := range tests {
		var cands []pageDate
		for _, s := range tt.dates {
			cands = append(cands, read(s))
		}
		resolveDayOrder(cands, func() bool { return true }, tt.hint)
		m := cands[0].m
		if got := time.Date(2020, m.Month, m.Day, 0, 0, 0, 0, time.UTC).Format("01-02"); got != tt.want {
			t.Errorf("%s: %s read as %s, want %s", tt.name, tt.dates[0], got, tt.want)
		}
	}
}

func TestSpellingOrder(t *testing.T) {
	tests := []struct {
		text string
		want int8
	}{
		{"The colour of the new centre, organised by volunteers.", orderDayFirst},
		{"whilst the theatre's programme ran late, nobody minded.", orderDayFirst},
		{"The Kennedy Center and the Lincoln Center, said the colour guide.", orderUnknown}, // names keep their spelling
		{"The color of the new center was her favorite.", orderMonthFirst},
		{"\"Mom,\" she said, \"the neighborhood is gray.\"", orderMonthFirst},
		{"One colour only.", orderUnknown},                                  // too few
		{"The colour, the centre, the color and the center.", orderUnknown}, // both
		{"They organized the program and checked the meter.", orderUnknown}, // words of both regions
	}
	for _, tc := range tests {
		if got := spellingOrder([]string{tc.text}); got != tc.want {
			t.Errorf("%q: %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestSiteLanguageDayOrder: a text that does not tell how it orders a
// date in figures is read in the site language's order; one whose
// English spelling tells, in its own.
func TestSiteLanguageDayOrder(t *testing.T) {
	story := "The harbour reopened on Monday after two years of repairs to its sea wall, and the first boats came in on the morning tide.\n\nFishermen said the wait had been long.\n"
	british := "The harbour reopened on Monday after two years of repairs; the colour of the new centre was organised by the programme's favourite neighbour.\n\nFishermen said the wait had been long.\n"
	tests := []struct {
		name, lang, text string
		month, day       int
	}{
		{"no language: day first", "", story, 4, 3},
		{"en: no region, day first", "en", story, 4, 3},
		{"en-US: month first", "en-US", story, 3, 4},
		{"en-GB: day first", "en-GB", story, 4, 3},
		{"de: day first", "de", story, 4, 3},
		{"a British story on an en-US site: its own order", "en-US", british, 4, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.txt", []byte("Harbour reopens after repairs\n\n03/04/2024\n\n"+tc.text), Options{Ref: benchRef, Language: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil || int(a.Published.Month()) != tc.month || a.Published.Day() != tc.day {
				t.Errorf("published %v, want 2024-%02d-%02d", a.Published, tc.month, tc.day)
			}
		})
	}
}
