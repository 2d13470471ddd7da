package article

import (
	"slices"
	"testing"
)

func TestRuleLine(t *testing.T) {
	for line, want := range map[string]bool{
		"===":        true,
		"----------": true,
		"* * *":      true,
		"~~~~":       true,
		"___":        true,
		"...":        true,
		"--":         false,
		"-- Reuters": false,
		"=-=-=":      false,
		"***bold***": false,
		"":           false,
	} {
		if got := ruleLine(line); got != want {
			t.Errorf("ruleLine(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestHeadingText(t *testing.T) {
	for line, want := range map[string]string{
		"# A walk to the lighthouse": "A walk to the lighthouse",
		"## The keeper's cottage ##": "The keeper's cottage",
		"== The keeper's cottage":    "The keeper's cottage",
		"### 3 ways to the top":      "3 ways to the top",
		"#harbour #kirkby":           "#harbour #kirkby",
		"= 42":                       "= 42",
		"####### seven":              "####### seven",
		"# ":                         "# ",
		"#":                          "#",
		"# (a comment)":              "# (a comment)",
		"# desktop user-agent USER_AGENT = \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_4) AppleWebKit/537.36\"": "# desktop user-agent USER_AGENT = \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_4) AppleWebKit/537.36\"",
	} {
		if got := headingText(line); got != want {
			t.Errorf("headingText(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestPlainTextMarkup: a .txt written with a writer's markup (a "#"
// heading, an underlined title, rules between parts) is published
// without the marks.
func TestPlainTextMarkup(t *testing.T) {
	tests := []struct{ name, src, title string }{
		{"hash heading", "# A walk to the lighthouse\n\nWe set off at dawn along the cliff path.\n\n## The keeper's cottage\n\nIt is now a café, open on weekends.\n\n* * *\n\nWe walked back by the beach.\n", "A walk to the lighthouse"},
		{"underlined title", "A walk to the lighthouse\n========================\n\nWe set off at dawn along the cliff path.\n\nThe keeper's cottage\n--------------------\n\nIt is now a café, open on weekends.\n\nWe walked back by the beach.\n", "A walk to the lighthouse"},
		{"asciidoc", "= A walk to the lighthouse\n\nWe set off at dawn along the cliff path.\n\n== The keeper's cottage\n\nIt is now a café, open on weekends.\n\nWe walked back by the beach.\n", "A walk to the lighthouse"},
	}
	for _, tc := range tests {
		a, err := Parse("walk.txt", []byte(tc.src), goldenOptions())
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if a.Title != tc.title {
			t.Errorf("%s: title %q, want %q", tc.name, a.Title, tc.title)
		}
		for _, p := range a.BodyParagraphs {
			if ruleLine(p) || p[0] == '#' || p[0] == '=' {
				t.Errorf("%s: a mark left in the body: %q", tc.name, a.BodyParagraphs)
			}
		}
		if !slices.Contains(a.BodyParagraphs, "We walked back by the beach.") {
			t.Errorf("%s: body %q", tc.name, a.BodyParagraphs)
		}
	}
}
