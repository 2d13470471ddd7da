package boilerplate

import "testing"

// TestClassifyGuillemetQuotes checks that paragraphs quoting with
// guillemets, as German, French and Swiss prose does («so», »so«), are
// read as prose: the guillemet is also a breadcrumb separator ("Start »
// Kultur"), and scored as one it cut such articles down to a line or two.
func TestClassifyGuillemetQuotes(t *testing.T) {
	story := []string{
		"Seit dreißig Jahren ermitteln die beiden Kommissare im «Tatort» aus München, und noch immer schalten am Sonntagabend Millionen Zuschauer ein, wenn sie ihren nächsten Fall lösen.",
		"«Wir hätten nie gedacht, dass es so lange dauert», sagt der eine der beiden Schauspieler, der die Rolle schon im ersten Jahr für eine Übergangslösung gehalten hatte.",
		"Die Regisseurin des Jubiläumsfilms nennt die beiden «enorm professionell, aber immer mit einer gewissen Münchner Lockerheit», und das merke man in jeder Szene.",
		"Der erste Fall mit dem Titel «Animals» lief an einem Neujahrstag, und schon damals schrieben die Kritiker von einem «ungewöhnlichen Duo», das bleiben werde.",
		"Im Jubiläumsfilm treffen die beiden auf einen alten Bekannten aus ihrem ersten Fall, der nach Jahren im Ausland in die Stadt zurückkehrt und Ärger mitbringt.",
		"Ob es noch weitere dreißig Jahre werden, lassen die beiden offen: «Solange es uns Spaß macht und die Bücher gut sind, machen wir weiter», sagen sie.",
	}
	var lines []string
	// A regional portal: a long menu of sections and towns above the
	// article, a comment link between its byline and its text.
	for _, w := range []string{"Startseite", "Region", "Sport", "Kultur", "Wirtschaft", "Ratgeber", "Freizeit", "Immobilien", "Jobs", "Trauer"} {
		for _, town := range []string{"Nord", "Süd", "West", "Ost", "Mitte", "Land"} {
			lines = append(lines, w+" "+town)
		}
	}
	lines = append(lines, "Startseite » Kultur » Fernsehen", "Dreißig Jahre Tatort aus München", "vor 23 Minuten",
		"Kurz nach dem großen Jubiläum der Krimireihe feiert das Münchner Team sein eigenes: dreißig Jahre im Dienst.",
		"Artikel von: Von Anna Berger, dpa", "Kommentare")
	first := len(lines)
	lines = append(lines, story...)
	lines = append(lines, "© dpa", "Lesen Sie auch", "Neue Folgen im Frühjahr", "Der Sonntagskrimi im Überblick",
		"Wir über uns", "Karriere", "Werben", "AGB", "Datenschutz", "Impressum", "Kontakt", "Hilfe")
	res := Classify(lines)
	for i := first; i < first+len(story); i++ {
		if res.Kinds[i] != "" || i < res.Body || i >= res.End {
			t.Errorf("story line %d dropped (kind %q, body [%d %d)): %.40q", i, res.Kinds[i], res.Body, res.End, lines[i])
		}
	}
}

// TestGuillemetSeparator checks when a guillemet counts as a menu or
// breadcrumb separator: always in a short line, never in a paragraph of
// prose that also holds its partner.
func TestGuillemetSeparator(t *testing.T) {
	prose := "Die Regisseurin nennt die beiden «enorm professionell, aber immer mit einer gewissen Münchner Lockerheit», und das merke man in jeder einzelnen Szene des neuen Films."
	tests := []struct {
		line string
		sep  bool
	}{
		{"Startseite » Kultur » Fernsehen", true},
		{"Home › News › Local", true},
		{"Neue Folge: «Animals» am Sonntag", true}, // short: a teaser as often as a quote
		{prose, false},
		{"Der Film heißt »Animals« und lief an einem Neujahrstag; die Kritiker schrieben damals von einem ungewöhnlichen Duo, das bleiben werde, und sie behielten recht.", false},
		{"Sie sagte ‹ja› und meinte damit nicht nur die Rolle, sondern auch die dreißig Jahre, die folgen sollten, mit allen Höhen und Tiefen einer langen Fernsehreihe.", false},
		{"Weiterlesen » Im Jubiläumsfilm treffen die beiden auf einen alten Bekannten aus ihrem ersten Fall, der nach Jahren im Ausland in die Stadt zurückkehrt.", true}, // no « in the line
	}
	sw := stopWordSet()
	for _, tc := range tests {
		var counts [numLangs]uint16
		if got := measure(tc.line, sw, &counts).separator; got != tc.sep {
			t.Errorf("separator(%.40q) = %v, want %v", tc.line, got, tc.sep)
		}
	}
}
