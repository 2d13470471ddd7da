package article

import (
	"slices"
	"strings"
	"testing"
)

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

// TestDatelineStartsStory: a story's copy opens with its dateline, so
// what Classify kept above a dateline among the body's first paragraphs
// (a gallery's caption and buttons, teasers) is the page's, not the
// story's. A promotion shaped like a dateline, or a dateline deep in the
// story, moves nothing.
func TestDatelineStartsStory(t *testing.T) {
	menu := []string{"Home", "News", "Sports", "Weather", "Obituaries"}
	header := []string{"Harbour ferry terminal opens after two years of work", "By Ann Lee, Associated Press", "November 19, 2019"}
	story := []string{
		"The new terminal on the northern quay took its first passengers on Tuesday morning, two years after the harbour authority broke ground on the site.",
		"Ferries to the islands now leave every hour from the new hall, and the old pier is to become a park with a walkway along the water.",
		"The authority said the work cost less than planned because the foundations of an old warehouse could be reused for the waiting hall.",
	}
	footer := []string{"Contact us", "Privacy Policy", "© 2019 The Harbour Gazette"}
	dated := "PORTLAND, Maine (AP) — " + story[0]
	tests := []struct {
		name      string
		lead      []string // the body's first paragraphs before the story
		first     string   // the story's first line
		wantFirst string   // the body's first paragraph
		wantPlace string   // the dateline's place, "" for none
	}{
		{"gallery", []string{
			"Passengers board the first ferry to leave the new terminal, Tuesday, Nov. 19, 2019, in Portland, Maine.",
			"Image 1 of / 5", "Caption", "Back to Gallery"}, dated, story[0], "PORTLAND, Maine"},
		{"teasers", []string{
			"Property taxes are on the rise. These maps show where and how much.",
			"Skimming device found at a gas station"}, dated, story[0], "PORTLAND, Maine"},
		{"a summary's points", []string{"Key Points",
			"The new terminal on the northern quay has taken its first passengers, two years after work began.",
			"Ferries to the islands leave every hour from the new hall."}, dated, story[0], "PORTLAND, Maine"},
		{"a promotion shaped like a dateline", []string{story[0]}, "THE POINT -- NOW ON YOUTUBE!", story[0], ""},
		{"a dateline deep in the story", []string{story[1], story[2], story[1] + " It said so again.", story[2] + " And again.", story[0] + " Once more."},
			dated, story[1], ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := append(append(slices.Clone(tc.lead), tc.first), story[1:]...)
			a := parseWithTitle(t, scrapedPage(menu, header, body, footer), header[0])
			if len(a.BodyParagraphs) == 0 || a.BodyParagraphs[0] != tc.wantFirst {
				t.Errorf("body starts %q, want %q", a.BodyParagraphs, tc.wantFirst)
			}
			place := ""
			if a.Dateline != nil {
				place = a.Dateline.Place
			}
			if place != tc.wantPlace {
				t.Errorf("dateline %q, want %q", place, tc.wantPlace)
			}
		})
	}
}

// TestDatelineInWritersFile: in a writer's own file the paragraphs before
// a dateline are the writer's, and stay in the body.
func TestDatelineInWritersFile(t *testing.T) {
	page := "Harbour ferry terminal opens\n\n" +
		"A note before the story: this is the second of three pieces on the harbour, and the first ran last week.\n\n" +
		"PORTLAND, Maine (AP) — The new terminal on the northern quay took its first passengers on Tuesday morning, two years after work began.\n\n" +
		"Ferries to the islands now leave every hour from the new hall, and the old pier is to become a park.\n"
	a := parseWithTitle(t, page, "Harbour ferry terminal opens")
	if len(a.BodyParagraphs) != 3 || !strings.HasPrefix(a.BodyParagraphs[0], "A note before the story") {
		t.Errorf("body %q, want the note first", a.BodyParagraphs)
	}
}
