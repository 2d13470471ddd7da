package article

import (
	"slices"
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

// TestMarkdownTitleLine: a Markdown file with no front matter title and
// no heading, whose first paragraph is one plain line shaped as a title,
// is headed by that line, which leaves the body; a sentence, a link, a
// front matter's field or a file of one paragraph keep theirs.
// TestMarkdownLowerByline: a byline typed in lower case under the title
// is read as one typed in capitals is; words the story uses are not.
func TestMarkdownLowerByline(t *testing.T) {
	story := "The frost came early this year and the orchard lost most of its blossom."
	tests := []struct {
		name, byline, author string
	}{
		{"capitals", "By Jane Roe", "Jane Roe"},
		{"lower case", "by jane roe", "Jane Roe"},
		{"two names", "by jane roe and john doe", "Jane Roe, John Doe"},
		{"words of the story", "by the orchard", ""},
		{"a sentence", "by the end of may the frost was gone", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte("# Frost in the orchard\n\n"+tc.byline+"\n\n"+story+"\n"), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.Author != tc.author {
				t.Errorf("author %q, want %q", a.Author, tc.author)
			}
			if kept := a.BodyParagraphs[0] == tc.byline; kept != (tc.author == "") {
				t.Errorf("body %q: the byline line should leave it only when read", a.BodyParagraphs)
			}
		})
	}
}

func TestMarkdownTitleLine(t *testing.T) {
	story := "The frost came early this year and the orchard lost most of its blossom."
	tests := []struct {
		name, src, title string
		kept             bool // the first line stays the body's first paragraph
	}{
		{"a title line", "Harbour reopens after repairs\n\n" + story, "Harbour reopens after repairs", false},
		{"one word", "Gardening\n\n" + story, "Gardening", false},
		{"a question", "Why do cats purr?\n\n" + story, "Why do cats purr?", false},
		{"emphasis", "**Big news**\n\n" + story, "Big news", false},
		{"a sentence", "It rained all day.\n\n" + story, "It rained all day", true},
		{"a link", "[Home](/)\n\n" + story, "Home", true},
		{"a field of a front matter never closed", "---\ntitle: never closed\n\n" + story, "title: never closed", true},
		{"two lines", "Harbour reopens\nafter repairs\n\n" + story, "Harbour reopens after repairs", true},
		{"the front matter's title wins", "---\ntitle: Frost\n---\nHarbour reopens after repairs\n\n" + story, "Frost", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(tc.src), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			if kept := len(a.BodyParagraphs) == 2; kept != tc.kept || a.BodyParagraphs[len(a.BodyParagraphs)-1] != story {
				t.Errorf("body %q, want the first line kept %v", a.BodyParagraphs, tc.kept)
			}
		})
	}
}

// TestMarkdownImageCaption: a line in emphasis alone under a picture
// alone is its caption, with its credit; other emphasis is not.
func TestMarkdownImageCaption(t *testing.T) {
	story := "The frost came early this year and the orchard lost most of its blossom."
	tests := []struct {
		name, src string
		want      []Image
	}{
		{"alt text only", "![The orchard in May](o.jpg)\n\n" + story, []Image{{Caption: "The orchard in May"}}},
		{"a caption with its credit under the picture", "![orchard](o.jpg)\n\n*The orchard in May. Photo: Jane Roe*\n\n" + story,
			[]Image{{Caption: "The orchard in May.", Credit: "Jane Roe"}}},
		{"a caption under a picture without alt text", "![](o.jpg)\n\n_The orchard in May (Jane Roe/Reuters)_\n\n" + story,
			[]Image{{Caption: "The orchard in May", Credit: "Jane Roe/Reuters"}}},
		{"a caption without a credit keeps the title's", "![orchard](o.jpg \"Photo: Ann Lee\")\n\n*The orchard in May*\n\n" + story,
			[]Image{{Caption: "The orchard in May", Credit: "Ann Lee"}}},
		{"emphasis in a sentence is no caption", "![orchard](o.jpg)\n\n*Not* a caption, as more text follows.\n\n" + story, []Image{{Caption: "orchard"}}},
		{"emphasis under text is no caption", story + "\n\n*The orchard in May*\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte("# Frost\n\n"+tc.src), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Images, tc.want) {
				t.Errorf("images %+v, want %+v", a.Images, tc.want)
			}
		})
	}
}

// TestMarkdownSiteDayOrder: a byline's or the front matter's date in
// figures that reads both ways takes the site language's order, as a
// text's does.
func TestMarkdownSiteDayOrder(t *testing.T) {
	src := "# Harbour reopens\n\nBy Jane Roe, 03/04/2024\n\nThe harbour reopened on Monday.\n\nMore text.\n"
	front := "---\ntitle: Harbour reopens\ndate: 03/04/2024\n---\n\nThe harbour reopened on Monday.\n"
	for _, tc := range []struct {
		lang       string
		month, day int
	}{
		{"", 3, 4}, {"en", 3, 4}, {"en-US", 3, 4}, {"en-GB", 4, 3}, {"de", 4, 3},
	} {
		for _, file := range []string{src, front} {
			opts := goldenOptions()
			opts.Language = tc.lang
			a, err := Parse("a.md", []byte(file), opts)
			if err != nil {
				t.Fatal(err)
			}
			if a.Published == nil || int(a.Published.Month()) != tc.month || a.Published.Day() != tc.day {
				t.Errorf("%q, %.20q: published %v, want 2024-%02d-%02d", tc.lang, file, a.Published, tc.month, tc.day)
			}
		}
	}
	// A year first reads one way only.
	opts := goldenOptions()
	opts.Language = "en-GB"
	a, err := Parse("a.md", []byte(strings.Replace(src, "03/04/2024", "2024/03/04", 1)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Month() != 3 || a.Published.Day() != 4 {
		t.Errorf("2024/03/04 on en-GB: published %v, want March 4", a.Published)
	}
}

// TestMarkdownAltText: a picture's description keeps its punctuation in
// the body HTML.
func TestMarkdownAltText(t *testing.T) {
	src := "# Litter\n\nVolunteers cleared the river on Saturday morning.\n\n![Bar chart: 11 trolleys, 12 tyres — and 19 cones?](haul.svg \"Count: Jane Roe\")\n\nThey meet again in spring.\n"
	a, err := Parse("a.md", []byte(src), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`alt="Bar chart: 11 trolleys, 12 tyres — and 19 cones?"`, `title="Count: Jane Roe"`} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
}

// TestMarkdownNotesAndTerms: footnotes and definition lists, which Hugo
// and Jekyll read by default, are notes and terms, not bracketed marks
// and colon lines: a reference leaves the sentence's text and the notes
// follow the story.
func TestMarkdownNotesAndTerms(t *testing.T) {
	runMarkdownHTMLCases(t, "# Tides\n\n", []markdownHTMLCase{
		{"a numbered note", "The ferry sails hourly[^1].\n\n[^1]: Except on Sundays.\n",
			[]string{"The ferry sails hourly.", "Except on Sundays."},
			[]string{`hourly<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`, "Except on Sundays."}},
		{"named notes are numbered as they are referred to", "First[^b], then[^a].\n\n[^a]: Note A.\n[^b]: Note B.\n",
			[]string{"First, then.", "Note B.", "Note A."},
			[]string{`<a href="#fn:1" rel="nofollow">1</a>`, `<a href="#fn:2" rel="nofollow">2</a>`, "Note B.", "Note A."}},
		{"a reference without its note stays as written", "The [^x] mark stays.\n",
			[]string{"The [^x] mark stays."}, []string{"The [^x] mark stays."}},
		{"a definition list", "Spring tide\n:   The largest range.\n\nNeap tide\n:   The smallest range.\n",
			[]string{"Spring tide", "The largest range.", "Neap tide", "The smallest range."},
			[]string{"<dl>", "<dt>Spring tide</dt>", "<dd>The largest range.</dd>", "<dt>Neap tide</dt>", "</dl>"}},
	})
}

// TestMarkdownWikiLinks: notes kept in Obsidian (or Foam, Logseq) link
// each other by name; the feed shows the words the reader is meant to
// read, an embedded picture as a picture beside the note, and a callout's
// title or kind; a comment, which Obsidian hides, leaves.
func TestMarkdownWikiLinks(t *testing.T) {
	runMarkdownHTMLCases(t, "# Walk\n\n", []markdownHTMLCase{
		{"a link by name, with its text, to a heading",
			"We met at the [[Lighthouse]], took the [[Coastal path|cliff path]] past [[Seal colony#Counts]] and [[#Tides]].\n",
			[]string{"We met at the Lighthouse, took the cliff path past Seal colony and Tides."},
			[]string{"<p>We met at the Lighthouse, took the cliff path past Seal colony and Tides.</p>"}},
		{"an embedded picture, with its description or its size",
			"The pier.\n\n![[pier at dusk.jpg|The pier at dusk]]\n\n![[wall.png|300]]\n",
			[]string{"The pier."},
			[]string{`<img src="https://example.org/news/pier%20at%20dusk.jpg" alt="The pier at dusk">`, `<img src="https://example.org/news/wall.png" alt="">`}},
		{"an embedded note leaves, and its paragraph with it",
			"The tides.\n\n![[Tide notes]]\n\nThe end.\n",
			[]string{"The tides.", "The end."},
			[]string{"<p>The tides.</p>\n<p>The end.</p>"}},
		{"a callout keeps its title, or shows its kind",
			"> [!note] Bring a coat\n> The wind turns cold.\n\n> [!warning]-\n> The steps are slippery.\n",
			[]string{"Bring a coat The wind turns cold.", "Warning The steps are slippery."},
			[]string{"<blockquote>\n<p>Bring a coat\nThe wind turns cold.</p>", "<p><strong>Warning</strong>\nThe steps are slippery.</p>"}},
		{"comments leave, over lines too; code and a lone mark keep theirs",
			"The tide %%my note%% came in.\n\n%%\nA private block\n\nover lines.\n%%\n\nCode: `%%x%%`. Half %%way\n\n```\n%% kept %%\n```\n",
			[]string{"The tide came in.", "Code: %%x%%. Half %%way", "%% kept %%"},
			[]string{"<p>The tide came in.</p>\n<p>Code: <code>%%x%%</code>. Half %%way</p>"}},
		{"code keeps its brackets, and a mark inside a quote's text is text",
			"Write `[[note]]` to link.\n\n> A quote with [!note] inside.\n",
			[]string{"Write [[note]] to link.", "A quote with [!note] inside."},
			[]string{"<code>[[note]]</code>", "A quote with [!note] inside."}},
	})
}

// TestMarkdownLogseqBlocks: a Logseq page's references to other blocks
// by id, which a feed cannot show, leave with the space before them; the
// block properties Logseq hides leave, the others read as it shows them;
// a block that only embedded another leaves no empty item. A property
// that holds a link is no plain line and stays as written.
func TestMarkdownLogseqBlocks(t *testing.T) {
	const id = "64f1c2a0-1b2c-4d5e-8f90-123456789abc"
	runMarkdownHTMLCases(t, "title:: Walk\n\n", []markdownHTMLCase{
		{"a block reference",
			"- We walked to the pier, as planned in ((" + id + ")).\n- Code keeps it: `((" + id + "))`.\n- A (remark) stays, and ((not-an-id)).\n",
			[]string{"We walked to the pier, as planned in.", "Code keeps it: ((" + id + ")).", "A (remark) stays, and ((not-an-id))."},
			[]string{"<li>We walked to the pier, as planned in.</li>", "<code>((" + id + "))</code>"}},
		{"block properties",
			"- DONE check the tide table\n  id:: " + id + "\n  collapsed:: true\n- Calm day\n  mood:: calm\n  Weather:: windy\n" +
				"- logseq.order-list-type:: number\n- tags:: [[walks]]\n\n```\nkey:: in code\n```\n",
			[]string{"DONE check the tide table", "Calm day mood: calm Weather: windy", "tags:: walks", "key:: in code"},
			[]string{"<li>DONE check the tide table</li>\n<li>Calm day\nmood: calm\nWeather: windy</li>\n<li>tags:: walks</li>", "<pre><code>key:: in code\n"}},
		{"a task list's boxes",
			"- [x] lamps\n- [ ] paint\n",
			[]string{"✓ lamps", "❏ paint"},
			[]string{"<li>✓ lamps</li>\n<li>❏ paint</li>"}},
		{"an embed alone in its block",
			"- The tides.\n- {{embed ((" + id + "))}}\n- {{embed [[Tide notes]]}}\n- The end.\n",
			[]string{"The tides.", "The end."},
			[]string{"<ul>\n<li>The tides.</li>\n<li>The end.</li>\n</ul>"}},
	})
}

// markdownHTMLCase is a Markdown body, the paragraphs it reads as, and
// pieces its HTML holds in order.
type markdownHTMLCase struct {
	name, src string
	paras     []string
	html      []string
}

// runMarkdownHTMLCases parses each case's src under head as a Markdown
// file and checks its paragraphs and HTML.
func runMarkdownHTMLCases(t *testing.T, head string, cases []markdownHTMLCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.md", []byte(head+tc.src), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.BodyParagraphs, tc.paras) {
				t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, tc.paras)
			}
			htmlInOrder(t, a.BodyHTML, tc.html)
		})
	}
}

// htmlInOrder fails unless got holds each of wants, one after the other.
func htmlInOrder(t *testing.T, got string, wants []string) {
	t.Helper()
	rest := got
	for _, want := range wants {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Fatalf("body HTML lacks %s after what came before:\n%s", want, got)
		}
		rest = rest[i+len(want):]
	}
}

// TestMarkdownNestedList: an item's text comes before the list nested in
// it among the paragraphs, as on the page.
func TestMarkdownNestedList(t *testing.T) {
	runMarkdownHTMLCases(t, "# Shifts\n\n", []markdownHTMLCase{
		{"two levels", "- Monday\n  - morning shift\n  - evening shift\n- Tuesday\n",
			[]string{"Monday", "morning shift", "evening shift", "Tuesday"},
			[]string{"<li>Monday\n<ul>\n<li>morning shift</li>"}},
		{"text after the nested list", "- Monday\n  - morning shift\n\n  and a note on Monday\n- Tuesday\n",
			[]string{"Monday", "morning shift", "and a note on Monday", "Tuesday"},
			[]string{"<li>morning shift</li>", "and a note on Monday"}},
	})
}
