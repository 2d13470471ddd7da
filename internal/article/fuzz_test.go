package article

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzBudget bounds one Parse call under fuzzing. Inputs are small, so a
// call that takes longer than this has a super-linear path.
const fuzzBudget = 2 * time.Second

// fuzzParse runs Parse and checks the invariants every input must keep:
// no panic (the fuzzer reports it), a known error or an article, valid
// UTF-8 and no character XML 1.0 forbids in any output string, and
// bounded time.
func fuzzParse(t *testing.T, name string, data []byte) {
	start := time.Now()
	a, err := Parse(name, data, Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), BaseURL: "https://example.org/"})
	if d := time.Since(start); d > fuzzBudget {
		t.Fatalf("Parse took %v on %d bytes", d, len(data))
	}
	if err != nil {
		if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrInvalidUTF8) && !errors.Is(err, ErrNoBody) && !errors.Is(err, ErrFormat) {
			t.Fatalf("unexpected error kind: %v", err)
		}
		return
	}
	check := func(field, s string) {
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not valid UTF-8: %q", field, s)
		}
		for _, r := range s {
			if !xmlChar(r) {
				t.Fatalf("%s holds %U, which XML forbids: %q", field, r, s)
			}
		}
	}
	check("title", a.Title)
	check("subtitle", a.Subtitle)
	check("author", a.Author)
	check("summary", a.Summary)
	check("slug", a.Slug)
	check("body_html", a.BodyHTML)
	for _, p := range a.BodyParagraphs {
		check("body_paragraphs", p)
	}
	for _, img := range a.Images {
		check("caption", img.Caption)
		check("credit", img.Credit)
	}
	for _, tag := range a.Tags {
		check("tags", tag)
	}
	for k, lines := range a.Removed {
		check("removed kind", k)
		for _, l := range lines {
			check("removed", l)
		}
	}
	for _, w := range a.Warnings {
		check("warnings", w)
	}
	if a.Dateline != nil {
		check("dateline.place", a.Dateline.Place)
		check("dateline.date_text", a.Dateline.DateText)
	}
	if a.Slug == "" || strings.Trim(a.Slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		t.Fatalf("slug %q is not lowercase ASCII", a.Slug)
	}
	if len(a.BodyParagraphs) == 0 {
		t.Fatal("an article without body paragraphs was returned without ErrNoBody")
	}
}

// xmlChar is XML 1.0's Char production, without the C1 controls and
// U+FFFD that Parse drops as well.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFD, r == 0xFFFE, r == 0xFFFF, r > 0x10FFFF:
		return false
	}
	return true
}

// The seed corpus is testdata/fuzz/<target>: the golden inputs in the
// fuzzer's file format. The f.Add seeds below are the hostile cases.

func FuzzParseText(f *testing.F) {
	f.Add([]byte("Title\n\nBy Jane Roe | Updated: March 3, 2024, 14:05 IST\n\nLONDON, Jan. 5 (Reuters) - Text."))
	f.Add([]byte("\xef\xbb\xbfa\r\nb\rc\x85\x93q\x94"))
	f.Add([]byte("Menu\n\nKultur\"Ein Titel\"\n\nKicker : Der Titel\n\nDer Titel - Kicker\n\nKicker Der Titel\n\nVon Jane Roe\n\nText."))
	f.Add([]byte("Title line here\nby jane roe and jan van der berg\n\nText of the story.\n\nJane Roe is a reporter for the Courier.\n\nTags\n\nharbour\n\nOLD TOWN\n\nCategories:\nNews, Sport\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.txt", data)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add([]byte("---\ntitle: [a\n---\n# H\n\n<script>x</script> &#0; &#xFFFE; &#1;\n"))
	f.Add([]byte("---\ntags: &a [*a, *a]\ndate: 2024-02-30\n---\n![a](b \"Photo: c\")\n\n- x\n  - y\n"))
	f.Add([]byte("---\ntitle: open\n\nA <script>x *y*\n\n- <style>z</style> w\n\n</script> v <SCRIPT/> u <script>"))
	f.Add([]byte("---\ndescription: d\ncategories: [a, A]\nsummary: s\nauthors: {name: x}\n---\n# T\n\nby jane roe\n\n![](x.jpg)\n\n*cap (Photo: a)*\n\n![b](y.jpg \"t\") *c*\n"))
	f.Add([]byte("# T\n\n{{< figure src=\"a b.jpg\" caption=\"c*d\" attr='e' >}}\n\n{{% notice %}}\ntext {{ site.baseurl }}/x `{{< y >}}`\n{{% /notice %}}\n{% comment %}\nz\n\n{{< highlight go >}}\nq\n```\n{% endhighlight %}\n{{</* w */>}} {{< youtube >}}"))
	f.Add([]byte("# T\n\n[[a]] [[b|c]] [[d#e]] [[#f]] [[]] [[g|]] ![[h.png|300]] ![[i.jpg|j]] ![[k]] [[l\n\n![[m]]\n\n> [!note]\n> n\n\n> [!x] y [[z]]\n\n> [!\n\n- > [!tip]- t\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.md", data)
	})
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte("<html><head><title>T &#1;</title><meta property=\"article:published_time\" content=\"2024-01-05T00:00:00Z\"></head><body><article><p>Hello &#xFFFE; world, and a little more text to read.</p></article></body></html>"))
	f.Add([]byte("<p>a<p>b<table><tr><td>c</table><a href=\"javascript:x\">d</a><img src=\"/e.png\" alt=\"f\">"))
	f.Add([]byte("<article><p>Some text of the article, long enough to be read as one.</p><figure><figure><img alt=\"&#1;a\" title=\"Photo: &#xFFFE;\"><figcaption>b (Photo: c)<img alt=x.png></figure><img title=\"t\"></article>"))
	f.Add([]byte("<html xml:lang=\"en-Latn-GB\"><head><meta http-equiv=\"content-language\" content=\"pt_BR, en\"></head><body><article><h1>H</h1><span class=\"time\">02/10/2020</span><p>Some text of the article, long enough to be read as one, on SEPTEMBER 28.</p></article></body></html>"))
	f.Add([]byte("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\"><title>\x93\xfa\x96\x7b</title></head><body><p>\x82\xa0\x82\xa2\xff\xfe text of the page, long enough to be read.</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.html", data)
	})
}

func FuzzParseMHTML(f *testing.F) {
	if data, err := os.ReadFile("testdata/golden/saved_page.mhtml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(mhtmlOf("Content-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: base64", base64Lines(mhtmlStory))))
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>a=3D=\r\nb =E2=80=99 =ZZ</p>"))
	f.Add([]byte("Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/html; charset=\"\r\n\r\n<p>y</p>\r\n--x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, "f.mhtml", data)
	})
}

// FuzzFindDate checks the date grammar on any line: a match is a span of
// the line that reads back as its text, and a relative date read there
// resolves from the reference time.
func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"Nov 20 20194:29 AM", "22. Dezember 201922. Dezember 2019", "2019年11月19日",
		"2020. 06. 04. 11:27", "4 de mayo de 202207:59", "01.21.2020", "vor 3 Stunden", "il y a 5 minutes", "31.02.20"} {
		f.Add(s)
	}
	ref := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if m, ok := findDate(s); ok {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("span [%d,%d) text %q of %q", m.Start, m.End, m.Text, s)
			}
			if m.Month < time.January || m.Month > time.December || m.Day < 1 || m.Day > 31 {
				t.Fatalf("%q: month %d day %d", s, m.Month, m.Day)
			}
			m.resolve(ref, time.UTC)
		}
		toks := tokenize(nil, s)
		for k := range toks {
			if m, next, ok := relativeDate(toks, k, ref); ok && (next <= k || next > len(toks) || !validDate(m.Year, m.Month, m.Day)) {
				t.Fatalf("%q: relative date at %d: next %d, %v", s, k, next, m)
			}
		}
	})
}
