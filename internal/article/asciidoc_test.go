package article

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// An AsciiDoc post keeps its header's title, authors, date and attributes,
// its structure, and loses its markup.
func TestAsciiDoc(t *testing.T) {
	runMarkupCases(t, "post.adoc", []markupCase{
		{
			name: "an Asciidoctor document",
			src: "// written in the harbour office\n= Ferries in the fog\nTom Lind <tom@example.org>; Ana Lima\nv2.1, 2025-02-11: second printing\n" +
				":description: How the pilots bring the ferries in.\n:toc: left\n:page-tags: ferries, fog\n:boat: the Morning Star\n\n" +
				"When the fog is down the pilots of {boat} steer by the *horn* on the\nbreakwater and the https://example.org/tides[tide tables]. +\nThey trust the _radar_ less.\n\n" +
				"== The radar\n\n[source,text]\n----\necho 1: the ferry\necho 2: its wake\n----\n\n" +
				"////\na comment block\nnobody reads\n////\n\n" +
				"* first the horn,\n* then the radar,\n** then the lights.\n\n" +
				"TIP: See <<radar,the radar section>> and `kbd:[F5]`.\n",
			want: postFields{title: "Ferries in the fog", authors: []string{"Tom Lind", "Ana Lima"},
				date: time.Date(2025, 2, 11, 0, 0, 0, 0, time.UTC), tags: []string{"ferries", "fog"},
				summary: "How the pilots bring the ferries in."},
			paras: []string{
				"When the fog is down the pilots of the Morning Star steer by the horn on the breakwater and the tide tables.\nThey trust the radar less.",
				"The radar",
				"echo 1: the ferry\necho 2: its wake",
				"first the horn,", "then the radar,", "then the lights.",
				"Tip: See the radar section and F5.",
			},
		},
		{
			name: "a Hugo post: its front matter wins over the header",
			src: "---\ntitle: Lanterns on the water\ndate: 2025-04-03\ndraft: true\n---\n= A heading Hugo does not use\nInes Duarte\n\n" +
				"Two hundred paper lanterns floated across the harbour.\n",
			want: postFields{title: "Lanterns on the water", authors: []string{"Ines Duarte"},
				date: time.Date(2025, 4, 3, 0, 0, 0, 0, time.UTC), draft: true},
			paras: []string{"Two hundred paper lanterns floated across the harbour."},
		},
		{
			name:  "a revision line with a time, an attribute unset",
			src:   "= Tide tables\nHarbour Office\n2025-05-01 06:40\n:toc!:\n:tags: tides\n\nHigh water is at 6:40.\n",
			want:  postFields{title: "Tide tables", authors: []string{"Harbour Office"}, date: time.Date(2025, 5, 1, 6, 40, 0, 0, time.UTC), tags: []string{"tides"}},
			paras: []string{"High water is at 6:40."},
		},
		{
			name: "preprocessor directives and block macros leave, conditions hold",
			src: "= Works on the pier\n:site-only: yes\n\ninclude::partials/header.adoc[]\n\ntoc::[]\n\n" +
				"ifdef::env-github[]\nView this page on the site.\nendif::[]\n" +
				"ifndef::env-github[]\nThe pier closes on Sunday.\nendif::[]\n\n" +
				"ifdef::site-only[Open again on Monday.]\n\nifeval::[{sectnum} > 1]\nThe works take a week.\nendif::[]\n\n" +
				"video::abc123[youtube]\n",
			want:  postFields{title: "Works on the pier"},
			paras: []string{"The pier closes on Sunday.", "Open again on Monday.", "The works take a week."},
		},
		{
			name: "admonitions read as Asciidoctor prints their labels",
			src: "= Works on the pier\n\nNOTE: The pier is closed.\n\n[WARNING]\n====\nThe steps are slippery.\n\nMind the gap.\n====\n\n" +
				"[TIP]\nBring a coat.\n\nNOTES: not a label.\n",
			want: postFields{title: "Works on the pier"},
			paras: []string{"Note: The pier is closed.", "Warning: The steps are slippery.", "Mind the gap.", "Tip: Bring a coat.",
				"NOTES: not a label."},
		},
		{
			name: "anchors, highlights, scripts, passthroughs and checklists",
			src: "= Works\n\nThe pier[[pier]] is closed, see <<pier>> and [[[ref1]]].\n\n" +
				"Mind #the gap# and [.big]#the steps#, not issue #12 and #13. H~2~O, E=mc^2^, the 4^th^ day, pass:[<u>raw</u>] text.\n\n" +
				"* [x] lamps\n* [*] rails\n* [ ] paint\n",
			want: postFields{title: "Works"},
			paras: []string{"The pier is closed, see pier and [ref1].",
				"Mind the gap and the steps, not issue #12 and #13. H₂O, E=mc², the 4th day, raw text.",
				"✓ lamps", "✓ rails", "❏ paint"},
		},
		{
			name: "attribute entries in the body hold from where they stand",
			src: "= Works\n:crew: day\n\nThe {crew} crew starts.\n\n:ferry: Morning Star\n:crew!:\n\nifdef::ferry[]\nThe {ferry} waits.\nendif::[]\n" +
				"ifdef::crew[The crew is set.]\n\nA paragraph\n:not: an entry\n\n----\n:key: in code\n----\n",
			want:  postFields{title: "Works"},
			paras: []string{"The {crew} crew starts.", "The Morning Star waits.", "A paragraph :not: an entry", ":key: in code"},
		},
		{
			name:  "a version alone gives no date, and no warning",
			src:   "= Notes\nJane Roe\nv3\n\nThe notes of the third revision.\n",
			want:  postFields{title: "Notes", authors: []string{"Jane Roe"}},
			paras: []string{"The notes of the third revision."},
		},
	})
}

// Block pictures are figures, found under :imagesdir: and beside the post,
// with a block title above them as their caption.
func TestAsciiDocPictures(t *testing.T) {
	src := "= Night crossing\n:imagesdir: photos\n\nThe ferry left at midnight.\n\n" +
		".The wake shows as a second echo\nimage::radar.png[The radar screen, 400]\n\n" +
		"image::https://cdn.example.org/deck.jpg[]\n\nimage::javascript:alert(1)[x]\n\nThe crossing took three hours.\n"
	a, err := Parse("crossing.adoc", []byte(src), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<figure><img src="https://example.org/news/photos/radar.png" alt="The radar screen"><figcaption>The wake shows as a second echo</figcaption></figure>`,
		`<figure><img src="https://cdn.example.org/deck.jpg" alt=""></figure>`,
	} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if strings.Contains(a.BodyHTML, "javascript") {
		t.Errorf("a script address stayed: %s", a.BodyHTML)
	}
	if want := []Image{{Caption: "The wake shows as a second echo"}, {Caption: "x"}}; !slices.Equal(a.Images, want) {
		t.Errorf("images %+v, want %+v", a.Images, want)
	}
	if want := []string{"The ferry left at midnight.", "The crossing took three hours."}; !slices.Equal(a.BodyParagraphs, want) {
		t.Errorf("paragraphs %q, want %q", a.BodyParagraphs, want)
	}
}

func FuzzParseAsciiDoc(f *testing.F) {
	f.Add([]byte("= T\nA B <a@b>; C\nv1, 2024-05-02: x\n:tags: a, b\n:x!:\n\n{x} *y* _z_ `w` link:u[v] <<a,b>> +\n\n----\nlit\n----\n.Cap\nimage::p.png[alt, 3]\n"))
	f.Add([]byte("---\ntitle: t\n---\n= H\n\n////\n\n* a\n** b\n. c\n|===\n| x | y\n|===\n"))
	f.Add([]byte(":a:\n= \n\n[]\n.\n==\n"))
	f.Add([]byte("= T\n\na{empty}footnote:[n *b*] c footnote:x[m] d footnote:x[] footnoteref:[y,o] footnote:z[]\n\nt:: d\nu::\nv\nw;;\n"))
	f.Add([]byte("= T\n:a:\n\ninclude::x[]\nifdef::a+b[]\nifndef::a,b[c]\n* d\n*** e\nifeval::[1]\n. f\n.. g\nendif::[]\ntoc::[]\nendif::[]\nendif::[]\n"))
	f.Add([]byte("= T\n\nNOTE: a\n\n[TIP]\n====\nb\n====\n[CAUTION]\n\n--\nc\n--\nWARNING:\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.adoc", data)
	})
}
