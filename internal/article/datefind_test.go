package article

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestDateForms(t *testing.T) {
	tests := []struct {
		in   string
		want string // "2006-01-02 15:04", "" when no date must be found
	}{
		{"November 19, 2019 at 9:45 am", "2019-11-19 09:45"},
		{"Nov. 19, 2019", "2019-11-19 00:00"},
		{"14.11.2019", "2019-11-14 00:00"},
		{"11.14.2019", "2019-11-14 00:00"}, // only month first is a date
		{"2019-11-19", "2019-11-19 00:00"},
		{"2019.11.19 08:30", "2019-11-19 08:30"},
		{"19 novembre 2019", "2019-11-19 00:00"},
		{"19. November 2019", "2019-11-19 00:00"},
		{"19 de noviembre de 2019", "2019-11-19 00:00"},
		{"sábado 07 de mayo del 2022", "2022-05-07 00:00"},
		{"2019年11月19日 13:05", "2019-11-19 13:05"},
		{"2019年11月19日 9時45分", "2019-11-19 09:45"},
		{"2019年11月19日 21时05分", "2019-11-19 21:05"},
		{"2019년 11월 19일 09시 45분", "2019-11-19 09:45"},
		{"2019年11月19日 9時", "2019-11-19 00:00"}, // an hour alone is no time of day
		{"2019년 11월 19일 오후 9시 45분", "2019-11-19 21:45"},
		{"입력 2019.11.19 오후 9:45", "2019-11-19 21:45"},
		{"2019-11-19 오전 12:10", "2019-11-19 00:10"},
		{"2019年11月19日 午後9時45分", "2019-11-19 21:45"},
		{"2019年11月19日 下午 9:45", "2019-11-19 21:45"},
		{"2019년 11월 19일", "2019-11-19 00:00"},
		{"2020. június 4.", "2020-06-04 00:00"},
		{"2020. 06. 04. 11:27", "2020-06-04 11:27"},
		{"19 ноября 2019, 18:47", "2019-11-19 18:47"},
		{"19 de novembro de 2019", "2019-11-19 00:00"},
		{"19 novembre 2019 alle 10:00", "2019-11-19 10:00"},
		{"19 listopada 2019", "2019-11-19 00:00"},
		{"19 november 2019", "2019-11-19 00:00"},
		{"30 Ekim 2020 Cuma", "2020-10-30 00:00"},
		{"März 7, 2018", "2018-03-07 00:00"},
		{"Nov 20 20194:29 AM", "2019-11-20 04:29"},
		{"22. Dezember 201922. Dezember 2019", "2019-12-22 00:00"},
		{"4 de mayo de 202207:59 hs", "2022-05-04 07:59"},
		{"15 mai 2019 à 06h00", "2019-05-15 06:00"},
		{"November 29, 2016: 3:42 PM ET", "2016-11-29 15:42"},
		{"13. 1. 2020", "2020-01-13 00:00"},
		{"mardi 10.12.19", "2019-12-10 00:00"},
		{"01-09-17", "2017-09-01 00:00"},
		{"1er mai 2019", "2019-05-01 00:00"},
		{"Publié le 27 Mar 20 à 9:21", "2020-03-27 09:21"},
		{"( Pescasseroli, 14 Gennaio 20 )", "2020-01-14 00:00"},
		{"5 May 20 people", "2026-05-05 00:00"}, // a count, not a year
		// Not dates.
		{"version 1.5.20.3", ""},
		{"5 set", ""},      // an abbreviation that is also a word needs a year
		{"sold out 5", ""}, // likewise
		{"in 2019 alone", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			m, ok := findDate(tc.in)
			if tc.want == "" {
				if ok {
					t.Fatalf("found %q, want no date", m.Text)
				}
				return
			}
			if !ok {
				t.Fatal("no date found")
			}
			got, _, _, ok := m.resolve(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), time.UTC)
			if !ok {
				t.Fatalf("%q does not resolve", m.Text)
			}
			if s := got.Format("2006-01-02 15:04"); s != tc.want {
				t.Errorf("%q = %s, want %s", m.Text, s, tc.want)
			}
		})
	}
}

func TestSwappable(t *testing.T) {
	tests := []struct {
		in        string
		swappable bool
	}{
		{"03/05/2024", true}, {"03.05.2024", true}, {"13/05/2024", false}, {"05.05.2024", false}, {"2024-03-05", false},
	}
	for _, tc := range tests {
		m, ok := findDate(tc.in)
		if !ok || m.Swappable != tc.swappable {
			t.Errorf("%q: found %v, swappable %v; want %v", tc.in, ok, m.Swappable, tc.swappable)
		}
	}
}

func TestRelativeDate(t *testing.T) {
	ref := time.Date(2026, 11, 25, 2, 0, 0, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"3 hours ago", "2026-11-24"},
		{"vor 3 Stunden", "2026-11-24"},
		{"hace 2 días", "2026-11-23"},
		{"il y a 5 minutes", "2026-11-25"},
		{"há 1 semana", "2026-11-18"},
		{"Yesterday at 9:45 AM", "2026-11-24"},
		{"Heute um 09:45", "2026-11-25"},
		{"Ayer a las 9:45", "2026-11-24"},
		{"Yesterday 3 comments", ""},
		{"3 apples ago", ""},
		{"vor 3 Jahren", ""},
	}
	for _, tc := range tests {
		toks := tokenize(nil, tc.in)
		m, next, ok := relativeDate(toks, 0, ref)
		if tc.want == "" {
			if ok {
				t.Errorf("%q: read %v, want nothing", tc.in, m)
			}
			continue
		}
		if !ok || next != len(toks) {
			t.Errorf("%q: ok %v, next %d of %d", tc.in, ok, next, len(toks))
			continue
		}
		if got := time.Date(m.Year, m.Month, m.Day, 0, 0, 0, 0, time.UTC).Format("2006-01-02"); got != tc.want {
			t.Errorf("%q = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// pageOf joins lines into a scrape, one paragraph a line.
func pageOf(lines ...string) []byte {
	return []byte(strings.Join(lines, "\n\n") + "\n")
}

var storyLines = []string{
	"The harbour authority said the new ferry terminal would open to passengers next spring after two years of building work on the northern quay.",
	"Ferries to the islands will leave from the new terminal every hour, and the old pier will be turned into a park with a walkway along the water.",
	"The authority said the work had cost less than planned because the foundations of the old warehouse could be reused for the waiting hall.",
}

func TestPageDate(t *testing.T) {
	menu := []string{"Home", "News", "Sport", "Weather", "Subscribe"}
	footer := []string{"Privacy Policy", "Terms of Use", "© 2024 The Harbour Gazette. All rights reserved."}
	page := func(header ...string) []byte {
		lines := append([]string{}, menu...)
		lines = append(lines, "New ferry terminal to open next spring")
		lines = append(lines, header...)
		lines = append(lines, storyLines...)
		lines = append(lines, footer...)
		return pageOf(lines...)
	}
	// spelt is a page whose story has a sentence spelt one way, dated in
	// figures that read both ways ("02/10/2020" without more).
	spelt := func(sentence string, date ...string) []byte {
		d := "02/10/2020"
		if len(date) > 0 {
			d = date[0]
		}
		lines := append([]string{}, menu...)
		lines = append(lines, "New ferry terminal to open next spring", "By Ann Lee", d, storyLines[0]+" "+sentence)
		lines = append(lines, storyLines[1:]...)
		lines = append(lines, footer...)
		return pageOf(lines...)
	}
	tests := []struct {
		name string
		data []byte
		want string // the first ten characters of Published; "" for none
	}{
		{"labelled published before updated", page("By Ann Lee", "Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020"), "2020-09-26"},
		{"updated date glued before the original", page("March 2, 2022June 5, 2020 by Ann Lee"), "2020-06-05"},
		{"German date line", page("Veröffentlicht am 19. November 2019 von Ann Lee"), "2019-11-19"},
		{"Spanish date line", page("Por Ann Lee", "miércoles, 4 de mayo de 202207:59 hs"), "2022-05-04"},
		{"zone kept", page("By Ann Lee", "Nov. 18, 2019 at 11:03 p.m. EST"), "2019-11-18"},
		{"only a copyright year", page(), ""},
		{"day first on a British page", page("By Ann Lee", "02/10/2020"), "2020-10-02"},
		{"month first with am/pm", page("By Ann Lee", "02/10/2020 10:15 AM"), "2020-02-10"},
		{"order from another date on the page", pageOf(append(append(append([]string{}, menu...),
			"New ferry terminal to open next spring", "By Ann Lee", "03/05/2024"), append(storyLines, "Comments", "Jo 25/05/2024")...)...), "2024-05-03"},
		{"press release dateline", pageOf(append(append([]string{}, menu...), "New ferry terminal to open next spring",
			"SPRINGFIELD, Ill., May 4, 2021 /PRNewswire/ -- "+storyLines[0], storyLines[1], storyLines[2])...), "2021-05-04"},
		{"wire dateline with its year from the header", page("By Ann Lee | Updated: March 3, 2024", "OSLO, Jan. 5 (NTB) - "+storyLines[0]), "2024-01-05"},
		{"a date range is not the story's", page("Exhibition from 9 to 23 February 2017"), ""},
		{"the last of an enumeration of days", page("Meetings held on 2 and 6 May 2019"), ""},
		{"the start of a period", page("Total collected since 5 December 2019"), ""},
		{"a deadline", page("Answers until 23.06.2006"), ""},
		{"a time before the date is no range", page("Published 22:00, 11 July 2021 BST"), "2021-07-11"},
		{"both ends of a period", page("Week 31. Dezember 2021 - 6. Januar 2022"), ""},
		// A date without a year on a page older than the reference time.
		{"no year: the copyright notice's", page("By Ann Lee", "Posted Nov 19, 6:51 AM"), "2024-11-19"},
		{"no year: a relative date says nothing of the page's year", pageOf(append(append(append([]string{}, menu...),
			"New ferry terminal to open next spring", "By Ann Lee", "Posted Nov 19, 6:51 AM"), append(storyLines, "Comments", "Jo, 3 hours ago", footer[2])...)...), "2024-11-19"},
		{"no year: the page's latest full date's", pageOf(append(append(append([]string{}, menu...),
			"New ferry terminal to open next spring", "By Ann Lee", "Posted Nov 19, 6:51 AM"), append(storyLines, "Related stories", "Harbour crane sold for scrap", "November 18, 2019", "Privacy Policy")...)...), "2019-11-19"},
		{"no year: a current copyright leaves the reference time's", pageOf(append(append(append([]string{}, menu...),
			"New ferry terminal to open next spring", "By Ann Lee", "Posted Nov 19, 6:51 AM"), append(storyLines, "© 2026 The Harbour Gazette")...)...), "2026-11-19"},
		// A relative date counts from when the page was shown, which a
		// page older than the reference time does not tell.
		{"relative: a page dated years before the reference time", page("By Ann Lee", "Published 1 day ago"), ""},
		{"relative: a current page keeps it", pageOf(append(append(append([]string{}, menu...),
			"New ferry terminal to open next spring", "By Ann Lee", "Published 1 day ago"), append(storyLines, "© 2026 The Harbour Gazette")...)...), "2026-11-24"},
		// English spelling names the region, and so the order of a
		// date in figures.
		{"British spelling", spelt("The harbour centre will be organised by the neighbourhood's theatre group."), "2020-10-02"},
		{"American spelling", spelt("The harbor center will be run by the neighborhood's theater group, a favorite of the town."), "2020-02-10"},
		{"American spelling, dashes", spelt("The harbor center will be run by the neighborhood's theater group, a favorite of the town.", "01-09-17"), "2017-01-09"},
		{"both spellings", spelt("The harbour center will be organised by the neighborhood's theatre group."), "2020-10-02"},
		{"English, dashes and a two-digit year, nothing else to tell", page("By Ann Lee", "01-09-17"), "2017-01-09"},
		{"German, dashes and a two-digit year", pageOf(append(append([]string{}, menu...), "Neues Fährterminal öffnet im Frühjahr", "Von Anna Lehmann", "01-09-17",
			"Das neue Fährterminal am Hafen soll im kommenden Frühjahr eröffnet werden, teilte die Stadt am Montag mit, nachdem sich die Bauarbeiten mehrfach verzögert hatten.",
			"Die Fähren zur Insel sollen dann doppelt so oft fahren wie bisher, und die Wartezeiten für Autos und Radfahrer werden deutlich kürzer sein als heute.",
			"Der Bürgermeister sprach von einem großen Tag für die Stadt und dankte den Arbeitern, die auch im langen Winter auf der Baustelle gestanden hatten.",
			"Impressum", "Datenschutz")...), "2017-09-01"},
		{"a meta row glued by slashes", page("By Ann Lee/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST"), "2020-06-12"},
		{"a date in a link's path", page("By Ann Lee", "Read it at harbourgazette.example/2020/06/12/ferry-terminal"), ""},
		{"another post's card", page("Recent Posts", "October 28, 2020", "Harbour crane sold for scrap", "Read More"), ""},
		{"a caption's day is its picture's", page("By Ann Lee on Monday, November 18th, 2019 at 11:04 a.m.",
			"A cargo ship leaves the old harbour on Aug. 31, 2019. (AP)"), "2019-11-18"},
		{"the only date, labelled, far above the header", pageOf(append(append(append([]string{"Updated 14:05 GMT November 19, 2019"}, menu...),
			"Most watched", "Harbour crane sold for scrap", "Ferry timetable changes for spring",
			"Bakery wins regional bread prize", "Late trains on the valley line again", "School choir heads to the capital",
			"Lighthouse keeper retires after forty years", "Storm closes coastal road for a day", "Library opens on Sundays again",
			"Fishing season starts early", "Town hall gets a new clock", "Beach cleanup draws hundreds",
			"Harbour crane sold for scrap", "Ferry timetable changes for spring", "Bakery wins regional bread prize",
			"Late trains on the valley line again", "School choir heads to the capital", "Lighthouse keeper retires after forty years",
			"New ferry terminal to open next spring", "By Ann Lee"),
			append(storyLines, footer...)...)...), "2019-11-19"},
		{"a verb after the date labels it", page("Termin: 28.02.2020, 18:30 Uhr",
			"Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und gehört zur Kategorie Verein."), "2019-11-27"},
	}
	ref := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.txt", tc.data, Options{Ref: ref})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a.Published != nil {
				got = a.Published.Format(time.RFC3339)[:10]
			}
			if got != tc.want {
				t.Errorf("published %q, want %q", got, tc.want)
			}
		})
	}
}

func TestIsBylineLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"By Ann Lee", true},
		{"News | By Ann Lee | 30 September 2018", true},
		{"News | Sport | 30 September 2018", false},
		{"Bystanders | 30 September 2018", false},
	}
	for _, tc := range tests {
		tr := &textReader{paras: []string{tc.line}, roles: make([]role, 1)}
		if got := tr.isBylineLine(0); got != tc.want {
			t.Errorf("isBylineLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestRangeEnd(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"vom 9. bis ", true},
		{"14. - ", true},
		{"from 3 to ", true},
		{"le 2 et ", true},
		{"Antworten bis ", true},
		{"seit dem ", true},
		{"depuis le ", true},
		{"since ", true},
		{"Published 22:00 - ", false},
		{"Posted to ", false},
		{"Published ", false},
		{"", false},
	}
	for _, tc := range tests {
		if got := rangeEnd(tc.before); got != tc.want {
			t.Errorf("rangeEnd(%q) = %v, want %v", tc.before, got, tc.want)
		}
	}
}

// A date stamp inside the article run, far below where the header was
// read, is still the article's.
func TestPageDateBelowHeaderInRun(t *testing.T) {
	lines := []string{"Home", "News", "New ferry terminal to open next spring"}
	for i := range 12 {
		for _, s := range storyLines {
			lines = append(lines, fmt.Sprintf("%s Part %d of the report.", s, i+1))
		}
	}
	lines = append(lines, "14 March 2021", storyLines[0], "Privacy Policy", "Terms of Use")
	a, err := Parse("a.txt", pageOf(lines...), Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format("2006-01-02") != "2021-03-14" {
		t.Errorf("published %v, want 2021-03-14", a.Published)
	}
}

func TestPageDateKeepsZone(t *testing.T) {
	data := pageOf("Home", "News", "New ferry terminal to open next spring", "By Ann Lee",
		"Dec 19, 2016, 11:30 PM PST", storyLines[0], storyLines[1], storyLines[2])
	a, err := Parse("a.txt", data, Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format(time.RFC3339) != "2016-12-19T23:30:00-08:00" {
		t.Errorf("published %v, want the page's own date and zone", a.Published)
	}
}

// TestEntryFooter: a blog theme's note under the post ("This entry was
// posted in … on DATE by NAME.") gives the post's date and writer when its
// header gives neither, however far into the note the date stands, and
// leaves the body.
func TestEntryFooter(t *testing.T) {
	story := []string{
		"Several readers wrote in to ask why the tide tables we printed for last week were off by almost half an hour on Tuesday and Wednesday.",
		"The short answer is the wind. A strong easterly held the water back in the estuary for two days, and no table can predict that.",
		"We will publish the gauge's readings next to the tables from now on, so you can see for yourself when the wind is winning.",
	}
	for _, tc := range []struct {
		name, footer, author, published string
	}{
		{"English", "This entry was posted in Tides on November 19, 2019 by Ella Brandt.", "Ella Brandt", "2019-11-19"},
		{"English, tagged, then the permalink", "This entry was posted in Tides, Harbour News and tagged gauge, tide tables, wind, estuary on November 19, 2019 by Ella Brandt. Bookmark the permalink.", "Ella Brandt", "2019-11-19"},
		{"German", "Dieser Eintrag wurde veröffentlicht in Gezeiten, Hafen und getaggt mit Pegel, Gezeitentafeln, Wind am 19. November 2019 von Ella Brandt.", "Ella Brandt", "2019-11-19"},
		{"German, the old theme's note without a writer", "Der Beitrag wurde am Dienstag, den 19. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Gezeiten, Hafen abgelegt.", "", "2019-11-19"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := scrapedPage(
				[]string{"Harbour Notes", "A blog about boats, tides and the people who work on the water", "Home", "About", "Archive", "Contact"},
				[]string{"Why the tide tables were wrong last week"},
				story,
				[]string{"Related posts", "The new pontoon is open", tc.footer, "Post navigation", "Leave a Reply", "Your email address will not be published."},
			)
			a := parseWithTitle(t, page, "Why the tide tables were wrong last week")
			if a.Author != tc.author {
				t.Errorf("author %q, want %q", a.Author, tc.author)
			}
			if a.Published == nil || a.Published.Format("2006-01-02") != tc.published {
				t.Errorf("published %v, want %s", a.Published, tc.published)
			}
			if slices.Contains(a.BodyParagraphs, tc.footer) {
				t.Errorf("the note is in the body")
			}
		})
	}
}
