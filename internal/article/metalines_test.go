package article

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// Posts that open with "Key: value" lines (Pelican, MultiMarkdown) keep
// their fields as a front matter gives them, and lose the lines.
func TestMetaLines(t *testing.T) {
	opts := goldenOptions()
	tests := []struct {
		name, src string
		title     string
		authors   []string
		date      time.Time // zero: none from the block
		tags      []string
		slug      string
		summary   string
		draft     bool
		firstPara string
		warn      string
	}{
		{
			name: "a Pelican post",
			src: "Title: Gulls over the quay\nDate: 2024-05-02 10:20\nModified: 2024-05-03 19:30\nCategory: Harbour\n" +
				"Tags: birds, coast\nSlug: gulls\nAuthors: Ana Lima, Bo Chen\nSummary: The gulls came back in May.\n\n" +
				"Every spring the gulls return to the quay before the ferries do.\n",
			title: "Gulls over the quay", authors: []string{"Ana Lima", "Bo Chen"},
			date: time.Date(2024, 5, 2, 10, 20, 0, 0, time.UTC), tags: []string{"birds", "coast", "Harbour"},
			slug: "gulls", summary: "The gulls came back in May.",
			firstPara: "Every spring the gulls return to the quay before the ferries do.",
		},
		{
			name: "MultiMarkdown with a value over two lines and authors split at semicolons",
			src: "title: Night ferry\nauthors: Roe, Jane; Lind, Tom\nsummary: The last boat leaves\n    at midnight.\n\n" +
				"The night ferry is the quietest crossing of the week.\n",
			title: "Night ferry", authors: []string{"Roe, Jane", "Lind, Tom"}, summary: "The last boat leaves at midnight.",
			firstPara: "The night ferry is the quietest crossing of the week.",
		},
		{
			name:  "one author, written surname first",
			src:   "Title: Harbour dues\nAuthor: Roe, Jane\n\nThe harbour dues rise in May.\n",
			title: "Harbour dues", authors: []string{"Roe, Jane"}, firstPara: "The harbour dues rise in May.",
		},
		{
			name:  "a draft by its status",
			src:   "Title: Not yet\nStatus: draft\n\nA draft about the harbour wall and its repairs.\n",
			title: "Not yet", draft: true,
			firstPara: "A draft about the harbour wall and its repairs.",
		},
		{
			name: "Logseq's page properties, with their linked names and days",
			src: "title:: Harbour walk\ntags:: [[walks]], [[harbour]]\ndate:: [[2025-04-02]]\nalias:: Walk to the pier\n\n" +
				"- We started at the lighthouse and walked to the pier.\n",
			title: "Harbour walk", date: time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC), tags: []string{"walks", "harbour"},
			firstPara: "We started at the lighthouse and walked to the pier.",
		},
		{
			name:  "a Logseq page kept off the published graph is a draft",
			src:   "title:: Not yet\npublic:: false\n\n- A draft about the harbour wall.\n",
			title: "Not yet", draft: true, firstPara: "A draft about the harbour wall.",
		},
		{
			name:  "a published status says nothing",
			src:   "Title: Out now\nStatus: published\n\nThe harbour wall is repaired at last.\n",
			title: "Out now", firstPara: "The harbour wall is repaired at last.",
		},
		{
			name:  "an unknown key warns with its line, a site's own does not",
			src:   "Title: Lanterns\nLang: en\nMood: festive\n\nTwo hundred lanterns lit the quay on Friday night.\n",
			title: "Lanterns", firstPara: "Two hundred lanterns lit the quay on Friday night.",
			warn: `front matter: unknown key "mood" (line 3) ignored`,
		},
		{
			name:      "a post that opens with a label and a sentence keeps it",
			src:       "Note: the café on the quay is closed until May.\n\nThe ferry still runs every hour.\n",
			firstPara: "Note: the café on the quay is closed until May.",
		},
		{
			name:      "a block with a line that is no key is text",
			src:       "Title: Tide tables\nHigh water is at 6:40 today.\n\nThe tide tables for May are out.\n",
			firstPara: "Title: Tide tables High water is at 6:40 today.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("post.md", []byte(tt.src), opts)
			if err != nil {
				t.Fatal(err)
			}
			postFields{title: tt.title, authors: tt.authors, date: tt.date, tags: tt.tags,
				slug: tt.slug, summary: tt.summary, draft: tt.draft}.check(t, a)
			if len(a.BodyParagraphs) == 0 || a.BodyParagraphs[0] != tt.firstPara {
				t.Errorf("body %q, want it to open with %q", a.BodyParagraphs, tt.firstPara)
			}
			if got := strings.Join(a.Warnings, "\n"); tt.warn != "" && !strings.Contains(got, tt.warn) || tt.warn == "" && strings.Contains(got, "front matter") {
				t.Errorf("warnings %q, want %q", a.Warnings, tt.warn)
			}
		})
	}
}

// postFields are what a post's own header gives; an empty field is not
// checked, but the draft flag always is.
type postFields struct {
	title, subtitle string
	authors         []string
	date            time.Time
	tags            []string
	slug, summary   string
	draft           bool
}

func (w postFields) check(t *testing.T, a *Article) {
	t.Helper()
	if w.title != "" && a.Title != w.title || w.subtitle != "" && a.Subtitle != w.subtitle {
		t.Errorf("title %q, subtitle %q; want %q, %q", a.Title, a.Subtitle, w.title, w.subtitle)
	}
	if w.authors != nil && !slices.Equal(a.Authors, w.authors) {
		t.Errorf("authors %q, want %q", a.Authors, w.authors)
	}
	if !w.date.IsZero() && (a.Published == nil || !a.Published.Equal(w.date)) {
		t.Errorf("published %v, want %v", a.Published, w.date)
	}
	if w.tags != nil && !slices.Equal(a.Tags, w.tags) {
		t.Errorf("tags %q, want %q", a.Tags, w.tags)
	}
	if w.slug != "" && a.Slug != w.slug {
		t.Errorf("slug %q, want %q", a.Slug, w.slug)
	}
	if w.summary != "" && a.Summary != w.summary {
		t.Errorf("summary %q, want %q", a.Summary, w.summary)
	}
	if a.Draft != w.draft {
		t.Errorf("draft %v, want %v", a.Draft, w.draft)
	}
}

// markupCase is a document read by its own markup (reST, AsciiDoc, Org)
// and what it must give.
type markupCase struct {
	name, src string
	want      postFields
	paras     []string
	warn      string
}

// runMarkupCases parses each case's src as a file named file and checks
// its fields, paragraphs and warnings.
func runMarkupCases(t *testing.T, file string, cases []markupCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(file, []byte(tt.src), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			tt.want.check(t, a)
			checkBody(t, a, tt.paras, tt.warn)
		})
	}
}

// A document read by its own markup that gives no title is titled by its
// first sentence, with a warning, as a text is.
func TestMarkupWithoutTitle(t *testing.T) {
	for _, file := range []string{"post.rst", "post.adoc", "post.org"} {
		runMarkupCases(t, file, []markupCase{{
			name:  file,
			src:   "The ferry was late again. Nobody on the quay was surprised.\n",
			want:  postFields{title: "The ferry was late again"},
			paras: []string{"The ferry was late again. Nobody on the quay was surprised."},
			warn:  warnFallbackTitle,
		}})
	}
}

// checkBody checks a's paragraphs, and that its warnings hold warn, or
// none when warn is "".
func checkBody(t *testing.T, a *Article, paras []string, warn string) {
	t.Helper()
	if !slices.Equal(a.BodyParagraphs, paras) {
		t.Errorf("paragraphs:\n got  %q\n want %q", a.BodyParagraphs, paras)
	}
	if got := strings.Join(a.Warnings, "\n"); warn != "" && !strings.Contains(got, warn) || warn == "" && got != "" {
		t.Errorf("warnings %q, want %q", a.Warnings, warn)
	}
}

// FuzzMetaLines: the block reader never panics, and what it leaves is the
// end of the text it was given.
func FuzzMetaLines(f *testing.F) {
	for _, s := range []string{
		"Title: a\nDate: 2024-05-02\n\nbody\n",
		"title: x\n  more\n\tmore\nTags: a; b,c\n",
		"Status: draft\n",
		"Note: text\n\nbody",
		" lead\nTitle: x\n\n",
		"Title:\n\n",
		"title:: [[a]]\npublic:: false\ntags:: [[b]], c]]\n::\nx::\n\ny",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		root, body, ok := metaLineBlock(src)
		if !ok {
			if body != src {
				t.Fatalf("no block, but the text changed: %q -> %q", src, body)
			}
			return
		}
		if !strings.HasSuffix(src, body) {
			t.Fatalf("body %q is not the end of %q", body, src)
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "" {
				t.Fatalf("empty key in %q", src)
			}
		}
		readFrontMatterNode(root, 1, goldenOptions())
	})
}
