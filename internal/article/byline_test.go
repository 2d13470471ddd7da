package article

import (
	"strings"
	"testing"
)

// A byline whose name grows when lowercased, ending in a date label,
// once made trimDateLabel slice past the end of the line.
func TestBylineLabelAfterGrowingName(t *testing.T) {
	body := strings.Repeat("The council said the harbour would stay open through the winter and into the spring. ", 5)
	for _, line := range []string{"By " + strings.Repeat("Ⱥ", 30) + " updated", "By Jane " + strings.Repeat("Ⱥ", 12) + " Updated:"} {
		if _, err := Parse("a.txt", []byte("Harbour stays open for winter\n\n"+line+"\n\n"+body), Options{}); err != nil {
			t.Errorf("%q: %v", line, err)
		}
		if got := trimDateLabel(line); got != line {
			t.Errorf("trimDateLabel(%q) = %q", line, got)
		}
	}
	if got := trimDateLabel("Jane Roe updated:"); got != "Jane Roe" {
		t.Errorf("trimDateLabel = %q, want Jane Roe", got)
	}
}
