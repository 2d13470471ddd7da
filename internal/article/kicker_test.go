package article

import (
	"strings"
	"testing"
)

func TestKickerCut(t *testing.T) {
	tests := []struct {
		line         string
		frenchColons bool
		want         string
		ok           bool
	}{
		// A quotation glued to the kicker's last word.
		{`Die Zukunft der Arbeit"Wir dekorieren die Liegestühle um"`, false, `"Wir dekorieren die Liegestühle um"`, true},
		{`Streit im Stadtrat„Das ist keine Lösung“`, false, `„Das ist keine Lösung“`, true},
		{`Interview«Ich bleibe hier»`, false, `«Ich bleibe hier»`, true},
		// A quote after a space is the headline's own.
		{`Mayor says "we will rebuild"`, false, "", false},
		// A quote that does not run to the end of the line is a word quoted
		// in it.
		{`The"new" plan for the harbour`, false, "", false},
		// Two quotations: no single headline after a seam.
		{`Kicker"one" and "two"`, false, "", false},
		// A spaced colon where the page does not space its colons.
		{"Abstandsregeln und Fieberkontrollen : Wie Firmen ihre Leute schützen", false, "Wie Firmen ihre Leute schützen", true},
		// What follows the colon is no headline's start.
		{"Energiewende und Mobilität : , Thema: Forschung", false, "", false},
		{"Kicker : ", false, "", false},
		// French spacing: the colon is the headline's.
		{"Affaire du port : un juge se récuse", true, "", false},
		// Two spaced colons: no one seam.
		{"Sport : Fußball : Ergebnisse vom Sonntag", false, "", false},
		{"Harbour town votes: the sea wall will be rebuilt", false, "", false},
	}
	for _, tt := range tests {
		got, ok := kickerCut(tt.line, tt.frenchColons)
		if got != tt.want || ok != tt.ok {
			t.Errorf("kickerCut(%q, %v) = %q, %v; want %q, %v", tt.line, tt.frenchColons, got, ok, tt.want, tt.ok)
		}
	}
}

// TestKickerGluedToHeadline: a scrape that glues a kicker to its headline
// gives the headline without it; on a French page a spaced colon stays.
func TestKickerGluedToHeadline(t *testing.T) {
	body := []string{
		"Die Stadtwerke wollen bis zum Sommer alle Straßenlaternen der Innenstadt auf sparsame Leuchten umstellen, teilte der Vorstand am Dienstag mit.",
		"Die Umrüstung soll rund zwei Millionen Euro kosten und den Stromverbrauch der Beleuchtung um mehr als die Hälfte senken, heißt es in einer Mitteilung.",
		"Anwohner hatten sich zuletzt über zu helles Licht beschwert; die neuen Leuchten strahlen nur noch nach unten und lassen sich nachts dimmen.",
	}
	tests := []struct {
		name, head, title string
	}{
		{"quote glued", `Licht in der Innenstadt"Alle Laternen werden bis zum Sommer umgestellt"`, `"Alle Laternen werden bis zum Sommer umgestellt"`},
		{"spaced colon", "Licht in der Innenstadt : Stadtwerke stellen alle Laternen bis zum Sommer um", "Stadtwerke stellen alle Laternen bis zum Sommer um"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := scrapedPage(
				[]string{"Zum Inhalt springen", "Startseite", "Lokales", "Wirtschaft", "Sport", "Suche"},
				[]string{tt.head, "Von Jonas Keller", "12.03.2024"},
				body,
				[]string{"Teilen", "Impressum", "Datenschutz", "© 2024 Stadtanzeiger"},
			)
			parseWithTitle(t, page, tt.title)
		})
	}
}

// TestHeadlineOverStandfirst: of a headline and the standfirst under it,
// both over the byline, the headline is the title, though the standfirst
// shares more of the story's words and stands right over the byline.
func TestHeadlineOverStandfirst(t *testing.T) {
	page := scrapedPage(
		[]string{"Skip to content", "Menu", "Home", "News", "Sport", "Weather"},
		[]string{
			"Higher wall for the harbour",
			"The council votes to rebuild the sea wall after the winter floods broke it in three places",
			"By Maria Olsen | March 4, 2024",
		},
		[]string{
			"The harbour council voted on Tuesday night to rebuild the sea wall that the winter floods broke, after a long meeting in a crowded hall.",
			"The new wall will be two metres higher than the old one and is expected to cost the council about four million pounds over three years.",
			"Residents of the lower harbour streets, whose houses flooded twice this winter, said they were relieved that the vote had finally passed.",
		},
		[]string{"Share this article", "About us", "Contact", "© 2024 Coastline Courier"},
	)
	parseWithTitle(t, page, "Higher wall for the harbour")
}

// TestHeadlineBelowBodyStart: prose a page prints above its headline (a
// project's blurb that Classify took for the story's start) is the page's,
// not the story's, when the headline below it has its standfirst, its
// byline and the story under it; and a standfirst that repeats the
// headline with a kicker glued to it is no subtitle.
func TestHeadlineBelowBodyStart(t *testing.T) {
	blurb := "Unser Onkel war ein fröhlicher Musiker, der fünfzig Jahre lang durch das ganze Land reiste und auf jedem Fest spielte, das ihn haben wollte. Erst spät erfuhren wir, warum er nie über seine Jugend sprach."
	story := []string{
		"Der Film folgt den Spuren eines Familiengeheimnisses in die Vergangenheit und fragt, warum so lange niemand in der Familie darüber sprechen wollte, was damals mit dem Onkel geschehen war.",
		"Der Regisseur hat dafür Briefe, Akten und alte Tonbänder gesammelt und mit Menschen gesprochen, die seinen Onkel in jenen Jahren gekannt haben.",
		"Entstanden ist ein Film über das Schweigen in Familien, der im Herbst in die Kinos kommt und schon jetzt auf mehreren Festivals gezeigt wurde.",
	}
	page := scrapedPage(
		[]string{"Start", "Filme", "Klänge des Schweigens", "Kontakt"},
		[]string{blurb, "Da musste noch mehr dahinter stecken…"},
		[]string{"Klänge des Schweigens", "Ein detektivischer Musikfilm", "von Klaus Berger"},
		story,
		[]string{"Impressum", "Datenschutz"},
	)
	a := parseWithTitle(t, page, "Klänge des Schweigens")
	if len(a.BodyParagraphs) == 0 || a.BodyParagraphs[0] != story[0] {
		t.Errorf("body starts %q, want the story's first paragraph", a.BodyParagraphs)
	}
	if a.Subtitle != "Ein detektivischer Musikfilm" {
		t.Errorf("subtitle %q", a.Subtitle)
	}
}

// TestStandfirstRepeatingHeadline: under a headline found below the body
// start, a line that is the headline again with a kicker glued before it
// is neither the subtitle nor the story's.
func TestStandfirstRepeatingHeadline(t *testing.T) {
	story := []string{
		"Viele kleine Betriebe gehen mit Angriffen auf ihre Rechner noch zu sorglos um, urteilt das Bundesamt, und rät, einen festen Teil des Budgets für die Sicherheit der eigenen Technik vorzusehen.",
		"Wer seine Daten regelmäßig sichert und die Programme auf dem neuesten Stand hält, wehrt die meisten Angriffe schon ab, bevor sie Schaden anrichten können, heißt es in dem neuen Bericht.",
	}
	page := scrapedPage(
		[]string{"Start", "Betrieb", "Technik", "Kontakt"},
		[]string{"Zum Newsletter anmelden und jede Woche die wichtigsten Nachrichten für Ihren Betrieb lesen, mit Tipps, Terminen und Hinweisen auf neue Förderprogramme für das Handwerk in Ihrer Region."},
		[]string{"Angriffe: Ein Fünftel des Budgets für die Sicherheit", "Sicherheit im Betrieb Angriffe: Ein Fünftel des Budgets für die Sicherheit", "Von Anna Berger", "21. Januar 2022"},
		story,
		[]string{"Impressum", "Datenschutz"},
	)
	a := parseWithTitle(t, page, "Angriffe: Ein Fünftel des Budgets für die Sicherheit")
	if a.Subtitle != "" {
		t.Errorf("subtitle %q, want none", a.Subtitle)
	}
	for _, p := range a.BodyParagraphs {
		if strings.Contains(p, "Sicherheit im Betrieb") {
			t.Errorf("body holds %q", p)
		}
	}
}

// TestDekBelowFeature: hfDekBelow marks a line over a standfirst over a
// byline, and not a line longer than a headline (a standfirst itself,
// over a video's title over the byline), a name, a title bar, or the last
// line of a teaser list.
func TestDekBelowFeature(t *testing.T) {
	body := []string{
		"The harbour council voted on Tuesday night to rebuild the sea wall that the winter floods broke, after a long meeting in a crowded hall.",
		"The new wall will be two metres higher than the old one and is expected to cost the council about four million pounds over three years.",
		"Engineers said the first section of the wall could be finished before the autumn storms, if the summer stays dry enough for the concrete work.",
	}
	long := "The harbour council voted to rebuild the sea wall that the winter floods broke, but residents of the lower streets fear the work will come too late"
	tests := []struct {
		header []string
		line   string
		want   float64
	}{
		{[]string{"Harbour holds its breath", "Council votes for a higher wall after two floods", "By Maria Olsen"}, "Harbour holds its breath", 1},
		{[]string{"Harbour holds its breath", long, "Storm waves at high tide – video", "By Maria Olsen"}, long, 0},
		{[]string{"Maria Olsen", "Council votes for a higher wall after two floods", "March 4, 2024"}, "Maria Olsen", 0},
		{[]string{"Harbour holds its breath | Coastline Courier", "Council votes for a higher wall after two floods", "By Maria Olsen"}, "Harbour holds its breath | Coastline Courier", 0},
		// The last of a list of teasers stands over the headline and its byline.
		{[]string{"Ferry timetable changes for the winter", "Lighthouse keeper retires after forty years", "Harbour holds its breath", "Council votes for a higher wall after two floods", "By Maria Olsen"}, "Harbour holds its breath", 0},
		// One headline-like line above is a kicker or a banner, no list.
		{[]string{"Sign up for our weekly newsletter", "Harbour holds its breath", "Council votes for a higher wall after two floods", "By Maria Olsen"}, "Harbour holds its breath", 1},
	}
	for _, tt := range tests {
		page := scrapedPage([]string{"Skip to content", "Menu", "Home", "News", "Sport", "Weather"}, tt.header, body, []string{"About us", "Contact", "© 2024 Coastline Courier"})
		paras, cands := candidatesOf([]byte(page))
		found := false
		for _, c := range cands {
			if c.text(paras) == tt.line {
				found = true
				if c.f[hfDekBelow] != tt.want {
					t.Errorf("%q: hfDekBelow %v, want %v", tt.line, c.f[hfDekBelow], tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no candidate", tt.line)
		}
	}
}

// FuzzKickerCut: a cut is what follows a seam in the line, never more
// than the line, and never empty.
func FuzzKickerCut(f *testing.F) {
	f.Add(`Die Zukunft der Arbeit"Wir dekorieren um"`, false)
	f.Add("Kicker : Headline of the day", false)
	f.Add("Affaire : un juge", true)
	f.Add("a\"“", false)
	f.Add("x„\xff“", false)
	f.Fuzz(func(t *testing.T, line string, french bool) {
		part, ok := kickerCut(line, french)
		if !ok {
			if part != "" {
				t.Fatalf("kickerCut(%q) = %q without a seam", line, part)
			}
			return
		}
		if !strings.HasSuffix(line, part) || len(part) >= len(line) {
			t.Fatalf("kickerCut(%q) = %q, not a tail of the line", line, part)
		}
	})
}
