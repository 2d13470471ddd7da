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
// gives the article's tags, each once; the line leaves the body.
func TestTextTags(t *testing.T) {
	text := "Harbour reopens\n\nThe harbour reopened to the public on Monday, two years after a storm cracked the supports of its pier.\n\n" +
		"Fishermen said the reopening would bring visitors back to the cafes on the quay.\n\nTags: harbour, Town, town, fishing\n"
	a, err := Parse("a.txt", []byte(text), Options{Ref: benchRef})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"harbour", "Town", "fishing"}; !slices.Equal(a.Tags, want) {
		t.Errorf("tags %q, want %q", a.Tags, want)
	}
	if len(a.BodyParagraphs) != 2 {
		t.Errorf("body %q, want the story's two paragraphs", a.BodyParagraphs)
	}
}

// FuzzTagLine checks that a line of tags gives bounded, non-empty values
// that stand in the line.
func FuzzTagLine(f *testing.F) {
	for _, s := range []string{"Tags: a, b", "Filed under x , y", "Теги: Молдова", "Tags:", "tags: \xff, ·,|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range tagLine(s) {
			if v == "" || len(v) > maxTextTagLen || !strings.Contains(s, v) {
				t.Errorf("tagLine(%q) gave %q", s, v)
			}
		}
	})
}
