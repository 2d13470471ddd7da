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
	runBodyCases(t, wholerBody, []bodyCase{
		{"a list readability cut to its intro", intro, slices.Concat(intro, items), true},
		{"a short story the text path runs into teasers", intro, slices.Concat(intro, teasers, teasers, teasers), false},
		{"readability kept enough", slices.Concat(intro, items[:2]), slices.Concat(intro, items), false},
		{"readability kept what the text path has not", []string{"Another story altogether, told in a single paragraph."}, slices.Concat(intro, items), false},
		{"more than a few paragraphs", slices.Concat(intro, items[:3]), slices.Concat(intro, items, items, items, items), false},
	})
	if _, ok := wholerBody(intro, nil); ok {
		t.Error("taken without a text body")
	}
	if h := paragraphsHTML([]string{"a < b", "c"}); h != "<p>a &lt; b</p>\n<p>c</p>\n" {
		t.Errorf("paragraphsHTML = %q", h)
	}
}

// TestProseBody checks storyBody's first case: an HTML page's body is
// the text path's when readability kept a table or a list of fields
// instead of the story, many short cells and none a sentence.
func TestProseBody(t *testing.T) {
	var story []string
	for _, s := range []string{"The harbour board voted on Tuesday", "Members said passenger numbers had grown", "The decision keeps two morning crossings",
		"Businesses on the quay welcomed the vote", "The board meets again in February", "The night crossing may return in spring"} {
		story = append(story, s+", the clerk told the meeting, and the minutes will be published next week. "+
			"Ferry users who could not attend may write to the board before the end of the month.")
	}
	table := []string{"Ward", "Councillor", "Contact", "North Quay", "Ada Park", "ada.park@example.org", "Old Town", "Tom Reid",
		"tom.reid@example.org", "Harbourside", "Jo March", "jo.march@example.org"}
	recipe := slices.Concat([]string{"Ingredients", "135 g butter", "150 g flour", "2 tsp baking powder", "155 g sugar", "4 eggs", "250 g strawberries",
		"600 g cream", "Method", "Preheat the oven. Bild anzeigen"}, story[:1])
	runBodyCases(t, func(paras []string, text *Article) ([]string, bool) { return storyBody(paras, text, "") }, []bodyCase{
		{"a table of contacts instead of the story", table, story, true},
		{"a recipe's ingredients are the body", recipe, story, false},
		{"one paragraph without a full stop is no table", []string{"The whole story in one block, ending in a copyright notice ©"}, story, false},
		{"a text body that is no story either", table, table, false},
		{"a text body too short to trust", table, story[:3], false},
	})
	if _, ok := storyBody(table, nil, ""); ok {
		t.Error("taken without a text body")
	}
}

// TestTitledBody checks storyBody's second case: an HTML page's body is
// the text path's when readability kept a few paragraphs about something
// else than the headline, a disclosure or a promotion.
func TestTitledBody(t *testing.T) {
	title := "Harbour board keeps the winter ferry running"
	var story []string
	for _, s := range []string{"The harbour board voted on Tuesday to keep the winter ferry running", "Members said ferry passenger numbers had grown",
		"The decision keeps two morning crossings", "Businesses on the quay welcomed the vote", "The board meets again in February"} {
		story = append(story, s+", the clerk told the meeting, and the minutes will be published next week. "+
			"Ferry users who could not attend may write to the board before the end of the month.")
	}
	promo := []string{"Many of the card offers that appear on this site come from companies that pay us."}
	other := []string{"Gardeners in the valley report a good season for apples and pears, and the show opens on Saturday."}
	var others []string
	for range 8 {
		others = append(others, other[0])
	}
	pick := func(paras []string, text *Article) ([]string, bool) { return storyBody(paras, text, title) }
	runBodyCases(t, pick, []bodyCase{
		{"a promotion instead of the story", promo, story, true},
		{"readability's paragraph names the headline's words", []string{"The winter ferry timetable is below."}, story, false},
		{"the text path's body is about something else too", promo, others, false},
		{"more than a few paragraphs", slices.Concat(promo, promo, promo, promo, promo), story, false},
	})
	if _, ok := storyBody(promo, &Article{BodyParagraphs: story}, ""); ok {
		t.Error("taken without a headline")
	}
}

// bodyCase is readability's paragraphs, the text path's body, and whether
// the text path's is to be taken.
type bodyCase struct {
	name        string
	paras, text []string
	taken       bool
}

func runBodyCases(t *testing.T, pick func([]string, *Article) ([]string, bool), cases []bodyCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := pick(tc.paras, &Article{BodyParagraphs: tc.text})
			if ok != tc.taken {
				t.Fatalf("taken = %v, want %v", ok, tc.taken)
			}
			if ok && !slices.Equal(got, tc.text) {
				t.Errorf("body %q, want the text path's", got)
			}
		})
	}
}
