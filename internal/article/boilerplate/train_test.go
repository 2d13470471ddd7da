package boilerplate

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	train     = flag.Bool("train", false, "fit the line scorer on the real-world corpus and rewrite weights.go")
	trainFold = flag.String("fold", "even", "pages to fit on: even, odd or all (by page number)")
)

// labelledPage is a corpus page with a gold label per line.
type labelledPage struct {
	name   string
	page   *page
	labels []float64
}

func realWorldDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", "realworld")
	if _, err := os.Stat(filepath.Join(dir, "expected")); err != nil {
		t.Skipf("real-world corpus absent: %v", err)
	}
	return dir
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// goldLabels marks the lines of a scrape that are body lines of the gold
// article: a whole gold paragraph, or (for lines of five words or more) a
// piece of the gold text. Short lines must match a whole paragraph, or
// every menu entry that happens to be a word of the article would count.
func goldLabels(lines []string, gold string) []float64 {
	paras := make(map[string]bool)
	for _, l := range strings.Split(gold, "\n") {
		if l = collapse(l); l != "" {
			paras[l] = true
		}
	}
	text := collapse(gold)
	labels := make([]float64, len(lines))
	for i, l := range lines {
		c := collapse(l)
		if paras[c] || (len(strings.Fields(c)) >= 5 && strings.Contains(text, c)) {
			labels[i] = 1
		}
	}
	return labels
}

func loadLabelled(t *testing.T, dir string) []labelledPage {
	names, err := filepath.Glob(filepath.Join(dir, "input", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no corpus pages: %v", err)
	}
	var out []labelledPage
	for _, file := range names {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		gj, err := os.ReadFile(filepath.Join(dir, "expected", name+".expected.json"))
		if err != nil {
			t.Fatal(err)
		}
		var gold struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(gj, &gold); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		out = append(out, labelledPage{name: name, page: newPage(lines), labels: goldLabels(lines, gold.ArticleBody)})
	}
	return out
}

// inFold picks the training pages by the number in their name.
func inFold(name, fold string) bool {
	var n int
	fmt.Sscanf(name, "rw_%d", &n)
	switch fold {
	case "even":
		return n%2 == 0
	case "odd":
		return n%2 == 1
	}
	return true
}

// fitLogistic fits weights by full-batch gradient descent (Adam) on the
// weighted log loss with a little L2, on standardized features; the
// returned weights apply to raw features (x[0] is the bias).
func fitLogistic(xs [][]float64, ys, ws []float64, iters int, l2 float64) []float64 {
	d := len(xs[0])
	mean, std := make([]float64, d), make([]float64, d)
	var wt float64
	for i, x := range xs {
		wt += ws[i]
		for k, v := range x {
			mean[k] += ws[i] * v
		}
	}
	for k := range mean {
		mean[k] /= wt
	}
	for i, x := range xs {
		for k, v := range x {
			std[k] += ws[i] * (v - mean[k]) * (v - mean[k])
		}
	}
	for k := range std {
		std[k] = math.Sqrt(std[k] / wt)
		if std[k] < 1e-9 || k == 0 {
			std[k], mean[k] = 1, 0
		}
	}
	z := make([][]float64, len(xs))
	for i, x := range xs {
		z[i] = make([]float64, d)
		for k, v := range x {
			z[i][k] = (v - mean[k]) / std[k]
		}
	}
	w := make([]float64, d)
	m, v := make([]float64, d), make([]float64, d)
	grad := make([]float64, d)
	const lr, b1, b2 = 0.05, 0.9, 0.999
	for it := 1; it <= iters; it++ {
		clear(grad)
		for i, x := range z {
			g := (sigmoid(dot(w, x)) - ys[i]) * ws[i]
			for k, xv := range x {
				grad[k] += g * xv
			}
		}
		for k := range w {
			grad[k] = grad[k]/wt + l2*w[k]*b2f(k > 0)
			m[k] = b1*m[k] + (1-b1)*grad[k]
			v[k] = b2*v[k] + (1-b2)*grad[k]*grad[k]
			mh := m[k] / (1 - math.Pow(b1, float64(it)))
			vh := v[k] / (1 - math.Pow(b2, float64(it)))
			w[k] -= lr * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	raw := make([]float64, d)
	for k := 1; k < d; k++ {
		raw[k] = w[k] / std[k]
		raw[0] -= w[k] * mean[k] / std[k]
	}
	raw[0] += w[0]
	return raw
}

func sampleWeight(f feat) float64 { return math.Sqrt(float64(max(1, f.words))) }

// TestTrain fits the two stages in turn and rewrites weights.go. It is a
// tool, run by hand: go test -run TestTrain -train [-fold even].
func TestTrain(t *testing.T) {
	if !*train {
		t.Skip("no -train given")
	}
	pages := loadLabelled(t, realWorldDir(t))
	var xs [][]float64
	var ys, ws []float64
	for _, lp := range pages {
		if !inFold(lp.name, *trainFold) {
			continue
		}
		for i := range lp.page.lines {
			x := make([]float64, nStage1)
			lp.page.stage1Features(i, x)
			xs = append(xs, x)
			ys = append(ys, lp.labels[i])
			ws = append(ws, sampleWeight(lp.page.feats[i]))
		}
	}
	w1 := fitLogistic(xs, ys, ws, 600, 1e-4)
	var w1a [nStage1]float64
	copy(w1a[:], w1)
	xs, ys, ws = nil, nil, nil
	for _, lp := range pages {
		if !inFold(lp.name, *trainFold) {
			continue
		}
		p := lp.page
		p1 := make([]float64, len(p.lines))
		x1 := make([]float64, nStage1)
		for i := range p.lines {
			p.stage1Features(i, x1)
			p1[i] = sigmoid(dot(w1a[:], x1))
		}
		c := p.newContext(p1)
		for i := range p.lines {
			x := make([]float64, nStage2)
			p.stage2Features(i, &c, x)
			xs = append(xs, x)
			ys = append(ys, lp.labels[i])
			ws = append(ws, sampleWeight(p.feats[i]))
		}
	}
	w2 := fitLogistic(xs, ys, ws, 600, 1e-4)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by TestTrain (go test -run TestTrain -train -fold %s); DO NOT EDIT.\n\n", *trainFold)
	b.WriteString("package boilerplate\n\n")
	writeWeights(&b, "stage1Weights", "nStage1", w1)
	writeWeights(&b, "stage2Weights", "nStage2", w2)
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("weights.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("fitted on %s pages, %d lines", *trainFold, len(ys))
}

func writeWeights(b *bytes.Buffer, name, size string, w []float64) {
	fmt.Fprintf(b, "func %s() [%s]float64 {\n\treturn [%s]float64{\n", name, size, size)
	for k, v := range w {
		fmt.Fprintf(b, "\t\t%.6g,", v)
		if k%6 == 5 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n\t}\n}\n\n")
}
