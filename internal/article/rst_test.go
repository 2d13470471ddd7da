package article

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A reStructuredText post keeps its title, docinfo fields and paragraphs,
// and loses its markup.
func TestReST(t *testing.T) {
	runMarkupCases(t, "post.rst", []markupCase{
		{
			name: "a docutils document",
			src: "=====================\n Ferries in the fog\n=====================\n\n" +
				"----------------------\n A pilot's notebook\n----------------------\n\n" +
				":Author: Tom Lind\n:Date: 2025-02-11\n:Version: 3\n:Copyright: the author\n" +
				":Abstract: How the pilots bring the\n   ferries in when the fog is down.\n\n" +
				"When the fog is down the pilots steer by the **horn** on the\nbreakwater and the `tide tables\n<https://example.org/tides>`_.\n\n" +
				"The radar\n---------\n\nThe radar shows the ferry's own wake as a second boat::\n\n    echo 1: the ferry\n    echo 2: its wake\n\n" +
				".. note::\n   :class: aside\n\n   The horn sounds every thirty seconds.\n\n" +
				".. image:: radar.png\n   :alt: The radar screen\n\n" +
				".. _tides: https://example.org/tides\n.. a comment the reader never sees\n   over two lines\n\n" +
				"- first the horn,\n- then the radar, which the\n  pilots trust less.\n",
			want: postFields{title: "Ferries in the fog", subtitle: "A pilot's notebook", authors: []string{"Tom Lind"},
				date:    time.Date(2025, 2, 11, 0, 0, 0, 0, time.UTC),
				summary: "How the pilots bring the ferries in when the fog is down."},
			paras: []string{
				"When the fog is down the pilots steer by the horn on the breakwater and the tide tables.",
				"The radar",
				"The radar shows the ferry's own wake as a second boat:",
				"echo 1: the ferry\necho 2: its wake",
				"Note: The horn sounds every thirty seconds.",
				"first the horn,",
				"then the radar, which the pilots trust less.",
			},
		},
		{
			name: "a Pelican post",
			src: "Gulls over the quay\n###################\n\n:date: 2024-05-02 10:20\n:tags: birds; coast\n:category: Harbour\n" +
				":authors: Ana Lima, Bo Chen\n:status: draft\n:summary: The gulls came back.\n\nEvery spring the *gulls* return to the `quay`.\n",
			want: postFields{title: "Gulls over the quay", authors: []string{"Ana Lima", "Bo Chen"},
				date: time.Date(2024, 5, 2, 10, 20, 0, 0, time.UTC), tags: []string{"birds", "coast", "Harbour"},
				summary: "The gulls came back.", draft: true},
			paras: []string{"Every spring the gulls return to the quay."},
		},
		{
			name: "an unknown field warns with its line",
			src:  "Lanterns\n========\n\n:mood: festive\n\nTwo hundred lanterns lit the quay on Friday night.\n",
			want: postFields{title: "Lanterns"}, paras: []string{"Two hundred lanterns lit the quay on Friday night."},
			warn: `front matter: unknown key "mood" (line 4) ignored`,
		},
		{
			name: "substitutions",
			src: "Harbour notes\n=============\n\nThe |project| log, version |Version|, is |copy| the office |logo|. A |stray| bar stays.\n\n" +
				".. |project| replace:: *Lighthouse*\n.. |version| replace:: 2.1\n.. |copy| unicode:: U+00A9 .. the sign\n.. |logo| image:: logo.png\n",
			want:  postFields{title: "Harbour notes"},
			paras: []string{"The Lighthouse log, version 2.1, is © the office. A |stray| bar stays."},
		},
		{
			name: "admonitions print their kind over their text, a titled one its title",
			src: "Harbour notes\n=============\n\n.. note::\n\n   Bring a coat.\n\n   The wind turns.\n\n.. warning:: The steps are slippery.\n\n" +
				".. seealso:: The tide tables.\n\n.. admonition:: High water\n\n   At six.\n\n.. tip::\n\nNo tip followed.\n",
			want: postFields{title: "Harbour notes"},
			paras: []string{"Note: Bring a coat.", "The wind turns.", "Warning: The steps are slippery.", "See also: The tide tables.",
				"High water", "At six.", "No tip followed."},
		},
		{
			name: "an underline shorter than its title underlines it all the same",
			src:  "Harbour news\n===\n\nThe harbour wall is repaired.\n\n1. First the wall.\n2. Then the pier.\n",
			want: postFields{title: "Harbour news"}, paras: []string{"The harbour wall is repaired.", "First the wall.", "Then the pier."},
		},
	})
}

// Image and figure directives are the article's pictures: a figure in
// the body, its address resolved as a Markdown picture's, its caption (or
// alt text) among the images.
func TestReSTPictures(t *testing.T) {
	src := "Night crossing\n==============\n\nThe ferry left at midnight.\n\n" +
		".. figure:: radar.png\n   :alt: The radar screen\n   :width: 400\n\n   The wake shows as a *second* echo.\n\n" +
		".. image:: /photos/deck.jpg\n   :alt: The deck at 2 a.m.\n\n" +
		".. image:: javascript:alert(1)\n\nThe crossing took three hours.\n"
	opts := goldenOptions()
	opts.FilesURL = "https://example.org/files/"
	a, err := Parse("crossing.rst", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<figure><img src="https://example.org/news/radar.png" alt="The radar screen"><figcaption>The wake shows as a second echo.</figcaption></figure>`,
		`<figure><img src="https://example.org/files/photos/deck.jpg" alt="The deck at 2 a.m."></figure>`,
	} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if strings.Contains(a.BodyHTML, "javascript") {
		t.Errorf("a script address stayed: %s", a.BodyHTML)
	}
	wantImages := []Image{{Caption: "The wake shows as a second echo."}, {Caption: "The deck at 2 a.m."}}
	if !slices.Equal(a.Images, wantImages) {
		t.Errorf("images %+v, want %+v", a.Images, wantImages)
	}
	if len(a.Pictures) != 2 || a.Pictures[0].URL != "https://example.org/news/radar.png" {
		t.Errorf("pictures %+v", a.Pictures)
	}
	if want := []string{"The ferry left at midnight.", "The crossing took three hours."}; !slices.Equal(a.BodyParagraphs, want) {
		t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, want)
	}
}

func TestReSTHasNoBody(t *testing.T) {
	_, err := Parse("empty.rst", []byte("Title\n=====\n\n:author: Jane Roe\n\n.. image:: x.png\n"), goldenOptions())
	if err == nil || !strings.Contains(err.Error(), "no body text") {
		t.Errorf("err = %v, want no body text", err)
	}
}

func FuzzParseReST(f *testing.F) {
	f.Add([]byte("====\n T \n====\n\n:Author: a\n  b\n:date: 2024-05-02\n\nx **y** `z <u>`_ ::\n\n   lit\n\n.. note:: n\n   :o: p\n\n   q\n"))
	f.Add([]byte("T\n=\n\n- a\n  b\n#. c\n.. code-block:: go\n\n   x := 1\n..\n   hidden\n"))
	f.Add([]byte(":a:\n:b: c\n\n::\n\n  \t\n*\n"))
	f.Add([]byte("T\n=\n\na [#]_ b [1]_ c [*]_ [#x]_ [Cit]_ d_ e__\n\nterm\n   def\nterm2\n   def2\n\n   more\n\n.. [#] n\n   m\n\n   p\n.. [1] o [#x]_\n.. [CIT] q\n.. [#x]\n"))
	f.Add([]byte("T\n=\n\n|a| |b|_ |c| |d|\n\n.. |a| replace:: x *y*\n.. |B| unicode:: U+00A9 0x41 &#x42; 67 xZZ\n.. |c| image:: p.png\n.. |d| date::\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.rst", data)
	})
}

// A field list in the body and an option list are definition lists, as
// docutils prints them: the field's name or the options a term, the rest
// its description (on the same line past two spaces, or indented under
// it). Prose that opens with a dash or a number is no option.
func TestReSTFieldAndOptionLists(t *testing.T) {
	src := "Tide script\n===========\n\n:Author: Ines Moreau\n\nThe script prints the tides.\n\n" +
		"-a            Print all of them.\n-f FILE, --file=<path>  Read the table\n              from a file.\n-q\n    Say *nothing*.\n\n" +
		":Port: the harbour's name\n:Returns: the tides\n   of the day\n\n" +
		"-5 degrees at night, --as the log says.\nA wrapped line\n:Port: is no field here,\n-q  nor an option.\n"
	html := "<dl><dt>-a</dt>\n<dd>Print all of them.</dd>\n<dt>-f FILE, --file=&lt;path&gt;</dt>\n<dd>Read the table from a file.</dd>\n" +
		"<dt>-q</dt>\n<dd>Say nothing.</dd>\n<dt>Port</dt>\n<dd>the harbour&#39;s name</dd>\n<dt>Returns</dt>\n<dd>the tides of the day</dd></dl>"
	checkBlocks(t, "tides.rst", src, []string{html, "<p>-5 degrees at night, --as the log says. A wrapped line :Port: is no field here, -q  nor an option.</p>"}, []string{
		"The script prints the tides.", "-a", "Print all of them.", "-f FILE, --file=<path>", "Read the table from a file.",
		"-q", "Say nothing.", "Port", "the harbour's name", "Returns", "the tides of the day",
		"-5 degrees at night, --as the log says. A wrapped line :Port: is no field here, -q  nor an option.",
	})
}
