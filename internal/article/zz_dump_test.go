package article

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var featNames = []string{"Bias", "LogDist", "After", "LogRank", "TitleShape", "SentenceEnd", "LogLen", "FewWords", "CapRatio", "AllCaps", "DigitRatio", "OverlapFirst", "OverlapOpen", "TwoHits", "LogRepeat", "HeadOf", "HasSep", "FactBelow", "ShortNear", "KindKept", "KindDup", "KindOther", "InHeader", "Colon", "CJK", "EarlierCopy", "Long", "Short", "PrevHead", "NextHead", "PageTop", "NextLonger", "ContainedIn", "ContainsCand", "RunTop", "Name", "LowerStart", "PrevShares", "NextShares", "NextSentence", "FirstHeading", "Trail", "ProseBelow", "ProseBetween", "BestOpen", "BestFirst", "NearestHits", "BodyFirst", "FullDate", "AfterName", "CrumbTail", "Part", "CreditBelow", "Late", "DekBelow", "Kicker", "ManyRepeat", "RepeatBlock", "BlockTop"}

func TestZZDump(t *testing.T) {
	pat := os.Getenv("ZZ_PAGE")
	if pat == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(pat)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		tr, cands, body, top := readerOf(data)
		if tr == nil {
			continue
		}
		fmt.Printf("== %s body=%d top=%d\n", f, body, top)
		type sc struct {
			k int
			s float64
		}
		var ss []sc
		for k := range cands {
			ss = append(ss, sc{k, headScore(&cands[k].f)})
		}
		sort.Slice(ss, func(a, b int) bool { return ss[a].s > ss[b].s })
		for n, x := range ss {
			if n >= 6 {
				break
			}
			c := cands[x.k]
			fmt.Printf("%7.2f @%d %q\n", x.s, c.i, c.text(tr.paras))
			type con struct {
				j int
				v float64
			}
			var cs []con
			for j := range c.f {
				if v := headWeights[j] * c.f[j]; v != 0 {
					cs = append(cs, con{j, v})
				}
			}
			sort.Slice(cs, func(a, b int) bool { return abs(cs[a].v) > abs(cs[b].v) })
			s := "        "
			for _, y := range cs {
				s += fmt.Sprintf("%s=%.2f(%.2f) ", featNames[y.j], y.v, c.f[y.j])
			}
			fmt.Println(s)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
