package boilerplate

import (
	"math/rand/v2"
	"testing"
)

// TestCommentHeads: the two ways a comment is headed, with a verb
// (isCommentHeader) or with the commenter's name and the time and no
// verb (isStampHeader), each line read both ways.
func TestCommentHeads(t *testing.T) {
	tests := []struct {
		line        string
		verb, stamp bool
	}{
		{"Jane Roe on March 3, 2019 at 4:47 pm said:", true, false},
		{"Max Mustermann schreibt:", true, false},
		{"Иван пишет:", true, false},
		{"Pat says:", true, false},
		{"He said:", true, false},
		{"The minister said:", true, false}, // a lead-in to a quote has the same shape; it needs company to count
		{"said:", false, false},
		{"Jane Roe on March 3, 2019 at 4:47 pm", false, true},
		{"The report said that the river had risen.", false, false},
		{"Unsaid:", false, false},
		{"Armanox June 28, 2015 at 10:25 pm", false, true},
		{"Jack Davis December 23, 2016 at 11:14am", false, true},
		{"photobix 11. Dezember 2012 um 11:07", false, true},
		{"gabriel sempéré Le 11 septembre 2018 à 12:57", false, true},
		{"Julia 14.09.2022 um 21.11", false, true},
		{"Muriel - Le 22/01/2020 à 12:01:03", false, true},
		{"Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07", false, true},
		{"nostrocrompt 17 September 2020 14:17 Uhr", false, true},
		// A date and time alone heads a live blog's entry as well.
		{"June 28, 2015 at 10:25 pm", false, false},
		{"Sept. 28, 2015 at 10:25 pm", false, false},
		{"28.06.2015 um 22:25", false, false},
		{"- November 20, 2019, 10:54 am", false, false},
		// No year, no time, or a sentence.
		{"Armanox June 28 at 10:25 pm", false, false},
		{"Armanox June 28, 2015", false, false},
		{"Patchnotes 4.47", false, false},
		{"The council will meet again on June 28, 2015 at 10:25", false, false},
		{"患者の個人情報が保存されたバックアップ用の外付けHDDを紛失2019.3.4 Mon 8:15", false, false},
	}
	for _, tt := range tests {
		if got := isCommentHeader(tt.line); got != tt.verb {
			t.Errorf("isCommentHeader(%q) = %v, want %v", tt.line, got, tt.verb)
		}
		if got := isStampHeader(tt.line); got != tt.stamp {
			t.Errorf("isStampHeader(%q) = %v, want %v", tt.line, got, tt.stamp)
		}
	}
}

// An article followed by a comment section whose comments are longer than
// the article: the comment headers show where the comments are.
func TestClassifyStopsAtConfirmedComments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	lines := []string{"Home", "Blog", "Open thread for October", proseA, proseB, "Posted in Threads", "Comments"}
	for k := range 5 {
		lines = append(lines, "Reader "+string(rune('A'+k))+" on October 3, 2019 at 5:20 pm said:",
			sentence(r)+" "+sentence(r)+" "+sentence(r), sentence(r)+" "+sentence(r))
	}
	lines = append(lines, "© 2019 Example Blog")
	res := Classify(lines)
	if res.End > 6 || res.Body > 3 || res.Kinds[3] != "" || res.Kinds[4] != "" {
		t.Fatalf("article run [%d %d %d), kinds of its body %q %q; want the run to end before the comments",
			res.Start, res.Body, res.End, res.Kinds[3], res.Kinds[4])
	}
}

// Comment systems that print no verb head each comment with the
// commenter's name and the time: a run of those is a comment section even
// with no heading over it, and the article before it is the body, not
// the longer discussion after it.
func TestClassifyStopsAtStampedComments(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	lines := []string{"Home", "Blog", "Open thread for October", proseA, proseB, "Posted in Threads"}
	for k := range 5 {
		lines = append(lines, "Reader "+string(rune('A'+k))+" October 3, 2019 at 5:2"+string(rune('0'+k))+" pm",
			sentence(r)+" "+sentence(r)+" "+sentence(r), sentence(r)+" "+sentence(r), "Reply")
	}
	lines = append(lines, "© 2019 Example Blog")
	res := Classify(lines)
	if res.End > 6 || res.Body > 3 || res.Kinds[3] != "" || res.Kinds[4] != "" {
		t.Fatalf("article run [%d %d %d), kinds of its body %q %q; want the run to end before the comments",
			res.Start, res.Body, res.End, res.Kinds[3], res.Kinds[4])
	}
}

// A live blog heads its entries with the date and time alone: they are
// the article, and no stamp of a comment.
func TestClassifyKeepsDatedEntries(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	lines := []string{"Home", "Live", "Storm moves up the coast", proseA, proseB}
	for k := range 5 {
		lines = append(lines, "October 3, 2019 at 5:2"+string(rune('0'+k))+" pm",
			sentence(r)+" "+sentence(r)+" "+sentence(r), sentence(r)+" "+sentence(r))
	}
	lines = append(lines, "© 2019 Example News")
	res := Classify(lines)
	if res.End < len(lines)-2 {
		t.Fatalf("article run [%d %d %d) of %d lines; want the dated entries kept", res.Start, res.Body, res.End, len(lines))
	}
}

// A "Comments" button in a row of share buttons links to the comments; it
// does not open them, and the article after it is kept.
func TestClassifyShareRowComments(t *testing.T) {
	lines := []string{
		"Home", "News", "Bridge plan gets the go-ahead", proseA,
		"Facebook", "Twitter", "Comments", "Print",
		proseB, proseC, "The engineers who inspected the crossing last year found cracks in two of its piers and said that the repairs would take most of a summer to finish.",
		"© 2024 Example Gazette",
	}
	res := Classify(lines)
	if res.Kinds[6] != KindShare {
		t.Errorf("share-row Comments: kind %q, want %q", res.Kinds[6], KindShare)
	}
	for _, i := range []int{8, 9, 10} {
		if res.Kinds[i] != "" {
			t.Errorf("line %d after the share row dropped as %q (run [%d %d))", i, res.Kinds[i], res.Start, res.End)
		}
	}
}

// Subheadings repeated over each part of a list article are its structure;
// a caption shown twice in a row is not.
func TestClassifyRepeatedStructure(t *testing.T) {
	var lines []string
	lines = append(lines, "Home", "Menu", "A week of simple meals", proseA)
	for range 3 {
		lines = append(lines, "Breakfast", proseB, "Dinner", proseC)
	}
	lines = append(lines, "A bowl of soup on a table.", "A bowl of soup on a table.", proseA+" "+proseC, "© 2024 Example")
	res := Classify(lines)
	for i, l := range lines {
		if (l == "Breakfast" || l == "Dinner") && res.Kinds[i] != "" {
			t.Errorf("line %d %q dropped as %q", i, l, res.Kinds[i])
		}
	}
	if k := res.Kinds[len(lines)-3]; k != KindDuplicate {
		t.Errorf("second copy of a doubled caption: kind %q, want %q", k, KindDuplicate)
	}
}
