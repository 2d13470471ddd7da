package htmlextract

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"seedfeed/internal/article/boilerplate"
)

var debugPage = flag.String("page", "", "print readability's blocks of this real-world corpus page (NAME) and exit")

// TestDebugPage is a tuning aid, not a check: it prints each block
// readability keeps, whether it is in the gold body (+/-), the kind the
// classifier gives it among readability's blocks, and the kind it gets
// in the whole page.
func TestDebugPage(t *testing.T) {
	if *debugPage == "" {
		t.Skip("no -page given")
	}
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", "realworld")
	f, err := os.Open(filepath.Join(dir, "html", *debugPage+".html.gz"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	gj, err := os.ReadFile(filepath.Join(dir, "expected", *debugPage+".expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(gj, &gold); err != nil {
		t.Fatal(err)
	}
	gt := collapse(gold.ArticleBody)
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	whole := paragraphs(doc, true)
	wres := boilerplate.Classify(texts(whole))
	wkind := map[string]string{}
	for i, p := range whole {
		k := wres.Kinds[i]
		if i >= wres.Body && i < wres.End && k == "" {
			k = "RUN"
		}
		wkind[p.text] = k
	}
	art, err := readability.FromDocument(doc, nil)
	if err != nil || art.Node == nil {
		t.Fatalf("readability: %v", err)
	}
	paras := paragraphs(art.Node, false)
	res := boilerplate.Classify(texts(paras))
	fmt.Printf("readability blocks=%d run=[%d %d %d)\n", len(paras), res.Start, res.Body, res.End)
	for i, p := range paras {
		mark := "-"
		if strings.Contains(gt, p.text) {
			mark = "+"
		}
		r := []rune(p.text)
		if len(r) > 100 {
			r = r[:100]
		}
		fmt.Printf("%4d %s %-12s %-12s %s\n", i, mark, res.Kinds[i], wkind[p.text], string(r))
	}
}

var debugMeta = flag.String("metapage", "", "print the header candidates of this HTML file and exit")

// TestDebugMeta is a tuning aid, not a check: it prints what readMeta
// found in a page.
func TestDebugMeta(t *testing.T) {
	if *debugMeta == "" {
		t.Skip("no -metapage given")
	}
	page, err := os.ReadFile(*debugMeta)
	if err != nil {
		t.Skip(err)
	}
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	m := readMeta(doc)
	fmt.Printf("og=%q ld=%q doc=%q site=%q pub=%q\n", m.ogTitle, m.ldTitle, m.docTitle, m.siteName, m.publisher)
	fmt.Printf("published=%q dom=%q times=%q\nbyline=%q authors=%q\n", m.published, m.dom.published, m.dom.times, m.byline, m.authors)
	for _, h := range m.dom.headings {
		fmt.Printf("heading h1=%v chrome=%v %q\n", h.h1, h.chrome, h.text)
	}
	fmt.Printf("strong=%q\nauthors=%q\ndates=%q\n", m.dom.strongAuthors, m.dom.authors, m.dom.dateTexts)
	fmt.Printf("title=%q\n", chooseTitle(m, pageBase(m, nil)))
}
