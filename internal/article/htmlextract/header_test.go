package htmlextract

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func metaOf(t *testing.T, page string) meta {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return readMeta(doc)
}

func TestChooseTitle(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"h1 confirmed by og:title",
			`<title>Tides run high | Coast Weekly</title><meta property="og:title" content="Tides run high">
			 <body><h1><a href="/">Coast Weekly</a></h1><article><h1>Tides run high</h1><p>text</p></article>`,
			"Tides run high"},
		{"site name cut from <title> without og:site_name",
			`<title>Gulls return to the pier - Coast Weekly</title><body><p>text</p>`,
			"Gulls return to the pier"},
		{"site name at the front, known from og:site_name",
			`<title>Coast Weekly | The harbour wall is mended at last</title><meta property="og:site_name" content="Coast Weekly"><body><p>x</p>`,
			"The harbour wall is mended at last"},
		{"kicker markup inside the h1 is dropped",
			`<title>Harbour: New lights for the old quay</title>
			 <body><h1><span class="kicker">Harbour</span> New lights for the old quay</h1><p>x</p>`,
			"New lights for the old quay"},
		{"heading names the headline part of the h1",
			`<title>Storm season: Boats stay in port all week | Coast Weekly</title>
			 <body><h1 itemprop="headline"><span class="overline">Storm season</span>: <span class="headline">Boats stay in port all week</span></h1>`,
			"Boats stay in port all week"},
		{"h1 the metadata does not name still wins over a shortened og:title",
			`<meta property="og:title" content="Quay lights"><body><h1>The old quay gets new lights before winter</h1>`,
			"The old quay gets new lights before winter"},
		{"logo h1 naming the site is passed over",
			`<title>A quiet week on the coast | Coast Weekly</title><meta property="og:site_name" content="Coast Weekly">
			 <body><h1>Coast Weekly</h1><p>text</p>`,
			"A quiet week on the coast"},
		{"JSON-LD headline without any <title>",
			`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Ferry timetable changes"}]}</script><body><p>x</p>`,
			"Ferry timetable changes"},
		{"svg title is not the page's", `<body><svg><title>icon</title></svg><h1>Nets drying on the beach</h1>`,
			"Nets drying on the beach"},
		{"a blog's name in an h1 linking home is the site's name",
			`<title>Mussels with cider and leeks | Supper at the Harbour Wall</title>
			 <body><h1><a href="https://harbourwall.example/">Supper at the Harbour Wall</a></h1>
			 <h2><a href="/2020/05/mussels">Mussels with cider and leeks</a></h2><p>text</p>`,
			"Mussels with cider and leeks"},
		{"a separator hidden from screen readers ends the kicker",
			`<title>Winter storms – The quay wall gives way at last | Coast Weekly</title>
			 <meta property="og:title" content="Winter storms – The quay wall gives way at last">
			 <body><h1><span class="head-top">Winter storms</span><span aria-hidden="true"> – </span><span class="head-text">The quay wall gives way at last</span></h1><p>text</p>`,
			"The quay wall gives way at last"},
		{"hidden h1 repeating the <title> loses the site's name",
			`<title>Harbour fees rise in spring | Coast Weekly</title><meta property="og:site_name" content="Coast Weekly">
			 <meta property="og:title" content="Harbour fees rise in spring">
			 <body><h1 class="visuallyhidden">Harbour fees rise in spring | Coast Weekly</h1><p>text</p>`,
			"Harbour fees rise in spring"},
		{"an unescaped quote cut og:title short; the <title> has it whole",
			`<title>Mayor calls the new pier "a triumph"</title><meta property="og:title" content="Mayor calls the new pier "a triumph"">
			 <body><h1><img alt="Coast Weekly" src="/logo.svg"></h1><p>text</p>`,
			`Mayor calls the new pier "a triumph"`},
		{"an h1 that links to its section is passed over",
			`<title>Harbour board asks skippers about the new moorings | Coast Weekly</title>
			 <body><h1><a href="/news/waterfront/">Waterfront Life</a></h1><h1>What skippers think of the new moorings</h1><p>text</p>`,
			"What skippers think of the new moorings"},
		{"a permalink h1 is the headline",
			`<title>Moorings: the skippers have their say | Coast Weekly</title>
			 <body><h1><a href="/2024/05/moorings-skippers">What skippers think of the new moorings</a></h1><p>text</p>`,
			"What skippers think of the new moorings"},
		{"a JSON-LD headline cut with an ellipsis; the <title> has it whole",
			`<title>Harbour board says the old ferry pier must close before the winter storms | Coast Weekly</title>
			 <script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour board says the old ferry pier must close before the..."}</script>
			 <body><p>text</p>`,
			"Harbour board says the old ferry pier must close before the winter storms"},
		{"a headline that ends with an ellipsis of its own stays",
			`<title>And then the lights went out… | Coast Weekly</title><meta property="og:site_name" content="Coast Weekly"><body><p>text</p>`,
			"And then the lights went out…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page)
			if got := chooseTitle(m, pageBase(m, nil)); got != tt.want {
				t.Errorf("chooseTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHomeLink(t *testing.T) {
	for _, tt := range []struct {
		href string
		want bool
	}{
		{"/", true},
		{"https://harbourwall.example", true},
		{"https://harbourwall.example/index.php", true},
		{"https://web.archive.org/web/20080731095558/http://www.harbourwall.example/", true},
		{"/2020/05/mussels", false},
		{"https://harbourwall.example/?p=12", false},
		{"#top", false},
		{"", false},
		{"mailto:cook@harbourwall.example", false},
	} {
		if got := homeLink(tt.href); got != tt.want {
			t.Errorf("homeLink(%q) = %v, want %v", tt.href, got, tt.want)
		}
	}
}

func TestStripSite(t *testing.T) {
	u, _ := url.Parse("https://www.coastweekly.example/news/x")
	site := newSiteNames(meta{siteName: "Coast Weekly"}, u)
	tests := []struct{ in, want string }{
		{"Tides run high | Coast Weekly", "Tides run high"},
		{"coastweekly.example - Tides run high", "Tides run high"},
		{"Tides run high", "Tides run high"},
		{"Chapter 2: The Lighthouse - Tides - Coast Weekly", "Chapter 2: The Lighthouse - Tides"},
		{"Why the harbour master resigned in a hurry - Opinion", "Why the harbour master resigned in a hurry"},
		{"Chapter 3: Low Water - Gulls | Sea Tales", "Chapter 3: Low Water - Gulls"},
		{"港口的灯塔今晚重新点亮！-海岸周报", "港口的灯塔今晚重新点亮！"},
		{"这个渡轮公司想用新船缩短航程_出行_海岸周报", "这个渡轮公司想用新船缩短航程"},
		{"渡轮-港口新闻", "渡轮-港口新闻"},
	}
	for _, tt := range tests {
		if got := stripSite(tt.in, site); got != tt.want {
			t.Errorf("stripSite(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMetaAuthors(t *testing.T) {
	tests := []struct {
		name, page string
		meta       []string
		marked     []string
	}{
		{"JSON-LD authors by @id reference",
			`<script type="application/ld+json">{"@graph":[{"@type":"Person","@id":"#p1","name":"Ada Byron"},
			 {"@type":"BlogPosting","headline":"h","author":[{"@id":"#p1"},{"@type":"Person","name":"Tom Reid"}]}]}</script>`,
			[]string{"Ada Byron", "Tom Reid"}, nil},
		{"JSON-LD organization author is no byline",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Coast Weekly"}}</script>`,
			nil, nil},
		{"meta author", `<meta name="author" content="Morag Innes">`, nil, nil},
		{"rel=author before byline class",
			`<body><div class="byline">By <a rel="author" href="/a/jo">Jo March</a></div><p class="post-author">Meg March</p>`,
			nil, []string{"By Jo March", "Meg March"}},
		{"itemprop author name", `<body><span itemprop="author" itemscope><span itemprop="name">Beth March</span></span>`,
			nil, []string{"Beth March"}},
		{"comment authors and author boxes are left out",
			`<body><div class="comment-author">Amy</div><div class="author-bio">Laurie writes about boats.</div>`,
			nil, nil},
		{"a comment's microdata author is left out",
			`<body><article><span itemprop="author">Jo March</span></article><ol class="commentlist"><li>
			 <cite class="fn" itemprop="author">Amy</cite></li></ol><div class="comment-author vcard" itemprop="author">Laurie</div>`,
			nil, []string{"Jo March"}},
		{"a comment's writer in author markup is left out",
			`<body><article><span class="byline">Jo March</span></article><section id="comments"><ol><li class="comment even">
			 <header><span class="author">Amy</span> <time datetime="2017-02-23">February 23, 2017</time></header></li></ol></section>`,
			nil, []string{"Jo March"}},
		{"an opinion piece's author is kept",
			`<body><div class="sect news commentary"><div itemprop="author"><h4 itemprop="name">Ingo Berg</h4></div></div>`,
			nil, []string{"Ingo Berg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page)
			if strings.Join(m.authors, "|") != strings.Join(tt.meta, "|") {
				t.Errorf("authors = %q, want %q", m.authors, tt.meta)
			}
			marked := append(m.dom.strongAuthors, m.dom.authors...)
			if strings.Join(marked, "|") != strings.Join(tt.marked, "|") {
				t.Errorf("marked = %q, want %q", marked, tt.marked)
			}
		})
	}
	if m := metaOf(t, `<meta name="author" content="Morag Innes">`); m.byline != "Morag Innes" {
		t.Errorf("meta author byline = %q", m.byline)
	}
}

func TestChoosePublished(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2021-03-04T10:00:00+01:00">`, "2021-03-04T10:00:00+01:00"},
		{"strongest meta key wins whatever its order",
			`<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2021-03-04T10:00:00Z">`,
			"2021-03-04T10:00:00Z"},
		{"JSON-LD datePublished over meta",
			`<meta name="date" content="2020-01-01"><script type="application/ld+json">{"@type":"Article","datePublished":"2019-05-06"}</script>`,
			"2019-05-06T00:00:00Z"},
		{"UTC instant shown in the offset of a <time> with the same instant",
			`<meta property="article:published_time" content="2022-05-04T03:37:00Z"><body><time datetime="2022-05-03T23:37:00-04:00">May 3</time>`,
			"2022-05-03T23:37:00-04:00"},
		{"itemprop datePublished", `<body><span itemprop="datePublished" content="2018-09-30">30 Sept</span>`, "2018-09-30T00:00:00Z"},
		{"first <time> as a last resort", `<body><time datetime="2017-07-12">12 July</time><time datetime="2019-01-01">x</time>`, "2017-07-12T00:00:00Z"},
		{"a <time> labelled as the last change gives way",
			`<body><div>Updated:</div><div><span><time datetime="2018-03-06T19:49:32-05:00">Mar 6, 2018</time></span></div>
			 <div>Original:</div><div><span><time datetime="2016-12-21T18:49:10-05:00">Dec 21, 2016</time></span></div>`, "2016-12-21T18:49:10-05:00"},
		{"a <time> labelled as the last change when no other is", `<body><p>Zuletzt aktualisiert <time datetime="2018-03-06">6. März</time></p>`, "2018-03-06T00:00:00Z"},
		{"template zero date is refused", `<meta property="article:published_time" content="0001-01-01T00:00:00Z">`, ""},
		{"slashed date and time in meta name=date", `<meta name="date" content="2021/03/07 09:41:12">`, "2021-03-07T09:41:12Z"},
		{"slashed date and minutes", `<meta name="pubdate" content="2021/03/07 09:41">`, "2021-03-07T09:41:00Z"},
		{"ISO date followed by a garbled time", `<meta property="article:published_time" content="2022-05-04-0305:49:00-10800">`, "2022-05-04T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page)
			got := ""
			if p := choosePublished(m); p != nil {
				got = p.Format(time.RFC3339)
			}
			if got != tt.want {
				t.Errorf("published = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTimeWithoutDatetimeIsADateText(t *testing.T) {
	m := metaOf(t, `<body><time>3 May 2022</time><time datetime="2022-05-03">x</time>`)
	if len(m.dom.dateTexts) != 1 || m.dom.dateTexts[0] != "3 May 2022" {
		t.Errorf("dateTexts = %q", m.dom.dateTexts)
	}
	if len(m.dom.times) != 1 {
		t.Errorf("times = %q", m.dom.times)
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example/2020/08/24/slug", "2020-08-24"},
		{"https://news.example/politics/20220503/slug", "2022-05-03"},
		{"https://news.example/2019-06-13-slug.html", "2019-06-13"},
		{"https://news.example/2018/06/slug.html", ""},
		{"https://news.example/story/120200622120908039", ""},
		{"https://news.example/2020/13/45/slug", ""},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.in)
		got := ""
		if d := urlDate(u); d != nil {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("urlDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzReadMeta(f *testing.F) {
	f.Add(`<title>A | B</title><meta property="og:title" content="A"><h1><span class="kicker">K</span>A</h1>`)
	f.Add(`<script type="application/ld+json">{"@graph":[{"@id":"#a","name":"N"},{"@type":"Article","author":{"@id":"#a"}}]}</script>`)
	f.Add(`<span itemprop="author"><span itemprop="name">X</span></span><time datetime="2020-01-02T03:04:05Z">`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		m := readMeta(doc)
		base := pageBase(m, nil)
		_ = chooseTitle(m, base)
		_ = choosePublished(m)
		_ = urlDate(base)
	})
}

func TestDateInHeadlineKicker(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"date in the h1's topline", `<body><h1 class="head"><span class="topline"><span class="date">14.03.2021</span></span>Harbour ferry runs again</h1>`, []string{"14.03.2021"}},
		{"time element class in the h1", `<body><h1><small class="pubdate">March 14, 2021</small> Harbour ferry runs again</h1>`, []string{"March 14, 2021"}},
		{"h1 without a date part", `<body><h1><span class="kicker">Transport</span> Harbour ferry runs again</h1>`, nil},
		{"date in an h1 of the navigation", `<body><nav><h1><span class="date">01.01.2020</span> Menu</h1></nav>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := metaOf(t, tt.page)
			if !slices.Equal(m.dom.dateTexts, tt.want) {
				t.Errorf("dateTexts = %q, want %q", m.dom.dateTexts, tt.want)
			}
		})
	}
}

// TestPageWrappedInAForm: ASP.NET wraps a whole page in one <form>; its
// headline and date are the page's. A search box's or a comment form's
// texts are not read.
func TestPageWrappedInAForm(t *testing.T) {
	m := metaOf(t, `<body><form class="search"><span class="date">1 January 2020</span></form>
		<form id="aspnetForm" method="post">
		<h1 class="title-news">Harbour fees rise for the first time in ten years</h1>
		<span class="date-created">2 May 2022 - 12:09</span>
		<p>The harbour board agreed on Monday to raise mooring fees.</p>
		</form>
		<form class="comment-form"><span class="date">3 June 2022</span><h2>Leave a reply</h2></form>`)
	if len(m.dom.headings) != 1 || m.dom.headings[0].text != "Harbour fees rise for the first time in ten years" {
		t.Errorf("headings = %+v", m.dom.headings)
	}
	if !slices.Equal(m.dom.dateTexts, []string{"2 May 2022 - 12:09"}) {
		t.Errorf("dateTexts = %q", m.dom.dateTexts)
	}
}

// TestTagsEscapedTwice: a page that escapes its tags twice, or cuts a
// reference short, gives the tags as written; one that is only a
// reference is none; "R&D" and "AT&T" stay.
func TestTagsEscapedTwice(t *testing.T) {
	m := metaOf(t, `<html><head>
<meta property="article:tag" content="PG&amp;amp;E">
<meta property="article:tag" content="AT&amp;amp">
<meta property="article:tag" content="&amp;quot">
<meta property="article:tag" content="R&amp;D">
<meta property="article:tag" content="AT&T">
</head><body></body></html>`)
	if want := []string{"PG&E", "AT", "R&D", "AT&T"}; !slices.Equal(m.tags, want) {
		t.Errorf("tags %q, want %q", m.tags, want)
	}
}
