package feed

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// validatorScript feeds each file to the W3C feed validator's
// validateStream, as its web front end does for an uploaded feed, and
// prints every logged event as JSON.
const validatorScript = `
import json, sys
sys.path.insert(0, sys.argv[1] + '/src')
import feedvalidator
from feedvalidator import logging as fvlog
results = []
for job in json.load(sys.stdin):
    with open(job['path'], 'rb') as f:
        try:
            events = feedvalidator.validateStream(f, firstOccurrenceOnly=0,
                contentType=job['content_type'], base=job['base'])['loggedEvents']
        except fvlog.ValidationFailure as vf:
            events = [vf.event]
    out = []
    for e in events:
        level = 'error' if isinstance(e, fvlog.Error) else 'warning' if isinstance(e, fvlog.Warning) else 'info'
        out.append({'level': level, 'name': e.__class__.__name__,
                    'params': {k: str(v) for k, v in e.params.items()}})
    results.append({'path': job['path'], 'events': out})
json.dump(results, sys.stdout)
`

// TestW3CFeedValidator checks every Atom and RSS document against the W3C
// Feed Validation Service's own code, which must report no error and no
// warning. It needs a checkout of github.com/w3c/feedvalidator in
// FEEDVALIDATOR_DIR and a Python 3 with html5lib, rdflib and libxml2
// (Debian: python3-html5lib python3-rdflib python3-libxml2) in
// FEEDVALIDATOR_PYTHON (default python3); it is skipped otherwise.
func TestW3CFeedValidator(t *testing.T) {
	dir := os.Getenv("FEEDVALIDATOR_DIR")
	if dir == "" {
		t.Skip("FEEDVALIDATOR_DIR not set")
	}
	if _, err := os.Stat(filepath.Join(dir, "src", "feedvalidator", "__init__.py")); err != nil {
		t.Fatalf("FEEDVALIDATOR_DIR=%s is not a feedvalidator checkout: %v", dir, err)
	}
	python := os.Getenv("FEEDVALIDATOR_PYTHON")
	if python == "" {
		python = "python3"
	}

	type job struct {
		Path        string `json:"path"`
		ContentType string `json:"content_type"`
		Base        string `json:"base"`
	}
	var jobs []job
	tmp := t.TempDir()
	for _, tc := range append(append(renderCases(), validatorCases()...), pictureCases()...) {
		out, err := Render(tc.meta, tc.items)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		base := strings.TrimRight(tc.meta.BaseURL, "/")
		// Every XML document: a label's (pictureCases) are under its Dir.
		var xmlPaths []string
		for p := range out {
			if strings.HasSuffix(p, ".xml") {
				xmlPaths = append(xmlPaths, p)
			}
		}
		slices.Sort(xmlPaths)
		for _, p := range xmlPaths {
			path := filepath.Join(tmp, tc.name+"."+strings.TrimPrefix(p[len(tc.meta.Dir):], "/"))
			if err := os.WriteFile(path, out[p], 0o644); err != nil {
				t.Fatal(err)
			}
			// The base is where the validator believes it fetched the
			// feed from, which rel="self" must match.
			jobs = append(jobs, job{Path: path, ContentType: ContentType(p), Base: base + p})
		}
	}
	// The archived feed's documents: each page and a subscription feed
	// linking to them.
	for _, ac := range archiveCases() {
		out, err := RenderArchived(fullMeta(), hardItems(), ac.pos)
		if err != nil {
			t.Fatalf("%s: %v", ac.name, err)
		}
		for _, p := range archiveDocPaths(ac.pos) {
			if strings.HasSuffix(p, ".json") {
				continue
			}
			path := filepath.Join(tmp, ac.name+"."+strings.ReplaceAll(strings.TrimPrefix(p, "/"), "/", "-"))
			if err := os.WriteFile(path, out[p], 0o644); err != nil {
				t.Fatal(err)
			}
			jobs = append(jobs, job{Path: path, ContentType: ContentType(p), Base: "http://localhost:8080" + p})
		}
	}
	in, err := json.Marshal(jobs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", validatorScript, dir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", python, err, stderr.String())
	}
	var results []struct {
		Path   string `json:"path"`
		Events []struct {
			Level  string            `json:"level"`
			Name   string            `json:"name"`
			Params map[string]string `json:"params"`
		} `json:"events"`
	}
	if err := json.Unmarshal(stdout, &results); err != nil {
		t.Fatalf("validator output: %v\n%s", err, stdout)
	}
	if len(results) != len(jobs) {
		t.Fatalf("validator checked %d documents, want %d", len(results), len(jobs))
	}
	for _, r := range results {
		name := filepath.Base(r.Path)
		valid := 0
		for _, e := range r.Events {
			switch {
			case e.Level != "info":
				t.Errorf("%s: %s %s line %s: %v", name, e.Level, e.Name, e.Params["line"], e.Params)
			case strings.HasPrefix(e.Name, "Valid"):
				valid++
			default:
				t.Logf("%s: info %s %v", name, e.Name, e.Params)
			}
		}
		if valid == 0 {
			t.Errorf("%s: the validator reported nothing valid; did it run?", name)
		}
	}
	t.Logf("validated %d documents", len(results))
}

// validatorCases add text that tempts a validator to call it markup.
func validatorCases() []renderCase {
	items := []Item{
		{
			ID: "tag:localhost,2024-06-01:entities", Slug: "entities",
			Title:       "&copy; 2024 AT&T Q&A &#169; R&D",
			Summary:     "Prices &amp; fees: &lt;10 &euro;",
			Author:      "Smith & Wesson &amp; Co",
			Authors:     []string{"Smith & Wesson", "&amp; Co", "R&D <desk>"},
			Subtitle:    "&copy; the Q&A </em> desk",
			Figures:     []Figure{{Caption: "AT&T's <mast> &amp; dish", Credit: "&copy; R&D"}},
			Dateline:    "ST. HELIER &amp; GOREY",
			ContentHTML: "<p>&copy; &amp;copy; &lt;b&gt;</p>",
			Published:   date("2024-06-01T10:00:00Z"),
			Tags:        []string{"&amp;", "Q&A"},
		},
		{
			ID: "tag:localhost,2024-06-01:markup", Slug: "markup",
			Title:       "Why <div> soup </div> hurts <em>everyone</em>",
			Summary:     "Use </p> and <br/> sparingly; <!-- comments --> too.",
			ContentHTML: "<p>Text with <code>&lt;/p&gt;</code>.</p>",
			Published:   date("2024-06-01T11:00:00Z"),
			Tags:        []string{"<html>", "a</b>"},
		},
		{
			ID: "tag:localhost,2024-06-01:empty-fields", Slug: "empty-fields",
			Title: "\x01\x02", Summary: "\uFFFD", ContentHTML: "<p></p>",
			Published: date("2024-06-01T12:00:00Z"),
		},
	}
	m := fullMeta()
	m.Title = "Notes <b>&</b> AT&T"
	m.Subtitle = "&copy; the harbour"
	return []renderCase{{name: "hostile", meta: m, items: items}}
}
