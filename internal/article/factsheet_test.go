package article

import (
	"testing"
	"time"
)

// TestSheetDate: a date among a run of "Label: value" fields (a book's,
// a game's, an event's facts) does not date the page; a header's fields
// with an author among them or a byline beside them, or a label that
// says the page was published, do.
func TestSheetDate(t *testing.T) {
	review := []string{
		"Die Fähre im Nebel von Maria Olsen",
		"Ein Roman über eine Inselfähre, ihre Mannschaft und einen Winter, in dem nichts nach Fahrplan läuft, erzählt aus der Sicht der jüngsten Matrosin an Bord.",
		"Die Sprache ist ruhig und genau, und gerade das macht die Sturmkapitel so eindringlich, dass man das Buch kaum aus der Hand legen möchte.",
	}
	for _, c := range []struct {
		name  string
		lines []string
		want  string // the page's date, "" for none
	}{
		{"a book's facts under a blog's date", []string{"Samstag, 9. September 2017", "Rezension: Die Fähre im Nebel",
			"ISBN: 9783453580565", "Seiten: 448", "Verlag: Hafenverlag", "Erscheinungsdatum: 14.08.2017", "Preis: 12,99 €"}, "2017-09-09"},
		{"a game's facts, each value under its label", []string{"Harbour Simulator", "Splitscreen Coop:", "2 - 4",
			"Online Coop:", "-", "Release: 14.11.2019"}, ""},
		{"the article's own fields with its author", []string{"Die Fähre im Nebel", "Autor: Maria Olsen", "Datum: 14.08.2017",
			"Kategorie: Bücher"}, "2017-08-14"},
		{"a review's fields under its byline", []string{"Die Fähre im Nebel", "By Jon Berg", "Genre:", "Roman",
			"Verlag:", "Hafenverlag", "Reviewed:", "June 7, 2019"}, "2019-06-07"},
		{"a label that says published", []string{"Die Fähre im Nebel", "Format: Broschur", "Seiten: 448",
			"Veröffentlicht: 14.08.2017"}, "2017-08-14"},
		{"two fields are no sheet", []string{"Die Fähre im Nebel", "Verlag: Hafenverlag", "Erscheinungsdatum: 14.08.2017"}, "2017-08-14"},
	} {
		page := scrapedPage(c.lines, review)
		a, err := Parse("page.txt", []byte(page), goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if a.Published != nil {
			got = a.Published.Format(time.DateOnly)
		}
		if got != c.want {
			t.Errorf("%s: date %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCutField(t *testing.T) {
	for _, c := range []struct {
		line, label, value string
		ok                 bool
	}{
		{"ISBN: 9783453580565", "ISBN", "9783453580565", true},
		{"Online Multiplayer:", "Online Multiplayer", "", true},
		{"発売日：2019年11月14日", "発売日", "2019年11月14日", true},
		{"10:30 Uhr", "", "", false},
		{"https://example.com/a", "", "", false},
		{"The ferry company said three things about the strike on Monday: it was illegal, it was costly, and it was over.", "", "", false},
		{"One two three four five: six", "", "", false},
	} {
		label, value, ok := cutField(c.line)
		if label != c.label || value != c.value || ok != c.ok {
			t.Errorf("cutField(%q) = %q, %q, %v; want %q, %q, %v", c.line, label, value, ok, c.label, c.value, c.ok)
		}
	}
}

func TestPublishedWord(t *testing.T) {
	for _, c := range []struct {
		label string
		want  dateLabel
	}{
		{"Veröffentlicht am ", labelPublished},
		{"Опубликована ", labelPublished},
		{"Опубликовано: ", labelPublished},
		{"Gepubliceerd op ", labelPublished},
		{"Datum: ", labelPublished},
		{"Aktualisiert am ", labelUpdated},
		{"Release: ", labelNone},
	} {
		if got := readDateLabel(c.label); got != c.want {
			t.Errorf("readDateLabel(%q) = %v, want %v", c.label, got, c.want)
		}
	}
	for _, label := range []string{"Erscheinungsdatum", "Datum", "Release"} {
		var buf [maxFieldLabel]byte
		if publishedWord(lowerBytes(buf[:], label)) {
			t.Errorf("publishedWord(%q): a sheet's date label reads as the page's", label)
		}
	}
}
