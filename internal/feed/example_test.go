package feed_test

import (
	"fmt"
	"log"
	"slices"
	"time"

	"seedfeed/internal/feed"
)

func ExampleRender() {
	meta := feed.Meta{
		Title:       "Harbour Town Notes",
		Author:      "Mira Castellano",
		Language:    "en",
		BaseURL:     "http://localhost:8080",
		FeedID:      "tag:localhost,2024-05-01:feed",
		Generator:   "seedfeed 0.1.0",
		TTL:         30,
		FullContent: true,
		Stylesheet:  feed.PathStylesheet,
	}
	items := []feed.Item{{
		ID:          "tag:localhost,2024-05-02:ferry-timetable",
		Slug:        "ferry-timetable",
		Title:       "Ferry timetable changes",
		Summary:     "The morning crossing moves earlier.",
		ContentHTML: `<p>See the <a href="/timetable">new timetable</a>.</p>`,
		Published:   time.Date(2024, 5, 2, 8, 15, 0, 0, time.UTC),
	}}
	docs, err := feed.Render(meta, items)
	if err != nil {
		log.Fatal(err)
	}
	paths := make([]string, 0, len(docs))
	for p := range docs {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		fmt.Printf("%-10s %s\n", p, feed.ContentType(p))
	}
	// Output:
	// /atom.xml  application/atom+xml; charset=utf-8
	// /feed.json application/feed+json; charset=utf-8
	// /feed.xml  application/atom+xml; charset=utf-8
	// /rss.xml   application/rss+xml; charset=utf-8
}
