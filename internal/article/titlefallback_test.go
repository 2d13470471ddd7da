package article

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFallbackTitle(t *testing.T) {
	long := "The harbour authority said on Monday that the northern pier would stay closed to visitors for the rest of the winter season while engineers inspect it."
	tests := []struct {
		name  string
		paras []string
		want  string
	}{
		{"first sentence, no full stop", []string{"The ferry left an hour late. Nobody minded."}, "The ferry left an hour late"},
		{"question kept", []string{"Who paid for the new bridge? The county did."}, "Who paid for the new bridge?"},
		{"initials do not end it", []string{"J. R. Smith opened the fair on Sunday. It rained."}, "J. R. Smith opened the fair on Sunday"},
		{"abbreviation does not end it", []string{"The U.S. team arrived late. Then it rained."}, "The U.S. team arrived late"},
		{"cut at a word with an ellipsis", []string{long}, "The harbour authority said on Monday that the northern pier would stay closed to visitors…"},
		{"no sentence end", []string{"Notes from the river walk"}, "Notes from the river walk"},
		{"skips paragraphs without words", []string{"* * *", "— 12 —", "Rain all week."}, "— 12 —"},
		{"spaces collapsed", []string{"  Two   spaces\there.  "}, "Two spaces here"},
		{"Japanese sentence", []string{"新しい橋が完成した。来月から通行できる。"}, "新しい橋が完成した"},
		{"CJK without spaces cut at the limit", []string{strings.Repeat("橋", 120)}, strings.Repeat("橋", maxFallbackTitle) + "…"},
		{"nothing with letters", []string{"...", "—"}, ""},
		{"nothing at all", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fallbackTitle(tc.paras)
			if got != tc.want {
				t.Errorf("fallbackTitle(%q) = %q, want %q", tc.paras, got, tc.want)
			}
			if n := utf8.RuneCountInString(got); n > maxFallbackTitle+1 {
				t.Errorf("title of %d characters, more than %d", n, maxFallbackTitle+1)
			}
		})
	}
}

// TestNeverEmptyTitle checks that every format gives a title, from the text
// when nothing reads as a headline, with a warning saying so, and that the
// slug follows that title rather than the file's name.
func TestNeverEmptyTitle(t *testing.T) {
	body := "The committee met for three hours on Tuesday evening and agreed to spend the remaining funds on the playground. Parents had asked for it.\n\nThe work starts in spring, once the frost is out of the ground, and should take six weeks.\n"
	tests := []struct {
		name, file, text string
		want             string
		warned           bool
	}{
		{"text without headline", "3f9a0c1d2e4b5a6c.txt", body, "The committee met for three hours on Tuesday evening and agreed to spend the remaining…", true},
		{"markdown without heading", "3f9a0c1d2e4b5a6c.md", body, "The committee met for three hours on Tuesday evening and agreed to spend the remaining…", true},
		{"html without heading", "3f9a0c1d2e4b5a6c.html", "<html><body><article><p>" + strings.ReplaceAll(strings.TrimSpace(body), "\n\n", "</p><p>") + "</p></article></body></html>", "The committee met for three hours on Tuesday evening and agreed to spend the remaining…", true},
		{"markdown heading kept", "x.md", "# Playground money agreed\n\n" + body, "Playground money agreed", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse(tc.file, []byte(tc.text), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.want {
				t.Errorf("title %q, want %q", a.Title, tc.want)
			}
			if got := slices.Contains(a.Warnings, warnFallbackTitle); got != tc.warned {
				t.Errorf("fallback warning %v, want %v (warnings %q)", got, tc.warned, a.Warnings)
			}
			if strings.Contains(a.Slug, "3f9a0c") {
				t.Errorf("slug %q comes from the file name", a.Slug)
			}
		})
	}
}

// FuzzFallbackTitle checks fallbackTitle's promises on any text: valid
// UTF-8 in, valid UTF-8 out, no longer than the bound and its ellipsis,
// and a title whenever a paragraph has a letter or a digit.
func FuzzFallbackTitle(f *testing.F) {
	f.Add("The ferry left an hour late. Nobody minded.", "")
	f.Add("J. R. Smith opened the fair.", "新しい橋が完成した。")
	f.Add(strings.Repeat("word ", 40), "...")
	f.Add("", "— 12 —")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		got := fallbackTitle([]string{a, b})
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 %q", got)
		}
		if n := utf8.RuneCountInString(got); n > maxFallbackTitle+1 {
			t.Fatalf("%d characters: %q", n, got)
		}
		hasWord := strings.ContainsFunc(a+b, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
		if hasWord && strings.TrimSpace(got) == "" {
			t.Fatalf("no title for %q, %q", a, b)
		}
	})
}

// TestOwnFileTitle checks that a writer's own text file may be titled with
// one word or a question, which no headline candidate allows, and that the
// title leaves the body then; a page's interface words, lead-ins and a
// story's opening sentence stay out.
func TestOwnFileTitle(t *testing.T) {
	body := "The committee met for three hours on Tuesday evening and agreed to spend the remaining funds on the playground. Parents had asked for it.\n\nThe work starts in spring, once the frost is out of the ground, and should take six weeks.\n"
	first := "The committee met for three hours on Tuesday evening and agreed to spend the remaining…"
	tests := []struct {
		name, text string
		want       string
		author     string
		warned     bool
	}{
		{"one word over the story", "Playground\n\n" + body, "Playground", "", false},
		{"with a mark", "Update!\n\n" + body, "Update!", "", false},
		{"German", "Spielplatz\n\n" + body, "Spielplatz", "", false},
		{"over a byline and a date", "Playground\n\nBy Jane Roe\n\nMarch 3, 2021\n\n" + body, "Playground", "Jane Roe", false},
		{"a menu word is no title", "Menu\n\n" + body, first, "", true},
		{"a lead-in is no title", "Note:\n\n" + body, first, "", true},
		{"a number is no title", "2021\n\n" + body, first, "", true},
		{"a question", "Why do cats purr?\n\n" + body, "Why do cats purr?", "", false},
		{"a question with an abbreviation", "Did the U.S. team win?\n\n" + body, "Did the U.S. team win?", "", false},
		{"an exclamation over a byline", "We did it!\n\nBy Jane Roe\n\n" + body, "We did it!", "Jane Roe", false},
		// These open the story: it keeps them, and its title is made
		// from them.
		{"two sentences are no title", "Stop. Why now?\n\n" + body, "Stop", "", true},
		{"a long question opens the story", "Have you ever wondered what the committee does with the money that is left over at the end of every single year?\n\n" + body, "Have you ever wondered what the committee does with the money that is left over at the…", "", true},
		{"a sentence opens the story", "It rained all day.\n\n" + body, "It rained all day", "", true},
		{"a page's top, something else under it", "Playground\n\nwww.example.org/playground\n\n" + body, first, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.txt", []byte(tc.text), Options{Ref: benchRef})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.want {
				t.Errorf("title %q, want %q", a.Title, tc.want)
			}
			if got := slices.Contains(a.Warnings, warnFallbackTitle); got != tc.warned {
				t.Errorf("fallback warning %v, want %v (%q)", got, tc.warned, a.Warnings)
			}
			story := a.BodyParagraphs
			if first, _, _ := strings.Cut(tc.text, "\n"); len(story) == 3 && story[0] == first && strings.HasPrefix(first, strings.TrimSuffix(tc.want, "…")) {
				story = story[1:]
			}
			if len(story) != 2 || !strings.HasPrefix(story[0], "The committee") {
				t.Errorf("body %q, want the story's two paragraphs", a.BodyParagraphs)
			}
			if tc.author != "" && (len(a.Authors) != 1 || a.Authors[0] != tc.author) {
				t.Errorf("authors %q, want %q", a.Authors, tc.author)
			}
		})
	}
	// A file that is one word and nothing else keeps it as its text.
	a, err := Parse("a.txt", []byte("Update!\n"), Options{Ref: benchRef})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Update!" || len(a.BodyParagraphs) != 1 {
		t.Errorf("one-word file: title %q, body %q", a.Title, a.BodyParagraphs)
	}
}

// TestOwnFileHeader checks a writer's file header that Classify reads
// otherwise: a title over a standfirst (Classify starts the header at the
// standfirst and leaves the title out; the title is still the file's first
// line, the standfirst its subtitle), and fields ("Title: …", "Subtitle:
// …", "Author: …", "Date: …"), whose title and subtitle lose their labels
// as the author and date do; a byline or subtitle field is never the
// headline, and a page's link back is no title.
func TestOwnFileHeader(t *testing.T) {
	for _, tc := range ownFileHeaderCases() {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.txt", []byte(tc.text), Options{Ref: benchRef})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || a.Subtitle != tc.subtitle || a.Author != tc.author {
				t.Errorf("title %q, subtitle %q, author %q; want %q, %q, %q", a.Title, a.Subtitle, a.Author, tc.title, tc.subtitle, tc.author)
			}
			if len(a.BodyParagraphs) != 2 || !strings.HasPrefix(a.BodyParagraphs[0], "The harbour reopened") {
				t.Errorf("body %q, want the story's two paragraphs", a.BodyParagraphs)
			}
		})
	}
}

// ownFileHeaderCase is a writer's own file and the header it should read.
type ownFileHeaderCase struct {
	name, text              string
	title, subtitle, author string
}

// ownFileHeaderCases are TestOwnFileHeader's files; the headline model's
// fit keeps their titles (designedPages).
func ownFileHeaderCases() []ownFileHeaderCase {
	story := "The harbour reopened to the public on Monday after two years of repairs to the pier, which had been closed since a storm cracked its supports.\n\nFishermen said the reopening would bring visitors back to the cafes on the quay.\n"
	stand := "The pier is safe again after two years of repairs"
	return []ownFileHeaderCase{
		{"title over standfirst, blank line between", "Harbour reopens\n\n" + stand + "\n\n" + story, "Harbour reopens", stand, ""},
		{"title over standfirst, one line under the other", "Harbour reopens\n" + stand + "\n\n" + story, "Harbour reopens", stand, ""},
		{"a title that shares no word with the story", "A new chapter\n\n" + stand + "\n\n" + story, "A new chapter", stand, ""},
		{"a title that shares no word, one line over the other", "A new chapter\n" + stand + "\n\n" + story, "A new chapter", stand, ""},
		{"a site's name over the headline of a page", "Harbour Gazette\n" + stand + "\n\n" + story + "\n© 2024 Harbour Gazette. All rights reserved.\n", stand, "", ""},
		{"a link back is no title", "Back to the overview »\n\nHarbour reopens to the public\n\n" + story, "Harbour reopens to the public", "", ""},
		{"English fields", "Title: Harbour reopens\nAuthor: Jane Roe\nDate: 2024-03-03\n\n" + story, "Harbour reopens", "", "Jane Roe"},
		{"German fields", "Titel: Der Hafen öffnet wieder\nAutor: Jana Roth\n\n" + story, "Der Hafen öffnet wieder", "", "Jana Roth"},
		{"a one-word title field", "Title: Reopened\n\n" + story, "Reopened", "", ""},
		{"another label stays", "Update: Harbour reopens to the public\n\n" + story, "Update: Harbour reopens to the public", "", ""},
		{"a subtitle field among fields", "Title: Harbour reopens\nSubtitle: The pier is safe again\nAuthor: Jane Roe\nDate: 2024-03-03\n\n" + story, "Harbour reopens", "The pier is safe again", "Jane Roe"},
		{"a subtitle field under a title", "A new chapter\n\nSubtitle: the pier is safe again\n\n" + story, "A new chapter", "the pier is safe again", ""},
		{"a summary field", "Title: Harbour reopens\nSummary: " + stand + "\n\n" + story, "Harbour reopens", stand, ""},
		{"a byline field is no headline", "Der Hafen öffnet wieder\n\nAutor: Jana Roth\n\n" + story, "Der Hafen öffnet wieder", "", "Jana Roth"},
		{"a byline in lower case", "Harbour reopens\n\nby jane roe\n\n" + story, "Harbour reopens", "", "Jane Roe"},
		{"a byline in lower case right under the title", "Harbour reopens after the repairs\nby jane roe\n\n" + story, "Harbour reopens after the repairs", "", "Jane Roe"},
		{"two names in lower case", "Harbour reopens\n\nby jane roe and jan van der berg\n\n" + story, "Harbour reopens", "", "Jane Roe, Jan van der Berg"},
		{"words the story uses are no names", "Harbour reopens\n\nby the pier\n\n" + story, "Harbour reopens", "", ""},
		{"a word the story uses is no user name", "Harbour reopens\n\nby visitors\n\n" + story, "Harbour reopens", "", ""},
	}
}
