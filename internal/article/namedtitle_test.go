package article

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCommentHeadTitle(t *testing.T) {
	tests := []struct {
		line, title string
		ok          bool
	}{
		{"12 thoughts on “Ferry crews walk out over rotas”", "Ferry crews walk out over rotas", true},
		{"One thought on “Ferry crews walk out over rotas”", "Ferry crews walk out over rotas", true},
		{"3 Responses to \"Ferry crews walk out over rotas\"", "Ferry crews walk out over rotas", true},
		{"1 reply on “Ferry crews walk out”", "Ferry crews walk out", true},
		// A quotation inside the title keeps its marks: the title runs to
		// the last mark of the line.
		{"4 responses to “A harbour song: “Home again””", "A harbour song: “Home again”", true},
		{"± 6 Kommentare zu „Fähre fällt aus“", "Fähre fällt aus", true},
		{"Ein Gedanke zu „Die Fähre fährt wieder“", "Die Fähre fährt wieder", true},
		{"5 réflexions sur « Le bac reprend la mer »", "Le bac reprend la mer", true},
		{"2 comentarios en «El ferri vuelve al puerto»", "El ferri vuelve al puerto", true},
		{"7 pensieri su “Il traghetto torna in porto”", "Il traghetto torna in porto", true},
		{"3 reacties op “De veerboot vaart weer”", "De veerboot vaart weer", true},
		{"8 комментариев к «Паром снова ходит»", "Паром снова ходит", true},
		{"“フェリーが運航再開” への3件のフィードバック", "フェリーが運航再開", true},
		{"「フェリーが運航再開」への1件のコメント", "フェリーが運航再開", true},
		// Not a comment head.
		{"Ferry crews walk out over rotas", "", false},
		{"He said: “We walk out on Monday”", "", false},
		{"12 thoughts on ferries", "", false},
		{"Many thoughts on “Ferry crews walk out”", "", false},
		{"12 thoughts on “”", "", false},
		{"“フェリー” への思い", "", false},
		{"“への0件のフィードバック", "", false},
		{"1 reply on “", "", false},
		{"Related: 3 stories on “Ferries”", "", false},
	}
	for _, tt := range tests {
		got, ok := commentHeadTitle(tt.line)
		if got != tt.title || ok != tt.ok {
			t.Errorf("commentHeadTitle(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.title, tt.ok)
		}
	}
}

func TestWikiFooterTitle(t *testing.T) {
	tests := []struct {
		line, title string
		ok          bool
	}{
		{`Retrieved from "https://wiki.example.org/w/index.php?title=Harbour_ferry&oldid=1371310"`, "Harbour ferry", true},
		{"Abgerufen von „https://wiki.example.org/index.php?title=Hafen:F%C3%A4hre/Fahrplan&oldid=2594817“", "Hafen:Fähre/Fahrplan", true},
		{`Retrieved from "https://ships.example.com/wiki/Harbour_ferry?oldid=99"`, "Harbour ferry", true},
		{"'https://bn.example.org/w/index.php?title=Harbour_ferry&oldid=3986629' থেকে আনীত", "Harbour ferry", true},
		// Not a revision's address.
		{`See "https://wiki.example.org/w/index.php?title=Harbour_ferry" for more`, "", false},
		{"The old id=5 was kept", "", false},
		{`Retrieved from "https://example.org/page?oldid=5"`, "", false},
	}
	for _, tt := range tests {
		got, ok := wikiFooterTitle(tt.line)
		if got != tt.title || ok != tt.ok {
			t.Errorf("wikiFooterTitle(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.title, tt.ok)
		}
	}
}

// TestNamedHeadline: the comment section's head names the post's title,
// which is taken wherever its line stands, also far above a body that
// Classify started in a long list, where no candidate is looked for.
func TestNamedHeadline(t *testing.T) {
	const head = "Ferry crews walk out over rotas"
	var menu []string
	for i := range 70 {
		menu = append(menu, fmt.Sprintf("Timetable %d", i+1))
	}
	comments := []string{
		"12 thoughts on “" + head + "”",
		"Anna Berg says:",
		"About time somebody stood up to the company over those rotas.",
		"Leave a Reply",
	}
	stories := func(lead string) []string {
		return append([]string{lead}, ferryStory...)
	}
	t.Run("far above the body", func(t *testing.T) {
		page := scrapedPage([]string{"Skip to content", head}, menu,
			stories("This setting sets the rota for every crew on the crossing, one week at a time."), comments)
		parseWithTitle(t, page, head)
	})
	t.Run("over a standfirst the model prefers", func(t *testing.T) {
		const short = "Twelve days too many"
		const dek = "Ferry crews on the island crossing walk out over rotas that put them at sea for twelve days in a row"
		page := scrapedPage([]string{"Menu", "Home", "Ports", short, dek, "By Maria Olsen", "March 4, 2024"}, ferryStory,
			[]string{"12 thoughts on “" + short + "”", "Leave a Reply"})
		parseWithTitle(t, page, short)
	})
	t.Run("a wiki's footer", func(t *testing.T) {
		// A wiki page's name with its namespace and subpage reads less
		// like a headline than the wiki's tagline under it.
		const name = "Ferries/Timetable"
		page := scrapedPage([]string{name, "From Harbour Wiki", "Jump to: navigation, search", "Timetable"},
			stories("The harbour ferry runs every hour from the north quay, and every half hour on summer weekends."),
			[]string{`Retrieved from "https://wiki.example.org/w/index.php?title=Ferries/Timetable&oldid=4411"`, "Categories: Ferries"})
		parseWithTitle(t, page, name)
	})
	t.Run("two heads name two posts", func(t *testing.T) {
		page := scrapedPage([]string{"Skip to content", head}, menu, stories("Crews walked out again this morning."),
			comments, []string{"3 thoughts on “Bakery wins regional bread prize”"})
		a, err := Parse("page.txt", []byte(page), goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		if a.Title == head {
			t.Errorf("title %q from one of two comment heads", a.Title)
		}
	})
}

func FuzzNamedTitle(f *testing.F) {
	for _, s := range []string{
		"12 thoughts on “Ferry crews walk out”", "± 6 Kommentare zu „Fähre“", "“フェリー” への3件のフィードバック",
		"One thought on \"\"", "「」への1件のコメント", "1 reply on “",
	} {
		f.Add(s)
	}
	f.Add(`Retrieved from "https://wiki.example.org/w/index.php?title=Harbour_ferry&oldid=1"`)
	f.Fuzz(func(t *testing.T, p string) {
		if title, ok := wikiFooterTitle(p); ok != (title != "") || ok && (!utf8.ValidString(title) || title != collapseSpace(title)) {
			t.Fatalf("wiki footer title %q, %v from %q", title, ok, p)
		}
		title, ok := commentHeadTitle(p)
		if !ok {
			if title != "" {
				t.Fatalf("no head, but title %q", title)
			}
			return
		}
		if title == "" || !utf8.ValidString(title) || title != collapseSpace(title) {
			t.Fatalf("title %q from %q", title, p)
		}
		if !strings.Contains(collapseSpace(p), title) {
			t.Fatalf("title %q is not in %q", title, p)
		}
	})
}
