package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckScoreMetadata runs `check -score` on a one-page corpus laid out
// as shared/corpus/metadata, in text and HTML, and checks that the fields
// were read from the pages and scored: the text page's date and the HTML
// page's title are right. (What the text heuristics make of the headline
// line is left to the article package's tests.)
func TestCheckScoreMetadata(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		if _, err := zw.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	label := `{"name": "p1", "source": {"name": "made-up"}, "language": "en", "title": "Harbour Crane Repaired After Storm",
		"authors": null, "date": "2024-03-05", "date_accept": ["2024-03-05"],
		"labelled": {"title": true, "authors": false, "date": true}}`
	write("expected/p1.expected.json", []byte(label))
	write("input/p1.txt", []byte("Harbour Crane Repaired After Storm\n\nMarch 5, 2024\n\n"+
		"The old crane at the east quay was lifted back onto its rails on Tuesday after two weeks of work by the port's own fitters.\n\n"+
		"Shipping through the quay resumes next week, the harbour office said.\n"))
	write("html/p1.html.gz", gz(`<!doctype html><html><head><title>Harbour Crane Repaired After Storm</title></head><body><article>`+
		`<h1>Harbour Crane Repaired After Storm</h1><p>The old crane at the east quay was lifted back onto its rails on Tuesday after two weeks of work by the port's own fitters.</p>`+
		`<p>Shipping through the quay resumes next week, the harbour office said.</p></article></body></html>`))

	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"check", "-score", dir, "-pages"}, func(string) string { return "" }, &out, &errOut); err != nil {
		t.Fatalf("check -score: %v (%s)", err, errOut.String())
	}
	got := out.String()
	text, html, ok := strings.Cut(got, "HTML (html/)\n")
	if !ok || !strings.HasPrefix(text, "plain text (input/)\n") {
		t.Fatalf("output has no text and HTML parts:\n%s", got)
	}
	for _, want := range []string{
		"pages: 1   predictions matched: 1   missing (scored as empty): 0",
		"source=made-up\n  title    n=1    exact=",
		"  date     n=1    exact=1.000  within_1_day=1.000",
		"p1                           made-up     en   ",
		"| Harbour Crane Repaired After Storm\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text part lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(html, "source=made-up\n  title    n=1    exact=1.000  token_f1=1.000") {
		t.Errorf("HTML part did not find the title:\n%s", html)
	}
}
