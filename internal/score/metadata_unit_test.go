package score

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The expected values below are what the corpus's score.py gives for the
// same strings (checked by running its functions on them).

func TestNormText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Plain\ttitle \n here ", "Plain title here"},
		{"\u201cQuoted\u201d \u2018single\u2019 \u00abguillemets\u00bb \u2039one\u203a", `"Quoted" 'single' "guillemets" 'one'`},
		{"dash \u2013 en \u2014 em \u2212 minus \u2010 hyphen", "dash - en - em - minus - hyphen"},
		{"soft\u00adhyphen zero\u200bwidth\u200d joiner\ufeff", "softhyphen zerowidth joiner"},
		{"\uff26\uff55\uff4c\uff4c\u3000width \ufb01ne", "Full width fine"}, // NFKC: fullwidth letters, ideographic space, ligature
		{"info\x1fseparator", "info separator"},                             // Python's isspace takes U+001F
		{"no\u00a0break", "no break"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormText(tt.in); got != tt.want {
			t.Errorf("NormText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleExact(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"The Big Story", "THE BIG STORY", true},
		{"Straße gesperrt", "STRASSE GESPERRT", true}, // full case folding
		{"It\u2019s \u201chere\u201d", `it's "here"`, true},
		{"A  title", "A title ", true},
		{"A title", "A title.", false},
		{"A title", "", false},
	}
	for _, tt := range tests {
		if got := TitleExact(tt.gold, tt.pred); got != tt.want {
			t.Errorf("TitleExact(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestTitleTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, World! It's 2024", []string{"hello", "world", "it", "s", "2024"}},
		{"snake_case stays", []string{"snake_case", "stays"}},
		{"東京の天気", []string{"東", "京", "の", "天", "気"}},
		{"abc漢字def", []string{"abc", "漢", "字", "def"}},
		{"서울 뉴스", []string{"서", "울", "뉴", "스"}},
		{"Ελληνικά Νέα", []string{"ελληνικά", "νέα"}},
		{"cafe\u0301", []string{"café"}}, // NFKC composes before \w splits
		{"--- ...", nil},
	}
	for _, tt := range tests {
		if got := TitleTokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("TitleTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTitleF1(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       float64
	}{
		{"Same words here", "same WORDS here", 1},
		{"one two three four", "one two", 2.0 / 3},
		{"a a b", "a b b", 2.0 / 3},
		{"", "", 1}, // two empty titles agree
		{"something", "", 0},
		{"x", "y", 0},
	}
	for _, tt := range tests {
		if got := TitleF1(tt.gold, tt.pred); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("TitleF1(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ann Lee", []string{"Ann Lee"}},
		{"By Ann Lee and Bo Kim", []string{"Ann Lee", "Bo Kim"}},
		{"by  Ann Lee, Bo Kim & Cy Roe", []string{"Ann Lee", "Bo Kim", "Cy Roe"}},
		{"Von Jana Ott und Uwe Brand", []string{"Jana Ott", "Uwe Brand"}},
		{"Ana Ruiz y Luis Paz; Eva Sol / Rui Lima | Max Eck", []string{"Ana Ruiz", "Luis Paz", "Eva Sol", "Rui Lima", "Max Eck"}},
		{"Jean Roy et Marie Dion", []string{"Jean Roy", "Marie Dion"}},
		{"Per Berg og Kari Nes och Lars Holm", []string{"Per Berg", "Kari Nes", "Lars Holm"}},
		{"Rui e Ana", []string{"Rui", "Ana"}},
		{"山田太郎、佐藤花子", []string{"山田太郎", "佐藤花子"}},
		{"Ann Lee AND Bo Kim", []string{"Ann Lee", "Bo Kim"}}, // the words match in any case
		{"Andrew Byrne", []string{"Andrew Byrne"}},            // a word inside a name is no separator
		{"Bylines Team", []string{"Bylines Team"}},            // "By" must stand alone
		{"— Ann Lee:", []string{"Ann Lee"}},                   // trimmed of dashes and colons
		{"Ann Lee · Staff", []string{"Ann Lee · Staff"}},      // the middle dot is trimmed, not split on
		{"Ａｎｎ Ｌｅｅ，Ｂｏ", []string{"Ann Lee", "Bo"}},             // NFKC first: fullwidth comma
		{" , ; ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := SplitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAuthorsF1(t *testing.T) {
	tests := []struct {
		name string
		gold []string
		pred string
		want float64
	}{
		{"same", []string{"Ann Lee", "Bo Kim"}, "bo kim and ANN LEE", 1},
		{"one of two", []string{"Ann Lee", "Bo Kim"}, "Ann Lee", 2.0 / 3},
		{"extra name", []string{"Ann Lee"}, "Ann Lee, Bo Kim", 2.0 / 3},
		{"duplicates count once", []string{"Ann Lee"}, "Ann Lee, ann lee", 1},
		{"no byline, nothing predicted", []string{}, "", 1},
		{"no byline, a name predicted", []string{}, "Ann Lee", 0},
		{"byline missed", []string{"Ann Lee"}, "", 0},
		{"quotes are not folded in names", []string{"Ann O\u2019Lee"}, "Ann O'Lee", 0},
		{"zero-width removed", []string{"Ann\u200b Lee"}, "Ann Lee", 1},
	}
	for _, tt := range tests {
		if got := AuthorsF1(tt.gold, tt.pred); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: AuthorsF1(%q, %q) = %v, want %v", tt.name, tt.gold, tt.pred, got, tt.want)
		}
	}
}

func TestDateScore(t *testing.T) {
	tests := []struct {
		accept        []string
		pred          string
		exact, within float64
	}{
		{[]string{"2020-03-01"}, "2020-03-01T10:00:00+01:00", 1, 1},
		{[]string{"2020-03-01"}, "2020-02-29T23:00:00Z", 0, 1}, // leap day, one day off
		{[]string{"2020-03-01"}, "2020-03-03T00:00:00Z", 0, 0},
		{[]string{"2016-12-19", "2016-12-20"}, "2016-12-20T00:08:44Z", 1, 1},
		{[]string{"2020-12-31"}, "2021-01-01", 0, 1},
		{[]string{"2020-03-01"}, " 2020-03-01 ", 1, 1},
		{[]string{"2021-02-28"}, "2021-02-29T00:00:00Z", 0, 0}, // no such date
		{[]string{"2020-03-01"}, "", 0, 0},
		{[]string{"2020-03-01"}, "March 1, 2020", 0, 0},
	}
	for _, tt := range tests {
		exact, within := dateScore(tt.accept, tt.pred)
		if exact != tt.exact || within != tt.within {
			t.Errorf("dateScore(%q, %q) = %v, %v, want %v, %v", tt.accept, tt.pred, exact, within, tt.exact, tt.within)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip("  a\n b  ", 60); got != "a b" {
		t.Errorf("clip = %q", got)
	}
	if got := clip(strings.Repeat("é", 61), 60); utf8.RuneCountInString(got) != 60 || !strings.HasSuffix(got, "\u2026") {
		t.Errorf("clip of 61 characters = %q", got)
	}
}

func TestMetaCorpus(t *testing.T) {
	gold := func(name, source, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`{"name": "` + name + `", "source": {"name": "` + source + `"}, ` + extra + `}`)}
	}
	fsys := fstest.MapFS{
		// a: every field labelled, all right but the date, one day off.
		"expected/a.expected.json": gold("a", "s1", `"language": "en", "title": "A Title", "authors": ["Ann Lee"], "date": "2020-01-02",
			"date_accept": ["2020-01-02"], "labelled": {"title": true, "authors": true, "date": true}`),
		// b: labelled "no byline" and "no date"; the extractor fails.
		"expected/b.expected.json": gold("b", "s2", `"title": "Other", "authors": [], "date": null, "date_accept": [],
			"labelled": {"title": true, "authors": true, "date": true}`),
		// c: date only, and no page file.
		"expected/c.expected.json": gold("c", "s2", `"title": null, "authors": null, "date": "2019-05-05",
			"date_accept": ["2019-05-05"], "labelled": {"title": false, "authors": false, "date": true}`),
		"input/a.txt":     {Data: []byte("a")},
		"input/b.txt":     {Data: []byte("b")},
		"input/extra.txt": {Data: []byte("no labels")},
	}
	extract := func(name string, _ []byte) (MetaPred, error) {
		if name == "b.txt" {
			return MetaPred{Title: "ignored", Author: "ignored"}, errors.New("boom")
		}
		return MetaPred{Title: "a title", Author: "By Ann Lee", Published: "2020-01-01T23:00:00Z"}, nil
	}
	if ok, err := IsMetaCorpus(fsys); !ok || err != nil {
		t.Fatalf("IsMetaCorpus = %v, %v", ok, err)
	}
	rep, err := MetaCorpus(fsys, Text, extract)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != 3 || rep.Unmatched != 1 || !rep.Pages[2].Missing || rep.Pages[1].Err == nil {
		t.Fatalf("report = %+v", rep)
	}
	s := rep.Summary(nil)
	// b's failed extraction is an empty prediction: right on "no byline"
	// and "no date", wrong on its title.
	if s.TitleN != 2 || s.TitleExact != 0.5 || s.AuthorsBylineF1 != 1 || s.AuthorsNoBylineEmpty != 1 ||
		s.AuthorsF1 != 1 || s.DateN != 2 || s.DateExact != 0 || s.DateWithin1 != 0.5 || s.DateAbsentNull != 1 {
		t.Errorf("summary = %+v", s)
	}
	if got := rep.Sources(); !reflect.DeepEqual(got, []string{"s1", "s2"}) {
		t.Errorf("sources = %v", got)
	}
	if s2 := rep.BySource("s2"); s2.TitleN != 1 || s2.DateN != 1 || !math.IsNaN(s2.AuthorsBylineF1) {
		t.Errorf("source s2 = %+v", s2)
	}
	var b strings.Builder
	if err := rep.WriteSummary(&b); err != nil {
		t.Fatal(err)
	}
	if err := rep.WritePages(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"pages: 3   predictions matched: 2   missing (scored as empty): 1   unmatched predictions ignored: 1",
		"source=s2\n  title    n=1    exact=0.000  token_f1=0.000\n  authors  n=1    set_f1=1.000   with byline: n=0 f1=  -  ",
		"a                            s1          en   Y  1.00  1.00 n  a title | A Title\n",
		"c                            s2          ?    .   .     .   n   | \n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	body := fstest.MapFS{"expected/x.expected.json": {Data: []byte(`{"articleBody": "text", "source": "a string"}`)}}
	if ok, err := IsMetaCorpus(body); ok || err != nil {
		t.Errorf("body corpus: IsMetaCorpus = %v, %v", ok, err)
	}
	if _, err := MetaCorpus(body, Text, extract); !errors.Is(err, ErrNotMetaCorpus) {
		t.Errorf("body corpus: MetaCorpus err = %v, want ErrNotMetaCorpus", err)
	}
}

func FuzzSplitAuthors(f *testing.F) {
	for _, s := range []string{"By Ann Lee and Bo Kim", "Von A und B; C/D|E、F & G", "— x:", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range SplitAuthors(s) {
			if p == "" || strings.Trim(p, " \t\r\n:\u00b7|-\u2013\u2014") != p {
				t.Errorf("SplitAuthors(%q) gave untrimmed part %q", s, p)
			}
		}
		if f := AuthorsF1(SplitAuthors(s), s); f < 0 || f > 1 {
			t.Errorf("AuthorsF1 of %q against its own split = %v, outside [0, 1]", s, f)
		}
	})
}

func FuzzTitle(f *testing.F) {
	for _, s := range []string{"The \u201cBig\u201d Story \u2013 Part 2", "東京abc", "soft\u00adhyphen", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !TitleExact(s, s) {
			t.Errorf("TitleExact(%q, itself) = false", s)
		}
		if got := TitleF1(s, s); got != 1 {
			t.Errorf("TitleF1(%q, itself) = %v", s, got)
		}
		if n := NormText(s); strings.Contains(n, "  ") || strings.TrimFunc(n, pySpace) != n {
			t.Errorf("NormText(%q) = %q keeps a whitespace run", s, n)
		}
	})
}
