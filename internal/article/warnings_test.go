package article

import (
	"fmt"
	"strings"
	"testing"
)

// TestWarningsBounded: an export's thousands of own front matter keys are
// named ten at a time, and no file gives an article more than maxWarnings
// warnings, the last of them saying how many more there were.
func TestWarningsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: Tide tables\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "field%d: x\n", i)
	}
	b.WriteString("---\nThe tides came in at six.\n")
	a, err := Parse("tides.md", []byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`front matter: unknown key "field0" (line 3) ignored`, `front matter: unknown key "field9" (line 12) ignored`, "front matter: 1490 more unknown keys ignored"}
	if len(a.Warnings) != 11 || a.Warnings[0] != want[0] || a.Warnings[9] != want[1] || a.Warnings[10] != want[2] {
		t.Errorf("warnings %q", a.Warnings)
	}

	many := &Article{BodyParagraphs: []string{"x"}, Title: "x"}
	for i := range 80 {
		many.Warnings = append(many.Warnings, fmt.Sprintf("warning %d", i))
	}
	finish(many, "x.txt", false)
	if len(many.Warnings) != maxWarnings || many.Warnings[maxWarnings-2] != "warning 48" || many.Warnings[maxWarnings-1] != "31 more warnings" {
		t.Errorf("%d warnings, ending %q", len(many.Warnings), many.Warnings[len(many.Warnings)-2:])
	}
}
