package article

import (
	"fmt"
	"strings"
	"testing"
)

// longMarkdown is a long file as people and site generators write them:
// paragraphs with links and emphasis, a big table of links, a long tight
// list, footnotes, link definitions, quotes and code. None of it may be
// touched by guardMarkdown.
func longMarkdown() string {
	var b strings.Builder
	b.WriteString("# Harbour almanac\n\n")
	for i := range 300 {
		fmt.Fprintf(&b, "Day %d: the *ferry* left at [six](https://example.org/t/%d) with **%d** on board, see [the log][log%d] and <https://example.org/%d>.[^n%d]\n\n", i, i, i, i%50, i, i%100)
	}
	b.WriteString("| Boat | Crew | Link |\n|---|:--:|---|\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "| *Boat_%d* | __crew__ | [page](https://example.org/b/%d) <b>x</b> |\n", i, i)
	}
	b.WriteString("\n")
	for i := range 4000 {
		fmt.Fprintf(&b, "- [ ] [item %d](https://example.org/i/%d) _soon_\n", i, i)
	}
	// An outline twelve levels deep, four columns a level, with quotes
	// and a list opened on one line.
	for i := range 12 {
		fmt.Fprintf(&b, "%s%d. Level %d\n", strings.Repeat("    ", i), i+1, i)
	}
	b.WriteString("\n> - > 1. - quoted in lists\n")
	b.WriteString("\n> > quoted twice\n\n```\n[a](" + strings.Repeat("[a](", 20000) + "\n```\n\n")
	for range 20 {
		b.WriteString("![chart](data:image/png;base64," + strings.Repeat("iVBORw0KGgo", 9000) + ") The chart above.\n\n")
	}
	for i := range 50 {
		fmt.Fprintf(&b, "[log%d]: https://example.org/log/%d\n", i, i)
	}
	b.WriteString("\n")
	for i := range 100 {
		fmt.Fprintf(&b, "[^n%d]: Note %d.\n", i, i)
	}
	return b.String()
}

func TestGuardMarkdownLeavesWrittenFilesAlone(t *testing.T) {
	src := longMarkdown()
	g := guardMarkdown(src)
	if g.text != src || g.noNotes || len(g.warnings) > 0 {
		t.Fatalf("a written file was changed: noNotes %v, warnings %q", g.noNotes, g.warnings)
	}
}

func TestGuardMarkdown(t *testing.T) {
	pad := "# Title\n\nA first paragraph of the story, long enough to be its body.\n\n"
	deep := strings.Repeat("> ", 40) + "deep\n"
	for _, tc := range []struct {
		name    string
		src     string
		noNotes bool
		warning string
		html    []string // in the body's HTML
		notHTML []string
	}{
		{
			name:    "unclosed link openers",
			src:     pad + strings.Repeat("[a](", 20000) + "\n\nThe end of the story.\n",
			warning: "line 5: 20000 link, emphasis and HTML marks, which goldmark reads slowly; shown as written",
			html:    []string{"[a]([a]([a](", "The end of the story."},
		},
		{
			name:    "unclosed angle destinations",
			src:     pad + strings.Repeat("[a](<", 20000) + "\n\nThe end.\n",
			warning: "shown as written",
			html:    []string{"[a](&lt;[a](&lt;"},
		},
		{
			// Few openers, so few marks, but each destination runs over
			// the 100 KB after them.
			name:    "link openers before a long run without a blank",
			src:     pad + strings.Repeat("[a](", 2000) + strings.Repeat("x", 100000) + "\n\nThe end.\n",
			warning: "line 5: 2000 link, emphasis and HTML marks",
		},
		{
			name:    "angle destinations with no closing mark",
			src:     pad + strings.Repeat("[a](<", 2000) + strings.Repeat("x y ", 25000) + "\n\nThe end.\n",
			warning: "line 5: 4000 link, emphasis and HTML marks",
		},
		{
			name:    "emphasis that never closes, over lines",
			src:     pad + strings.Repeat(strings.Repeat("**a_", 100)+"\n", 200) + "\nThe end.\n",
			warning: "lines 5-204: 60000 link",
			html:    []string{"**a_**a_"},
			notHTML: []string{"<strong>", "<em>"},
		},
		{
			// Neither "#" without a blank nor "2." under a paragraph's
			// line starts a new piece for goldmark: the lines are one
			// paragraph, and are counted as one.
			name:    "one paragraph whose lines look like headings",
			src:     pad + strings.Repeat("#"+strings.Repeat("**a_", 100)+"\n", 200) + "\nThe end.\n",
			warning: "lines 5-204: 60000 link",
			notHTML: []string{"<h1>", "<strong>"},
		},
		{
			name:    "one paragraph whose lines look like list items",
			src:     pad + "Start.\n" + strings.Repeat("2. "+strings.Repeat("**a_", 100)+"\n", 200) + "\nThe end.\n",
			warning: "lines 5-205: 60000 link",
			notHTML: []string{"<ol", "<strong>"},
		},
		{
			// "```a`" opens no code block: what follows is a paragraph.
			name:    "a paragraph under a line that only looks like a fence",
			src:     pad + "```a`\n" + strings.Repeat("[a](", 20000) + "\n```\n",
			warning: "shown as written",
		},
		{
			name:    "quotes nested too deep",
			src:     pad + strings.Repeat(deep, 200) + "\nThe end.\n",
			warning: "200 lines nest quotes or lists more than 32 deep or 128 columns in",
			html:    []string{"&gt; &gt; deep"},
		},
		{
			name:    "lists nested on one line",
			src:     pad + strings.Repeat(strings.Repeat("- ", 40)+"deep\n", 200) + "\nThe end.\n",
			warning: "200 lines nest quotes or lists more than 32 deep",
			html:    []string{"- - - deep"},
		},
		{
			name:    "numbered lists nested on one line",
			src:     pad + strings.Repeat(strings.Repeat("1. ", 40)+"deep\n", 200) + "\nThe end.\n",
			warning: "200 lines nest quotes or lists more than 32 deep",
			html:    []string{"1. 1. deep"},
		},
		{
			// Two columns a level: the items past 64 levels are text.
			name:    "list items indented ever further",
			src:     pad + indentedItems(200) + "\nThe end.\n",
			warning: "135 lines nest quotes or lists more than 32 deep or 128 columns in",
			html:    []string{"- item 199"},
		},
		{
			name:    "too many footnotes",
			src:     pad + strings.Repeat("Said[^1] it.\n\n", 10) + strings.Repeat("[^1]: A note.\n", 2001),
			noNotes: true,
			warning: "2001 footnotes; more than 2000 are read as text",
			html:    []string{"Said[^1] it."},
		},
		{
			name:    "too many link definitions",
			src:     pad + "See [the last][d10001].\n\n" + defs(10001),
			warning: "10001 link definitions; those past the first 10000 are text",
			html:    []string{"See [the last][d10001]."},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := guardMarkdown(tc.src)
			if g.noNotes != tc.noNotes || !strings.Contains(strings.Join(g.warnings, "\n"), tc.warning) {
				t.Fatalf("noNotes %v, warnings %q; want %v and %q", g.noNotes, g.warnings, tc.noNotes, tc.warning)
			}
			a, err := Parse("guard.md", []byte(tc.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(a.Warnings, "\n"), tc.warning) {
				t.Errorf("the article's warnings %q lack %q", a.Warnings, tc.warning)
			}
			for _, want := range tc.html {
				if !strings.Contains(a.BodyHTML, want) {
					t.Errorf("body lacks %q:\n%.300s", want, a.BodyHTML)
				}
			}
			for _, not := range tc.notHTML {
				if strings.Contains(a.BodyHTML, not) {
					t.Errorf("body has %q", not)
				}
			}
			if !strings.Contains(a.BodyHTML, "A first paragraph of the story") {
				t.Errorf("the untouched paragraph is gone")
			}
		})
	}
}

// indentedItems is n list items, each two columns further in than the
// one before.
func indentedItems(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s- item %d\n", strings.Repeat("  ", i), i)
	}
	return b.String()
}

func defs(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[d%d]: https://example.org/%d\n", i, i)
	}
	return b.String()
}

// FuzzGuardMarkdown: whatever the text, guardMarkdown changes nothing of a
// file under its size floor, keeps every line's own characters in order
// (it only adds backslashes), and its result parses.
func FuzzGuardMarkdown(f *testing.F) {
	f.Add("# T\n\n" + strings.Repeat("[a](", 2000))
	f.Add(strings.Repeat("> ", 50) + "x\n" + strings.Repeat("y", 5000))
	f.Add("```\n" + strings.Repeat("**a_", 3000) + "\n```\n")
	f.Add(strings.Repeat(strings.Repeat("- ", 40)+"x\n", 50) + indentedItems(100))
	f.Fuzz(func(t *testing.T, src string) {
		g := guardMarkdown(src)
		if len(src) < 4096 && g.text != src {
			t.Fatalf("a short file was changed")
		}
		if strings.ReplaceAll(g.text, `\`, "") != strings.ReplaceAll(src, `\`, "") {
			t.Fatalf("the guard changed more than backslashes")
		}
		_, _ = Parse("f.md", []byte(g.text), Options{})
	})
}
