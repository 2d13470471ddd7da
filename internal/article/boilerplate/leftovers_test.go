package boilerplate

import (
	"strings"
	"testing"
)

// More prose for made-up pages whose leftovers sit between paragraphs.
const (
	proseD = "Engineers from the state said the piers of the old bridge had been patched so many times that a new crossing would be cheaper than another round of repairs."
	proseE = "The contract will go to tender in January, and the council hopes to choose a builder before the end of March so that the work can begin when the weather allows."
	proseF = "Shop owners on both banks said they would welcome the work, even though the closures would keep some of their customers away for several months next year."
)

func TestLeftovers(t *testing.T) {
	head := []string{"Home", "News", "Town agrees to rebuild the old river bridge", proseA, proseB}
	tail := []string{proseD, proseE, proseF, "© 2026 The Example Gazette"}
	tests := []struct {
		name  string
		lines []string // put between head and tail
		want  []string // kind of each of lines
	}{
		{"affiliate disclosure", []string{"This post may contain affiliate links, which means we may earn a small commission at no cost to you."}, []string{KindDisclosure}},
		{"amazon associate", []string{"As an Amazon Associate I earn from qualifying purchases."}, []string{KindDisclosure}},
		{"spanish disclosure", []string{"Este artículo contiene enlaces de afiliado."}, []string{KindDisclosure}},
		{"advertisers' compensation", []string{"This post mentions products of our partners. We may receive compensation when you click on links to them."}, []string{KindDisclosure}},
		{"a site's compensation", []string{"Many offers on this page come from card issuers from which the site receives compensation."}, []string{KindDisclosure}},
		{"op-ed disclaimer", []string{"The views expressed in this column are the author's own and do not necessarily reflect those of the paper."}, []string{KindDisclaimer}},
		{"german disclaimer", []string{"Der Gastbeitrag gibt die Meinung des Autors wieder."}, []string{KindDisclaimer}},
		{"recipe prompt", []string{"Did you make this recipe? Leave a comment below and tag us on social media!"}, []string{KindReaderPrompt}},
		{"share prompt", []string{"Like this story? Share it with your friends!"}, []string{KindReaderPrompt}},
		{"mid-post paywall", []string{"Subscribe to continue reading this story."}, []string{KindNewsletter}},
		{"newsletter call", []string{"Sign up for our newsletter and get the week's best stories every Friday."}, []string{KindNewsletter}},
		{"call opening a longer line", []string{"Want more news like this? Sign up for the morning briefing, a short summary of the day's stories sent before breakfast on every weekday of the year, with a longer edition at the weekend for readers who want it."}, []string{KindNewsletter}},
		{"french newsletter", []string{"Abonnez-vous à notre newsletter pour ne rien manquer."}, []string{KindNewsletter}},
		{"image labels", []string{"Image source, Example Agency", "Image caption, The old bridge at dusk"}, []string{KindCaption, KindCaption}},
		{"labels glued to their text", []string{"Media captionWhy the old bridge must close", "Image captionThe old bridge at dusk"}, []string{KindCaption, KindCaption}},
		{"a label alone over its text", []string{"Image source, Example Agency", "Image caption,", "The old bridge at dusk"}, []string{KindCaption, KindCaption, KindCaption}},
		{"a german label alone", []string{"Bildunterschrift:", "Die alte Brücke in der Abenddämmerung"}, []string{KindCaption, KindCaption}},
		{"a russian label alone", []string{"Подпись к фото: ", "Старый мост на закате"}, []string{KindCaption, KindCaption}},
		{"russian image label", []string{"Источник изображения, Агентство"}, []string{KindCaption}},
		{"portuguese image label", []string{"Legenda da foto, A ponte velha ao entardecer"}, []string{KindCaption}},
		{"russian share row", []string{"Поделиться ВКонтакте Telegram"}, []string{KindShare}},
		{"arabic share row", []string{"شارك فيسبوك تويتر واتساب"}, []string{KindShare}},
		{"japanese share row", []string{"シェア ツイート はてブ"}, []string{KindShare}},
		{"pull quote", []string{"Residents who spoke at the meeting said that they were tired of waiting."}, []string{KindPullQuote}},
		{"disclaimer with cue", []string{"Views and opinions expressed here are those of the writer alone."}, []string{KindDisclaimer}},
		{"quoted pull quote", []string{"“the old crossing was no longer safe for the children who use it every day”"}, []string{KindPullQuote}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := append(append(append([]string{}, head...), tc.lines...), tail...)
			res := Classify(lines)
			for k, line := range tc.lines {
				i := len(head) + k
				want := ""
				if tc.want != nil {
					want = tc.want[k]
				}
				if res.Kinds[i] != want {
					t.Errorf("%q: kind %q, want %q (run [%d %d %d))", line, res.Kinds[i], want, res.Start, res.Body, res.End)
				}
			}
			for _, i := range []int{3, 4, len(lines) - 4, len(lines) - 3, len(lines) - 2} {
				if res.Kinds[i] != "" {
					t.Errorf("prose line %d dropped as %q", i, res.Kinds[i])
				}
			}
		})
	}
}

// TestLeftoversKeepProse checks lines that share words with the families
// but are article prose.
func TestLeftoversKeepProse(t *testing.T) {
	keep := []string{
		"The mayor said she had signed up for the council's newsletter years ago and had read every issue since, even the ones about the drains, because it was the only way to know what was being planned for the river.",
		"Critics said the views expressed at the meeting showed how divided the town had become over the cost of the crossing and who should pay for it in the end, the state or the county.",
		"About a third of the residents who answered the survey said they would use the new bridge every day.",
		"Share prices of the two local builders rose on the news.",
		"Photo captions in the town's exhibition about the bridge were written by the children who drew the pictures.",
	}
	lines := append(append([]string{"Town agrees to rebuild the old river bridge", proseA, proseB}, keep...), proseC, proseD)
	res := Classify(lines)
	for k, line := range keep {
		if got := res.Kinds[3+k]; got != "" {
			t.Errorf("%q dropped as %q", line, got)
		}
	}
}

func TestPressBlocks(t *testing.T) {
	lines := []string{
		"Example Robotics opens a plant in the valley",
		"LISBON, March 3, 2026 -- Example Robotics said on Tuesday that it would open a plant in the valley next year, hiring three hundred people to build the arms it sells to car makers.",
		proseA, proseB, proseC, proseD,
		"About Example Robotics",
		"Example Robotics designs and builds industrial arms for car makers and has offices in nine countries. For more information, visit its website.",
		"Forward-Looking Statements",
		"This release contains forward-looking statements that involve risks and uncertainties; the company undertakes no obligation to update them.",
		"Media contact:",
		"Jane Roe, jane@example.com",
	}
	res := Classify(lines)
	for i := 6; i < len(lines)-1; i++ {
		if res.Kinds[i] != KindPressBoilerplate {
			t.Errorf("line %d %q: kind %q, want %q", i, lines[i], res.Kinds[i], KindPressBoilerplate)
		}
	}
	for i := 1; i < 6; i++ {
		if res.Kinds[i] != "" {
			t.Errorf("line %d dropped as %q", i, res.Kinds[i])
		}
	}
	// A heading "About ..." over prose that speaks of something else is
	// the article's own section.
	lines[7] = "The plant will be the company's largest, and the town hopes it will bring other suppliers to the valley."
	lines = lines[:8]
	res = Classify(lines)
	if res.Kinds[6] == KindPressBoilerplate || res.Kinds[7] == KindPressBoilerplate {
		t.Errorf("an article section was taken for press boilerplate: %q %q", res.Kinds[6], res.Kinds[7])
	}
}

func TestTopicList(t *testing.T) {
	lines := []string{"Town agrees to rebuild the old river bridge", proseA, proseB, proseC, "Related Topics", "Bridges", "Local government", "Transport", proseD}
	res := Classify(lines)
	for i := 4; i < 8; i++ {
		if res.Kinds[i] == "" {
			t.Errorf("topic line %q kept", lines[i])
		}
	}
}

func TestPullQuoteKeepsItsSource(t *testing.T) {
	quote := "“The old crossing was no longer safe for the children who use it every day.”"
	lines := []string{"Town agrees to rebuild the old river bridge", proseA, proseB, quote, proseC, proseD}
	res := Classify(lines)
	if res.Kinds[3] != KindPullQuote {
		t.Errorf("pull quote kind %q, want %q", res.Kinds[3], KindPullQuote)
	}
	if res.Kinds[2] != "" {
		t.Errorf("the paragraph the quote repeats was dropped as %q", res.Kinds[2])
	}
	// A sentence that starts a sentence of a paragraph nearby is one
	// too, quoted or not.
	lines[3] = "Residents who spoke at the meeting said that they were tired of waiting."
	if res := Classify(lines); res.Kinds[3] != KindPullQuote {
		t.Errorf("unquoted pull quote kind %q, want %q", res.Kinds[3], KindPullQuote)
	}
	// A repeated heading is not a pull quote.
	lines[3] = "Residents who spoke at the meeting"
	if res := Classify(lines); res.Kinds[3] == KindPullQuote {
		t.Errorf("heading %q taken for a pull quote", lines[3])
	}
}

func TestQuoteCore(t *testing.T) {
	for in, want := range map[string]string{
		"“Every day, it rains.”":          "day, it rains",
		"We build bridges.Click To Tweet": "build bridges",
		"… and so it goes on and on …":    "so it goes on and on",
		"Oneword":                         "Oneword",
	} {
		if got := quoteCore(in); got != want {
			t.Errorf("quoteCore(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAboutHeadingLanguages: a press release's "About <company>" block in
// other languages, with an article before the name or an elided "d'".
func TestAboutHeadingLanguages(t *testing.T) {
	for _, c := range []struct {
		heading, next string
		want          bool
	}{
		{"About Example Robotics", "Example Robotics designs and builds industrial arms for car makers.", true},
		{"Über die Hafen AG", "Die Hafen AG betreibt zwölf Linien zwischen dem Festland und den Inseln.", true},
		{"Über Hafen AG", "Hafen AG betreibt zwölf Linien zwischen dem Festland und den Inseln.", true},
		{"À propos d'Orange", "Orange est l'un des principaux opérateurs de télécommunications dans le monde.", true},
		{"À propos de la Compagnie des Îles", "La Compagnie des Îles exploite douze lignes entre le continent et les îles.", true},
		{"Acerca de la Naviera Isleña", "La Naviera Isleña opera doce rutas entre el continente y las islas.", true},
		{"The Harbour Company", "The Harbour Company runs twelve routes.", false},
		{"Über die Brücke", "Die Stadt will die alte Brücke bis zum Sommer abreißen und neu bauen.", false},
		{"About the bridge", "The bridge was built in 1902 and has carried traffic ever since.", false},
	} {
		lines := []string{c.heading, c.next}
		if got := aboutHeading(lines, strings.ToLower(c.heading), 0, len(lines)); got != c.want {
			t.Errorf("aboutHeading(%q over %q) = %v, want %v", c.heading, c.next, got, c.want)
		}
	}
}

// A picture's labels in the story's header, between the headline and the
// first paragraph, are captions as in the body: alone on its line, a
// label's text is the line under it, where a standfirst would stand.
func TestCaptionLabelsInHeader(t *testing.T) {
	lines := []string{"Home", "News", "World", "Town agrees to rebuild the old river bridge", "19 November 2019", "Share",
		"Image source, Example Agency", "Image caption,", "The old bridge at dusk last winter", proseA, proseB, proseD, proseE, "© 2026 The Example Gazette"}
	res := Classify(lines)
	if res.Body != 9 {
		t.Fatalf("body starts at %d, want 9 (run [%d %d %d))", res.Body, res.Start, res.Body, res.End)
	}
	for i := 6; i < 9; i++ {
		if res.Kinds[i] != KindCaption {
			t.Errorf("%q: kind %q, want %q", lines[i], res.Kinds[i], KindCaption)
		}
	}
}
