package htmlextract

import (
	"seedfeed/internal/article/boilerplate"
)

func texts(ps []para) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text
	}
	return out
}

// classifyRun keeps the article body the line classifier finds in the
// whole page's blocks.
func classifyRun(page []para) []para {
	res := boilerplate.Classify(texts(page))
	var out []para
	for i := res.Body; i < res.End; i++ {
		if res.Kinds[i] == "" {
			out = append(out, page[i])
		}
	}
	return out
}

// secondOpinion drops from readability's blocks those the line classifier
// names as boilerplate: share rows, "Read more" lines, newsletter prompts,
// author boxes, comment forms and the like, which readability keeps when
// they sit inside the article's container.
func secondOpinion(paras []para) []para {
	res := boilerplate.Classify(texts(paras))
	var loose, strict []para
	looseWords, strictWords := 0, 0
	for i, p := range paras {
		k := res.Kinds[i]
		switch k {
		case "", boilerplate.KindOutside, boilerplate.KindDuplicate:
			loose = append(loose, p)
			looseWords += words(p.text)
		}
		if k == "" && i >= res.Body && i < res.End {
			strict = append(strict, p)
			strictWords += words(p.text)
		}
	}
	// The classifier's run is trusted when it trims readability's answer
	// at the edges; when it would drop most of it, it has likely missed a
	// table or a list that readability rightly kept.
	if float64(strictWords) >= trustShare*float64(looseWords) {
		return strict
	}
	return loose
}

// trustShare is the least share of readability's words the classifier's
// run must keep for its cut to be taken.
const trustShare = 0.7

func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := r == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
