package article

import (
	"slices"
	"strings"
	"testing"
)

func TestTagLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"Tags: python, docker, getting started", []string{"python", "docker", "getting started"}},
		{"Filed Under:Eastern Equine Encephalitis, EEE, health", []string{"Eastern Equine Encephalitis", "EEE", "health"}},
		{"Filed under afghanistan , hostages , middle east", []string{"afghanistan", "hostages", "middle east"}},
		{"Schlagwörter: Apfel · Leber · Rotwein", []string{"Apfel", "Leber", "Rotwein"}},
		{"Теги: Молдова", []string{"Молдова"}},
		{"Tags: ads, advertisement, ", []string{"ads", "advertisement"}},
		{"Tags:", nil},
		{"Posted in News | Permalink | 1 Comment", nil},
		{"Tags: this is a whole sentence and no tag at all.", nil},
		{"Topics: see https://example.org/topics", nil},
		{"Tags: 2019, 2020", nil},
		{"Title: Harbour reopens", nil},
	} {
		if got := tagLine(tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("tagLine(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestTextTags: a writer's or a page's line of tags after the story
// gives the article's tags, each once; the line leaves the body. A label
// alone heads its tags on the next line or one to a line, unless it is a
// site's categories, stands far from the story or is printed twice.
func TestTextTags(t *testing.T) {
	story := "Harbour reopens\n\nThe harbour reopened to the public on Monday, two years after a storm cracked the supports of its pier.\n\n" +
		"Fishermen said the reopening would bring visitors back to the cafes on the quay.\n\n"
	filler := strings.Repeat("Share\n\nPrint\n\n", 6)
	for _, tc := range []struct {
		name, tail string
		want       []string
		paras      int // the body's paragraphs, when not the story's two
	}{
		{"a line of tags", "Tags: harbour, Town, town, fishing\n", []string{"harbour", "Town", "fishing"}, 0},
		{"a label over its tags", "Tags:\nharbour, Town, fishing\n", []string{"harbour", "Town", "fishing"}, 0},
		{"a label over its tags, one to a line", "Tags\n\nharbour\n\nOld Town\n\nfishing\n", []string{"harbour", "Old Town", "fishing"}, 0},
		{"a heading in capitals ends them", "Topics\n\nharbour\n\nOld Town\n\nWATCH THIS VIDEO\n", []string{"harbour", "Old Town"}, 0},
		{"a site's categories are no tags", "Categories\n\nNews\n\nSport\n\nWeather\n", nil, 0},
		{"letters of an index are no tags", "Tags\n\na\n\nb\n\nc\n", nil, 0},
		{"a label far after the story", filler + "Tags\n\nharbour\n\nfishing\n", nil, 0},
		{"a label printed twice", "Tags\n\nharbour\n\nfishing\n\nTags\n\nNews\n", nil, 0},
		{"hashtags", "#harbour #Town #fishing\n", []string{"harbour", "Town", "fishing"}, 0},
		{"hashtags glued and on two lines", "#harbour#Town\n\n#fishing\n", []string{"harbour", "Town", "fishing"}, 0},
		{"one hashtag alone stays in the story", "#harbour\n", nil, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("a.txt", []byte(story+tc.tail), Options{Ref: benchRef})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Tags, tc.want) {
				t.Errorf("tags %q, want %q", a.Tags, tc.want)
			}
			if want := max(tc.paras, 2); len(a.BodyParagraphs) != want {
				t.Errorf("body %q, want %d paragraphs", a.BodyParagraphs, want)
			}
		})
	}
}

func TestHashtags(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"#harbour #Kirkby", []string{"harbour", "Kirkby"}},
		{"#QAnon#Macht", []string{"QAnon", "Macht"}},
		{"#town_life #sea-wall #2024ride", []string{"town_life", "sea-wall", "2024ride"}},
		{"#Digitalisierung", []string{"Digitalisierung"}},
		{"#harbour and more", nil},
		{"#1 #2", nil},
		{"# harbour", nil},
		{"#a", nil},
		{"#333333", nil},
		{"#harbour!", nil},
	} {
		if got := hashtags(tc.line); !slices.Equal(got, tc.want) {
			t.Errorf("hashtags(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// FuzzTagLine checks that a line of tags gives bounded, non-empty values
// that stand in the line.
func FuzzTagLine(f *testing.F) {
	for _, s := range []string{"Tags: a, b", "Filed under x , y", "Теги: Молдова", "Tags:", "tags: \xff, ·,|", "#a#bc #de", "#\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range hashtags(s) {
			if v == "" || len(v) > maxTextTagLen || !strings.Contains(s, "#"+v) {
				t.Errorf("hashtags(%q) gave %q", s, v)
			}
		}
		for _, v := range tagLine(s) {
			if v == "" || len(v) > maxTextTagLen || !strings.Contains(s, v) {
				t.Errorf("tagLine(%q) gave %q", s, v)
			}
		}
	})
}
