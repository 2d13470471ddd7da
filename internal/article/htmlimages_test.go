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
		{"one-word alt is a label", `<img src="a.jpg" alt="Nintendo"><img src="b.jpg" alt="lamps-2018_02">`, nil},
		{"alt without spaces in Japanese", `<img src="a.jpg" alt="東京の夜景と港">`, []Image{{"東京の夜景と港", ""}}},
		{"linked picture is a teaser", `<p><a href="/other"><img src="a.jpg" alt="Another story about kites"></a></p>`, nil},
		{"linked picture inside a figure", `<figure><a href="/big.jpg"><img src="a.jpg" alt="A red kite over the moor"></a></figure>`, []Image{{"A red kite over the moor", ""}}},
		{"credit label glued to the caption", `<figure><img src="a.jpg"><figcaption>Nets drying on the quay<span>Credit: Jo Sands</span></figcaption></figure>`,
			[]Image{{"Nets drying on the quay", "Jo Sands"}}},
		{"credit in its own element", `<figure><img src="a.jpg"><figcaption><p>Why duvets matter (Photo: Getty Images)</p><small>Getty</small></figcaption></figure>`,
			[]Image{{"Why duvets matter", "Getty Images"}}},
		{"bare credit in small", `<figure><img src="a.jpg"><figcaption>Nets drying on the quay <small>Jo Sands/Reuters</small></figcaption></figure>`,
			[]Image{{"Nets drying on the quay", "Jo Sands/Reuters"}}},
		{"second sentence continues the caption", `<figure><img src="a.jpg"><figcaption><p>Nets drying.</p><p>The boats went out at dawn and came back late.</p></figcaption></figure>`,
			[]Image{{"Nets drying. The boats went out at dawn and came back late.", ""}}},
		{"credit first", `<figure><img src="a.jpg"><figcaption><span>Jo Sands | Getty Images</span><p>Nets drying on the quay at dawn.</p></figcaption></figure>`,
			[]Image{{"Nets drying on the quay at dawn.", "Jo Sands | Getty Images"}}},
		{"short caption first is no credit", `<figure><img src="a.jpg"><figcaption><p>Nets drying</p><small>Jo Sands</small></figcaption></figure>`,
			[]Image{{"Nets drying", "Jo Sands"}}},
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
