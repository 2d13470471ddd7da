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
		if got, want := weekdayLower(lw), refIsWeekday(w); got != want {
			t.Fatalf("weekdayLower(%q) = %v, isWeekday's reference %v", w, got, want)
		}
		if got, want := monthWordLower(lw), refMonthWord(w); got != want {
			t.Fatalf("monthWordLower(%q) = %v, want %v", w, got, want)
		}
		if got, want := roleWordLower(lw), refRoleWord(w); got != want {
			t.Fatalf("roleWordLower(%q) = %v, want %v", w, got, want)
		}
		if got, want := nameStopLower(lw), refNameStop(w); got != want {
			t.Fatalf("nameStopLower(%q) = %v, want %v", w, got, want)
		}
		if got, want := strings.TrimFunc(w, metaPunct), strings.Trim(w, metaPunctSet); got != want {
			t.Fatalf("TrimFunc(%q, metaPunct) = %q, Trim %q", w, got, want)
		}
		if got, want := trimBytesIn([]byte(w), ",.:"), bytes.Trim([]byte(w), ",.:"); !bytes.Equal(got, want) {
			t.Fatalf("trimBytesIn(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestWeekdayWordLanguages: weekdayWord's languages are isWeekday's.
func TestWeekdayWordLanguages(t *testing.T) {
	for _, w := range []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
		"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "Monday", "Fri."} {
		if !weekdayWord(w) || !weekdayWord(strings.ToUpper(w)+",") {
			t.Errorf("weekdayWord(%q) = false", w)
		}
	}
}

// The plain forms the lower-cased predicates were written from.

func refIsWeekday(s string) bool {
	switch lw := strings.ToLower(strings.Trim(s, " ,.")); lw {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	default:
		return foreignWeekdays[lw]
	}
}

func refMonthWord(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "mai", "okt", "dez",
		"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
		"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
		"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
		"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre":
		return true
	}
	return false
}

func refRoleWord(w string) bool {
	switch strings.Trim(strings.ToLower(w), ",.:") {
	case "staff", "writer", "writers", "reporter", "correspondent", "editor", "editors", "contributor", "contributing", "columnist",
		"journalist", "senior", "chief", "ceo", "founder", "photographer", "producer", "analyst",
		"redakteur", "redakteurin", "autor", "autorin", "author", "journaliste", "rédacteur", "rédactrice", "correspondant",
		"periodista", "redactor", "redactora", "corresponsal", "giornalista", "repórter":
		return true
	}
	return false
}

func refNameStop(w string) bool {
	w = strings.Trim(w, ",.:")
	if refIsWeekday(w) {
		return true
	}
	switch strings.ToLower(w) {
	case "on", "at", "updated", "published", "posted", "last", "am", "um":
		return true
	}
	return false
}
