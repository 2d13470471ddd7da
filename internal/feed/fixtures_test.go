package feed

import (
	"strings"
	"time"
)

// The fixtures below are invented for these tests; each item carries one
// of the hard cases the feeds must survive.

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func fullMeta() Meta {
	return Meta{
		Title:       "Harbour Town Notes",
		Subtitle:    "Local news\x01 from the seeds folder",
		Author:      "Mira Castellano",
		Language:    "en",
		BaseURL:     "http://localhost:8080/",
		FeedID:      "tag:localhost,2024-05-01:feed",
		Generator:   "seedfeed 0.1.0",
		TTL:         30,
		FullContent: true,
		Stylesheet:  "/feed.css",
	}
}

func hardItems() []Item {
	return []Item{
		{
			ID:          "tag:localhost,2024-05-02:ferry-timetable",
			Slug:        "ferry-timetable",
			Title:       "Ferry\x01 timetable\x7f changes\u0085 for summer\x1b",
			Summary:     "The\x0b morning crossing\u0092 moves\x00 half an hour earlier.",
			Author:      "Jonas\x08 Pell",
			ContentHTML: "<p>The first\x00 boat now leaves at 6:30.\x0c</p>\r\n<p>Tickets\u009f stay the same price.</p>",
			Published:   date("2024-05-02T08:15:00+02:00"),
			Updated:     date("2024-05-03T09:00:00+02:00"),
			Tags:        []string{"transport", "ferry\x02", "  ", "transport"},
		},
		{
			ID:          "tag:localhost,2024-05-02:cafe-owners",
			Slug:        "cafe-owners",
			Title:       "Caf\xe9 owners \xff\xfe\uFFFD rally \uFFFE\uFFFF on the quay",
			Summary:     "Owners of \xc3\x28 six caf\xc3\xa9s \xed\xa0\x80 met on Tuesday.",
			Author:      "Ines \xf0\x9f\x98 Duval",
			ContentHTML: "<p>They want \xe2\x82 longer terraces.</p><p>Numeric refs: &#1;&#xFFFE;&#128;&#0;x</p>",
			Published:   date("2024-05-02T18:00:00Z"),
			Updated:     date("2024-05-02T18:00:00Z"),
			Tags:        []string{"business"},
		},
		{
			ID:      "tag:localhost,2024-05-03:code-club",
			Slug:    "code-club",
			Title:   "Code club writes ]]> on the board",
			Summary: "A CDATA end marker, ]]>, in a summary.",
			ContentHTML: "<p>In the lesson: <code>if a[b[0]]&gt;c</code>, then ]]&gt; again.</p>" +
				"<!-- a comment with ]]> inside --><p title=\"]]>\">End.</p>",
			Published: date("2024-05-03T10:00:00Z"),
			Updated:   date("2024-05-03T10:00:00Z"),
			Tags:      []string{"education", "kids & code"},
		},
		{
			ID:          "tag:localhost,2024-05-03:plain-cdata",
			Slug:        "plain-cdata",
			Title:       "Plain text content with a CDATA end",
			ContentHTML: "no markup here, just ]]> and > signs",
			Published:   date("2024-05-03T11:00:00Z"),
		},
		{
			ID:          "tag:localhost,2024-05-04:undated-notice",
			Slug:        "undated-notice",
			Title:       "A notice that carries no date",
			Summary:     "Nobody dated this notice.",
			ContentHTML: "<p>Found pinned to the harbour office door.</p>",
		},
		{
			ID:          "tag:localhost,2024-05-04:only-updated",
			Slug:        "only-updated",
			Title:       "Known only by its update time",
			ContentHTML: "<p>The store always knows first-seen; this checks the fallback.</p>",
			Updated:     date("2024-05-04T07:30:00-05:00"),
		},
		{
			ID:          "tag:localhost,2024-05-05:no-author",
			Slug:        "no-author",
			Title:       "Letter with no signature",
			Summary:     "An unsigned letter about the new benches.",
			ContentHTML: "<p>The benches are lovely.</p>",
			Published:   date("2024-05-05T12:00:00Z"),
			Updated:     date("2024-05-05T12:00:00Z"),
		},
		{
			ID:          "tag:localhost,2024-05-05:fish-and-chips",
			Slug:        "fish-and-chips",
			Title:       `Fish & chips: is "best" <b>really</b> best? 'Yes' & <no>`,
			Summary:     `Tasters compared "cod" & 'haddock' <blind>.`,
			Author:      `O'Brien & "Sons"`,
			ContentHTML: `<p>Scores: 7 &lt; 9 &amp;&amp; 9 &gt; 8. <q>"Crisp"</q></p>`,
			Published:   date("2024-05-05T13:00:00Z"),
			Updated:     date("2024-05-05T13:00:00Z"),
			Tags:        []string{`fish & "chips"`, "<food>"},
		},
		{
			ID:          "tag:localhost,2024-05-06:zurich-ueberfahrt",
			Slug:        "zurich-ueberfahrt",
			Title:       "Zürich–Tōkyō: Ärzte grüßen Δήμος, 東京の港 ☃ 🚢",
			Summary:     "Eine Übersicht in vielen Schriften: ½ ÷ €, 港町.",
			Author:      "Zoë Ångström",
			ContentHTML: "<p>Grüße aus Zürich und 東京. Ça va? Ελληνικά.</p>",
			Published:   date("2024-05-06T06:00:00+09:00"),
			Updated:     date("2024-05-06T06:00:00+09:00"),
			Tags:        []string{"Reisen", "日本"},
		},
		{
			ID:    "tag:localhost,2024-05-07:harbour-photos",
			Slug:  "harbour-photos",
			Title: "Harbour photos with relative links",
			ContentHTML: `<p>See <a href="../about">about</a>, <a href="/archive?page=2&amp;sort=new">the archive</a>, ` +
				`<a href="#notes">the notes</a>, <a href="//cdn.example.net/map.png">a map</a>, ` +
				`<a href="mailto:desk@example.org">the desk</a> and <a href="https://example.org/abs">elsewhere</a>.</p>` +
				`<figure><img src="img/pier.jpg" srcset="img/pier-1x.jpg 1x, /img/pier-2x.jpg 2x" alt="The pier">` +
				`<figcaption>The pier at dawn. <a href="">this page</a></figcaption></figure>` +
				`<blockquote cite="quotes/42">Quiet mornings.</blockquote>` +
				`<video poster="media/poster.jpg" src="media/clip.mp4"></video>` +
				`<p id="notes">` + strings.Repeat("Long text with no summary of its own. ", 12) + `</p>`,
			Published: date("2024-05-07T05:45:00Z"),
			Updated:   date("2024-05-08T05:45:00Z"),
			Tags:      []string{"photos"},
		},
		{
			// What the article page shows above the body: a subtitle,
			// captions with credits, a dateline; and a byline of three.
			ID:       "tag:localhost,2024-05-08:coast-road",
			Slug:     "coast-road",
			Title:    "Floods close the coast road",
			Subtitle: "Two streams burst their banks <overnight> & more rain is due",
			Authors:  []string{"Adaeze Okafor", " \x01 ", "Tomas\tLindqvist", "Adaeze Okafor", "Zoë <Ångström> & Co"},
			Author:   "Adaeze Okafor, Tomas Lindqvist, Zoë <Ångström> & Co",
			Figures: []Figure{
				{Caption: "Residents wade past the bus shelter.", Credit: "Ngozi Eke/Harbour Wire"},
				{Caption: "The road at dawn,\nfrom the bridge."},
				{Credit: "Photo: Harbour Authority"},
				{Caption: " \x02 ", Credit: ""},
				{Caption: "Sandbags </figcaption><b>stacked</b> ]]> high"},
			},
			Dateline:    "PORT ELLEN, Islay",
			ContentHTML: "<p>Heavy rain closed the coast road on Tuesday.</p>\n<p>Buses go round by the hill.</p>",
			Published:   date("2024-05-08T06:00:00Z"),
			Updated:     date("2024-05-08T06:00:00Z"),
			Tags:        []string{"weather"},
		},
		{
			// The lead alone is content enough.
			ID:        "tag:localhost,2024-05-08:lead-only",
			Slug:      "lead-only",
			Title:     "A standfirst and nothing else",
			Subtitle:  "The body of this article was lost.",
			Authors:   []string{"Ines Duval", "Jonas Pell"},
			Dateline:  "HARBOUR TOWN",
			Published: date("2024-05-08T07:00:00Z"),
		},
	}
}

// websubMeta advertises two WebSub hubs, one with a query, whose & the
// XML feeds must escape.
func websubMeta() Meta {
	m := fullMeta()
	m.Hubs = []string{"https://hub.example.net/", "http://127.0.0.1:9000/websub?site=harbour&v=1"}
	return m
}
