package feed

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRewriteContent(t *testing.T) {
	base, _ := url.Parse("https://example.org/blog/articles/pier")
	tests := []struct {
		name, in, want, text string
	}{
		{"relative href", `<a href="../about">x</a>`, `<a href="https://example.org/blog/about">x</a>`, "x"},
		{"root-relative", `<a href="/tags/sea">x</a>`, `<a href="https://example.org/tags/sea">x</a>`, "x"},
		{"fragment", `<a href="#n1">1</a>`, `<a href="https://example.org/blog/articles/pier#n1">1</a>`, "1"},
		{"empty href is the page", `<a href="">x</a>`, `<a href="https://example.org/blog/articles/pier">x</a>`, "x"},
		{"protocol-relative", `<img src="//cdn.example.net/a.png"/>`, `<img src="https://cdn.example.net/a.png"/>`, ""},
		{"absolute untouched", `<a href="mailto:a@example.org">m</a>`, `<a href="mailto:a@example.org">m</a>`, "m"},
		{"src and srcset", `<img src="a.jpg" srcset="a-1x.jpg 1x,  /b-2x.jpg 2x , c.jpg 480w"/>`,
			`<img src="https://example.org/blog/articles/a.jpg" srcset="https://example.org/blog/articles/a-1x.jpg 1x, https://example.org/b-2x.jpg 2x, https://example.org/blog/articles/c.jpg 480w"/>`, ""},
		{"cite poster", `<blockquote cite="q">t</blockquote><video poster="p.jpg"></video>`,
			`<blockquote cite="https://example.org/blog/articles/q">t</blockquote><video poster="https://example.org/blog/articles/p.jpg"></video>`, "t"},
		{"uppercase attribute", `<A HREF="x">y</A>`, `<a href="https://example.org/blog/articles/x">y</a>`, "y"},
		{"unparseable URL dropped", `<a href="http://[::1">x</a>`, `<a>x</a>`, "x"},
		{"query kept escaped", `<a href="?a=1&amp;b=2">q</a>`, `<a href="https://example.org/blog/articles/pier?a=1&amp;b=2">q</a>`, "q"},
		{"text only", "no markup, just ]]> here", "no markup, just ]]> here", "no markup, just ]]> here"},
		{"entity only", "fish &amp; chips", "fish &amp; chips", "fish & chips"},
		{"block boundaries separate words", "<p>one</p><p>two <b>th</b>ree</p>", "<p>one</p><p>two <b>th</b>ree</p>", "one two three"},
		{"svg xlink", `<svg><a xlink:href="s">t</a></svg>`, `<svg><a xlink:href="https://example.org/blog/articles/s">t</a></svg>`, "t"},
		{"noscript parsed as markup", `<noscript><img src="n.png"></noscript>`, `<noscript><img src="https://example.org/blog/articles/n.png"></noscript>`, ""},
		{"script kept raw and unshown", `<script>if (a < b && c) {}</script>x`, `<script>if (a < b && c) {}</script>x`, "x"},
		{"style kept raw", `<style>p > a { color: red }</style>`, `<style>p > a { color: red }</style>`, ""},
		{"comment", `<!-- a ]]> b -->c`, `<!-- a ]]> b -->c`, "c"},
		{"tags kept as written", `<p>a<br>b<img src="/i">`, `<p>a<br>b<img src="https://example.org/i">`, "a b"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, text := rewriteContent(tt.in, base)
			if got != tt.want {
				t.Errorf("html:\n got %s\nwant %s", got, tt.want)
			}
			if text != tt.text {
				t.Errorf("text = %q, want %q", text, tt.text)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	short := "A short summary."
	if got := excerpt(short); got != short {
		t.Errorf("excerpt(short) = %q", got)
	}
	exact := strings.Repeat("x", excerptRunes)
	if got := excerpt(exact); got != exact {
		t.Errorf("a text of exactly %d runes was cut", excerptRunes)
	}
	long := strings.Repeat("word ", 100)
	got := excerpt(long)
	if n := utf8.RuneCountInString(got); n > excerptRunes {
		t.Errorf("excerpt has %d runes, want at most %d", n, excerptRunes)
	}
	if !strings.HasSuffix(got, "word…") {
		t.Errorf("excerpt should end on a whole word and an ellipsis: %q", got)
	}
	wide := strings.Repeat("港", 400)
	if got := excerpt(wide); !utf8.ValidString(got) || utf8.RuneCountInString(got) != excerptRunes {
		t.Errorf("excerpt of CJK text: %d runes, valid %v", utf8.RuneCountInString(got), utf8.ValidString(got))
	}
}

// TestRenderDeepNesting guards against the tree parser's limit of 512 open
// elements: one such article must not fail the whole feed.
func TestRenderDeepNesting(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + `<a href="deep">x</a>` + strings.Repeat("</div>", 5000)
	out, err := Render(fullMeta(), []Item{{ID: "tag:localhost,2024:deep", Slug: "deep", ContentHTML: deep}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out[PathRSS]), `<a href="http://localhost:8080/articles/deep">x</a>`) {
		t.Error("the link in deeply nested content was not made absolute")
	}
}
