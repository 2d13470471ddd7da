package boilerplate

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var debugPage = flag.String("page", "", "print the line scores of this real-world corpus page (NAME) and exit")

// TestDebugPage is a tuning aid, not a check: with -page NAME it prints
// every line of that corpus page with its class, score and kind, and
// whether the line is in the page's gold body ("+") or not ("-").
func TestDebugPage(t *testing.T) {
	if *debugPage == "" {
		t.Skip("no -page given")
	}
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", "realworld")
	file := filepath.Join(dir, "input", *debugPage+".txt")
	if strings.Contains(*debugPage, "/") {
		file = *debugPage
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skip(err)
	}
	gj, err := os.ReadFile(filepath.Join(dir, "expected", *debugPage+".expected.json"))
	if err != nil {
		gj = []byte(`{"articleBody": ""}`)
	}
	var gold struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(gj, &gold); err != nil {
		t.Fatal(err)
	}
	goldText := strings.Join(strings.Fields(gold.ArticleBody), " ")
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	p := newPage(lines)
	p.score()
	w1 := stage1Weights()
	p1 := make([]float64, len(lines))
	x1 := make([]float64, nStage1)
	for i := range lines {
		p.stage1Features(i, x1)
		p1[i] = sigmoid(dot(w1[:], x1))
	}
	c := p.newContext(p1)
	fmt.Printf("stage-one run [%d %d) wall %d\n", c.s, c.e, c.wallAt)
	res := Classify(lines)
	fmt.Printf("lang=%d start=%d body=%d end=%d\n", p.lang, res.Start, res.Body, res.End)
	for i, l := range lines {
		mark := "-"
		if strings.Contains(goldText, strings.Join(strings.Fields(l), " ")) {
			mark = "+"
		}
		f := p.feats[i]
		r := []rune(l)
		if len(r) > 110 {
			r = r[:110]
		}
		fmt.Printf("%4d %s c%d q%.2f p%.2f %6.1f d%.2f %-12s %s\n", i, mark, p.class[i], p1[i], p.prob[i], p.scores[i], f.density, res.Kinds[i], string(r))
	}
}
