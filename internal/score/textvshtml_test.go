package score_test

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
	"seedfeed/internal/longtest"
	"seedfeed/internal/score"
)

// titleAgreementFloors are the least number of pages, per corpus, whose
// text and HTML titles agree, dateAgreementFloors of those whose
// publication days agree, and authorAgreementFloors of those whose
// authors agree (raise them as the text path improves; a floor may fall
// only when the pages lost agreed on a wrong value: md_490's "Course",
// read from a menu's "By Course or Type" by both paths, md_446's "Medien
// Kommentieren", a category beside a comment button, md_323's "Qualità
// Oro", a shop's name on a page labelled with no author, rw_062's "Hong
// Kong", a kicker over an editorial's headline and a topic under it,
// md_470's "Premier League", the same, under "Läs mer om"; or when
// the text path read its value from the wrong place: md_047's day came
// from its first comment's stamp until the comments left its body, and
// is back, read from its post's footer, since entryFooter).
var (
	titleAgreementFloors  = map[string]int{"realworld": 168, "metadata": 348}
	dateAgreementFloors   = map[string]int{"realworld": 155, "metadata": 337}
	authorAgreementFloors = map[string]int{"realworld": 130, "metadata": 226}
)

// TestCompareTextAndHTML parses each page of the realworld and metadata
// corpora as a text scrape and as HTML and counts the pages whose two
// titles agree (the scorer's exact comparison), against a floor; with -v
// it lists the others. The HTML title comes from the page's own title
// elements and is right far more often (0.902 against 0.801 on the
// labelled pages), so a disagreement is most often a text-path miss. The
// realworld pages label no titles and the headline weights were never
// fitted on them: their agreement checks the headline model on pages it
// has not seen, beside the cross-validation of TestFitHeadlineWeights.
// It does the same for the publication day (as each date prints it),
// which the HTML path reads from the page's metadata (0.912 against
// 0.863 on the labelled pages), over the pages whose HTML is dated, and
// for the authors (the joined names, case folded; 0.817 against 0.790),
// over the pages where either path names one.
func TestCompareTextAndHTML(t *testing.T) {
	longtest.Skip(t, "parsing 601 pages twice")
	t.Parallel()
	for _, corpus := range []string{"realworld", "metadata"} {
		fsys := os.DirFS(sharedCorpus(t, corpus))
		articles := func(src score.Source) map[string]*article.Article {
			out := map[string]*article.Article{}
			parse := func(name string, data []byte) (*article.Article, error) {
				a, err := parseArticle(name, data)
				if err == nil {
					out[strings.TrimSuffix(name, path.Ext(name))] = a
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
		text, html := articles(score.Text), articles(score.HTML)
		var names []string
		for name := range text {
			names = append(names, name)
		}
		slices.Sort(names)
		var titles, days, authors tally
		for _, name := range names {
			tx, h := text[name], html[name]
			if h == nil {
				continue
			}
			if h.Published != nil && !days.count(day(tx.Published) == day(h.Published)) {
				t.Logf("%s\n  text date %s\n  html date %s", name, day(tx.Published), day(h.Published))
			}
			if (tx.Author != "" || h.Author != "") && !authors.count(strings.EqualFold(tx.Author, h.Author)) {
				t.Logf("%s\n  text authors %q\n  html authors %q", name, tx.Author, h.Author)
			}
			if h.Title != "" && !titles.count(score.TitleExact(h.Title, tx.Title)) {
				t.Logf("%s\n  text %q\n  html %q", name, tx.Title, h.Title)
			}
		}
		titles.check(t, corpus, "titles", titleAgreementFloors[corpus])
		days.check(t, corpus, "publication days", dateAgreementFloors[corpus])
		authors.check(t, corpus, "authors", authorAgreementFloors[corpus])
	}
}

// tally counts the pages whose text and HTML fields agree.
type tally struct{ agree, pages int }

// count adds a page and reports whether its fields agree.
func (c *tally) count(agree bool) bool {
	c.pages++
	if agree {
		c.agree++
	}
	return agree
}

// check logs the agreement and fails below floor.
func (c tally) check(t *testing.T, corpus, what string, floor int) {
	t.Helper()
	t.Logf("%s: text and HTML %s agree on %d of %d pages (%.3f)", corpus, what, c.agree, c.pages, float64(c.agree)/float64(max(c.pages, 1)))
	if c.agree < floor {
		t.Errorf("%s: text and HTML %s agree on %d pages, below the floor of %d", corpus, what, c.agree, floor)
	}
}

// day is t's calendar day as t prints it, "" for no date.
func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
