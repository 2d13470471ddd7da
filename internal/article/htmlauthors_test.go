package article

import (
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article/htmlextract"
)

// TestNameHead checks that a credit is cut to the name at its head only
// when the name grammar reads one name of two words or more there.
func TestNameHead(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Lena Ortiz Contributor", "Lena Ortiz"},
		{"Tom Ash in Linux", "Tom Ash"},
		{"Lena Ortiz", "Lena Ortiz"},
		{"Фото: Иван Петров", "Фото: Иван Петров"},
		{"Red.", "Red."},
		{"Ada Park News reporter @adapark", "Ada Park"},
		{"Ada Mae Park reporter", "Ada Mae Park"},
		{"Ada Park Sports editor", "Ada Park"},
		{"Ada Mae Park, reporter", "Ada Mae Park"},
	} {
		if got := nameHead(tt.in); got != tt.want {
			t.Errorf("nameHead(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanAuthors(t *testing.T) {
	site := []string{"coast weekly", "coastweekly", "ktv"}
	tests := []struct {
		name   string
		raw    []string
		marked bool
		want   []string
	}{
		{"several names in one metadata string", []string{"Ada Byron, Tom Reid and Jo March"}, false, []string{"Ada Byron", "Tom Reid", "Jo March"}},
		{"By, date and e-mail", []string{"By Morag Innes morag@example.org | 3 May 2022"}, false, []string{"Morag Innes"}},
		{"role after a comma", []string{"Tom Reid, Staff Writer"}, false, []string{"Tom Reid"}},
		{"all caps to proper case", []string{"JEAN-PAUL O'BRIEN"}, false, []string{"Jean-Paul O'Brien"}},
		{"initials keep their dot", []string{"Nuno Gomes C."}, false, []string{"Nuno Gomes C."}},
		{"site name credits no person", []string{"Coast Weekly"}, false, nil},
		{"host name credits no person", []string{"coastweekly.example.com"}, false, nil},
		{"dotted handle is a name", []string{"maria.de.souza"}, false, []string{"Maria De Souza"}},
		{"label word before a name", []string{"Author: Anna Kowal"}, false, []string{"Anna Kowal"}},
		{"label word without its colon", []string{"Author Anna Kowal"}, false, []string{"Anna Kowal"}},
		{"a one-word name after the label word", []string{"Author Kowal"}, false, []string{"Kowal"}},
		{"marked: a wire service's place is no writer", []string{"Reuters, Washington,"}, true, nil},
		{"marked: a dateline's place is no writer", []string{"KOBE –"}, true, nil},
		{"a name before a dash after its label stays", []string{"By Jane Roe —"}, false, []string{"Jane Roe"}},
		{"a writer beside a wire service and its place stays", []string{"Jane Roe, Reuters, Washington"}, false, []string{"Jane Roe"}},
		{"marked: a desk after a label markup set apart", []string{"Autor Redaktion"}, true, []string{"Redaktion"}},
		{"weekday after the name", []string{"Lena Holt Thursday"}, false, []string{"Lena Holt"}},
		{"foreign weekday after the name", []string{"Lena Holt Donnerstag"}, false, []string{"Lena Holt"}},
		{"a weekday alone names no one", []string{"Donnerstag"}, false, nil},
		{"credential after a comma", []string{"Rui Sato, PhD"}, false, []string{"Rui Sato"}},
		{"credential with dots", []string{"Rui Sato, M.D."}, false, []string{"Rui Sato"}},
		{"two credentials after a comma", []string{"Mira Holm, MS, RDN"}, false, []string{"Mira Holm"}},
		{"a file's name names no one", []string{"humans.txt"}, false, nil},
		{"a guest's post names no one", []string{"Гость"}, false, nil},
		{"marked: a credit's label in Russian", []string{"Текст: Лидия Белова"}, true, []string{"Лидия Белова"}},
		{"a name in capitals before the agency it writes for", []string{"Ada Byron, TOM REID Harbour Press"}, false, []string{"Ada Byron", "Tom Reid"}},
		{"a desk of a site with a short name", []string{"Tom Reid, KTV Business"}, false, []string{"Tom Reid"}},
		{"a sentence after the name", []string{"Lena Holt. Harbour Press International"}, false, []string{"Lena Holt"}},
		{"initials before a period stay", []string{"T.C. Brook"}, false, []string{"T.C. Brook"}},
		{"inline markup glued By to the name", []string{"ByAlex Brook"}, true, []string{"Alex Brook"}},
		{"marked: first candidate naming someone wins", []string{"Posted on", "by marc", "Meg March"}, true, []string{"marc"}},
		{"marked: initials are skipped", []string{"JF", "Boris Keller"}, true, []string{"Boris Keller"}},
		{"marked: prose is no name", []string{"share this story with friends"}, true, nil},
		{"same name twice", []string{"Tom Reid", "TOM REID"}, false, []string{"Tom Reid"}},
		{"marked: role glued to the name", []string{"By Dana WhitfieldStaff Writer"}, true, []string{"Dana Whitfield"}},
		{"marked: link glued to the name", []string{"Ravi MenonView More Articles"}, true, []string{"Ravi Menon"}},
		{"marked: role after the name without a comma", []string{"by Lena Ortiz Contributor May 2, 2021"}, true, []string{"Lena Ortiz"}},
		{"marked: section after the name", []string{"Written by Tom Ash in Linux on 2 May 2021 at 08:34 PM EDT. 12 Comments"}, true, []string{"Tom Ash"}},
		{"marked: place glued in brackets", []string{"Par Anne Morel(Lyon, correspondante)"}, true, []string{"Anne Morel"}},
		{"marked: social link after the name", []string{"Nadia Brook Twitter"}, true, []string{"Nadia Brook"}},
		{"marked: a handle glued to the name", []string{"by Dana Whitfield@danaw Dec 15, 2016, 1:55pm EST"}, true, []string{"Dana Whitfield"}},
		{"marked: an e-mail address is still no name", []string{"By Dana Whitfield dana@coast.example"}, true, []string{"Dana Whitfield"}},
		{"marked: a link's label is no name", []string{"See full bio", "Lena Ortiz Dec. 22, 2016 5:00 a.m. PT"}, true, []string{"Lena Ortiz"}},
		{"marked: a sentence's first word is no name", []string{"Un film de Anne Morel", "Luc Petit"}, true, []string{"Luc Petit"}},
		{"marked: bracketed notes after two names", []string{"By Anne Morel (text) and Luc Petit (photos)"}, true, []string{"Anne Morel", "Luc Petit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanAuthors(tt.raw, site, tt.marked)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("cleanAuthors(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestHTMLAuthorsOrder(t *testing.T) {
	res := htmlextract.Result{
		Authors:       []string{"Coast Weekly"},
		MarkedAuthors: []string{"View profile", "By Jo March"},
		SiteNames:     []string{"coast weekly"},
		PageLines:     []string{"Menu", "Gulls return", "By Someone Else"},
	}
	if got := htmlAuthors(res, "Gulls return", nil); strings.Join(got, "|") != "Jo March" {
		t.Errorf("markup after a site-name meta author: got %q", got)
	}
	res.MarkedAuthors = nil
	if got := htmlAuthors(res, "Gulls return", nil); strings.Join(got, "|") != "Someone Else" {
		t.Errorf("byline line near the headline: got %q", got)
	}
	if got := htmlAuthors(res, "Another title", nil); len(got) != 0 {
		t.Errorf("no headline line, no byline: got %q", got)
	}
}

func TestHTMLAuthorsWithPageText(t *testing.T) {
	shown := &Article{Authors: []string{"Ines Duarte"}}
	bare := &Article{}
	tests := []struct {
		name string
		res  htmlextract.Result
		page *Article
		want string
	}{
		{"metadata names kept when the page shows a byline", htmlextract.Result{Authors: []string{"Ines Duarte, Tom Reid"},
			PageLines: []string{"Gulls return", "By INES DUARTE and TOM REID", "One."}}, shown, "Ines Duarte|Tom Reid"},
		{"a byline that names the metadata's writer and more", htmlextract.Result{Authors: []string{"Ines Duarte"},
			PageLines: []string{"Gulls return", "By Ines Duarte and Tom Reid", "One."}}, &Article{Authors: []string{"Ines Duarte", "Tom Reid"}}, "Ines Duarte|Tom Reid"},
		{"metadata naming the writer by the first name alone", htmlextract.Result{Authors: []string{"Ines"},
			PageLines: []string{"Gulls return", "By", "Ines Duarte", "One."}}, shown, "Ines Duarte"},
		{"the site's name beside the metadata's writer is none", htmlextract.Result{Authors: []string{"Ines Duarte"}, SiteNames: []string{"coast weekly"},
			PageLines: []string{"Gulls return", "Ines Duarte, Coast Weekly", "One."}}, &Article{Authors: []string{"Ines Duarte", "Coast Weekly"}}, "Ines Duarte"},
		{"metadata names the page never prints give way to its byline", htmlextract.Result{Authors: []string{"Kai Webb"},
			PageLines: []string{"Gulls return", "By Ines Duarte", "One."}}, shown, "Ines Duarte"},
		{"metadata names dropped when a site page shows none", htmlextract.Result{Authors: []string{"Ines Duarte"}, Paragraphs: []string{"One.", "Two."},
			PageLines: []string{"Home", "News", "Sport", "Weather", "Gulls return", "One.", "Two.", "Most read", "Tides turn", "Ferry late", "About us"}}, bare, ""},
		{"metadata names kept on a page that is its article alone", htmlextract.Result{Authors: []string{"Ines Duarte"}, Paragraphs: []string{"One.", "Two."},
			PageLines: []string{"Gulls return", "One.", "Two."}}, bare, "Ines Duarte"},
		{"the byline by the headline over a teaser's marked before it", htmlextract.Result{MarkedAuthors: []string{"Kai Webb", "Ines Duarte", "Kai Webb"}},
			shown, "Ines Duarte"},
		{"the byline's names where the markup's run into a reading time", htmlextract.Result{MarkedAuthors: []string{"By Ines Duarte, Tom Reid 5 Min Read"}},
			&Article{Authors: []string{"Ines Duarte", "Tom Reid"}}, "Ines Duarte|Tom Reid"},
		{"byline markup over page text it does not hold", htmlextract.Result{MarkedAuthors: []string{"By Jo March"}}, shown, "Jo March"},
		{"byline markup still counts when the page text shows none", htmlextract.Result{Authors: []string{"Webdesk"}, MarkedAuthors: []string{"By Jo March"}}, bare, "Jo March"},
		{"the page text's authors when nothing else names one", htmlextract.Result{}, shown, "Ines Duarte"},
		{"the page text's byline over readability's, a teaser's", htmlextract.Result{Byline: "Kai Webb"}, shown, "Ines Duarte"},
		{"readability's byline when the page text shows none", htmlextract.Result{Byline: "Kai Webb"}, bare, "Kai Webb"},
		{"metadata names kept when the text reader read no article", htmlextract.Result{Authors: []string{"Ines Duarte"}}, nil, "Ines Duarte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(htmlAuthors(tt.res, "Gulls return", tt.page), "|"); got != tt.want {
				t.Errorf("htmlAuthors = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParseHTMLPageByline checks the whole path: the metadata's author
// counts on a page that prints it in a byline, and on a page that is its
// article alone, not on a site's page that prints none, nor where the
// byline names someone else.
func TestParseHTMLPageByline(t *testing.T) {
	page := tidePage(`<meta name="author" content="Ada Night">`, `<p>By ADA NIGHT</p><p>4 June 2021</p>`, "")
	a, err := Parse("tides.html", []byte(page), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Ada Night" {
		t.Errorf("author = %q, want the metadata's name", a.Author)
	}
	other := tidePage(`<meta name="author" content="Ada Night">`, `<p>By Marta Keel</p><p>4 June 2021</p>`, "")
	a, err = Parse("tides.html", []byte(other), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Marta Keel" {
		t.Errorf("a byline naming someone else: author = %q, want the printed name", a.Author)
	}
	bare := tidePage(`<meta name="author" content="Ada Night">`, "", "")
	a, err = Parse("tides.html", []byte(bare), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "Ada Night" {
		t.Errorf("article alone without a byline: author = %q, want the metadata's name", a.Author)
	}
	site := strings.Replace(bare, "<footer>", `<aside><h2>Most read</h2><ul><li><a href="/a">Ferry timetable changes</a></li>
<li><a href="/b">Lifeboat crew honoured</a></li><li><a href="/c">Harbour fees rise</a></li><li><a href="/d">Seal pups counted</a></li>
<li><a href="/e">Lighthouse open day</a></li><li><a href="/f">Fish market moves</a></li></ul></aside><footer>`, 1)
	a, err = Parse("tides.html", []byte(site), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Author != "" {
		t.Errorf("site page without a byline: author = %q, want none", a.Author)
	}
}

func TestVisibleDate(t *testing.T) {
	tests := []struct {
		name         string
		texts, lines []string
		title, want  string
		first        bool // also firstPageDate
	}{
		{"date-marked text", []string{"Tuesday, 03 May 2022"}, nil, "", "2022-05-03", false},
		{"updated text is passed over", []string{"Updated 9 May 2022", "Published 3 May 2022"}, nil, "", "2022-05-03", false},
		{"date inside a credit line", []string{"Home | By Jo March | 30 September 2018"}, nil, "", "2018-09-30", false},
		{"date line under the headline", nil, []string{"Menu", "© 2024 Coast Weekly", "Gulls return", "March 5, 2021", "Body text."}, "Gulls return", "2021-03-05", false},
		{"first full date below the headline", nil, []string{"Gulls return", "Press release of 25 January 2022 | The council said ..."}, "Gulls return", "2022-01-25", true},
		{"first full date only when asked", nil, []string{"Gulls return", "Press release of 25 January 2022 | The council said ..."}, "Gulls return", "", false},
		{"copyright years are not dates", nil, []string{"Gulls return", "© 12 May 2020 Coast Weekly"}, "Gulls return", "", true},
		{"no headline line, no page date", nil, []string{"Menu", "March 5, 2021"}, "Gulls return", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			m, ok := visibleDate(tt.texts, tt.lines, tt.title)
			if !ok && tt.first {
				m, ok = firstPageDate(tt.lines, tt.title)
			}
			if ok {
				got = time.Date(m.Year, m.Month, m.Day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("visibleDate = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInLocalDay(t *testing.T) {
	utc := time.Date(2022, 5, 4, 0, 25, 0, 0, time.UTC)
	tests := []struct {
		name string
		t    time.Time
		vis  dateMatch
		want string
	}{
		{"UTC instant moved to the printed day before", utc, dateMatch{Year: 2022, Month: 5, Day: 3}, "2022-05-03"},
		{"same day stays UTC", utc, dateMatch{Year: 2022, Month: 5, Day: 4}, "2022-05-04T00:25:00Z"},
		{"a day no offset reaches is ignored", utc, dateMatch{Year: 2022, Month: 5, Day: 1}, "2022-05-04T00:25:00Z"},
		{"an instant with its own offset is kept", time.Date(2022, 5, 4, 0, 25, 0, 0, time.FixedZone("", 7200)), dateMatch{Year: 2022, Month: 5, Day: 3}, "2022-05-04T00:25:00+02:00"},
	}
	for _, tt := range tests {
		got := inLocalDay(tt.t, tt.vis)
		if !got.Equal(tt.t) {
			t.Errorf("%s: instant changed: %v", tt.name, got)
		}
		s := got.Format(time.RFC3339)
		if !strings.HasPrefix(s, tt.want) {
			t.Errorf("%s: got %s, want %s", tt.name, s, tt.want)
		}
	}
}

func FuzzCleanAuthors(f *testing.F) {
	f.Add("By Jane Roe, Staff Writer | 3 May 2022", true)
	f.Add("JEAN-PAUL O'BRIEN and maria.de.souza", false)
	f.Add("ByAlex Brook", true)
	f.Add("Author: Ⱥnna Kowal & JF", false)
	f.Fuzz(func(t *testing.T, s string, marked bool) {
		for _, n := range cleanAuthors([]string{s}, []string{"site"}, marked) {
			if n == "" || n != strings.TrimSpace(n) {
				t.Fatalf("name %q from %q", n, s)
			}
		}
	})
}

func TestParseHTMLLocalDayFromURL(t *testing.T) {
	page := `<html><head><title>Gulls return to the pier</title>
<link rel="canonical" href="https://coast.example/2020/02/17/gulls-return">
<meta property="article:published_time" content="2020-02-18T02:18:11Z"></head>
<body><article><h1>Gulls return to the pier</h1>
<p>The gulls came back to the pier this week after a winter spent further down the coast, and the fishermen say they have never seen so many of them at once on the old stones.</p>
<p>Nobody is sure why they left, but the harbour master thinks the new lights on the quay kept them away until the birds got used to them over the last few weeks of the season.</p>
</article></body></html>`
	a, err := Parse("gulls.html", []byte(page), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil {
		t.Fatal("no published date")
	}
	if got := a.Published.Format("2006-01-02"); got != "2020-02-17" {
		t.Errorf("published day = %s (%v), want the URL's 2020-02-17", got, a.Published)
	}
	if !a.Published.Equal(time.Date(2020, 2, 18, 2, 18, 11, 0, time.UTC)) {
		t.Errorf("instant changed: %v", a.Published)
	}
	if a.Title != "Gulls return to the pier" {
		t.Errorf("title = %q", a.Title)
	}
}

func TestSplitAuthorTextPostedBy(t *testing.T) {
	got := cleanAuthors([]string{"Posted on September 21, 2020 by Adi Levin"}, nil, true)
	if strings.Join(got, "|") != "Adi Levin" {
		t.Errorf("got %q", got)
	}
}
