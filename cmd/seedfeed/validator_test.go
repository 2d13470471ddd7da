package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The validator's own code on what `build` writes from the bundled seeds
// (and any folder in SEEDFEED_VALIDATE_EXTRA, e.g. a corpus of scrapes).
// Needs a checkout of github.com/w3c/feedvalidator in FEEDVALIDATOR_DIR and
// Debian's python3-html5lib, python3-rdflib and python3-libxml2 for
// /usr/bin/python3; skipped otherwise.
func TestBuiltFeedsPassW3CValidator(t *testing.T) {
	dir := os.Getenv("FEEDVALIDATOR_DIR")
	if dir == "" {
		t.Skip("FEEDVALIDATOR_DIR not set")
	}
	work := t.TempDir()
	seeds := filepath.Join(work, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	srcs, _ := filepath.Glob("../../seeds/*")
	srcs = append(srcs, "testdata/bridge-inspection.txt")
	if extra := os.Getenv("SEEDFEED_VALIDATE_EXTRA"); extra != "" {
		more, _ := filepath.Glob(filepath.Join(extra, "*"))
		srcs = append(srcs, more...)
	}
	for _, src := range srcs {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(seeds, filepath.Base(src)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(work, "config.yaml")
	if err := os.WriteFile(cfg, []byte("feed:\n  items: 3\nstate:\n  path: s.db\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "out")
	// A published site's address: the validator checks enclosure URLs
	// against a dotted domain, which the bundled config's localhost is not.
	const site = "https://news.example.org"
	getenv := func(k string) string {
		if k == "SEEDFEED_SITE_BASE_URL" {
			return site
		}
		return ""
	}
	if err := run(context.Background(), []string{"build", "-config", cfg, "-out", out}, getenv, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	script := `import json, sys
sys.path.insert(0, sys.argv[1] + '/src')
import feedvalidator
from feedvalidator import logging as fvlog
problems = []
for path, ct, base in json.load(sys.stdin):
    with open(path, 'rb') as f:
        try:
            events = feedvalidator.validateStream(f, firstOccurrenceOnly=0, contentType=ct, base=base)['loggedEvents']
        except fvlog.ValidationFailure as vf:
            events = [vf.event]
    for e in events:
        if isinstance(e, (fvlog.Error, fvlog.Warning)):
            problems.append([path, e.__class__.__name__, {k: str(v)[:200] for k, v in e.params.items()}])
json.dump(problems, sys.stdout)
`
	jobs := [][3]string{
		{filepath.Join(out, "feed.xml"), "application/atom+xml", site + "/feed.xml"},
		{filepath.Join(out, "atom.xml"), "application/atom+xml", site + "/atom.xml"},
		{filepath.Join(out, "rss.xml"), "application/rss+xml", site + "/rss.xml"},
	}
	// Every tag's and author's feeds and every archive page the build
	// wrote, under the same rules.
	for _, pat := range []string{"tags/*/", "authors/*/", "archive/*/"} {
		dirs, _ := filepath.Glob(filepath.Join(out, pat))
		for _, d := range dirs {
			if _, err := os.Stat(filepath.Join(d, "feed.xml")); err != nil {
				continue // tags/index.html and the like
			}
			rel, _ := filepath.Rel(out, d)
			jobs = append(jobs,
				[3]string{filepath.Join(d, "feed.xml"), "application/atom+xml", site + "/" + filepath.ToSlash(rel) + "/feed.xml"},
				[3]string{filepath.Join(d, "rss.xml"), "application/rss+xml", site + "/" + filepath.ToSlash(rel) + "/rss.xml"})
		}
	}
	t.Logf("validating %d documents", len(jobs))
	in, _ := json.Marshal(jobs)
	cmd := exec.Command("/usr/bin/python3", "-c", script, dir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("validator: %v\n%s", err, stderr.String())
	}
	var problems [][]any
	if err := json.Unmarshal(res, &problems); err != nil {
		t.Fatalf("validator output %q: %v", res, err)
	}
	for _, p := range problems {
		t.Errorf("%v", p)
	}
}
