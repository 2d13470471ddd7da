package article

import (
	"strings"
	"testing"
)

func TestDropTitleHeading(t *testing.T) {
	const title = "Lifeboat day"
	tests := []struct{ name, in, want string }{
		{"opening heading", `<div id="x"><h2>Lifeboat day</h2>` + "\n" + `<p>Tours start at ten.</p></div>`, `<div id="x"><p>Tours start at ten.</p></div>`},
		{"case, spaces and entities", `<h1 class="t"> Lifeboat&#32;<em>DAY</em> </h1><p>x</p>`, `<p>x</p>`},
		{"another heading", `<h2>Open day</h2><p>x</p>`, `<h2>Open day</h2><p>x</p>`},
		{"after a paragraph", `<p>x</p><h2>Lifeboat day</h2>`, `<p>x</p><h2>Lifeboat day</h2>`},
		{"after text", `Note: <h2>Lifeboat day</h2>`, `Note: <h2>Lifeboat day</h2>`},
		{"after a picture", `<img src="a.jpg"><h2>Lifeboat day</h2>`, `<img src="a.jpg"><h2>Lifeboat day</h2>`},
		{"unclosed", `<h2>Lifeboat day`, `<h2>Lifeboat day`},
		{"empty", ``, ``},
	}
	for _, tc := range tests {
		if got := dropTitleHeading(tc.in, title); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := dropTitleHeading(`<h2>x</h2>`, ""); got != `<h2>x</h2>` {
		t.Errorf("no title: %q", got)
	}
}

// TestShortHandWrittenPage: a short HTML note keeps its figure, and shows
// its headline once.
func TestShortHandWrittenPage(t *testing.T) {
	page := "<h1>Lifeboat day</h1>\n<p>The lifeboat station opens its doors on Saturday.</p>\n" +
		"<figure><img src=\"boat.jpg\" alt=\"The lifeboat\"><figcaption>The station's new boat</figcaption></figure>\n" +
		"<p>Tours start at ten.</p>\n<p>Bring a coat.</p>\n"
	a, err := Parse("note.html", []byte(page), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Lifeboat day" {
		t.Errorf("title %q", a.Title)
	}
	for _, want := range []string{`<figure><img src="https://example.org/news/boat.jpg" alt="The lifeboat"/><figcaption>The station&#39;s new boat</figcaption></figure>`, "<p>Bring a coat.</p>"} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if strings.Contains(a.BodyHTML, "Lifeboat day") {
		t.Errorf("body HTML repeats the headline:\n%s", a.BodyHTML)
	}
	if len(a.Images) != 1 || a.Images[0].Caption != "The station's new boat" {
		t.Errorf("images %+v", a.Images)
	}
	if got := strings.Join(a.BodyParagraphs, "|"); got != "The lifeboat station opens its doors on Saturday.|Tours start at ten.|Bring a coat." {
		t.Errorf("paragraphs %q", got)
	}
}
