package longtest

import "testing"

func TestEnabled(t *testing.T) {
	tests := []struct {
		long, ci string
		want     bool
	}{
		{"", "", false},
		{"1", "", true},
		{"true", "", true},
		{"0", "", false},
		{"false", "", false},
		{"", "true", true},
		{"", "yes", true},
		{"", "false", false},
		{"0", "true", true},
	}
	for _, tt := range tests {
		t.Setenv("SEEDFEED_LONG", tt.long)
		t.Setenv("CI", tt.ci)
		if got := Enabled(); got != tt.want {
			t.Errorf("SEEDFEED_LONG=%q CI=%q: Enabled() = %v, want %v", tt.long, tt.ci, got, tt.want)
		}
		if got, want := Scale(1, 2), map[bool]int{false: 1, true: 2}[tt.want]; got != want {
			t.Errorf("SEEDFEED_LONG=%q CI=%q: Scale(1, 2) = %d, want %d", tt.long, tt.ci, got, want)
		}
	}
}
