package taxonomy

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlug(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Go", "go"},
		{"Économie", "economie"},
		{"ÉCONOMIE", "economie"},
		{"economie", "economie"},
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"Machine Learning", "machine-learning"},
		{"machine-learning", "machine-learning"},
		{"  Machine   learning ", "machine-learning"},
		{"Node.js", "node-js"},
		{"C", "c"},
		{"C++", "c++"},
		{"C#", "c#"},
		{"R&D", "r&d"},
		{"हिंदी", "हिंदी"},
		{"समाचार पत्र", "समाचार-पत्र"},
		{"Новости", "новости"},
		{"Ёлка", "ёлка"}, // Cyrillic keeps its marks
		{"ΟΔΟΣ", "οδοσ"},
		{"οδός", "οδοσ"},
		{"日本語", "日本語"},
		{"ﬁnance", "finance"}, // compatibility ligature
		{"---", ""},
		{"", ""},
		{"🚀 Launch", "🚀-launch"},
		{"José García", "jose-garcia"},
	}
	for _, tt := range tests {
		if got := Slug(tt.name); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSlugCaseAndAccentsMerge states the decision: names that differ only
// in case or accents share a slug; names that differ in anything else do
// not.
func TestSlugCaseAndAccentsMerge(t *testing.T) {
	same := [][]string{
		{"Café", "cafe", "CAFÉ", "Cafe\u0301"},
		{"Ελλάδα", "ΕΛΛΑΔΑ", "ελλαδα"},
		{"समाचार", "समाचार"},
	}
	for _, group := range same {
		for _, n := range group[1:] {
			if Slug(n) != Slug(group[0]) {
				t.Errorf("Slug(%q) = %q, Slug(%q) = %q: want one slug", n, Slug(n), group[0], Slug(group[0]))
			}
		}
	}
	differ := [][2]string{{"C", "C++"}, {"C", "C#"}, {"हिंदी", "हिदी"}, {"Go", "Goa"}, {"и", "й"}}
	for _, p := range differ {
		if Slug(p[0]) == Slug(p[1]) {
			t.Errorf("Slug(%q) == Slug(%q) == %q: want distinct slugs", p[0], p[1], Slug(p[0]))
		}
	}
}

func TestSlugLength(t *testing.T) {
	long := strings.Repeat("समाचार ", 100)
	s := Slug(long)
	if len(s) > MaxSlugBytes || !utf8.ValidString(s) || s == "" || strings.HasSuffix(s, "-") {
		t.Errorf("Slug of a long name = %q (%d bytes)", s, len(s))
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct {
		in   []Variant
		want string
	}{
		{[]Variant{{"go", 3}, {"Go", 5}}, "Go"},
		{[]Variant{{"go", 2}, {"Go", 2}}, "Go"},
		{[]Variant{{"economie", 1}, {"Économie", 4}}, "Économie"},
		{[]Variant{{"economie", 1}, {"Économie", 1}}, "Économie"},
		{[]Variant{{"economie", 3}, {"Économie", 1}}, "economie"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := Display(tt.in); got != tt.want {
			t.Errorf("Display(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Go", "हिंदी", "C++", "Économie", "a--b", "\u0301x", "R & D", "C#", "50%", "$5 <b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := Slug(name)
		if !utf8.ValidString(s) || len(s) > MaxSlugBytes || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") ||
			strings.ContainsAny(s, "/\\?. \t\n") {
			t.Fatalf("Slug(%q) = %q", name, s)
		}
		if Slug(s) != s && utf8.ValidString(name) {
			t.Fatalf("Slug is not idempotent: %q -> %q -> %q", name, s, Slug(s))
		}
		// Its path segment goes into attributes and feeds as it is, and
		// a server decodes it back.
		seg := PathSegment(s)
		if back, err := url.PathUnescape(seg); strings.ContainsAny(seg, "?#\"'<>& \t\r\n\\/") || err != nil || back != s {
			t.Fatalf("PathSegment(%q) = %q", s, seg)
		}
	})
}

func TestPathSegment(t *testing.T) {
	for slug, want := range map[string]string{
		"economie":    "economie",
		"c#":          "c%23",
		"r&d":         "r%26d",
		"us-&-canada": "us-%26-canada",
		"c++":         "c++",
		"@home":       "@home",
		"50%":         "50%25",
		"हिंदी":       "%E0%A4%B9%E0%A4%BF%E0%A4%82%E0%A4%A6%E0%A5%80",
	} {
		if got := PathSegment(slug); got != want {
			t.Errorf("PathSegment(%q) = %q, want %q", slug, got, want)
		}
	}
}
