package article

import (
	"html"
	"strings"
	"testing"
)

func TestParagraphsHTMLEscapesAsTheStandardLibrary(t *testing.T) {
	ps := []string{"plain", `a <b> & "c" 'd'`, "<<&&>>", "", "trailing &", "ünïcödé <ok>"}
	var want []string
	for _, p := range ps {
		want = append(want, "<p>"+html.EscapeString(p)+"</p>")
	}
	if got := paragraphsHTML(ps); got != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, strings.Join(want, "\n"))
	}
	if got := paragraphsHTML(nil); got != "" {
		t.Errorf("no paragraphs: %q", got)
	}
}
