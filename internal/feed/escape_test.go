package feed

import "testing"

func TestLooksLikeMarkup(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"1 < 2 and 3 > 2", false},
		{"Fish & chips", false},
		{"<&>", false},
		{"a <b>bold</b> claim", true},
		{"Why <div> soup", true},
		{"</p>", true},
		{"<!-- note -->", true},
		{"AT&T", true},
		{"&copy; 2024", true},
		{"&#169;", true},
		{"ends with <", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := looksLikeMarkup(tt.in); got != tt.want {
			t.Errorf("looksLikeMarkup(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHasEndTag(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"a <b>bold</b> claim", true},
		{"</h2>", true},
		{"Why <div> soup", false},
		{"a </ b>", false},
		{"</>", false},
		{"</b", false},
		{"x </b c </i>", true},
	}
	for _, tt := range tests {
		if got := hasEndTag(tt.in); got != tt.want {
			t.Errorf("hasEndTag(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNewAtomText(t *testing.T) {
	if got := newAtomText("Fish & chips"); got != (atomText{Text: "Fish & chips"}) {
		t.Errorf("plain text: %+v", got)
	}
	if got := newAtomText(`a <b>"x"</b> & y`); got != (atomText{Type: "html", Text: `a &lt;b&gt;"x"&lt;/b&gt; &amp; y`}) {
		t.Errorf("markup-looking text: %+v", got)
	}
}

func TestCharRefs(t *testing.T) {
	in := `<t a="x&amp;y">1 &lt; 2 &amp;&amp; 3 &gt; 2</t><c><![CDATA[<p>&lt;kept&gt; &amp;</p>]]]]><![CDATA[>tail &amp;]]></c><d>&lt;</d>`
	want := `<t a="x&#x26;y">1 &#x3C; 2 &#x26;&#x26; 3 &#x3E; 2</t><c><![CDATA[<p>&lt;kept&gt; &amp;</p>]]]]><![CDATA[>tail &amp;]]></c><d>&#x3C;</d>`
	if got := string(charRefs([]byte(in))); got != want {
		t.Errorf("charRefs:\n got %s\nwant %s", got, want)
	}
}
