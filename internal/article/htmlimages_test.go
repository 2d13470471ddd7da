package article

import (
	"reflect"
	"strings"
	"testing"
)

func TestHTMLImages(t *testing.T) {
	tests := []struct {
		name, body string
		want       []Image
	}{
		{"none", "<p>Just words.</p>", nil},
		{"figure with caption and credit", `<figure><img src="a.jpg" alt="x"><figcaption>Boats in the harbour (Photo: Jo Sands)</figcaption></figure>`,
			[]Image{{"Boats in the harbour", "Jo Sands"}}},
		{"caption spread over markup", "<figure><img src=a.jpg><figcaption>Boats in <em>the</em>\n harbour<br>at dawn</figcaption></figure>",
			[]Image{{"Boats in the harbour at dawn", ""}}},
		{"credit-only caption takes the alt text", `<figure><img src="a.jpg" alt="Boats at dawn"><figcaption>Image credit: Jo Sands</figcaption></figure>`,
			[]Image{{"Boats at dawn", "Jo Sands"}}},
		{"alt and title", `<p>Text <img src="a.jpg" alt="A red kite" title="Photo by Ari Lund"></p>`, []Image{{"A red kite", "Ari Lund"}}},
		{"title repeating the alt", `<img src="a.jpg" alt="A red kite" title="A red kite">`, []Image{{"A red kite", ""}}},
		{"file name and placeholder alt", `<img src="a.jpg" alt="DSC_0042.JPG"><img src="b.jpg" alt="image"><img src="c.gif" alt="">`, nil},
		{"long alt is a description", `<img src="a.jpg" alt="` + strings.Repeat("word ", 80) + `">`, nil},
		{"each distinct image once", `<img src="a.jpg" alt="A red kite"><figure><img src="a.jpg" alt="A red kite"></figure>`, []Image{{"A red kite", ""}}},
		{"gallery counter", `<figure><img src="a.jpg" alt="Nets drying"><figcaption>Image 1 of 8</figcaption></figure>`, []Image{{"Nets drying", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlImages(tc.body); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLImagesDeep checks the walks are not recursive: a page nested
// far deeper than any real one must not exhaust the stack.
func TestHTMLImagesDeep(t *testing.T) {
	n := 200000
	body := strings.Repeat("<div>", n) + `<figure><img src="a.jpg" alt="Deep"></figure>` + strings.Repeat("</div>", n)
	if got := htmlImages(body); len(got) > 1 {
		t.Errorf("got %q", got)
	}
}
