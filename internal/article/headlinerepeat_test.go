package article

import "testing"

// TestHeadlineNotASlider: a slider on a shop's blog prints its slogan
// once per slide, the same line four or five times above the post. A
// line the page prints that often is the site's, not the post's: a
// headline is printed once, twice with a sticky header.
func TestHeadlineNotASlider(t *testing.T) {
	var slider []string
	for range 5 {
		slider = append(slider, "SAILS MENDED BY SAILORS", "DEMO BOARDS FOR EVERY RIDER", "OUR WORKSHOP")
	}
	page := scrapedPage(
		[]string{"Skip navigation", "Home", "Repairs", "Kites", "Boards", "Shop", "About", "Contact"},
		slider,
		[]string{"Blog", "News", "14.05.2021 10:20", "Season opening at the lake"},
		[]string{
			"The new range of demo boards for the season came in on Friday, and you can take any of them out on the water this weekend if the wind plays along.",
			"We tried the smaller boards on the lake first and were surprised how early they plane, even for heavier riders in light wind.",
			"Come by the workshop, leave your card, and we will have a board and a harness ready for you at the beach by ten.",
		},
		[]string{"Back", "Opening hours", "Mon to Fri 11:00 to 18:00", "Contact"},
	)
	parseWithTitle(t, page, "Season opening at the lake")
}
