package article

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// An Org post keeps its settings' title, author, date and tags, its
// structure, and loses its markup.
func TestOrg(t *testing.T) {
	runMarkupCases(t, "post.org", []markupCase{
		{
			name: "a post with its settings",
			src: "#+TITLE: Ferries in the fog\n#+AUTHOR: Tom Lind\n#+DATE: <2025-02-11 Tue 07:15>\n#+FILETAGS: :ferries:fog:\n" +
				"#+DESCRIPTION: How the pilots bring the ferries in.\n#+OPTIONS: toc:nil\n\n" +
				"When the fog is down the pilots steer by the *horn* on the\nbreakwater and the [[https://example.org/tides][tide tables]].\n\n" +
				"* The radar                                        :equipment:\n:PROPERTIES:\n:CUSTOM_ID: radar\n:END:\n\n" +
				"The radar shows the wake as a /second/ boat:\n\n#+begin_example\necho 1: the ferry\necho 2: its wake\n#+end_example\n\n" +
				"# a comment\n#+BEGIN_COMMENT\nnot for readers\n#+END_COMMENT\n\n" +
				"- first the horn,\n- then the radar, which the\n  pilots trust less.\n1. One numbered step.\n\n: fixed width\n: lines\n",
			want: postFields{title: "Ferries in the fog", authors: []string{"Tom Lind"},
				date: time.Date(2025, 2, 11, 7, 15, 0, 0, time.UTC), tags: []string{"ferries", "fog"},
				summary: "How the pilots bring the ferries in."},
			paras: []string{
				"When the fog is down the pilots steer by the horn on the breakwater and the tide tables.",
				"The radar",
				"The radar shows the wake as a second boat:",
				"echo 1: the ferry\necho 2: its wake",
				"first the horn,", "then the radar, which the pilots trust less.", "One numbered step.",
				"fixed width\nlines",
			},
		},
		{
			name: "ox-hugo's settings, and a headline over the rest as the title",
			src: "#+HUGO_TAGS: harbour lanterns\n#+HUGO_DRAFT: true\n\n* Lanterns on the water\n\n" +
				"Two hundred paper lanterns floated across the harbour on Friday night.\n",
			want:  postFields{title: "Lanterns on the water", tags: []string{"harbour", "lanterns"}, draft: true},
			paras: []string{"Two hundred paper lanterns floated across the harbour on Friday night."},
		},
		{
			name: "a code block's results leave, as Org exports them by default",
			src: "#+TITLE: Counting\n\n#+begin_src python\nprint(6*7)\n#+end_src\n\n#+RESULTS:\n: 42\n\n" +
				"#+RESULTS:\n| 1 | 2 |\n\n#+results:\n#+begin_example\na\n#+end_example\nThe answer stands.\n",
			want: postFields{title: "Counting"}, paras: []string{"print(6*7)", "The answer stands."},
		},
		{
			name: "subtrees Org leaves out of an export leave, and planning lines",
			src: "#+TITLE: Log\n\nThe tide came in.\n\n* DONE Lamps :work:\n  CLOSED: [2025-04-02 Wed 10:00] SCHEDULED: <2025-04-01 Tue>\n  All lamps checked.\n" +
				"* Private :noexport:\n  A secret.\n** Deeper\n   Another.\n*** Deepest\n* COMMENT Draft\n  Not ready.\n* Paint\n  Late.\n** Mine :private:\n   Kept: private is no exclude tag here.\n",
			want:  postFields{title: "Log"},
			paras: []string{"The tide came in.", "Lamps", "All lamps checked.", "Paint", "Late.", "Mine", "Kept: private is no exclude tag here."},
		},
		{
			name:  "exclude tags a document names",
			src:   "#+TITLE: Log\n#+EXCLUDE_TAGS: private draft\n\nThe tide came in.\n\n* Mine :private:\n  A secret.\n* Shared :noexport:\n  Kept, as noexport is not named.\n",
			want:  postFields{title: "Log"},
			paras: []string{"The tide came in.", "Shared", "Kept, as noexport is not named."},
		},
		{
			// Org's export publishes the trees that carry a select tag,
			// the headlines within them and above them with their text,
			// and the text before the first headline; exclude tags still
			// leave within them.
			name: "subtrees a select tag picks",
			src: "#+TITLE: Log\n\nThe tide came in.\n\n* Harbour\n  Above the picked tree.\n** Lamps :export:\n   All lamps checked.\n*** Rails\n    Painted.\n" +
				"*** Secret :noexport:\n    Hidden.\n** Nets\n   Not picked.\n* Weather\n  Not picked either.\n* Boats :export:\n  Both out.\n",
			want:  postFields{title: "Log"},
			paras: []string{"The tide came in.", "Harbour", "Above the picked tree.", "Lamps", "All lamps checked.", "Rails", "Painted.", "Boats", "Both out."},
		},
		{
			name:  "select tags a document names",
			src:   "#+TITLE: Log\n#+SELECT_TAGS: blog\n\n* Lamps :export:\n  Not picked: export is not named.\n* Boats :blog:\n  Both out.\n",
			want:  postFields{title: "Log"},
			paras: []string{"Boats", "Both out."},
		},
		{
			name:  "a file tag that selects selects everything",
			src:   "#+TITLE: Log\n#+FILETAGS: :export:\n\n* Lamps\n  Checked.\n* Boats :export:\n  Both out.\n",
			want:  postFields{title: "Log", tags: []string{"export"}},
			paras: []string{"Lamps", "Checked.", "Boats", "Both out."},
		},
		{
			name:  "a checklist's boxes",
			src:   "#+TITLE: Lamps\n\n- [X] lamps\n- [-] rails\n- [ ] paint\n",
			want:  postFields{title: "Lamps"},
			paras: []string{"✓ lamps", "❏ rails", "❏ paint"},
		},
		{
			name: "targets, line breaks and macros",
			src:  "#+TITLE: Lamps\n\nThe <<lamps>>lamps are lit at <<<dusk>>> \\\\\nand put out at dawn{{{kbd(C-x)}}}.\n",
			want: postFields{title: "Lamps"}, paras: []string{"The lamps are lit at dusk\nand put out at dawn."},
		},
		{
			name: "entities are their characters, outside code and links; unknown names stay",
			src: "#+TITLE: Lamps\n\nAt 20\\deg{}C \\mdash{} an hour\\nbsp{}late \\to the \\alpha lamp, \\frac12 full. " +
				"=\\alpha= and ~\\to~ are code, [[file:C:\\alpha.txt][a file]] a link, \\notit and \\harbour no entities.\n",
			want:  postFields{title: "Lamps"},
			paras: []string{"At 20°C — an hour\u00a0late → the α lamp, ½ full. \\alpha and \\to are code, a file a link, \\notit and \\harbour no entities."},
		},
	})
}

// A link to a picture alone on its line is a figure, with a "#+CAPTION:"
// over it as its caption; a link with a description is its text.
func TestOrgPictures(t *testing.T) {
	src := "#+TITLE: Night crossing\n\nThe ferry left at midnight.\n\n#+CAPTION: The wake shows as a second echo\n[[file:radar.png]]\n\n" +
		"[[./photos/deck.jpg]]\n\n[[file:notes.txt][the pilot's notes]] are online.\n"
	a, err := Parse("crossing.org", []byte(src), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<figure><img src="https://example.org/news/radar.png" alt=""><figcaption>The wake shows as a second echo</figcaption></figure>`,
		`<figure><img src="https://example.org/news/photos/deck.jpg" alt=""></figure>`,
	} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if want := []string{"The ferry left at midnight.", "the pilot's notes are online."}; !slices.Equal(a.BodyParagraphs, want) {
		t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, want)
	}
}

func FuzzParseOrg(f *testing.F) {
	f.Add([]byte("#+TITLE: T\n#+DATE: [2024-05-02 Thu]\n#+FILETAGS: :a:b:\n\n* H :x:\n:PROPERTIES:\n:END:\n*b* /i/ =v= [[u][d]] [[f.png]]\n#+BEGIN_SRC go\nx\n#+END_SRC\n: f\n- a\n  * b\n"))
	f.Add([]byte("#+BEGIN_QUOTE\nq\n\n#+CAPTION: c\n[[file:x.jpg]]\n* \n**\n:X:\n"))
	f.Add([]byte("#+HUGO_DRAFT: maybe\n#+DATE: never\n#+\n# \n*/x/*\n"))
	f.Add([]byte("#+TITLE: T\n\na[fn:1] /b/[fn:: c[fn:2]] d[fn:x:e] f[fn:]\n- t :: d\n- :: e\n\n[fn:1] g\n[fn:2] h [fn:1]\n"))
	f.Add([]byte("#+TITLE: T\n\n#+RESULTS:\n: a\n| b |\n#+begin_example\nc\n#+RESULTS:\n#+end_example\n#+RESULTS: x\n#+begin_src\nd\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.org", data)
	})
}
