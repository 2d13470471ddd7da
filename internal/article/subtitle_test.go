package article

import (
	"strings"
	"testing"
)

// TestSubtitle reads the header of small articles: a standfirst between
// the title and the byline is the subtitle even when it shares only one
// word with the body, while labels, score lines, slogans and lines kept
// apart from the title by article text are not.
func TestSubtitle(t *testing.T) {
	const body = "By Hedda Marsh\n\n" +
		"The three cottages beside the old lighthouse will take their first guests in April, the trust that owns them said on Tuesday.\n\n" +
		"The buildings had stood empty since the last keeper left, and storms had torn away most of the slate roofs before the trust bought them.\n\n" +
		"Volunteers rebuilt the chimneys by hand during the repairs, and a local quarry supplied stone that matches the original walls.\n"
	const title = "Lighthouse keepers' cottages reopen as holiday lets"
	const caption = "Visitors walk along the cliff path below the restored cottages (image credit Coastal Trust)"
	tests := []struct {
		name   string
		header []string // lines between the title and the byline
		want   string
	}{
		{"standfirst sharing one word", []string{caption, caption, "Spread the love", "Bookings open next spring after a decade of repairs paid for by donations"},
			"Bookings open next spring after a decade of repairs paid for by donations"},
		{"standfirst sharing many words", []string{"Trust says the old cottages will take guests from April"}, "Trust says the old cottages will take guests from April"},
		{"standfirst ending in a period", []string{"Spread the love", "Bookings open next spring after a decade of repairs paid for by donations."},
			"Bookings open next spring after a decade of repairs paid for by donations."},
		{"label with a colon", []string{"Best of the coast 2019: our favourite cottages"}, ""},
		{"score line", []string{"Cottages 14 11 6 15 — 44 over"}, ""},
		{"short label", []string{"Listen to this article"}, ""},
		{"no shared word", []string{"Sign up for our morning briefing every single weekday"}, ""},
		{"too short to stand on one word", []string{"Bookings open after repairs"}, ""},
		{"another post's card", []string{"Recent Posts", "Trust opens the restored cottages to school visits", "Read More"}, ""},
		{"article text between", []string{"Weekend weather for the whole coast", "Bookings open next spring after a decade of repairs paid for by donations"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := title + "\n\n" + strings.Join(tc.header, "\n\n") + "\n\n" + body
			a, err := Parse("a.txt", []byte(text), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != title {
				t.Errorf("title %q, want %q", a.Title, title)
			}
			if a.Subtitle != tc.want {
				t.Errorf("subtitle %q, want %q (removed %q)", a.Subtitle, tc.want, a.Removed)
			}
			if a.Author != "Hedda Marsh" {
				t.Errorf("author %q", a.Author)
			}
			if len(a.BodyParagraphs) != 3 {
				t.Errorf("body %q", a.BodyParagraphs)
			}
			for _, lines := range a.Removed {
				for _, l := range lines {
					if tc.want != "" && l == tc.want {
						t.Errorf("subtitle also removed")
					}
				}
			}
		})
	}
}
