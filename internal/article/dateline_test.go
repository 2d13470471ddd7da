package article

import "testing"

// The dateline forms the issue lists, each read whole: the place, the
// agency, the date and the start of the story.
func TestDatelineForms(t *testing.T) {
	tests := []struct {
		in, place, agency, date, rest string
	}{
		{"SPRINGFIELD, Ill., May 4, 2021 /PRNewswire/ -- The company said so.", "SPRINGFIELD, Ill.", "PRNewswire", "May 4, 2021", "The company said so."},
		{"AUSTIN, Texas, Nov. 19, 2019 /PRNewswire/ -- Sales rose.", "AUSTIN, Texas", "PRNewswire", "Nov. 19, 2019", "Sales rose."},
		{"PARIS, 19 novembre 2019 /PRNewswire/ -- Le groupe a dit.", "PARIS", "PRNewswire", "19 novembre 2019", "Le groupe a dit."},
		{"New Delhi, Nov. 19: The minister spoke.", "New Delhi", "", "Nov. 19", "The minister spoke."},
		{"OSLO (NTB) — The ferry was late.", "OSLO", "NTB", "", "The ferry was late."},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			dm, ok := parseDateline(tc.in)
			if !ok {
				t.Fatal("no dateline read")
			}
			date := ""
			if dm.Date != nil {
				date = dm.Date.Text
			}
			if dm.Place != tc.place || dm.Agency != tc.agency || date != tc.date || dm.Rest != tc.rest {
				t.Errorf("got place %q agency %q date %q rest %q", dm.Place, dm.Agency, date, dm.Rest)
			}
		})
	}
}

func TestWireCredit(t *testing.T) {
	tests := []struct {
		head, agency, before string
		ok                   bool
	}{
		{"AUSTIN, Texas, May 4, 2021 /PRNewswire/", "PRNewswire", "AUSTIN, Texas, May 4, 2021", true},
		{"BOSTON, May 4, 2021 /Business Wire/", "Business Wire", "BOSTON, May 4, 2021", true},
		{"see www.example.com/news/", "", "", false},
		{"PARIS", "", "", false},
		{"/", "", "", false},
	}
	for _, tc := range tests {
		agency, before, ok := wireCredit(tc.head)
		if ok != tc.ok || agency != tc.agency || before != tc.before {
			t.Errorf("wireCredit(%q) = %q, %q, %v", tc.head, agency, before, ok)
		}
	}
}
