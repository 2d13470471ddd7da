package article

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// The word predicates that take a word already lower-cased must answer
// as they did on the word itself, whatever its case and punctuation.
func TestLowerWordPredicatesMatchReference(t *testing.T) {
	words := []string{"Monday", "MONDAY,", "mon.", "Montag", "lundi", "Sábado", "SEGUNDA-FEIRA", "Jan.", "MÄRZ", "März",
		"décembre", "Sept", "Staff", "Writer,", "editor:", "On", "at:", "Updated", "Posted,", "Jane", "Roe", "the",
		"\u212Aelvin", "İstanbul", "ǅemal", "x", "", ".", ",.:", "Ⱥugust", "juli.", "Tues.", "\xff", "MAI."}
	pieces := append([]string{",", ".", ":", " ", "-", "\u00a0", "\xc3"}, words...)
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		words = append(words, randomText(r, pieces, 4))
	}
	for _, w := range words {
		var buf [32]byte
		lw := lowerBytes(buf[:], w)
		// The plain forms the predicates were written from trimmed
		// the word first and lower-cased it with strings.ToLower.
		if got, want := weekdayLower(lw), weekdayLower([]byte(strings.ToLower(strings.Trim(w, " ,.")))); got != want {
			t.Fatalf("weekdayLower(%q) = %v, on the trimmed word %v", w, got, want)
		}
		if got, want := monthWordLower(lw), monthWordLower([]byte(strings.ToLower(w))); got != want {
			t.Fatalf("monthWordLower(%q) = %v, with strings.ToLower %v", w, got, want)
		}
		if got, want := roleWordLower(lw), roleWordLower([]byte(strings.ToLower(w))); got != want {
			t.Fatalf("roleWordLower(%q) = %v, with strings.ToLower %v", w, got, want)
		}
		if got, want := nameStopLower(lw), nameStopLower([]byte(strings.ToLower(strings.Trim(w, ",.:")))); got != want {
			t.Fatalf("nameStopLower(%q) = %v, on the trimmed word %v", w, got, want)
		}
		if got, want := strings.TrimFunc(w, metaPunct), strings.Trim(w, metaPunctSet); got != want {
			t.Fatalf("TrimFunc(%q, metaPunct) = %q, Trim %q", w, got, want)
		}
		if got, want := trimBytesIn([]byte(w), ",.:"), bytes.Trim([]byte(w), ",.:"); !bytes.Equal(got, want) {
			t.Fatalf("trimBytesIn(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestWeekdayLanguages: isWeekday knows the weekdays of the languages of
// monthWord, in any case and with a comma or period after them.
func TestWeekdayLanguages(t *testing.T) {
	for _, w := range []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
		"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "Monday", "Fri."} {
		if !isWeekday(w) || !isWeekday(strings.ToUpper(w)+",") {
			t.Errorf("isWeekday(%q) = false", w)
		}
	}
}
