// Command corpusgen writes a benchmark corpus of scraped-news articles.
//
//	go run ./internal/corpus/corpusgen -n 10000 -out /tmp/seeds
//	go run ./internal/corpus/corpusgen -n 10000 -format hugo -out /tmp/site
//
// The hugo format writes the same articles as a Hugo site (one Markdown
// page each, RSS limited to 50 items, minimal layouts), the static-site
// baseline of the cold-start benchmark.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"seedfeed/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(2)
	}
}

func run(args []string, stderr io.Writer) error {
	fl := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 1000, "number of articles")
	seed := fl.Uint64("seed", 1, "generator seed: the same seed gives the same corpus")
	out := fl.String("out", "", "output folder (required)")
	format := fl.String("format", "txt", "txt (seeds folder) or hugo (a Hugo site of the same articles)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n < 0 {
		fl.Usage()
		return fmt.Errorf("-out is required and -n must not be negative")
	}
	switch *format {
	case "txt":
		return corpus.Write(*out, *n, *seed)
	case "hugo":
		return writeHugo(*out, *n, *seed)
	}
	return fmt.Errorf("unknown -format %q", *format)
}

var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = "http://localhost:8080/"
title = "corpus"
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]
[services.rss]
limit = 50
`,
	"layouts/_default/single.html": `<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
`,
	"layouts/_default/list.html": `<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range first 50 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`,
}

func writeHugo(dir string, n int, seed uint64) error {
	for name, body := range hugoFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return err
		}
	}
	posts := filepath.Join(dir, "content", "posts")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		return err
	}
	return corpus.Generate(n, seed, func(a corpus.Article) error {
		_, body, _ := strings.Cut(string(a.Data), "\n")
		page := fmt.Sprintf("---\ntitle: %q\ndate: %s\n---\n%s", a.Title, a.ModTime.Format(time.RFC3339), strings.TrimLeft(body, "\n"))
		p := filepath.Join(posts, strings.TrimSuffix(a.Name, ".txt")+".md")
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			return err
		}
		return os.Chtimes(p, a.ModTime, a.ModTime)
	})
}
