package article

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestParagraphsHTMLEscapesAsTheStandardLibrary(t *testing.T) {
	ps := []string{"plain", `a <b> & "c" 'd'`, "<<&&>>", "", "trailing &", "ünïcödé <ok>"}
	var want []string
	for _, p := range ps {
		want = append(want, "<p>"+html.EscapeString(p)+"</p>")
	}
	if got := ParagraphsHTML(ps); got != strings.Join(want, "\n") {
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
	if got := ParagraphsHTML(ps); got != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, strings.Join(want, "\n"))
	}
	if got := ParagraphsHTML(nil); got != "" {
		t.Errorf("no paragraphs: %q", got)
	}
}

// escapeIn finds exactly the five escaped bytes, whatever the others.
func TestEscapeIn(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	other := func() uint64 {
		for {
			if c := byte(r.Uint32()); strings.IndexByte(`<>&'"`, c) < 0 {
				return uint64(c)
			}
		}
	}
	for b := range 256 {
		want := strings.IndexByte(`<>&'"`, byte(b)) >= 0
		for k := range 8 {
			for range 32 {
				var x uint64
				for j := range 8 {
					x |= other() << (8 * j)
				}
				x = x&^(0xFF<<(8*k)) | uint64(b)<<(8*k)
				if got := escapeIn(x); got != want {
					t.Fatalf("byte %#x at %d of %#x: %v", b, k, x, got)
				}
			}
		}
	}
}

// IsParagraphsHTML must accept exactly what ParagraphsHTML builds: the
// store leaves the body HTML out of a record on its word.
func TestIsParagraphsHTML(t *testing.T) {
	for _, ps := range [][]string{nil, {""}, {"a", "b"}, {"<&>'\""}, {"x\ny"}} {
		h := ParagraphsHTML(ps)
		if !IsParagraphsHTML(h, ps) {
			t.Errorf("IsParagraphsHTML(%q, %q) = false", h, ps)
		}
		for _, bad := range []string{h + " ", h + "\n", strings.Replace(h, "&amp;", "&", 1), strings.TrimSuffix(h, ">")} {
			if bad != h && IsParagraphsHTML(bad, ps) {
				t.Errorf("IsParagraphsHTML(%q, %q) = true", bad, ps)
			}
		}
	}
}
