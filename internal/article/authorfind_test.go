package article

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSplitNames(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Jane Roe and John Doe", []string{"Jane Roe", "John Doe"}},
		{"DANICA KIRKA and JILL LAWLESS", []string{"Danica Kirka", "Jill Lawless"}},
		{"Matthew Digby , Minh Do", []string{"Matthew Digby", "Minh Do"}},
		{"Anna Berg, Lars Holm und Eva Lind", []string{"Anna Berg", "Lars Holm", "Eva Lind"}},
		{"Marie Dubois et Paul Martin", []string{"Marie Dubois", "Paul Martin"}},
		{"Ana Ruiz y Pedro Gil", []string{"Ana Ruiz", "Pedro Gil"}},
		{"E. MARTÍNEZ / J. I. DA COSTA", []string{"E. Martínez", "J. I. da Costa"}},
		{"Lisa de Moraes", []string{"Lisa de Moraes"}},
		{"Christoph von Eichhorn", []string{"Christoph von Eichhorn"}},
		{"T.C. Sottek", []string{"T.C. Sottek"}},
		{"Juan Carlos Muñoz C.", []string{"Juan Carlos Muñoz C."}},
		{"Tatyana Turner.", []string{"Tatyana Turner"}},
		{"KATE O'REILLY-SMITH", []string{"Kate O'Reilly-Smith"}},
		{"Jane Roe, Staff Writer", []string{"Jane Roe"}},
		{"Jane Roe, PhD", []string{"Jane Roe"}},
		{"Jane Roe, Reuters", []string{"Jane Roe"}},
		{"Jane Roe, ACME Digital Marketing, Google", []string{"Jane Roe"}},
		{"Our Special Correspondent", []string{"Our Special Correspondent"}},
		{"Jane Roe Jane Roe", []string{"Jane Roe"}},
		{"Jane RoeJane Roe", []string{"Jane Roe"}},
		{"Jane Roe on March 3", []string{"Jane Roe"}},
		{"Jane Roe for The Daily Example", []string{"Jane Roe"}},
		{"Сергей Иванов и Анна Петрова", []string{"Сергей Иванов", "Анна Петрова"}},
		{"राहुल शर्मा", []string{"राहुल शर्मा"}},
		{"the council said", nil},
		{"", nil},
	} {
		if got := splitNames(c.in, false); !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadBylineLine(t *testing.T) {
	for _, c := range []struct {
		line  string
		form  bylineForm
		names []string
	}{
		// Labels in the languages of the pages.
		{"By Jane Roe and John Doe", formLabelled, []string{"Jane Roe", "John Doe"}},
		{"Par Marie Dubois", formLabelled, []string{"Marie Dubois"}},
		{"Von Anna Berg", formLabelled, []string{"Anna Berg"}},
		{"Por Ana Ruiz y Pedro Gil", formLabelled, []string{"Ana Ruiz", "Pedro Gil"}},
		{"Di Marco Bianchi", formLabelled, []string{"Marco Bianchi"}},
		{"Door Pieter de Vries", formLabelled, []string{"Pieter de Vries"}},
		{"Автор: Сергей Иванов", formLabelled, []string{"Сергей Иванов"}},
		{"द्वारा राहुल शर्मा", formLabelled, []string{"राहुल शर्मा"}},
		{"Piše: Amra Hodžić", formLabelled, []string{"Amra Hodžić"}},
		{"Аутор: Милан Петровић", formLabelled, []string{"Милан Петровић"}},
		{"Текст: Лидия Белова·24 сентября 2018", formLabelled, []string{"Лидия Белова"}},
		{"Autorka: Jana Nováková", formLabelled, []string{"Jana Nováková"}},
		{"Συντάκτης: Νίκος Παππάς", formLabelled, []string{"Νίκος Παππάς"}},
		{"بقلم محمد العلي", formLabelled, []string{"محمد العلي"}},
		{"نویسنده: سارا احمدی", formLabelled, []string{"سارا احمدی"}},
		{"מאת דנה לוי", formLabelled, []string{"דנה לוי"}},
		{"Oleh Budi Santoso", formLabelled, []string{"Budi Santoso"}},
		{"Written by Jane Roe", formLabelled, []string{"Jane Roe"}},
		{"Posted by Jane Roe on March 3, 2024", formLabelled, []string{"Jane Roe"}},
		{"Posted on 2021-04-05 by jroe | Leave a comment", formLabelled, []string{"jroe"}},
		{"March 3, 2024 by Jane Roe", formLabelled, []string{"Jane Roe"}},
		{"Veröffentlicht am 03.02.2022 von Anna Berg", formLabelled, []string{"Anna Berg"}},
		{"Home | Par Marie Dubois | 30 septembre 2018", formLabelled, []string{"Marie Dubois"}},
		{"By Jane Roe Last updated Nov 8, 2023 Share this story now", formLabelled, []string{"Jane Roe"}},
		{"By JANE ROE", formLabelled, []string{"Jane Roe"}},
		{"ByJane Roe", formLabelled, []string{"Jane Roe"}},
		{"By Jane RoeStaff Writer", formLabelled, []string{"Jane Roe"}},
		{"Text: Jane Roe", formLabelled, []string{"Jane Roe"}},
		{"By Jane DoeFOXBusiness", formLabelled, []string{"Jane Doe"}},
		{"By JANE ROE and JOHN DOE, AP Auto Writers", formLabelled, []string{"Jane Roe", "John Doe"}},
		{"por CyberCook", formNone, nil},
		{"About the Author - Jane Roe", formLabelled, []string{"Jane Roe"}},
		// A label alone: the names are on the next line.
		{"By", formLabel, nil},
		{"Von", formLabel, nil},
		{"Written by", formLabel, nil},
		{"Ein Beitrag von:", formLabel, nil},
		{"Reporting by", formLabel, nil},
		{"A cura di", formLabel, nil},
		{"Di", formNone, nil},
		{"Kommentar von", formLabel, nil},
		{"Analysis by", formLabel, nil},
		{"Un billet de", formLabel, nil},
		{"About the author", formLabel, nil},
		// No label: names beside a date, or alone.
		{"Anna Berg am 18. September 2019", formDated, []string{"Anna Berg"}},
		{"Jane Roe, 21. Jan. 2015", formDated, []string{"Jane Roe"}},
		{"28. Jan. 2022 Anna Berg", formDated, []string{"Anna Berg"}},
		{"Daily Example 9/21/2016 Jane Roe", formDated, []string{"Jane Roe"}},
		{"Jane RoeNovember 6, 2023", formDated, []string{"Jane Roe"}},
		{"Jane Roe – 14.09.2022 – Column, Family", formDated, []string{"Jane Roe"}},
		{"Jane Roe, April 19, 2020", formDated, []string{"Jane Roe"}},
		{"Posted on 25. Januar 2022Author Redaktion", formLabelled, []string{"Redaktion"}},
		{"Jane Roe", formBare, []string{"Jane Roe"}},
		{"Jane Roe, @janeroe", formBare, []string{"Jane Roe"}},
		{"Jane Roe@JaneRoe", formBare, []string{"Jane Roe"}}, // a handle glued to the name
		{"Jane Roe jane.roe@example.org", formBare, []string{"Jane Roe"}},
		// A handle between the name and the date or time.
		{"Jane Roe @janeroe / Nov 19, 2019", formDated, []string{"Jane Roe"}},
		{"Jane Roe (@janeroe) Nov 19, 2019", formDated, []string{"Jane Roe"}},
		{"Jane Roe @janeroe, 21. Jan. 2015", formDated, []string{"Jane Roe"}},
		{"Jane Roe @janeroe 2 hours ago", formDated, []string{"Jane Roe"}},
		{"Jane Roe (@janeroe)", formBare, []string{"Jane Roe"}},
		{"Jane Roe @janeroe / 2 days", formBare, []string{"Jane Roe"}}, // an age with no "ago"
		{"Jane Roe | 5 min read", formBare, []string{"Jane Roe"}},
		{"Jane Roe jane.roe@example.org / Nov 19, 2019", formDated, []string{"Jane Roe"}},
		{"Jane RoeCEO", formBare, []string{"Jane Roe"}},
		// Not bylines.
		{"By the end of the year the council had approved the plan for the harbour", formNone, nil},
		{"Por último, el fiscal aseguró que trabajará con quien resulte electo", formNone, nil},
		{"By emailing us you agree", formNone, nil},
		{"March 3, 2024", formNone, nil},
		{"Our Partners", formNone, nil},
		{"La Nación", formNone, nil},
		{"WhatsApp Messenger", formNone, nil},
		{"Facebook Twitter", formNone, nil},
		{"6 Bilder", formNone, nil},
		{"10.000 Euro Schaden", formNone, nil},
		{"Media Installation, 2007.", formNone, nil},
		{"Qualità Oro,", formNone, nil},
		{"© 2024 JANE ROE MEDIA, INC. ALL RIGHTS RESERVED", formNone, nil},
		{"WE REPAIR KITES AND SAILS SINCE 2006", formNone, nil},
		{"How To Scrape Google With Python", formNone, nil},
		{"Exhibition Palais Epstein Vienna", formNone, nil},
		{"05.11.23 - 10:33 von Osteuropa zu", formNone, nil},
		{"Jane Roe @ 100!!! is that a joke", formNone, nil},
		{"Analysis by Jane Roe, CNN Editor-at-large", formLabelled, []string{"Jane Roe"}},
		{"Kommentar von Anna Berg", formLabelled, []string{"Anna Berg"}},
		{"Jane Roe Associated Press", formBare, []string{"Jane Roe"}},
		{"By Meg Wagner NEW YORK DAILY NEWS", formLabelled, []string{"Meg Wagner"}},
		{"Jane Roe and Tom Hart HARBOUR GAZETTE", formBare, []string{"Jane Roe", "Tom Hart"}},
		{"Par Anne Marie DUPONT", formLabelled, []string{"Anne Marie DUPONT"}},
		{"By John Smith III", formLabelled, []string{"John Smith III"}},
		{"October 12, 2018/0 Comments/in Harbour News /by jdadmin", formLabelled, []string{"jdadmin"}},
		{"Harbour News /by Jane Roe", formNone, nil},
		{"Jane Roe, Reuters", formBare, []string{"Jane Roe"}},
		{"Harbour news by Jane Roe", formNone, nil},
		// A category beside a comment button.
		{"Medien Kommentieren", formNone, nil},
		{"Société Réagir", formNone, nil},
		// A menu's choice, not names: no byline joins names with "or".
		{"By Course or Type", formNone, nil},
		{"Nach Autor oder Thema", formNone, nil},
		{"Par Région ou Thème", formNone, nil},
		{"By Jane Roe of Reuters", formLabelled, []string{"Jane Roe"}},
		// Name-shaped: only the page turns it down (findAuthors).
		{"Harbour Board", formBare, []string{"Harbour Board"}},
		{"Latest News", formNone, nil},
		{"jane.roe@example.org", formNone, nil},
	} {
		got := readBylineLine(c.line)
		if got.form != c.form || !reflect.DeepEqual(got.names, c.names) {
			t.Errorf("readBylineLine(%q) = form %d %q, want form %d %q", c.line, got.form, got.names, c.form, c.names)
		}
	}
}

// page joins lines as the scraper writes them: one paragraph a line,
// blank lines between.
func page(lines ...string) []byte {
	return []byte(strings.Join(lines, "\n\n") + "\n")
}

// articleBody is a few paragraphs of prose for the pages below.
var articleBody = []string{
	"The harbour board voted on Tuesday to keep the old ferry terminal open through the winter, reversing a plan that would have closed it in November.",
	"Members said the number of passengers had grown by a fifth since the spring, and that the new terminal would not be ready before the summer season.",
	"The decision means the two morning crossings will run as before, although the evening service will stop an hour earlier than it did last year.",
	"Local businesses on the quay welcomed the vote, saying that a closure during the darkest months would have cost them most of their winter trade.",
	"The board will meet again in February to review the timetable and to decide whether the night crossing should return when the days grow longer.",
}

func withBody(head []string, tail ...string) []byte {
	lines := append(append(append([]string{}, head...), articleBody...), tail...)
	return page(lines...)
}

// contents is a list of n short headings, a long table of contents.
func contents(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%d. Section %c", i+1, 'A'+i%26)
	}
	return out
}

func TestFindAuthorsOnPages(t *testing.T) {
	menu := []string{"Home", "News", "Sport", "Weather", "Contact"}
	title := "Ferry terminal stays open through the winter"
	for _, c := range []struct {
		name string
		page []byte
		want []string
	}{
		{"by under the headline", withBody(append(menu, title, "By Jane Roe and John Doe", "March 3, 2024")), []string{"Jane Roe", "John Doe"}},
		{"byline above the headline", withBody(append(menu, "By Jane Roe", "March 3, 2024", title)), []string{"Jane Roe"}},
		{"label on its own line", withBody(append(menu, title, "By", "Jane Roe", "March 3, 2024")), []string{"Jane Roe"}},
		{"von on its own line", withBody(append(menu, title, "Von", "Anna Berg", "-", "3. März 2024")), []string{"Anna Berg"}},
		{"von above a preposition's object", withBody(append(menu, title, "3. März 2024", "Briefe von", "an", "die Leser")), nil},
		{"bare name next to a date", withBody(append(menu, title, "Jane Roe", "March 3, 2024")), []string{"Jane Roe"}},
		{"bare name above a role", withBody(append(menu, title, "Jane Roe", "Political Editor")), []string{"Jane Roe"}},
		{"bare name above a role and a handle", withBody(append(menu, title, "Jane Roe", "News reporter @janeroe1")), []string{"Jane Roe"}},
		{"posted by with date", withBody(append(menu, title, "Posted by Jane Roe on March 3, 2024")), []string{"Jane Roe"}},
		{"all capitals", withBody(append(menu, title, "By DANICA KIRKA and JILL LAWLESS", "March 3, 2024")), []string{"Danica Kirka", "Jill Lawless"}},
		{"author box at the end", withBody(append(menu, title, "March 3, 2024"), "About the author", "Jane Roe", "Jane writes about ferries and the sea."), []string{"Jane Roe"}},
		{"a kind of piece and its label over the name at the end", withBody(append(menu, title, "March 3, 2024"), "Ein Beitrag von:", "Jane Roe", "Redakteurin für Verkehr"), []string{"Jane Roe"}},
		{"about heading at the end", withBody(append(menu, title, "March 3, 2024"), "About Jane Roe", "Jane writes about ferries and the sea."), []string{"Jane Roe"}},
		{"a name over a place and the date", withBody(append(menu, title, "María López", "Madrid, 19 nov 2019")), []string{"María López"}},
		{"a name over its job title and the date", withBody(append(menu, title, "Jane Roe", "City Hall Reporter",
			"Published 9:45 a.m. ET Nov. 19, 2019 | Updated 11:02 a.m. ET Nov. 20, 2019")), []string{"Jane Roe"}},
		{"a name between the headline and a standfirst over the date", withBody(append(menu, title, title, "Jane Roe",
			"In winter the ferry keeps its morning crossings, and the board will look at the evening ones again in spring.",
			"26 Jan, 2022 09:22 Uhr", "Rating:", "()", "Share", "Share", "Pin", "Share Tweet", "E-Mail", "Print")), []string{"Jane Roe"}},
		{"a bio under an author box's label, whatever its verb", withBody(append(menu, title, "March 3, 2024"), "About the author", "Jane Roe covers city hall for the Harbour Courier."), []string{"Jane Roe"}},
		{"a bio under an author box's label in German", withBody(append(menu, title, "3. März 2024"), "Über die Autorin", "Jana Roth schreibt seit 2010 über Verkehr und Stadtplanung."), []string{"Jana Roth"}},
		{"a bio under an author box's label, the name before an apposition", withBody(append(menu, title, "March 3, 2024"), "About the author", "Jane Roe, who has covered the harbour since 2010, lives on the island."), []string{"Jane Roe"}},
		{"a box's sentence with no name opening it", withBody(append(menu, title, "March 3, 2024"), "About the author", "The author lives by the sea and writes about ferries."), nil},
		{"a press release's box about its company is no writer", page(append(append(menu, title, "March 3, 2024",
			"Harbour Ferries, which runs the crossings to the islands, said on Monday that it will keep its winter timetable after a vote by its board."),
			append(articleBody[1:], "About Harbour Ferries", "Harbour Ferries runs six ships between the mainland and the islands. For more information, visit the company's website.")...)...), nil},
		{"a profile's box about its subject is no writer", page(append(append(menu, title, "March 3, 2024",
			"Jane Roe has run the ferry to the islands for thirty years, and on Monday she steered it out of the harbour for the last time."),
			append(articleBody[1:], "About Jane Roe", "Jane was born on the island and joined the crew at sixteen.")...)...), nil},
		{"no byline", withBody(append(menu, title, "March 3, 2024"), "Related stories", "Share this"), nil},
		{"heading next to a date is no name", withBody(append(menu, title, "Harbour Board", "March 3, 2024")), nil},
		{"names in the menu", withBody(append([]string{"Jane Roe", "John Doe", "Anna Berg", "Eva Lind"}, title, "March 3, 2024")), nil},
		{"teasers with writers and times", withBody(append(menu, "Jane Roe", "3 hours ago", "Council to meet again", "John Doe", "4 hours ago",
			"Storm closes the bridge", "Anna Berg", "5 hours ago", title)), nil},
		{"a byline below teasers", withBody(append(menu, "John Doe", "3 hours ago", "Storm closes the bridge", title, "Jane Roe", "March 3, 2024")), []string{"Jane Roe"}},
		{"an account beside a person", withBody(append(menu, title, "Posted by jdadmin", "Jane Roe", "March 3, 2024")), []string{"Jane Roe"}},
		{"an account alone", withBody(append(menu, title, "Posted by jdadmin on March 3, 2024")), []string{"jdadmin"}},
		{"an account named again in a comment", withBody(append(menu, title, "Posted by jdadmin on March 3, 2024"), "jdadmin says:", "Thanks for reading."), []string{"jdadmin"}},
		{"a word of the story after by is no account", withBody(append(menu, title, "by winter", "March 3, 2024")), nil},
		{"names in lower case under the headline", withBody(append(menu, title, "by jane roe", "March 3, 2024")), []string{"Jane Roe"}},
		{"a wire credit after the body", withBody(append(menu, title, "March 3, 2024"), "— Reuters"), []string{"Reuters"}},
		{"a wire credit in brackets", withBody(append(menu, title, "March 3, 2024"), "(AP)"), []string{"AP"}},
		{"a wire credit in brackets taken for a picture's, closing a short story", page(append([]string{"Home", title, "March 3, 2024"}, append(articleBody[:3:3], "(AP)")...)...), []string{"AP"}},
		{"two wire services credited together", page(append(append(menu, title, "March 3, 2024"), append(articleBody[:3:3], "(dpa/AFP)")...)...), []string{"dpa", "AFP"}},
		{"a picture's credit is no author", withBody(append(menu, title, "March 3, 2024"), "Reuters"), nil},
		{"a bio ending the story", withBody(append(menu, title, "March 3, 2024"), "Jane Roe is a senior reporter for the Harbour Courier."), []string{"Jane Roe"}},
		{"a bio with the writer's handle", withBody(append(menu, title, "March 3, 2024"), "Jane Roe (@janeroe) is a senior reporter for the Harbour Courier."), []string{"Jane Roe"}},
		{"a bio in German", withBody(append(menu, title, "3. März 2024"), "Jana Roth ist Redakteurin im Ressort Verkehr."), []string{"Jana Roth"}},
		{"a thing the story ends on is no writer", withBody(append(menu, title, "March 3, 2024"), "The Harbour Trust is a charity that looks after the pier."), nil},
		{"a byline wins over a bio", withBody(append(menu, title, "By John Doe", "March 3, 2024"), "Jane Roe is a reporter for the Harbour Courier."), []string{"John Doe"}},
		{"a writer's dash and name after the body", withBody(append(menu, title, "March 3, 2024"), "— Jane Roe"), []string{"Jane Roe"}},
		{"a quotation's speaker is no writer", withBody(append(menu, title, "March 3, 2024"), "“The sea always wins.”", "— Jane Roe"), nil},
		{"a name above a profile link", withBody(append(menu, title, "Jane Roe", "Search for this author in:")), []string{"Jane Roe"}},
		{"a publication beside the name is no writer", withBody(append(menu, title, "Jane Roe, Harbour Insider", "March 3, 2024"),
			"One insider said the vote had never been in doubt."), []string{"Jane Roe"}},
		{"a name run into its wire service over the date", withBody(append(menu, title, "Jane Roe Associated Press", "Published 11:34 PM EST Nov 19, 2019")), []string{"Jane Roe"}},
		{"a photo's credit with its wire service is no byline", withBody(append(menu, title, "Published 11:34 PM EST Nov 19, 2019",
			"The ferry at the lower quay on Monday", "Al Goldis, Associated Press")), nil},
		{"a theme's meta row with its parts slashed together", withBody(append(menu, title, "October 12, 2018/0 Comments/in Harbour News /by Jane Roe")), []string{"Jane Roe"}},
		{"a name-like entry of a menu above its contact link", withBody(append([]string{"Home", "Works", "Mission Statement", "Kontakt", "Datenschutz", "Impressum"}, title, "3. März 2024")), nil},
		{"a section's menu entry run into the name", withBody(append(menu, title, "3. März 2024 Anna Berg Sport")), []string{"Anna Berg"}},
		{"the site's name run into the name", withBody(append([]string{"Harbour Gazette"}, append(menu, title, "Veröffentlicht am 03.02.2022 von Anna Berg Harbour Gazette")...)), []string{"Anna Berg"}},
		{"a three-word name keeps its last word when no line is that word", withBody(append(menu, title, "3. März 2024 Anna Maria Berg")), []string{"Anna Maria Berg"}},
		{"bare name over a relative date", withBody(append(menu, title, "Jane Roe", "1 day ago")), []string{"Jane Roe"}},
		{"bare name under the headline's second copy", withBody(append(menu, title, title, "Jane Roe")), []string{"Jane Roe"}},
		{"a headline that reads as two names is no byline", withBody(append(menu, "Naher Osten und Nordafrika", "Naher Osten und Nordafrika", "3. März 2024")), nil},
		{"bare name printed twice", withBody(append(menu, title, "Jane Roe", "Jane Roe", "Share")), []string{"Jane Roe"}},
		{"a dated name under the headline, share buttons before the body", withBody(append(menu, title,
			"The ferry will keep both of its morning crossings until the spring, the board decided.", "Jane Roe", "Nov 13, 2019 4:26 pm",
			"@janeroe", "Share This Article", "Reddit", "LinkedIn", "WhatsApp", "Email", "Print", "Talk", "“Winter ferry”")), []string{"Jane Roe"}},
		{"a name and its date under the headline, a contents list before the body", withBody(append(append(menu, title,
			"Jane Roe, 21. Jan. 2015", "Contents"), contents(30)...)), []string{"Jane Roe"}},
		{"a handle glued to the name, a kicker above the headline", withBody(append(menu, "Harbour Week", title,
			"Published Tue, Mar 3 20247:05 AM EST", "Jane Roe@JaneRoe")), []string{"Jane Roe"}},
		{"a place over the headline is its kicker, and a topic after the story", withBody(append(menu, "Opinion", "Port Elwyn", title,
			"March 3, 2024"), "Topics", "Port Elwyn", "Opinion", "Ferries"), nil},
		{"a byline under the headline beside a topic list naming someone else", withBody(append(menu, title, "Jane Roe", "March 3, 2024"),
			"Tags", "John Doe", "Opinion"), []string{"Jane Roe"}},
	} {
		a, err := Parse("a.txt", c.page, Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want := c.want
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(a.Authors, want) || a.Author != strings.Join(want, ", ") {
			t.Errorf("%s: authors %q (author %q), want %q", c.name, a.Authors, a.Author, want)
		}
		for _, p := range a.BodyParagraphs {
			for _, n := range want {
				if p == n || p == "By "+n {
					t.Errorf("%s: the byline %q stayed in the body", c.name, p)
				}
			}
		}
	}
}

func TestDateish(t *testing.T) {
	for in, want := range map[string]bool{
		"12.03.2024": true, "2024-03-12": true, "3/12/24": true, "12.03.": true, "10:29": true, "am 18. September 2019": true,
		"15 mai 2019": true, "3 hours ago": true, "hace 4 minutos": true, "March 3rd": true,
		"235.6": false, "10.000": false, "2007": false, "4/5": false, "Seite 2": false, "": false,
	} {
		if got := dateish(in); got != want {
			t.Errorf("dateish(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestProperCase(t *testing.T) {
	for in, want := range map[string]string{
		"DANICA KIRKA":   "Danica Kirka",
		"J. I. DA SILVA": "J. I. da Silva",
		"JARVIS-GIBSON":  "Jarvis-Gibson",
		"O'REILLY":       "O'Reilly",
		"ÉLODIE MARTIN":  "Élodie Martin",
	} {
		if got := properCase(in); got != want {
			t.Errorf("properCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnglue(t *testing.T) {
	for in, want := range map[string]string{
		"Evan HalperStaff Writer":  "Evan Halper Staff Writer",
		"ByAlex Bozarjian":         "By Alex Bozarjian",
		"Jane DoeNovember 6, 2023": "Jane Doe November 6, 2023",
		"Inga MeyerFollow":         "Inga Meyer Follow",
		"2021April 9, 2019":        "2021 April 9, 2019",
		"Marwan H. Adwan1":         "Marwan H. Adwan 1",
		"Bo2man":                   "Bo2man",
		"McDonald":                 "McDonald",
		"谢若含2017-03-01":            "谢若含 2017-03-01",
	} {
		if got := unglue(in); got != want {
			t.Errorf("unglue(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadBylineLine(f *testing.F) {
	for _, s := range []string{
		"By Jane Roe and John Doe", "Posted on 2021-04-05 by jroe | Leave a comment", "28. Jan. 2022 Anna Berg",
		"ByJane RoeStaff Writer", "Jane RoeJane Roe", "E. MARTÍNEZ / J. I. DA COSTA", "About the Author - Jane Roe",
		"Ⱥ Ⱥ", "By \xff", "谢若含2017-03-01 14:27:02", "द्वारा राहुल शर्मा",
		"by jane roe and jan van der berg", "by ıris o'neill", "by  ann-marie   roe ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		ln := readBylineLine(line)
		for _, n := range ln.names {
			if n == "" || strings.TrimSpace(n) != n {
				t.Fatalf("readBylineLine(%q) gave the name %q", line, n)
			}
			if utf8.ValidString(line) && !utf8.ValidString(n) {
				t.Fatalf("readBylineLine(%q) gave invalid UTF-8 %q", line, n)
			}
			if strings.Contains(n, " ,") {
				t.Fatalf("readBylineLine(%q) kept a space before a comma: %q", line, n)
			}
		}
		if len(ln.names) > maxNames {
			t.Fatalf("readBylineLine(%q) gave %d names", line, len(ln.names))
		}
		splitNames(line, true)
		unglue(line)
		properCase(line)
		// A lower-case byline keeps its words, in proper case.
		if by, ok := properByline(line, func(string) bool { return false }); ok {
			if !strings.HasPrefix(by, "By ") || utf8.RuneCountInString(by) != utf8.RuneCountInString(strings.Join(strings.Fields(line), " ")) {
				t.Fatalf("properByline(%q) = %q", line, by)
			}
		}
	})
}

// TestBareNameOverPicture: a writer's bare name between the standfirst,
// which Classify may keep as the story's first paragraph, and a picture,
// whose caption or copyright notice stands before the story goes on,
// counts as the name before the body; a label with no picture under it
// does not. The roles are set as the header reader leaves them on such
// pages; the name is printed again after the story, as an author box
// prints it.
func TestBareNameOverPicture(t *testing.T) {
	const title = "Ferry terminal stays open through the winter"
	for _, tc := range []struct {
		name, line, below string
		belowRole         role
		want              bool
	}{
		{"a caption under the name", "Jane Roe", "The ferry at the lower quay on Monday. Photo: Ann Lee/Harbour Courier", roleCaption, true},
		{"a copyright notice under the name", "Jane Roe", "© Ann Lee / Harbour Photos", roleHeader, true},
		{"the story under a button's label", "View Images", "", roleBody, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paras := []string{title, "The harbour board kept both morning crossings after a winter of complaints from the commuters of the island.", tc.line}
			roles := []role{roleTitle, roleBody, roleHeader}
			if tc.below != "" {
				paras, roles = append(paras, tc.below), append(roles, tc.belowRole)
			}
			paras = append(paras, "The harbour board voted on Tuesday to keep the old ferry terminal open through the winter.", "Share", tc.line)
			roles = append(roles, roleBody, roleDrop, roleDrop)
			tr := &textReader{paras: paras, kinds: make([]string, len(paras)), roles: roles, a: &Article{Removed: map[string][]string{}}, headline: title}
			ln := readBylineLine(tc.line)
			got := len(ln.names) > 0 && tr.bareScore(2, ln) >= minAuthorScore
			if got != tc.want {
				t.Errorf("%q taken: %v, want %v", tc.line, got, tc.want)
			}
		})
	}
}
