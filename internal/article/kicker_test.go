package article

import "testing"

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
