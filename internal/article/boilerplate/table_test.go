package boilerplate

import (
	"strconv"
	"testing"
)

// A standings table introduced by the article's last line is part of the
// article, numbers repeated or not; the footer after it is not.
func TestClassifyTableAfterLeadIn(t *testing.T) {
	lines := []string{"Home", "Sport", "Standings after the final race", proseA, proseB,
		"These are the final standings after all twelve races:", "Pos.", "Driver", "Points", "Wins"}
	names := []string{"Ann Lee", "Bo Chan", "Cy Diaz", "Di Evans", "Ed Fox", "Flo Gray"}
	for k, n := range names {
		lines = append(lines, strconv.Itoa(k+1), n, strconv.Itoa(500-20*k), strconv.Itoa(3-k/2))
	}
	tableEnd := len(lines)
	lines = append(lines, "Contact us", "Privacy policy", "© 2024 Example Sport")
	res := Classify(lines)
	if res.End != tableEnd {
		t.Fatalf("run ends at %d, want %d (the end of the table)", res.End, tableEnd)
	}
	for i := 6; i < tableEnd; i++ {
		if res.Kinds[i] != "" {
			t.Errorf("table cell %d %q dropped as %q", i, lines[i], res.Kinds[i])
		}
	}
}

func TestTableAfterNeedsLeadIn(t *testing.T) {
	lines := []string{"Home", "Sport", "Standings after the final race", proseA, proseB, proseC}
	for k := range 8 {
		lines = append(lines, strconv.Itoa(k+1), "Team "+strconv.Itoa(k))
	}
	res := Classify(lines)
	if res.End != 6 {
		t.Errorf("run ends at %d, want 6: numbers after prose that does not introduce them are no table", res.End)
	}
}
