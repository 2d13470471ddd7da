package article

import (
	"strings"
	"testing"
	"time"
)

// tidePage is a small article page: head holds its metadata, top what
// the page prints between the headline and the body.
func tidePage(head, top, body string) string {
	return `<html><head><title>Spring tides flood the lower quay</title>` + head + `</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Spring tides flood the lower quay</h1>` + top + `
<p>The spring tides came over the lower quay twice this week, and the boat owners who keep their dinghies on the slipway had to carry them up to the car park before dawn.</p>
<p>The harbour board says the wall was built for lower seas and that raising it would take two summers of work, which the town cannot pay for before the next budget is agreed.</p>
` + body + `</article>
<footer><p>Coast Weekly, the paper of the bay.</p></footer></body></html>`
}

func TestHTMLPublished(t *testing.T) {
	tests := []struct {
		name, head, top, body string
		want                  string // RFC 3339, or a day, or "" for no date
	}{
		{
			name: "metadata instant shown on the printed local day",
			head: `<meta property="article:published_time" content="2022-05-04T02:41:00Z">`,
			top:  `<p class="meta">By Ada Park</p><div>3 May 2022, 22:41</div>`,
			want: "2022-05-03",
		},
		{
			name: "printed date a few days after the metadata's is the publication",
			head: `<meta property="article:published_time" content="2022-01-03T09:48:00Z">`,
			top:  `<div>Published January 6, 2022</div>`,
			want: "2022-01-06",
		},
		{
			name: "metadata kept when the printed date is months away",
			head: `<meta property="article:published_time" content="2019-11-27T15:21:00+01:00">`,
			top:  `<div>Published February 28, 2020</div>`,
			want: "2019-11-27T15:21:00+01:00",
		},
		{
			name: "metadata kept when the page prints no date",
			head: `<meta property="article:published_time" content="2021-06-02T08:00:00+02:00">`,
			want: "2021-06-02T08:00:00+02:00",
		},
		{
			name: "an undated page gets no date from a date its text cites",
			body: `<p>Older boat owners remember worse. They say the sea has been climbing the steps of the slipway for years, and that the board has known it for as long as they have.</p>
<p>The last time the water came this high was on 12 May 2012, when the old fish market was flooded to the height of its counters.</p>`,
			want: "",
		},
		{
			name: "a date in figures that reads both ways, on a page that names no language, in the order the text reader settled",
			top:  `<span class="date">05/10/2018</span>`,
			want: "2018-10-05",
		},
		{
			name: "the publication date after the last change's on one line",
			body: strings.Repeat("<p>The harbour board met again on Thursday evening, and the fishermen who came to listen left before the vote was taken.</p>\n", 14) +
				`<p class="footer">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p>`,
			want: "2023-11-01",
		},
		{
			name: "a date line under the headline dates a page without metadata",
			top:  `<p>March 5, 2021</p>`,
			want: "2021-03-05",
		},
		{
			name: "with no metadata date, the address's day over a date shown years later",
			head: `<link rel="canonical" href="https://coast.example/2017/06/29/spring-tides">`,
			top:  `<p class="meta">Updated <time>29 March 2020, 16:45</time></p>`,
			want: "2017-06-29",
		},
		{
			name: "the address's day keeps the time the page prints on that day",
			head: `<link rel="canonical" href="https://coast.example/2017/06/29/spring-tides">`,
			top:  `<p>29 June 2017, 23:39</p>`,
			body: `<h3>2 comments</h3><div class="comment"><span class="date">29 March 2020, 16:45</span><p>Ada: the wall was fine in my day.</p></div>`,
			want: "2017-06-29T23:39:00Z",
		},
		{
			name: "a shown date a day from the address's: the address's day, as the local day",
			head: `<link rel="canonical" href="https://coast.example/2017/06/29/spring-tides">`,
			top:  `<p class="meta">June 30, 2017</p>`,
			// The shown day's instant, in the offset that puts it on
			// the address's day; not the address's midnight.
			want: "2017-06-29T23:00:00-01:00",
		},
		{
			name: "a byline's date over the dates of the teasers after it",
			top:  `<p class="meta">Home | By Ada Park | 30 September 2018</p>`,
			body: `<h3>More from the bay</h3><ul><li><span class="date">21 February 2020</span> <a href="/b">Ferry timetable changes</a></li>
<li><span class="date">18 February 2020</span> <a href="/c">The lifeboat's new crew</a></li></ul>`,
			want: "2018-09-30",
		},
		{
			name: "the date line under the headline over a list of dated teasers",
			head: `<link rel="canonical" href="https://coast.example/spring-tides">`,
			top:  `<p>June 21, 2017</p>`,
			body: `<h3>Latest</h3><ul><li><span class="date">August 8, 2022</span> <a href="/b">Ferry timetable changes</a></li>
<li><span class="date">July 28, 2022</span> <a href="/c">The lifeboat's new crew</a></li>
<li><span class="date">August 9, 2022, 16:03</span> <a href="/d">Harbour dues go up</a></li></ul>`,
			want: "2017-06-21",
		},
		{
			name: "metadata's date kept over the address's",
			head: `<link rel="canonical" href="https://coast.example/2022/05/02/spring-tides">
<meta property="article:published_time" content="2022-05-08T10:00:00Z">`,
			want: "2022-05-08T10:00:00Z",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := tidePage(tt.head, tt.top, tt.body)
			a, err := Parse("tides.html", []byte(page), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a.Published != nil {
				got = a.Published.Format(time.RFC3339)
				if !strings.Contains(tt.want, "T") {
					got = a.Published.Format("2006-01-02")
				}
			}
			if got != tt.want {
				t.Errorf("published = %q (%v), want %q", got, a.Published, tt.want)
			}
		})
	}
}

func TestDayGap(t *testing.T) {
	utc := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		a, b time.Time
		want int
	}{
		{utc(2022, 1, 3, 9), utc(2022, 1, 6, 0), 3},
		{utc(2022, 1, 6, 23), utc(2022, 1, 6, 0), 0},
		{utc(2022, 3, 1, 0), utc(2022, 2, 27, 0), -2},
		{utc(2021, 12, 31, 0), utc(2022, 1, 1, 0), 1},
		// a's UTC day: 1 March 01:00+02:00 is 28 February in UTC.
		{time.Date(2022, 3, 1, 1, 0, 0, 0, time.FixedZone("", 7200)), utc(2022, 3, 1, 0), 1},
	}
	for _, tt := range tests {
		if got := dayGap(tt.a, tt.b); got != tt.want {
			t.Errorf("dayGap(%v, %v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestHTMLPublishedFromText: a page with no date in its metadata, none
// marked up or by its headline and no dated address takes the date the
// text reader finds over its visible text, as its text scrape would: a
// date bar above the headline and the topics under it (md_373's
// "2019.03.05").
func TestHTMLPublishedFromText(t *testing.T) {
	page := `<html><head><title>Spring tides flood the lower quay</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="bar"><p>News</p><p>2019.03.05</p></div>
<ul class="topics"><li>Harbour</li><li>Weather</li><li>Boats</li><li>Council</li><li>Letters</li><li>Events</li></ul>
<article><h1>Spring tides flood the lower quay</h1>
<p>The spring tides came over the lower quay twice this week, and the boat owners who keep their dinghies on the slipway had to carry them up to the car park before dawn.</p>
<p>The harbour board says the wall was built for lower seas and that raising it would take two summers of work, which the town cannot pay for before the next budget is agreed.</p>
<p>Older boat owners remember worse, and they say the sea has been climbing the steps of the slipway for years.</p>
</article><footer><p>Coast Weekly, the paper of the bay.</p></footer></body></html>`
	a, err := Parse("tides.html", []byte(page), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Format("2006-01-02") != "2019-03-05" {
		t.Errorf("published %v, want 2019-03-05", a.Published)
	}
}

// TestLooseMetadataDateInPageOrder: a metadata date written in figures
// that go either way, which only the looser parser reads (month first),
// takes the order of the page's language; its time of day stays.
func TestLooseMetadataDateInPageOrder(t *testing.T) {
	head := `<meta property="article:published_time" content="10/05/2022 05:22 pm">`
	for _, tc := range []struct{ lang, want string }{
		{"es", "2022-05-10T17:22:00Z"},
		{"de", "2022-05-10T17:22:00Z"},
		{"en-US", "2022-10-05T17:22:00Z"},
	} {
		page := strings.Replace(tidePage(head, "", ""), "<html>", `<html lang="`+tc.lang+`">`, 1)
		a, err := Parse("tides.html", []byte(page), Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format(time.RFC3339) != tc.want {
			t.Errorf("lang %s: published %v, want %s", tc.lang, a.Published, tc.want)
		}
	}
}

func TestMentionsCopyright(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"© 2019 Example Media", true},
		{"Copyright 2019 Example Media", true},
		{"COPYRIGHT © 2020", true},
		{"All content CopyRight the authors", true},
		{"copyright", true},
		{"Copyrigh 2019", false},
		{"COPYR\u0130GHT 2019", true}, // Turkish upper case: İ lower-cases to i
		{"COPYR\u0130G", false},
		{"Copy right 2019", false},
		{"Kopyright 2019", false},
		{"", false},
		{"cccccccc copyrigh", false},
	} {
		if got := mentionsCopyright(tc.line); got != tc.want {
			t.Errorf("mentionsCopyright(%q) = %v, want %v", tc.line, got, tc.want)
		}
		// The lower-casing it replaces must agree.
		if ref := strings.Contains(tc.line, "©") || strings.Contains(strings.ToLower(tc.line), "copyright"); ref != tc.want {
			t.Errorf("lower-cased %q: %v, want %v", tc.line, ref, tc.want)
		}
	}
}

// FuzzMentionsCopyright checks the ASCII comparison against the
// lower-casing it replaces.
func FuzzMentionsCopyright(f *testing.F) {
	for _, s := range []string{"© 2019", "Copyright 2020", "COPYR\u0130GHT", "copyrigh", "cOpYrIgHt x", "\xffcopyright"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Contains(s, "©") || strings.Contains(strings.ToLower(s), "copyright")
		if got := mentionsCopyright(s); got != want {
			t.Errorf("mentionsCopyright(%q) = %v, lower-casing says %v", s, got, want)
		}
	})
}
