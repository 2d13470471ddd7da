package article

import (
	"slices"
	"strings"
	"testing"

	"seedfeed/internal/article/boilerplate"
)

// A party's page whose menu gives each entry a line of description, then
// an article: Classify starts the body in the menu, and the headline
// stands further down.
var (
	lateMenu = []string{
		"Skip to main content", "Main navigation", "Our aims",
		"A fresh look at the future",
		"We live in a world that keeps changing, and we are convinced that a good society gives every person the freedom and the means to shape their own life.",
		"The best schools for everyone",
		"We want every child to get the best possible start, wherever it grows up.",
		"Getting ahead by your own work",
		"We want to renew the promise that effort pays off for everybody.",
		"Freedom and human rights",
		"We want to stand up for freedom and human rights all over the world.",
		"Sound public finances",
		"We want a state that works for people and that people can afford.",
		"Team", "Press", "Search", "Debate", "Articles", "Health",
	}
	lateHeadline   = "End of the national state of emergency"
	lateStandfirst = "Masks stay on trains, but parliament decides"
	lateStory      = []string{
		"The parliamentary groups agreed on Tuesday to end the national state of emergency that has allowed the government to rule by decree since the spring of last year.",
		"The measures that are still needed, such as masks on buses and trains, will from now on be decided by parliament and reviewed every three months.",
		"The opposition welcomed the decision but said it came far too late, since most of the rules had long been lifted in the neighbouring countries.",
		"The change takes effect at the end of next month, once the upper house has approved it at its regular session.",
	}
	// A news ticker: each teaser is its headline run into the opening of
	// its story, prose to Classify.
	lateTeasers = []string{
		"Ferry fares to rise in spring HARBOURTON: The island ferry company said on Monday that fares would go up by a tenth from April, blaming the cost of fuel and repairs to its oldest...",
		"Library opens on Sundays again LAKEVIEW: The town library will open on Sunday afternoons from next month after volunteers offered to staff the front desk for the rest...",
		"Storm closes coastal road for a day NORTHPOINT: The coastal road was closed for most of Tuesday after the storm washed gravel and seaweed across both lanes near the...",
		"School choir to sing in the capital WESTFORD: The school choir has been invited to sing at the national concert hall in May, the first time a choir from the county has been asked to...",
		"Bus route to the hospital restored EASTGATE: The bus route to the county hospital will run again from Monday after the bridge on the old road was repaired and passed as safe by...",
	}
	lateFooter = []string{"Share", "Print", "Imprint", "Privacy", "© 2021 Parliamentary group"}
)

// TestHeadlineBelowEarlyBody checks pages where Classify starts the body
// too early: the headline stands further down with its date or byline
// right under it and the story after them. The headline must be found
// there and the menu must leave the body.
func TestHeadlineBelowEarlyBody(t *testing.T) {
	tests := []struct {
		name      string
		page      string
		title     string
		subtitle  string
		bodyFirst string // the body's first paragraph
		date      string // the published date
	}{
		{
			name:      "headline and date below a described menu",
			page:      scrapedPage(lateMenu, []string{lateHeadline, "27.10.2021"}, lateStory, lateFooter),
			title:     lateHeadline,
			bodyFirst: lateStory[0],
			date:      "2021-10-27",
		},
		{
			name:      "headline, standfirst and date below a described menu",
			page:      scrapedPage(lateMenu, []string{lateHeadline, lateStandfirst, "October 27, 2021"}, lateStory, lateFooter),
			title:     lateHeadline,
			subtitle:  lateStandfirst,
			bodyFirst: lateStory[0],
			date:      "2021-10-27",
		},
		{
			// The name reads as a standfirst over a date line (dekAt):
			// it is the byline, and no subtitle.
			name:      "headline, writer and date below a described menu",
			page:      scrapedPage(lateMenu, []string{lateHeadline, "Anna Berg", "27.10.2021"}, lateStory, lateFooter),
			title:     lateHeadline,
			bodyFirst: lateStory[0],
			date:      "2021-10-27",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paras := splitParagraphs(tc.page)
			res := boilerplate.Classify(paras)
			if h := slices.Index(paras, tc.title); res.Body >= h {
				t.Fatalf("Classify starts the body at line %d, not above the headline at %d: the page no longer tests a late headline", res.Body, h)
			}
			a := parseWithTitle(t, tc.page, tc.title)
			if a.Subtitle != tc.subtitle {
				t.Errorf("subtitle %q, want %q", a.Subtitle, tc.subtitle)
			}
			if len(a.BodyParagraphs) == 0 || a.BodyParagraphs[0] != tc.bodyFirst {
				t.Errorf("body starts %q, want %q", a.BodyParagraphs, tc.bodyFirst)
			}
			for _, p := range a.BodyParagraphs {
				if slices.Contains(lateMenu, p) {
					t.Errorf("menu line %q stayed in the body", p)
				}
			}
			if got := a.Published.Format("2006-01-02"); got != tc.date {
				t.Errorf("published %s, want %s", got, tc.date)
			}
		})
	}
}

// TestLateLineKeepsBody checks lines in the body with a date under them
// and prose after it that are not the headline: a dated teaser inside a
// scraped story whose own date stands at its start, and an update in a
// writer's own file. The body must stay whole, and such a line is not
// even a candidate.
func TestLateLineKeepsBody(t *testing.T) {
	story := "The town council voted on Tuesday night to rebuild the sea wall that the winter floods broke in three places, after a long meeting in a crowded town hall."
	tests := []struct {
		name  string
		page  string
		title string
		kept  string // a line the body keeps
	}{
		{
			name: "a dated teaser inside a dated story",
			page: scrapedPage(
				[]string{"Skip to content", "Home", "News", "Sport", "Contact"},
				[]string{"Harbour wall to be rebuilt", "March 4, 2024"},
				[]string{
					story,
					"The new wall will be two metres higher than the old one and is expected to cost the town about four million pounds over the next three years.",
					"Residents of the lower harbour streets said they were relieved.",
					"Work on the wall should begin in the summer.",
				},
				[]string{"Ferry timetable changes for the spring season", "Article // March 2, 2024"},
				[]string{"The ferry company will run two more boats a day from April, and the last boat back from the island will leave an hour later than it did last year, the company said."},
				[]string{"Bakery wins regional bread prize", "Article // March 1, 2024", "About us", "© 2024 Coastline Courier"},
			),
			title: "Harbour wall to be rebuilt",
			kept:  story,
		},
		{
			name: "an update in a writer's own file",
			page: strings.Join([]string{
				"Notes from the allotment",
				"The beans went in late this year because of the cold spring.",
				"For weeks it looked as if they would never catch up.",
				"By June they had caught up with the neighbours' rows.",
				"The first pods were ready a fortnight after everybody else's.",
				"Nobody minded at all.",
				"An update on the squash",
				"August 2, 2024",
				"The squash plants that I wrote off in May have covered half the plot and are flowering now, so there may be a harvest after all this autumn.",
			}, "\n\n") + "\n",
			title: "Notes from the allotment",
			kept:  "The beans went in late this year because of the cold spring.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseWithTitle(t, tc.page, tc.title)
			if !slices.Contains(a.BodyParagraphs, tc.kept) {
				t.Errorf("body %q lost %q", a.BodyParagraphs, tc.kept)
			}
			// Not only this model's choice: whatever the weights, the
			// line is never offered.
			paras, cands := candidatesOf([]byte(tc.page))
			for _, c := range cands {
				if c.f[hfLate] == 1 {
					t.Errorf("line %q offered as a headline below the body start", c.text(paras))
				}
			}
		})
	}
}

// TestHeadlineUnderTeasers checks a Korean page where Classify starts
// the body at a list of truncated teasers right above the article, whose
// headline has its date under it and then a standfirst before the story.
func TestHeadlineUnderTeasers(t *testing.T) {
	menu := []string{"엔터 미디어", "전체뉴스", "칼럼", "분야별 뉴스", "엔터테인먼트", "문화", "주요뉴스"}
	teasers := []string{
		"오래된 예능 프로그램이 여전히 사랑받는 이유는 무..",
		"아침 방송이 조용히 국민 프로그램이 된 과정을 살..",
		"경연 대회를 떠난 가수가 자신만의 관객을 찾은 비..",
	}
	headline := "두 가수의 공개 다툼, 공적인 대답이 필요한 이유"
	standfirst := "복수인가 피해자 흉내인가, 사진이 실제로 보여주는 것"
	story := []string{
		"두 가수 가운데 한 명이 아무런 예고 없이 개인적인 사진을 여러 장 공개하면서 이번 일이 시작됐다. 하루 만에 이 다툼은 이번 주에 가장 많이 이야기된 소식이 되었다.",
		"처음에는 사진을 공개한 가수에게 비난이 쏟아졌지만 그는 별다른 후회를 보이지 않았다. 상대 가수의 대답은 무슨 일이 있었는지에 대해 오히려 더 많은 질문을 남겼다.",
		"진실이 무엇이든 수백만 명의 팔로워 앞에서 벌어진 다툼은 더 이상 개인적인 일이 아니다. 두 사람 모두 팬들에게 더 분명한 설명을 해야 한다.",
	}
	footer := []string{"공유", "인쇄", "회사소개", "개인정보처리방침", "© 2018 엔터미디어"}
	page := scrapedPage(menu, teasers, []string{headline, "기사입력 :[ 2018-08-25 15:24 ]", standfirst}, story, footer)
	a := parseWithTitle(t, page, headline)
	if a.Subtitle != standfirst {
		t.Errorf("subtitle %q, want %q", a.Subtitle, standfirst)
	}
	if !slices.Equal(a.BodyParagraphs, story) {
		t.Errorf("body %q, want the story", a.BodyParagraphs)
	}
	for _, p := range a.BodyParagraphs {
		if slices.Contains(teasers, p) {
			t.Errorf("teaser %q left in the body", p)
		}
	}
	if a.Published == nil || a.Published.Format("2006-01-02") != "2018-08-25" {
		t.Errorf("published %v, want 2018-08-25", a.Published)
	}
}

// TestLateHeadUnderTeaser checks a body that Classify starts one teaser
// too early, right above the story's headline: the date under the
// headline (set in two lines, a clock time and year under the day) then
// stands within a few lines of the body start, and must not be read as
// the body's own date line, which would keep the headline from being a
// candidate. A share row between the byline and the story is passed over.
func TestLateHeadUnderTeaser(t *testing.T) {
	menu := []string{"Home", "Region", "World", "Business", "Sport", "Weather", "Contact us"}
	header := []string{lateHeadline, "October 27", "14:05 2021", "Print This Article Share it With Friends", "by Ruth Calloway"}
	tests := []struct {
		name   string
		header []string
		late   bool // the headline is a late candidate
	}{
		{"headline, split date, share row, byline", header, true},
		{"headline and split date", header[:3], true},
		{"a date under the teaser itself", []string{"October 27, 2021"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paras := slices.Concat(menu, lateTeasers[len(lateTeasers)-1:], tc.header, lateStory, lateFooter)
			kinds := make([]string, len(paras))
			for i := range menu {
				kinds[i] = boilerplate.KindNavigation
			}
			if i := slices.Index(paras, header[3]); i >= 0 {
				kinds[i] = boilerplate.KindShare
			}
			tr := &textReader{paras: paras, kinds: kinds, a: &Article{Removed: map[string][]string{}}, roles: make([]role, len(paras))}
			tr.bylines = tr.bylineBuf[:0]
			start := len(menu)
			body := tr.readStory(start, start, len(paras))
			tr.headerLines(start, body)
			late := false
			cands, _ := tr.headlineCandidates(start, body)
			for _, c := range cands {
				if c.f[hfLate] == 1 && c.text(paras) == lateHeadline {
					late = true
				}
			}
			if late != tc.late {
				t.Errorf("headline a late candidate: %v, want %v", late, tc.late)
			}
		})
	}
}
