package boilerplate

import (
	"math/rand/v2"
	"testing"
)

func TestIsCommentHeader(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Jane Roe on March 3, 2019 at 4:47 pm said:", true},
		{"Max Mustermann schreibt:", true},
		{"Иван пишет:", true},
		{"Pat says:", true},
		{"He said:", true},
		{"The minister said:", true}, // a lead-in to a quote has the same shape; it needs company to count
		{"said:", false},
		{"Jane Roe on March 3, 2019 at 4:47 pm", false},
		{"The report said that the river had risen.", false},
		{"Unsaid:", false},
	}
	for _, tt := range tests {
		if got := isCommentHeader(tt.line); got != tt.want {
			t.Errorf("isCommentHeader(%q) = %v, want %v", tt.line, got, tt.want)
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
