package score_test

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"seedfeed/internal/article"
	"seedfeed/internal/longtest"
	"seedfeed/internal/score"
)

// titleAgreementFloors are the least share of pages, per corpus, whose
// text and HTML titles agree (raise them as the text path improves).
var titleAgreementFloors = map[string]int{"realworld": 156, "metadata": 327}

// TestCompareTitles parses each page of the realworld and metadata
// corpora as a text scrape and as HTML and counts the pages whose two
// titles agree (the scorer's exact comparison), against a floor; with -v
// it lists the others. The HTML title comes from the page's own title
// elements and is right far more often (0.902 against 0.801 on the
// labelled pages), so a disagreement is most often a text-path miss. The
// realworld pages label no titles and the headline weights were never
// fitted on them: their agreement checks the headline model on pages it
// has not seen, beside the cross-validation of TestFitHeadlineWeights.
func TestCompareTitles(t *testing.T) {
	longtest.Skip(t, "parsing 601 pages twice")
	t.Parallel()
	for _, corpus := range []string{"realworld", "metadata"} {
		fsys := os.DirFS(sharedCorpus(t, corpus))
		titles := func(src score.Source) map[string]string {
			out := map[string]string{}
			parse := func(name string, data []byte) (*article.Article, error) {
				a, err := parseArticle(name, data)
				if err == nil {
					out[strings.TrimSuffix(name, path.Ext(name))] = a.Title
				}
				return a, err
			}
			var err error
			if corpus == "metadata" {
				_, err = score.MetaCorpus(fsys, src, func(name string, data []byte) (score.MetaPred, error) {
					_, err := parse(name, data)
					return score.MetaPred{}, err
				})
			} else {
				_, err = score.Corpus(fsys, src, func(name string, data []byte) ([]string, error) {
					a, err := parse(name, data)
					if err != nil {
						return nil, err
					}
					return a.BodyParagraphs, nil
				})
			}
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		text, html := titles(score.Text), titles(score.HTML)
		var names []string
		for name := range text {
			names = append(names, name)
		}
		slices.Sort(names)
		agree, both := 0, 0
		for _, name := range names {
			h := html[name]
			if h == "" {
				continue
			}
			both++
			if score.TitleExact(h, text[name]) {
				agree++
				continue
			}
			t.Logf("%s\n  text %q\n  html %q", name, text[name], h)
		}
		t.Logf("%s: text and HTML titles agree on %d of %d pages (%.3f)", corpus, agree, both, float64(agree)/float64(max(both, 1)))
		if floor := titleAgreementFloors[corpus]; agree < floor {
			t.Errorf("%s: text and HTML titles agree on %d pages, below the floor of %d", corpus, agree, floor)
		}
	}
}
