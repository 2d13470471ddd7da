package article

import "testing"

// TestCreditOverDate checks that a byline without "By" over the date (a
// name with a role, or several names) is offered as no headline and
// counts as a fact under the line above it, and that a lone name over a
// date, which a Title Case headline reads as too, is left a candidate.
func TestCreditOverDate(t *testing.T) {
	const headline = "Five questions as the harbor ferry returns to service"
	tests := []struct {
		name, credit string
		fact         bool // the credit is read as a byline
	}{
		{"a name and a role", "Dana Whitfield, Coast Herald Staff Writer", true},
		{"two names", "Dana Whitfield and Marcus Lee", true},
		{"a lone name", "Dana Whitfield", false},
		{"title case headline", "Harbor Ferry Makes Its Comeback", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			above := []string{"Home", "Local", "Sign In", headline, tc.credit, "Updated 3:27 am PST, Wednesday, November 20, 2019"}
			paras := append(above, mediaStory...)
			body := len(above)
			a := &Article{Removed: map[string][]string{}}
			tr := &textReader{paras: paras, kinds: make([]string, len(paras)), a: a, roles: make([]role, len(paras))}
			tr.readBody(body, len(paras))
			offered, headFact := false, -1.0
			cands, _ := tr.headlineCandidates(0, body)
			for _, c := range cands {
				if c.part != "" {
					continue
				}
				switch c.i {
				case 4:
					offered = true
				case 3:
					headFact = c.f[hfFactBelow]
				}
			}
			if offered == tc.fact {
				t.Errorf("credit line offered as a candidate: %v, want %v", offered, !tc.fact)
			}
			if want := map[bool]float64{true: 1, false: 0}[tc.fact]; headFact != want {
				t.Errorf("headline's fact below %v, want %v", headFact, want)
			}
		})
	}
}
