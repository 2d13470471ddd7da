package article

import (
	"slices"
	"strings"
	"testing"
)

// Tables in each markup read by its own structure are HTML tables with
// their header, and a paragraph a row, as a Markdown table's.
func TestMarkupTables(t *testing.T) {
	rows := []string{"Day | High water", "Monday | 06:40", "Friday | 09:10"}
	table := "<table><tr><th>Day</th><th>High water</th></tr><tr><td>Monday</td><td>06:40</td></tr><tr><td>Friday</td><td>09:10</td></tr></table>"
	tests := []struct{ file, src, html string }{
		{"grid.rst", "Tides\n=====\n\n+--------+------------+\n| Day    | High       |\n|        | water      |\n+========+============+\n" +
			"| Monday | 06:40      |\n+--------+------------+\n| Friday | **09:10**  |\n+--------+------------+\n\nEnd of the table.\n", table},
		{"simple.rst", "Tides\n=====\n\n======  ==========\nDay     High water\n======  ==========\nMonday  06:40\nFriday  09:10\n======  ==========\n\nEnd of the table.\n", table},
		{"tides.adoc", "= Tides\n\n[cols=\"1,1\"]\n|===\n| Day | High water\n\n| Monday | 06:40\n| Friday\n| *09:10*\n|===\n\nEnd of the table.\n", table},
		{"tides.org", "#+TITLE: Tides\n\n| Day    | High water |\n|--------+------------|\n| Monday | 06:40      |\n| Friday | /09:10/    |\n\nEnd of the table.\n", table},
		{"headless.org", "#+TITLE: Tides\n\n| Monday | 06:40 |\n| Friday | 09:10 |\n\nEnd of the table.\n",
			"<table><tr><td>Monday</td><td>06:40</td></tr><tr><td>Friday</td><td>09:10</td></tr></table>"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := Parse(tt.file, []byte(tt.src), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.BodyHTML, tt.html) {
				t.Errorf("body HTML lacks the table %s:\n%s", tt.html, a.BodyHTML)
			}
			want := append(slices.Clone(rows), "End of the table.")
			if tt.file == "headless.org" {
				want = append(slices.Clone(rows[1:]), "End of the table.")
			}
			if !slices.Equal(a.BodyParagraphs, want) {
				t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, want)
			}
		})
	}
}
