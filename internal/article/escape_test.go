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
	// Every special character at every offset of a word, beside
	// bytes that differ from it by one bit.
	ps = ps[:0]
	for _, c := range `<>&'"=?%$é` {
		for at := 0; at <= 19; at++ {
			p := strings.Repeat("a", at) + string(c) + strings.Repeat("=", 19-at) + "\x7f"
			ps = append(ps, p)
		}
	}
	want = want[:0]
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
