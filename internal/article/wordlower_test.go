package article

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// The word predicates take a word already lower-cased (lowerBytes), and
// must answer on it as on the word as written, whatever its case and the
// punctuation each of them trims.
func TestLowerWordPredicates(t *testing.T) {
	const (
		weekday = 1 << iota
		month
		role
		stop
	)
	tests := []struct {
		word string
		want int
	}{
		{"Monday", weekday | stop},
		{"MONDAY,", weekday | stop},
		{"mon.", weekday | stop},
		{"Tues.", weekday | stop},
		{"Montag", weekday | stop},
		{"SÁBADO,", weekday | stop},
		{"SEGUNDA-FEIRA", weekday | stop},
		{"Jan.", month},
		{"MÄRZ", month},
		{"MAI.", month},
		{"décembre", month},
		{"Sept", month},
		{"Writer:", role},
		{"EDITOR,", role},
		{"Rédactrice", role},
		{"Updated:", stop},
		{"ON", stop},
		{"at,", stop},
		{"Jane", 0},
		{"\u212Aelvin", 0}, // KELVIN SIGN lower-cases to an ASCII k
		{"İstanbul", 0},
		{"Ⱥugust", 0}, // lower-cases to a longer rune, not to "august"
		{"", 0},
		{",.:", 0},
		{"\xff", 0},
	}
	for _, tt := range tests {
		var buf [32]byte
		lw := lowerBytes(buf[:], tt.word)
		got := 0
		for bit, f := range map[int]func([]byte) bool{weekday: weekdayLower, month: monthWordLower, role: roleWordLower, stop: nameStopLower} {
			if f(lw) {
				got |= bit
			}
		}
		if got != tt.want {
			t.Errorf("%q: predicates %04b, want %04b (weekday, month, role, stop from the right)", tt.word, got, tt.want)
		}
	}
}

// metaPunct and trimBytesIn trim as strings.Trim and bytes.Trim do with
// their cutsets.
func TestTrimPunctMatchesCutset(t *testing.T) {
	words := []string{"Writer,", "editor:", "(AP)", "–Jane–", "x", "", ".", ",.:", "\xff", "MAI."}
	pieces := append([]string{",", ".", ":", " ", "-", "\u00a0", "\xc3", "(", "]", "•", "—", "/", "*"}, words...)
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		words = append(words, randomText(r, pieces, 4))
	}
	for _, w := range words {
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
