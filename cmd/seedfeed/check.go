package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"seedfeed/internal/article"
	"seedfeed/internal/config"
	"seedfeed/internal/daemon"
	"seedfeed/internal/ingest"
)

// checkResult is one line of `check -json`: the contract in DESIGN.md, with
// the field names of shared/seeds/*.expected.json.
type checkResult struct {
	Path           string              `json:"path"`
	Title          string              `json:"title"`
	Subtitle       string              `json:"subtitle"`
	Author         string              `json:"author"`
	Dateline       *article.Dateline   `json:"dateline"`
	Published      *string             `json:"published"`
	Updated        *string             `json:"updated,omitempty"`
	Images         []article.Image     `json:"images"`
	Pictures       []article.Picture   `json:"pictures,omitempty"`
	BodyParagraphs []string            `json:"body_paragraphs"`
	Summary        string              `json:"summary"`
	Slug           string              `json:"slug"`
	Tags           []string            `json:"tags"`
	Draft          bool                `json:"draft,omitempty"`
	Removed        map[string][]string `json:"removed"`
	Warnings       []string            `json:"warnings"`
	Error          *string             `json:"error"`
}

type checkFlags struct {
	json       bool
	ref        string
	config     string
	score      string
	scorePages bool
}

func (f *checkFlags) define(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "print one JSON object per file")
	fs.StringVar(&f.ref, "ref", "", "reference `time` (RFC 3339) for dates without a year; default: each file's modification time")
	fs.StringVar(&f.config, "config", "", "config.yaml `file` to take site.timezone and site.base_url from (default: built-in defaults)")
	fs.StringVar(&f.score, "score", "", "score a corpus `folder` (input/, html/, expected/): body extraction, or title/authors/date on a metadata corpus")
	fs.BoolVar(&f.scorePages, "pages", false, "with -score on a metadata corpus: also print the per-page table")
}

func runCheck(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var f checkFlags
	fset := newFlagSet("check")
	f.define(fset)
	if done, err := parseFlags(fset, args, stdout); done {
		return err
	}
	if f.score != "" {
		return runScore(ctx, f.score, f.scorePages, stdout)
	}
	if fset.NArg() == 0 {
		return usageError("check: name at least one file or folder")
	}
	var ref time.Time
	if f.ref != "" {
		t, err := time.Parse(time.RFC3339, f.ref)
		if err != nil {
			return usageError("check: -ref %q is not an RFC 3339 time such as 2026-11-25T00:00:00Z", f.ref)
		}
		ref = t
	}
	cfg := config.Default()
	if f.config != "" {
		c, err := config.Load(f.config, getenv)
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		cfg = c
	}

	paths, names, err := expandPaths(fset.Args(), cfg.Seeds.Dir)
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("check: %w", err)}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	rejected := 0
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		res := checkFile(p, names[i], ref, cfg)
		if res.Error != nil {
			rejected++
		}
		if f.json {
			if err := enc.Encode(res); err != nil {
				return err
			}
			continue
		}
		printCheck(stdout, res)
	}
	if rejected > 0 {
		return &exitError{code: 1, err: fmt.Errorf("check: %d of %d files rejected", rejected, len(paths))}
	}
	return nil
}

// expandPaths turns folders into the files below them, in a stable order,
// skipping hidden entries as the daemon does. Beside each path it returns
// the name the daemon would read the file by, which marks a draft
// ("_drafts/…"), dates a page bundle ("2024-05-02-walk/index.md") and
// places its pictures: its path in the folder named, or, for a file
// named on its own, in the seeds folder when it is in it (its base name
// when it is not).
func expandPaths(args []string, seeds string) (paths, names []string, err error) {
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			paths, names = append(paths, a), append(names, seedsName(a, seeds))
			continue
		}
		var files []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			// Symbolic links, FIFOs and devices are listed so that check
			// reports them as the daemon does, rather than skipping them
			// silently; pictures, stylesheets and the like the daemon
			// skips, and so does check. A file named on its own is read
			// whatever its name.
			if !d.IsDir() && !ingest.NotArticle(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			rel, err := filepath.Rel(a, f)
			if err != nil {
				rel = filepath.Base(f)
			}
			paths, names = append(paths, f), append(names, filepath.ToSlash(rel))
		}
	}
	return paths, names, nil
}

// seedsName is the path of file in the seeds folder, or its base name
// when it is not in it.
func seedsName(file, seeds string) string {
	absFile, err1 := filepath.Abs(file)
	absSeeds, err2 := filepath.Abs(seeds)
	if seeds != "" && err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absSeeds, absFile); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(file)
}

func checkFile(path, name string, ref time.Time, cfg config.Config) checkResult {
	res := checkResult{Path: path, Images: []article.Image{}, BodyParagraphs: []string{}, Tags: []string{},
		Removed: map[string][]string{}, Warnings: []string{}}
	fail := func(err error) checkResult {
		msg := err.Error()
		res.Error = &msg
		return res
	}
	// Lstat, as the daemon does: it never follows a symbolic link (which
	// may lead out of seeds/) and never opens a FIFO (which would block).
	fi, err := os.Lstat(path)
	if err != nil {
		return fail(err)
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		return fail(errors.New("symbolic link: not followed"))
	case !fi.Mode().IsRegular():
		return fail(fmt.Errorf("not a regular file (%v)", fi.Mode().Type()))
	case !utf8.ValidString(filepath.Base(path)):
		return fail(errors.New("file name is not valid UTF-8"))
	}
	if fi.Size() > cfg.Seeds.MaxFileBytes {
		return fail(fmt.Errorf("file is %d bytes, over seeds.max_file_bytes (%d)", fi.Size(), cfg.Seeds.MaxFileBytes))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fail(err)
	}
	if ref.IsZero() {
		ref = fi.ModTime()
	}
	a, err := daemon.ParseInFolder(name, data, article.Options{Ref: ref, Location: cfg.Site.Location, BaseURL: cfg.Site.BaseURL, Language: cfg.Site.Language})
	if err != nil {
		return fail(err)
	}
	res.Title, res.Subtitle, res.Author, res.Dateline = a.Title, a.Subtitle, a.Author, a.Dateline
	res.Summary, res.Slug, res.Draft = a.Summary, a.Slug, a.Draft
	if a.Published != nil {
		s := a.Published.Format(time.RFC3339)
		res.Published = &s
	}
	if a.Updated != nil {
		s := a.Updated.Format(time.RFC3339)
		res.Updated = &s
	}
	if a.Images != nil {
		res.Images = a.Images
	}
	res.Pictures = a.Pictures
	if a.BodyParagraphs != nil {
		res.BodyParagraphs = a.BodyParagraphs
	}
	if a.Tags != nil {
		res.Tags = a.Tags
	}
	if a.Removed != nil {
		res.Removed = a.Removed
	}
	if a.Warnings != nil {
		res.Warnings = a.Warnings
	}
	return res
}

func printCheck(w io.Writer, r checkResult) {
	if r.Error != nil {
		fmt.Fprintf(w, "%s: REJECTED: %s\n", r.Path, *r.Error)
		return
	}
	published := "(no date: first-seen time is used)"
	if r.Published != nil {
		published = *r.Published
	}
	fmt.Fprintf(w, "%s\n  title:     %s\n", r.Path, r.Title)
	if r.Subtitle != "" {
		fmt.Fprintf(w, "  subtitle:  %s\n", r.Subtitle)
	}
	fmt.Fprintf(w, "  author:    %s\n  published: %s\n  slug:      %s\n  body:      %d paragraphs\n",
		r.Author, published, r.Slug, len(r.BodyParagraphs))
	if r.Draft {
		fmt.Fprintf(w, "  draft:     not published until it is no draft\n")
	}
	if len(r.Tags) > 0 {
		fmt.Fprintf(w, "  tags:      %s\n", strings.Join(r.Tags, ", "))
	}
	for _, p := range r.Pictures {
		fmt.Fprintf(w, "  picture:   %s\n", p.URL)
	}
	kinds := make([]string, 0, len(r.Removed))
	for k := range r.Removed {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "  removed:   %d %s\n", len(r.Removed[k]), k)
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning:   %s\n", warn)
	}
}
