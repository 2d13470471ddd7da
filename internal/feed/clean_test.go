package feed

import "testing"

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Harbour news", "Harbour news"},
		{"keeps tab and newline", "a\tb\nc", "a\tb\nc"},
		{"C0 controls", "a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1f", "abcdefg"},
		{"DEL and C1 controls", "a\x7fb\u0080c\u0085d\u009fe", "abcde"},
		{"invalid bytes", "caf\xe9 \xff\xfeok", "caf ok"},
		{"truncated sequences", "a\xe2\x82b\xf0\x9f\x98c", "abc"},
		{"encoded surrogate", "a\xed\xa0\x80b", "ab"},
		{"replacement character", "a\uFFFDb", "ab"},
		{"noncharacters", "a\uFFFEb\uFFFFc\uFDD0d\U0001FFFEe", "abcde"},
		{"CRLF and CR", "a\r\nb\rc", "a\nb\nc"},
		{"keeps the rest of Unicode", "Zürich 東京 ☃ 🚢 \u00a0\u2028", "Zürich 東京 ☃ 🚢 \u00a0\u2028"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.want {
				t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := cleanText(tt.want); got != tt.want {
				t.Errorf("cleanText is not idempotent on %q: %q", tt.want, got)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Ferry\n\ttimetable  ", "Ferry timetable"},
		{"a\x01 \x02b", "a b"},
		{"\u00a0", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanLine(tt.in); got != tt.want {
			t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
