package article

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestTOMLFrontMatter(t *testing.T) {
	src := `# a Hugo post
title = "A walk to the \"lighthouse\" \u00e9"
subtitle = 'C:\paths stay'
date = 2024-05-02T08:00:00+01:00
lastmod = 2024-05-03 09:30:00Z
draft = false
weight = 10
tags = [ "walks",
  "coast", # the sea
]
categories = ['Travel']
authors = [{ name = "Jane Roe" }, "Tom Lind"]
description = """
Up the cliff path \
    at dawn."""
"slug" = "walk"

[params]
title = "not the post's"
`
	fm, warns := readTOMLFrontMatter(src, 2, goldenOptions())
	if len(warns) > 0 {
		t.Fatalf("warnings %q", warns)
	}
	checks := []struct{ name, got, want string }{
		{"title", fm.Title, `A walk to the "lighthouse" é`},
		{"subtitle", fm.Subtitle, `C:\paths stay`},
		{"author", fm.Author, "Jane Roe, Tom Lind"},
		{"summary", fm.Summary, "Up the cliff path at dawn."},
		{"slug", fm.Slug, "walk"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if want := time.Date(2024, 5, 2, 7, 0, 0, 0, time.UTC); fm.Date == nil || !fm.Date.Equal(want) {
		t.Errorf("date %v, want %v", fm.Date, want)
	}
	if want := time.Date(2024, 5, 3, 9, 30, 0, 0, time.UTC); fm.Updated == nil || !fm.Updated.Equal(want) {
		t.Errorf("updated %v, want %v", fm.Updated, want)
	}
	if !slices.Equal(fm.Tags, []string{"walks", "coast", "Travel"}) || fm.Draft {
		t.Errorf("tags %q, draft %v", fm.Tags, fm.Draft)
	}
}

func TestTOMLFrontMatterErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title = \"open\n", "TOML line 2: a string is not closed on its line"},
		{"title = \"a\"\ntags = [\"x\"\n", "TOML line 4: an array is not closed"},
		{"title\n", `TOML line 2: want = after key "title"`},
		{"title = \"a\" \"b\"\n", `unexpected '"' after the value of "title"`},
		{"title = \"\\q\"\n", `unknown escape \q`},
		{"title = \"\\u12\"\n", `escape is cut short`},
		{"draft = maybe\n", `key "draft" (line 2): want true or false`},
		{"colour = \"blue\"\n", `unknown key "colour" (line 2) ignored`},
	}
	for _, tc := range tests {
		_, warns := readTOMLFrontMatter(tc.src, 2, goldenOptions())
		if len(warns) != 1 || !strings.Contains(warns[0], tc.want) {
			t.Errorf("%q: warnings %q, want one holding %q", tc.src, warns, tc.want)
		}
	}
}

// TestFrontMatterSyntaxes: Hugo's TOML and JSON front matter give a post
// its fields as YAML does.
func TestFrontMatterSyntaxes(t *testing.T) {
	body := "\nWe set off at dawn along the cliff path.\n"
	for name, src := range map[string]string{
		"yaml": "---\ntitle: A walk\ndate: 2024-05-02\ntags: [walks]\n---\n" + body,
		"toml": "+++\ntitle = \"A walk\"\ndate = 2024-05-02\ntags = [\"walks\"]\n+++\n" + body,
		"json": "{\n  \"title\": \"A walk\",\n  \"date\": \"2024-05-02\",\n  \"tags\": [\"walks\"]\n}\n" + body,
	} {
		a, err := Parse("a.md", []byte(src), goldenOptions())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Title != "A walk" || a.Published == nil || a.Published.Day() != 2 || !slices.Equal(a.Tags, []string{"walks"}) || len(a.Warnings) > 0 {
			t.Errorf("%s: title %q, published %v, tags %q, warnings %q", name, a.Title, a.Published, a.Tags, a.Warnings)
		}
		if len(a.BodyParagraphs) != 1 || a.BodyParagraphs[0] != "We set off at dawn along the cliff path." {
			t.Errorf("%s: body %q", name, a.BodyParagraphs)
		}
	}
	// An opening +++ never closed is Markdown, with a warning; a brace
	// that opens no object is text.
	a, err := Parse("a.md", []byte("+++\ntitle = \"x\"\n\nWords of the post.\n"), goldenOptions())
	if err != nil || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "opening +++ has no closing +++") {
		t.Errorf("unclosed +++: %v, warnings %q", err, a.Warnings)
	}
	if a, err := Parse("a.md", []byte("{\nnot json at all\n\nWords of the post.\n"), goldenOptions()); err != nil || len(a.BodyParagraphs) == 0 {
		t.Errorf("a lone brace: %v", err)
	}
	a, err = Parse("a.md", []byte("{\nsets: [a, {b\n}\n\nWords of the post.\n"), goldenOptions())
	if err != nil || !strings.Contains(strings.Join(a.BodyParagraphs, " "), "sets: [a, {b") || strings.Contains(strings.Join(a.Warnings, " "), "front matter") {
		t.Errorf("braces around no object: %v, body %q, warnings %q", err, a.BodyParagraphs, a.Warnings)
	}
}

// FuzzTOMLFrontMatter: the TOML reader never panics or hangs on any
// block, and a literal string comes back as written.
func FuzzTOMLFrontMatter(f *testing.F) {
	for _, s := range []string{
		"title = \"a\"\ndate = 2024-05-02T08:00:00+01:00\ntags = [\"x\", 'y']\n",
		"authors = [{ name = \"Jane\" }, [[[]]]]\n[params]\nx = 1\n",
		"d = \"\"\"\nline \\\n  next\"\"\"\"\ne = '''raw\\'''\n",
		"a.b.\"c\" = \"\\U0001F600 \\u00e9\"\n# c\n",
		"x = {a = {b = {c = 1}}}\n",
		"x = [\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		readTOMLFrontMatter(src, 2, goldenOptions())
		if !utf8.ValidString(src) || strings.ContainsAny(src, "'\r\n") {
			return
		}
		fm, warns := readTOMLFrontMatter("title = '"+src+"'\n", 2, goldenOptions())
		if want := strings.TrimSpace(src); len(warns) > 0 || fm.Title != want {
			t.Fatalf("title = '%s': got %q, %q; want %q", src, fm.Title, warns, want)
		}
	})
}
