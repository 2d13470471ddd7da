package article

import (
	"strings"
	"testing"
)

func TestRawTextTag(t *testing.T) {
	tests := []struct {
		tag     string
		closing bool
		want    string
	}{
		{"<script>", false, "script"},
		{`<SCRIPT type="text/javascript">`, false, "script"},
		{"<style media=print>", false, "style"},
		{"</script>", true, "script"},
		{"</Style >", true, "style"},
		{"<script/>", false, ""},
		{"<scripts>", false, ""},
		{"<span>", false, ""},
		{"</script>", false, ""},
		{"<script>", true, ""},
		{"<!-- script -->", false, ""},
	}
	for _, tc := range tests {
		if got := rawTextTag(tc.tag, tc.closing); got != tc.want {
			t.Errorf("rawTextTag(%q, %v) = %q, want %q", tc.tag, tc.closing, got, tc.want)
		}
	}
}

// TestMarkdownDropsScriptText checks that what a script or style element
// holds reaches neither the paragraphs nor the HTML, and that nothing else
// is lost.
func TestMarkdownDropsScriptText(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"inline script", "# T\n\nOne <script>alert(1)</script> two.\n", []string{"One two."}},
		{"script at paragraph start", "# T\n\n<span></span><script>x()</script> two.\n", []string{"two."}},
		{"style with emphasis inside", "# T\n\nOne <style>*b* { color: red }</style>two.\n", []string{"One two."}},
		{"across paragraphs", "# T\n\nOne <script>a\n\nb</script> two.\n\nThree.\n", []string{"One", "two.", "Three."}},
		{"never closed", "# T\n\nUse a <script> element for code.\n", []string{"Use a element for code."}},
		{"block script", "# T\n\n<script>\nalert(1)\n</script>\n\nText.\n", []string{"Text."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(tc.in), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(a.BodyParagraphs, "|") != strings.Join(tc.want, "|") {
				t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, tc.want)
			}
			for _, bad := range []string{"alert", "x()", "color", "a\nb"} {
				if strings.Contains(a.BodyHTML, bad) {
					t.Errorf("HTML keeps %q: %s", bad, a.BodyHTML)
				}
			}
		})
	}
}

func TestUnclosedFrontMatter(t *testing.T) {
	a, err := Parse("a.md", []byte("---\ntitle: never closed\n\nBody text of the article.\n"), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.BodyHTML, "<hr") {
		t.Errorf("opening --- rendered as a rule: %s", a.BodyHTML)
	}
	// The second warning says the title was made from the text.
	if len(a.Warnings) != 2 || !strings.Contains(a.Warnings[0], "no closing ---") || a.Warnings[1] != warnFallbackTitle {
		t.Errorf("warnings %q", a.Warnings)
	}
	if strings.Join(a.BodyParagraphs, "|") != "title: never closed|Body text of the article." {
		t.Errorf("paragraphs %q", a.BodyParagraphs)
	}
}
