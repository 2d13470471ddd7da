package article

import (
	"testing"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in, author string
		date       string // date text, "" for none
		updated    bool
		ok         bool
	}{
		{"By Our Special Correspondent", "Our Special Correspondent", "", false, true},
		{"By Jane Roe", "Jane Roe", "", false, true},
		{"by jane roe", "", "", false, false},
		{"Written by Adaeze Okafor", "Adaeze Okafor", "", false, true},
		{"By Jane Roe | Updated March 3, 2024, 14:05 IST", "Jane Roe", "March 3, 2024, 14:05 IST", true, true},
		{"By Jane Roe and Omar Haddad, Staff Writers", "Jane Roe and Omar Haddad", "", false, true},
		{"By Jane Roe, Reuters", "Jane Roe", "", false, true},
		{"Kofi Mensah, Reuters", "Kofi Mensah", "", false, true},
		{"Kofi Mensah | AFP", "Kofi Mensah", "", false, true},
		{"By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight", "Tariq Malik, Mike Wall", "2019-11-18T22:05:36Z", false, true},
		{"By Sean Martin Sean Martin", "Sean Martin", "", false, true},
		{"Von Moritz Bachmann publiziert am 30. Juli 2018", "Moritz Bachmann", "30. Juli 2018", false, true},
		{"By Megan Rowe meganr@example.com(509) 555-0100", "Megan Rowe", "", false, true},
		{"Posted by Lina Berg on Mar 3rd", "Lina Berg", "Mar 3rd", false, true},
		{"By Kashmira Gander On 11/19/2019 at 10:48 AM EST", "Kashmira Gander", "11/19/2019 at 10:48 AM EST", false, true},
		{"By the time the council met, the bridge had already been closed for a month.", "", "", false, false},
		{"By Marta and the council members who voted against the plan, the decision was called a mistake.", "", "", false, false},
		{"Byzantine art returns to the museum", "", "", false, false},
		{"The council said on Monday", "", "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			b, ok := parseByline(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v (author %q), want %v", ok, b.Author, tc.ok)
			}
			if !ok {
				return
			}
			if b.Author != tc.author {
				t.Errorf("author %q, want %q", b.Author, tc.author)
			}
			got := ""
			if b.Date != nil {
				got = b.Date.Text
			}
			if got != tc.date || b.Updated != tc.updated {
				t.Errorf("date %q (updated %v), want %q (updated %v)", got, b.Updated, tc.date, tc.updated)
			}
		})
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in      string
		date    string
		updated bool
		lead    string
		ok      bool
	}{
		{"Updated: March 3, 2024, 14:05 IST", "March 3, 2024, 14:05 IST", true, "", true},
		{"Published 5 January 2024", "5 January 2024", false, "", true},
		{"2024-01-05", "2024-01-05", false, "", true},
		{"Monday, March 25", "March 25", false, "", true},
		{"Reuters November 18, 2019 11:03 PM", "November 18, 2019 11:03 PM", false, "Reuters", true},
		{"PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019", "Nov 19, 2019", false, "", true},
		{"Published 1 day ago", "", false, "", true},
		{"19.11.2019, 08:57", "19.11.2019, 08:57", false, "", true},
		// A theme's published and changed days, glued or apart, before
		// the writer's name: the line gives the first.
		{"November 6, 2023November 7, 2023 Jane Doe", "November 6, 2023", false, "", true},
		{"6. November 20236. November 2023 Jana Roth", "6. November 2023", false, "", true},
		{"6 novembre 2023 7 novembre 2023 Jean Dupont", "6 novembre 2023", false, "", true},
		{"The market reopened on March 3 after the floods", "", false, "", false},
		{"Bridge teachers families £20 may busy 2024", "", false, "", false},
		{"Dateline unknown", "", false, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			dl, ok := parseDateLine(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			got := ""
			if dl.Date != nil {
				got = dl.Date.Text
			}
			if got != tc.date || dl.Updated != tc.updated || dl.Lead != tc.lead {
				t.Errorf("got date %q updated %v lead %q, want %q %v %q", got, dl.Updated, dl.Lead, tc.date, tc.updated, tc.lead)
			}
		})
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in, place, agency, date, rest string
		ok                            bool
	}{
		{"New Delhi, Match 25: In a first, the US acted.", "New Delhi", "", "Match 25", "In a first, the US acted.", true},
		{"WASHINGTON, Jan. 5 (Reuters) - The bank held rates.", "WASHINGTON", "Reuters", "Jan. 5", "The bank held rates.", true},
		{"LAGOS, Nigeria (AP) — Heavy rain closed roads.", "LAGOS, Nigeria", "AP", "", "Heavy rain closed roads.", true},
		{"NAIROBI — Runners swept the podium.", "NAIROBI", "", "", "Runners swept the podium.", true},
		{"BERLIN -- The agency says so.", "BERLIN", "", "", "The agency says so.", true},
		{"Porto, April 1 (Lusa) - The lighthouse reopened.", "Porto", "Lusa", "April 1", "The lighthouse reopened.", true},
		{"SAN FRANCISCO, March 3, 2024 – Shares fell.", "SAN FRANCISCO", "", "March 3, 2024", "Shares fell.", true},
		{"St. Louis, May 4: Fans gathered.", "St. Louis", "", "May 4", "Fans gathered.", true},
		{"New Delhi (PTI): The minister spoke.", "New Delhi", "PTI", "", "The minister spoke.", true},
		// Prose, not datelines.
		{"However, he said: the plan is dead.", "", "", "", "", false},
		{"London — a city of rain — voted.", "", "", "", "", false},
		{"The mayor said: we will rebuild.", "", "", "", "", false},
		{"In 2019, March 3: a list.", "", "", "", "", false},
		{"WASHINGTON, Jan. 5 (Reuters) -", "", "", "", "", false},
		{"Why? Because — well.", "", "", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			dm, ok := parseDateline(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v (%+v), want %v", ok, dm, tc.ok)
			}
			if !ok {
				return
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

func TestParseCaption(t *testing.T) {
	tests := []struct {
		in, caption, credit string
		ok                  bool
	}{
		{"China FM Wang Yi addresses after 14th NPC (image credit X China MFA)", "China FM Wang Yi addresses after 14th NPC", "X China MFA", true},
		{"Residents wade through water. (Photo: Chinedu Eze/AP)", "Residents wade through water.", "Chinedu Eze/AP", true},
		{"He spoke on Monday.Credit...Doug Mills/The New York Times", "He spoke on Monday.", "Doug Mills/The New York Times", true},
		{"The road to retiring early isn't easy.Kathrin Ziegler/Getty", "The road to retiring early isn't easy.", "Kathrin Ziegler/Getty", true},
		{"The logo outside a co-working space in New York.Reuters", "The logo outside a co-working space in New York.", "Reuters", true},
		{"Home Depot stock fell. Photograph by Robyn Beck/AFP/Getty Images", "Home Depot stock fell.", "Robyn Beck/AFP/Getty Images", true},
		{"Image Credit: WeWork", "", "WeWork", true},
		{"Photo by Jane Roe on Unsplash", "", "Jane Roe", true},
		{"File photo", "File photo", "", true},
		{"(File Photo)", "File Photo", "", true},
		{"Above: A coworking space in San Francisco.", "A coworking space in San Francisco.", "", true},
		{"Titan in false colour, 2004. (NASA/JPL/Space Science Institute)", "Titan in false colour, 2004.", "NASA/JPL/Space Science Institute", true},
		{"Troops in the valley [File: Reuters]", "Troops in the valley", "Reuters", true},
		{"WikiLeaks founder Julian Assange (AFP)", "WikiLeaks founder Julian Assange", "AFP", true},
		{"Image 1 of 8", "", "", true},
		{"A hunter killed and ate a rabbitCredit: Getty - Contributor", "A hunter killed and ate a rabbit", "Getty - Contributor", true},
		{"Nets drying on the quayPhoto credit: Jo Sands", "Nets drying on the quay", "Jo Sands", true},
		{"‘The protests have grown far beyond the bill.’ Photograph: Lee Marsh/AFP via Getty", "‘The protests have grown far beyond the bill.’", "Lee Marsh/AFP via Getty", true},
		{"“We will not leave!” Photo: Jane Roe", "“We will not leave!”", "Jane Roe", true},
		{"Kevin King (left) and his colleague Timothy Weeks AP", "Kevin King (left) and his colleague Timothy Weeks AP", "", true},
		{"Фото: Анна Сорокина / ТАСС", "", "Анна Сорокина / ТАСС", true},
		{"Fotó: Kovács Réka / MTI", "", "Kovács Réka / MTI", true},
		{"Zdjęcie: Jan Nowak", "", "Jan Nowak", true},
		{"Фото", "", "", false},
		{"Фотографии с выставки висят в холле музея до конца месяца.", "", "", false},
		// Ordinary sentences.
		{"The council met on Monday (the first time since May).", "", "", false},
		{"He left. Courtesy of the town, the road was repaired on time.", "", "", false},
		{"The U.S.Army said nothing.", "", "", false},
		{"She said “it was over.” Reporters waited outside the hall until the evening.", "", "", false},
		{"President McKinley visited the iPhone factory", "", "", false},
		{"The new PhotoShop release fixes the bug", "", "", false},
		{"Photographs of the keepers hang in the stairwell, where visitors stop to look at them.", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			img, ok := parseCaption(tc.in)
			if ok != tc.ok {
				t.Fatalf("ok = %v (%+v), want %v", ok, img, tc.ok)
			}
			if ok && (img.Caption != tc.caption || img.Credit != tc.credit) {
				t.Errorf("got %+v, want caption %q credit %q", img, tc.caption, tc.credit)
			}
		})
	}
}
