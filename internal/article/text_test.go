package article

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"China carried out spy operations in US, UK for 14 years", "china-carried-out-spy-operations-in-us-uk-for-14-years"},
		{"Café owners protest new terrace rules", "cafe-owners-protest-new-terrace-rules"},
		{"Straße, Øresund & Łódź: Ærø’s þing", "strasse-oresund-and-lodz-aeros-thing"},
		{"Don't panic!!!", "dont-panic"},
		{"  --  ", ""},
		{"Скайрим скорость", ""},
		{"Ｆｕｌｌｗｉｄｔｈ ２０２４", "fullwidth-2024"},
		{strings.Repeat("word ", 40), strings.TrimSuffix(strings.Repeat("word-", 16), "-")},
		{strings.Repeat("x", 200), strings.Repeat("x", 80)},
	}
	for _, tc := range tests {
		if got := Slugify(tc.in); got != tc.want {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSlugFor(t *testing.T) {
	tests := []struct{ title, name, want string }{
		{"A title", "x.txt", "a-title"},
		{"Скайрим скорость", "seeds/skyrim-speed.md", "skyrim-speed"},
		{"", `C:\seeds\Ünïcode File.TXT`, "unicode-file"},
		{"Скайрим", "скайрим.txt", "article"},
	}
	for _, tc := range tests {
		if got := slugFor(tc.title, tc.name); got != tc.want {
			t.Errorf("slugFor(%q, %q) = %q, want %q", tc.title, tc.name, got, tc.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	sentence := "The council met on Tuesday and agreed to spend the remaining funds on the playground. "
	long := strings.Repeat(sentence, 6)
	tests := []struct {
		name, in, want string
	}{
		{"short kept whole", "One short paragraph.", "One short paragraph."},
		{"cut at a sentence near 300", long, strings.TrimSpace(strings.Repeat(sentence, 3))},
		{"abbreviation is not an end", "Officials in the U.S. and Mr. Smith said so" + strings.Repeat(" again", 20) + ". " + strings.Repeat("word ", 80),
			"Officials in the U.S. and Mr. Smith said so" + strings.Repeat(" again", 20) + "."},
		{"no sentence end: word cut with ellipsis", strings.Repeat("word ", 100), strings.TrimSpace(strings.Repeat("word ", 59)) + "…"},
		{"closing quote kept", strings.Repeat("a", 150) + " said “it is done.” " + strings.Repeat("b ", 150), strings.Repeat("a", 150) + " said “it is done.”"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := summarize(tc.in)
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if n := len([]rune(got)); n > summaryMax+1 {
				t.Errorf("summary of %d characters", n)
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "a b\n\n c d \n\n\ne", []string{"a b", "c d", "e"}},
		{"single newlines", "one\ntwo\nthree", []string{"one", "two", "three"}},
		{"hard wrapped", "The small bakery on the corner of the market square has won\nthe regional prize for its dark rye loaf this year.\n\nNext.",
			[]string{"The small bakery on the corner of the market square has won the regional prize for its dark rye loaf this year.", "Next."}},
		{"list not joined", "- the first item of the shopping list is bread\n- the second item of the shopping list is milk", []string{"- the first item of the shopping list is bread", "- the second item of the shopping list is milk"}},
		{"menu not joined", "Home\nNews\nSport", []string{"Home", "News", "Sport"}},
		{"sentences per line not joined", "The first line is a whole sentence on its own.\nThe second line is another whole sentence here.", []string{"The first line is a whole sentence on its own.", "The second line is another whole sentence here."}},
		{"nbsp-only line is blank", "a\n\u00a0\nb", []string{"a", "b"}},
		{"title over its byline", "Harbour reopens to the public after repairs\nBy Jane Roe", []string{"Harbour reopens to the public after repairs", "By Jane Roe"}},
		{"title over its date", "Harbour reopens to the public after repairs\nMarch 3, 2024", []string{"Harbour reopens to the public after repairs", "March 3, 2024"}},
		{"title over a labelled byline", "Titel: Der Hafen öffnet wieder\nAutor: Jana Roth", []string{"Titel: Der Hafen öffnet wieder", "Autor: Jana Roth"}},
		{"title over its standfirst", "Harbour reopens after two years of repairs\nThe pier is safe again at last", []string{"Harbour reopens after two years of repairs", "The pier is safe again at last"}},
		{"wrapped before a capital", "Officials from the city council and the regional government met\nMonday to discuss the budget for the coming year.",
			[]string{"Officials from the city council and the regional government met Monday to discuss the budget for the coming year."}},
		{"wrapped before a lower-case by", "The council will finish the new library and the playgrounds\nby the end of the year, the mayor said on Tuesday.",
			[]string{"The council will finish the new library and the playgrounds by the end of the year, the mayor said on Tuesday."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := splitParagraphs(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	opts := Options{Location: time.UTC, Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name  string
		yaml  string
		check func(t *testing.T, fm frontMatter)
		warns []string // substrings, in order
	}{
		{"all keys", "title: T\ndate: 2024-01-05\nupdated: 2024-01-06 10:00\nauthor: [A, B]\nsummary: S\ntags: a, b, A\ndraft: true\nslug: Hello World\n",
			func(t *testing.T, fm frontMatter) {
				if fm.Title != "T" || fm.Author != "A, B" || fm.Summary != "S" || fm.Slug != "hello-world" || !fm.Draft {
					t.Errorf("got %+v", fm)
				}
				if !reflect.DeepEqual(fm.Tags, []string{"a", "b"}) {
					t.Errorf("tags %q", fm.Tags)
				}
				if fm.Date == nil || !fm.Date.Equal(time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)) || fm.Updated == nil || fm.Updated.Hour() != 10 {
					t.Errorf("dates %v %v", fm.Date, fm.Updated)
				}
			}, nil},
		{"prose date", "date: March 3, 2024\n", func(t *testing.T, fm frontMatter) {
			if fm.Date == nil || fm.Date.Day() != 3 {
				t.Errorf("date %v", fm.Date)
			}
		}, nil},
		{"bad values name key and line", "title: [a, b]\ndraft: maybe\ndate: soon\ntags: {a: 1}\n", nil,
			[]string{`"title" (line 2)`, `"draft" (line 3)`, `"date" (line 4)`, `"tags" (line 5)`}},
		{"unknown key", "colour: blue\n", nil, []string{`unknown key "colour" (line 2)`}},
		{"not a mapping", "- a\n- b\n", nil, []string{"want a mapping"}},
		{"broken yaml", "title: \"unclosed\n", nil, []string{"front matter: ignored"}},
		{"null title", "title:\n", nil, []string{`"title" (line 2): want a string, got null`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fm, warns := readFrontMatter(tc.yaml, 2, opts)
			if tc.check != nil {
				tc.check(t, fm)
			}
			if len(warns) != len(tc.warns) {
				t.Fatalf("warnings %q, want %d", warns, len(tc.warns))
			}
			for i, w := range tc.warns {
				if !strings.Contains(warns[i], w) {
					t.Errorf("warning %q lacks %q", warns[i], w)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"a.txt", "", ErrEmpty},
		{"a.md", "---\ntitle: Only front matter\n---\n", ErrNoBody},
		{"a.html", "<html><body><nav>Home</nav></body></html>", ErrNoBody},
		{"a.txt", "\x00\x01", ErrBinary},
		{"a.md", "\x81\x8d", ErrInvalidUTF8},
	}
	for _, tc := range tests {
		_, err := Parse(tc.name, []byte(tc.data), Options{})
		if !errors.Is(err, tc.want) {
			t.Errorf("Parse(%q, %q) = %v, want %v", tc.name, tc.data, err, tc.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), tc.name+": ") {
			t.Errorf("error %q does not name the file", err)
		}
	}
}

func TestFormatOf(t *testing.T) {
	tests := map[string]Format{
		"a.md": FormatMarkdown, "a.MARKDOWN": FormatMarkdown, "a.html": FormatHTML, "b/c.HTM": FormatHTML,
		"a.txt": FormatText, "noext": FormatText, "a.md.bak": FormatText, `c:\x\y.md`: FormatMarkdown,
	}
	for name, want := range tests {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNoReferenceTime(t *testing.T) {
	a, err := Parse("a.txt", []byte("Headline for the story\n\nNew Delhi, March 25: The text of the story goes on for a while, as stories do."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != nil || a.Dateline == nil || a.Dateline.Year != nil {
		t.Errorf("published %v, dateline %+v: want no date without a reference time", a.Published, a.Dateline)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "no reference time") {
		t.Errorf("warnings %q", a.Warnings)
	}
}

// TestFrontMatterKeysAreRead: every key frontMatterKeys names is read
// without a warning (a key the list names and the reader does not read,
// or reads under another name, fails here).
func TestFrontMatterKeysAreRead(t *testing.T) {
	opts := Options{Location: time.UTC, Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	examples := map[string]string{
		"title": "T", "summary": "S", "slug": "s", "author": "A", "image": "pic.jpg",
		"date": "2024-01-05", "updated": "2024-01-06", "tags": "a, b", "draft": "true",
		"subtitle": "Sub", "description": "D", "excerpt": "E", "authors": "[A, B]", "categories": "[c]",
		"lastmod": "2024-01-07", "last_modified_at": "2024-01-08",
	}
	for _, key := range frontMatterKeys {
		v, ok := examples[key]
		if !ok {
			t.Errorf("no example for key %q", key)
			continue
		}
		fm, warns := readFrontMatter(key+": "+v+"\n", 2, opts)
		if len(warns) > 0 || reflect.DeepEqual(fm, frontMatter{}) {
			t.Errorf("key %q: front matter %+v, warnings %q", key, fm, warns)
		}
	}
}

// TestFrontMatterAliases: a static-site generator's names for seedfeed's
// fields are read, and seedfeed's own name wins wherever it stands.
func TestFrontMatterAliases(t *testing.T) {
	opts := Options{Location: time.UTC, Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	day := func(d int) *time.Time { t := time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC); return &t }
	tests := []struct {
		name, src string
		want      frontMatter
	}{
		{"description is the summary", "description: D\n", frontMatter{Summary: "D"}},
		{"summary wins after it", "description: D\nsummary: S\n", frontMatter{Summary: "S"}},
		{"summary wins before it", "summary: S\nexcerpt: E\n", frontMatter{Summary: "S"}},
		{"authors", "authors: [Ana Lima, Bo Chen]\n", frontMatter{Author: "Ana Lima, Bo Chen", Authors: []string{"Ana Lima", "Bo Chen"}}},
		{"author wins", "authors: [Bo Chen]\nauthor: Ana Lima\n", frontMatter{Author: "Ana Lima", Authors: []string{"Ana Lima"}}},
		{"categories follow the tags, each once", "categories: [News, Port]\ntags: [port, harbour]\n", frontMatter{Tags: []string{"port", "harbour", "News"}}},
		{"lastmod is the update", "lastmod: 2024-01-07\n", frontMatter{Updated: day(7)}},
		{"updated wins", "updated: 2024-01-06\nlast_modified_at: 2024-01-08\n", frontMatter{Updated: day(6)}},
		{"a subtitle", "subtitle: The pier is safe again\n", frontMatter{Subtitle: "The pier is safe again"}},
	}
	// A bad value is named by the key as written.
	if _, warns := readFrontMatter("description: [a, b]\n", 2, opts); len(warns) != 1 || !strings.Contains(warns[0], `key "description" (line 2)`) {
		t.Errorf("warnings %q, want one naming description", warns)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fm, warns := readFrontMatter(tc.src, 2, opts)
			if len(warns) > 0 || !reflect.DeepEqual(fm, tc.want) {
				t.Errorf("front matter %+v, warnings %q; want %+v", fm, warns, tc.want)
			}
		})
	}
}

// TestFrontMatterFromSiteGenerators: the keys that only steer a site's
// pages pass without a warning, an unknown one still warns, and Jekyll's
// "published: false" keeps a post a draft.
func TestFrontMatterFromSiteGenerators(t *testing.T) {
	src := "---\nlayout: post\ntitle: Unfinished\npermalink: /x/\nshowToc: true\npublished: false\ncover: big.jpg\n---\n\nWords of a post that is not ready.\n"
	a, err := Parse("a.md", []byte(src), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !a.Draft {
		t.Error("published: false is not a draft")
	}
	if len(a.Warnings) != 1 || a.Warnings[0] != `front matter: unknown key "cover" (line 7) ignored` {
		t.Errorf("warnings %q, want the one for cover", a.Warnings)
	}
	a, err = Parse("a.md", []byte("---\ntitle: Ready\npublished: true\ndraft: true\n---\n\nWords.\n"), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !a.Draft {
		t.Error("draft: true lost to published: true")
	}
}
