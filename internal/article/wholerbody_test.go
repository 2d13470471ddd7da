package article

import (
	"slices"
	"testing"
)

// TestWholerBody checks when an HTML page's body is taken from the text
// path instead of readability's: only when readability kept a few
// paragraphs that open a text body many times longer which goes on in
// sentences, as a long list of items does.
func TestWholerBody(t *testing.T) {
	intro := []string{
		"Cheap costumes are all that matter this year, and you can make most of them from what is already in your wardrobe.",
		"Here are our favourite ideas, from the easiest to the ones that take an afternoon.",
	}
	var items []string
	for _, name := range []string{"A witch", "A scarecrow", "A pirate", "A ghost", "A robot", "A cowboy", "An astronaut", "A painter", "A chef", "A detective"} {
		items = append(items, name+" needs little more than an old coat, a hat and a few things from the kitchen drawer to look the part for the evening.")
	}
	var teasers []string
	for _, s := range []string{"More news", "Ferry timetable changes for spring", "Bakery wins regional bread prize", "School choir heads to the capital", "Weather warning for the weekend", "Council meeting moved to Thursday", "Library opens on Sundays", "New cycle lane on the high street", "Most read", "Local election results"} {
		teasers = append(teasers, s+" in the valley towns")
	}
	tests := []struct {
		name  string
		paras []string
		text  []string
		whole bool
	}{
		{"a list readability cut to its intro", intro, slices.Concat(intro, items), true},
		{"a short story the text path runs into teasers", intro, slices.Concat(intro, teasers, teasers, teasers), false},
		{"readability kept enough", slices.Concat(intro, items[:2]), slices.Concat(intro, items), false},
		{"readability kept what the text path has not", []string{"Another story altogether, told in a single paragraph."}, slices.Concat(intro, items), false},
		{"more than a few paragraphs", slices.Concat(intro, items[:3]), slices.Concat(intro, items, items, items, items), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := wholerBody(tc.paras, &Article{BodyParagraphs: tc.text})
			if ok != tc.whole {
				t.Fatalf("taken = %v, want %v", ok, tc.whole)
			}
			if ok && !slices.Equal(got, tc.text) {
				t.Errorf("body %q, want the text path's", got)
			}
		})
	}
	if _, ok := wholerBody(intro, nil); ok {
		t.Error("taken without a text body")
	}
	if h := paragraphsHTML([]string{"a < b", "c"}); h != "<p>a &lt; b</p>\n<p>c</p>\n" {
		t.Errorf("paragraphsHTML = %q", h)
	}
}
