package article

import (
	"strings"
	"testing"
)

func TestBalanced(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>one</p><p>two</p>", "<p>one</p><p>two</p>"},
		{"<div><p><h3>Heading</h3></p><p>text</p></div>", "<div><p></p><h3>Heading</h3><p></p><p>text</p></div>"},
		{"<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>"},
		{"stray</span> end", "stray end"},
		{"<p>a &amp; b</p>", "<p>a &amp; b</p>"},
	}
	for _, tt := range tests {
		if got := balanced(tt.in); got != tt.want {
			t.Errorf("balanced(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	deep := strings.Repeat("<div>", 600) + "x"
	if got := balanced(deep); got != deep {
		t.Errorf("a fragment too deep to parse must come back unchanged")
	}
}
