package article

import (
	"slices"
	"strings"
	"testing"
)

func TestSiteTemplates(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        []string
	}{
		{"figure", `{{< figure src="wall.jpg" caption="The wall at dawn" attr="Jane Roe" >}}` + "\n",
			"![The wall at dawn](<wall.jpg>)\n\n*The wall at dawn (Jane Roe)*\n", nil},
		{"figure with alt and title, % delimiters", `{{% figure src="/img/a b.png" alt="Gulls_over *the* bay" title="Gulls" %}}` + "\n",
			`![Gulls\_over \*the\* bay](</img/a b.png> "Gulls")` + "\n", nil},
		{"youtube", "Watch:\n\n{{< youtube w7Ft2ymGmfc >}}\n", "Watch:\n\n[Video on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)\n", nil},
		{"vimeo by name", `{{< vimeo id="146022717" >}}` + "\n", "[Video on Vimeo](https://vimeo.com/146022717)\n", nil},
		{"paired shortcode keeps its text", "{{% notice note %}}\nThe path is closed in winter.\n{{% /notice %}}\n",
			"The path is closed in winter.\n", []string{"{{% notice note %}}", "{{% /notice %}}"}},
		{"unknown shortcode dropped", "Before.\n{{< tweet user=\"x\" id=\"1\" >}}\nAfter.\n", "Before.\nAfter.\n", []string{`{{< tweet user="x" id="1" >}}`}},
		{"a ref is the path of the page's file", `See [the last walk]({{< ref "walk.md" >}}) and [the log]({{< relref path="/logs/may" >}}).` + "\n",
			"See [the last walk](walk.md) and [the log](https://example.org/files/logs/may).\n", nil},
		{"a ref to nothing dropped", `See [it]({{< ref >}}).` + "\n", "See [it]().\n", []string{`{{< ref >}}`}},
		{"hugo highlight", "{{< highlight go >}}\nx := {{ .Title }}\n{{< /highlight >}}\n", "```go\nx := {{ .Title }}\n```\n", nil},
		{"liquid highlight", "{% highlight ruby %}\nputs '{% raw %}'\n{% endhighlight %}\n", "```ruby\nputs '{% raw %}'\n```\n", nil},
		{"liquid include", "Text.\n{% include signup.html %}\n", "Text.\n", []string{"{% include signup.html %}"}},
		{"liquid comment block", "A.\n{% comment %}\nnot for readers\n{% endcomment %}\nB.\n", "A.\nB.\n", []string{"{% comment %}"}},
		{"liquid raw inline", "Write {% raw %}{{ page.title }}{% endraw %} in a layout, {{ page.x }}.\n", "Write {{ page.title }} in a layout, .\n", []string{"{{ page.x }}"}},
		{"liquid raw block", "{% raw %}\n{{ site.title }} and {% if x %}\n{% endraw %}\n{{ page.y }}\n", "\n{{ site.title }} and {% if x %}\n\n", []string{"{{ page.y }}"}},
		{"liquid comment never closed", "A.\n{% comment %}\nB.\n", "A.\nB.\n", []string{"{% comment %}"}},
		{"base url", "![Gulls]({{ site.baseurl }}/images/gulls.jpg) and [x]({{ \"/about/\" | relative_url }})\n", "![Gulls](/images/gulls.jpg) and [x](/about/)\n", nil},
		{"other output dropped", "Hello {{ page.author }}.\n", "Hello .\n", []string{"{{ page.author }}"}},
		{"code fence kept", "```\n{{< figure src=\"x.jpg\" >}}\n{% include y %}\n```\n", "```\n{{< figure src=\"x.jpg\" >}}\n{% include y %}\n```\n", nil},
		{"code span kept", "Write `{{< youtube ID >}}` and `{% raw %}`.\n", "Write `{{< youtube ID >}}` and `{% raw %}`.\n", nil},
		{"escaped shortcode shown", "Write {{</* figure src=\"x.jpg\" */>}} in the post.\n", "Write {{< figure src=\"x.jpg\" >}} in the post.\n", nil},
		{"nothing to do", "Plain {braces} and 100% sure.\n", "Plain {braces} and 100% sure.\n", nil},
	}
	for _, tc := range tests {
		got, removed := siteTemplates(tc.in, "https://example.org/files/")
		if got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
		if !slices.Equal(removed, tc.removed) {
			t.Errorf("%s: removed %q, want %q", tc.name, removed, tc.removed)
		}
	}
}

// TestHugoPost: a post moved from Hugo reads as its readers saw it.
func TestHugoPost(t *testing.T) {
	src := "---\ntitle: A walk to the lighthouse\n---\n\nWe set off at dawn along the cliff path.\n\n" +
		"{{< figure src=\"lighthouse.jpg\" caption=\"The lighthouse at first light\" >}}\n\n" +
		"The keeper's cottage is now a café.\n\n{{< youtube w7Ft2ymGmfc >}}\n"
	a, err := Parse("walk.md", []byte(src), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<img src="https://example.org/news/lighthouse.jpg" alt="The lighthouse at first light">`, `href="https://www.youtube.com/watch?v=w7Ft2ymGmfc"`} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if strings.Contains(a.BodyHTML, "{{") {
		t.Errorf("template tags left in the body:\n%s", a.BodyHTML)
	}
	if len(a.Images) != 1 || a.Images[0].Caption != "The lighthouse at first light" {
		t.Errorf("images %+v", a.Images)
	}
}

// TestMoreDivider: the text above Hugo's and Jekyll's "<!--more-->" is
// the summary, as those sites show it.
func TestMoreDivider(t *testing.T) {
	const story = "We set off at dawn.\n\nThe path climbs to the lighthouse.\n\n"
	tests := []struct{ name, src, want string }{
		{"divider", "# A walk\n\n" + story + "<!--more-->\n\nThe keeper's cottage is a café now.\n", "We set off at dawn. The path climbs to the lighthouse."},
		{"spaced divider", "# A walk\n\n" + story + "  <!-- more -->\n\nThe keeper's cottage is a café now.\n", "We set off at dawn. The path climbs to the lighthouse."},
		{"no divider", "# A walk\n\n" + story, "We set off at dawn."},
		{"divider in code", "# A walk\n\n" + story + "```\n<!--more-->\n```\n", "We set off at dawn."},
		{"divider first", "# A walk\n\n<!--more-->\n\n" + story, "We set off at dawn."},
		{"front matter wins", "---\ntitle: A walk\nsummary: Up to the lighthouse.\n---\n\n" + story + "<!--more-->\n\nMore.\n", "Up to the lighthouse."},
		{"a list above", "# A walk\n\n- bread\n- cheese\n\n<!--more-->\n\nWe ate on the cliff.\n", "bread cheese"},
	}
	for _, tc := range tests {
		a, err := Parse("a.md", []byte(tc.src), goldenOptions())
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if a.Summary != tc.want {
			t.Errorf("%s: summary %q, want %q", tc.name, a.Summary, tc.want)
		}
	}
}

// TestPicturesFromTheRoot: a Markdown picture written from the root, as a
// post moved from Jekyll or Hugo has them, is looked for at the seeds
// folder's root as the site serves it; links and relative pictures are
// not.
func TestPicturesFromTheRoot(t *testing.T) {
	src := "---\ntitle: Gulls\nimage: /img/cover.jpg\n---\n\nThe gulls came back to the harbour this week.\n\n" +
		"![Gulls]({{ site.baseurl }}/images/gulls.jpg) ![Nest](nest.jpg) ![Far](//cdn.example.net/far.jpg)\n\n[About](/about/)\n"
	opts := goldenOptions()
	opts.BaseURL, opts.FilesURL = "https://news.example.org/files/birds/", "https://news.example.org/files/"
	a, err := Parse("birds/gulls.md", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`src="https://news.example.org/files/images/gulls.jpg"`,
		`src="https://news.example.org/files/birds/nest.jpg"`,
		`src="https://cdn.example.net/far.jpg"`,
		`href="https://news.example.org/about/"`,
	} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if len(a.Pictures) == 0 || a.Pictures[0].URL != "https://news.example.org/files/img/cover.jpg" {
		t.Errorf("lead picture %v", a.Pictures)
	}
	// Without the folder's address (check without a config), the root is
	// the site's, as before.
	opts.FilesURL = ""
	if a, err = Parse("birds/gulls.md", []byte(src), opts); err != nil || !strings.Contains(a.BodyHTML, `src="https://news.example.org/images/gulls.jpg"`) {
		t.Errorf("without FilesURL: %v\n%s", err, a.BodyHTML)
	}
}
