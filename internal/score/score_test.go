package score

import (
	"errors"
	"math"
	"testing"
	"testing/fstest"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokens(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		want             PRF
	}{
		{"identical", "The cat sat", "the CAT sat", PRF{1, 1, 1}},
		{"empty pred", "a b", "", PRF{}},
		{"multiset", "a a b", "a b b", PRF{2.0 / 3, 2.0 / 3, 2.0 / 3}},
		{"extra words", "a b", "a b c d", PRF{0.5, 1, 2.0 / 3}},
		{"disjoint", "a b", "c d", PRF{}},
		{"punctuation kept", "end.", "end", PRF{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.gold, tt.pred)
			if !near(got.P, tt.want.P) || !near(got.R, tt.want.R) || !near(got.F1, tt.want.F1) {
				t.Errorf("Tokens(%q, %q) = %+v, want %+v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name, gold, pred string
		want             Shingle
	}{
		{"identical", "one two three four five", "one two three four five", Shingle{TP: 2}},
		{"case kept", "One two three four", "one two three four", Shingle{FP: 1, FN: 1}},
		{"short text is one shingle", "a b", "a b", Shingle{TP: 1}},
		{"punctuation splits", "don't stop me now", "don t stop me now", Shingle{TP: 2}},
		{"empty pred", "one two three four", "", Shingle{FN: 1}},
		{"both empty", "", "...", Shingle{}},
		{"extra shingles", "a b c d", "a b c d e", Shingle{TP: 1, FP: 1}},
		{"non-Latin", "Привет мир это тест", "Привет мир это тест", Shingle{TP: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Shingles(tt.gold, tt.pred); got != tt.want {
				t.Errorf("Shingles(%q, %q) = %+v, want %+v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestShingleMeans(t *testing.T) {
	// Page 1 perfect; page 2 predicts nothing: it has no precision and
	// recall 0; page 3 half right.
	got := ShingleMeans([]Shingle{{TP: 4}, {FN: 3}, {TP: 1, FP: 1, FN: 1}})
	wantP := (1 + 0.5) / 2
	wantR := (1 + 0 + 0.5) / 3
	if !near(got.P, wantP) || !near(got.R, wantR) || !near(got.F1, 2*wantP*wantR/(wantP+wantR)) {
		t.Errorf("ShingleMeans = %+v, want P=%v R=%v", got, wantP, wantR)
	}
}

func TestCorpus(t *testing.T) {
	fsys := fstest.MapFS{
		"input/a.txt":              {Data: []byte("Menu\n\nthe body text here\n")},
		"input/b.txt":              {Data: []byte("nothing")},
		"expected/a.expected.json": {Data: []byte(`{"articleBody": "the body text here"}`)},
		"expected/b.expected.json": {Data: []byte(`{"articleBody": "some gold words"}`)},
	}
	extract := func(name string, data []byte) ([]string, error) {
		if name == "b.txt" {
			return nil, errors.New("boom")
		}
		return []string{"the body text here"}, nil
	}
	rep, err := Corpus(fsys, Text, extract)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != 2 || rep.Pages[1].Err == nil {
		t.Fatalf("pages = %+v", rep.Pages)
	}
	if !near(rep.Tokens.F1, 0.5) || rep.Below != 1 || !near(rep.Shingles.P, 1) || !near(rep.Shingles.R, 0.5) {
		t.Errorf("report = %v", rep)
	}
	if w := rep.Worst(1); w[0].Name != "b" {
		t.Errorf("worst = %v", w[0].Name)
	}
	if _, err := Corpus(fstest.MapFS{}, HTML, extract); !errors.Is(err, ErrNoPages) {
		t.Errorf("empty corpus: err = %v, want ErrNoPages", err)
	}
	delete(fsys, "expected/b.expected.json")
	if _, err := Corpus(fsys, Text, extract); err == nil {
		t.Error("missing ground truth: no error")
	}
}
