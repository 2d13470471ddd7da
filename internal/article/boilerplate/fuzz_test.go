package boilerplate

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// fuzzDeadline is far beyond what Classify takes on any fuzz input.
const fuzzDeadline = 10 * time.Second

// FuzzClassify feeds arbitrary pages, split into lines, to Classify: it
// must not panic, must give every line a kind and keep its run in range.
func FuzzClassify(f *testing.F) {
	f.Add("Home\n\nTown agrees to rebuild the bridge\n\n" + proseA + "\n\nLeave a Reply\n\n" + proseB)
	f.Add("12 Comments\n\n© 2024\n\nShare this:\n\nTweet")
	f.Add("")
	f.Add("日本語の文章です。これはテストです。\n\n메뉴\n\n이것은 기사입니다.")
	f.Add(proseA + "\nFinal standings:\nPos.\nDriver\n1\nAnn Lee\n2\nBo Chan\n3\nCy Diaz\nContact us")
	f.Add(proseA + "\nComments\nJane on May 3, 2019 at 5 pm said:\n" + proseB + "\nMax schreibt:\n" + proseC)
	f.Add("Big Storm Hits The CoastThe storm made landfall. Tape Gaffe Ends Title RunDenny said so.\nTalks resume after a long pause UNITED NATIONS: Envoys met again on Monday to discuss it.")
	f.Fuzz(func(t *testing.T, page string) {
		lines := strings.Split(page, "\n")
		// A hang would stall the fuzzer silently; crash instead, so
		// that the input is kept.
		timer := time.AfterFunc(fuzzDeadline, func() { panic(fmt.Sprintf("Classify still running after %v", fuzzDeadline)) })
		res := Classify(lines)
		timer.Stop()
		if len(res.Kinds) != len(lines) {
			t.Fatalf("%d kinds for %d lines", len(res.Kinds), len(lines))
		}
		if res.Start < 0 || res.Start > res.Body || res.Body > res.End || res.End > len(lines) {
			t.Fatalf("run [%d %d %d) out of range for %d lines", res.Start, res.Body, res.End, len(lines))
		}
		for i, k := range res.Kinds {
			if k == "" && (i < res.Start || i >= res.End) {
				t.Fatalf("line %d kept outside the run", i)
			}
		}
	})
}
