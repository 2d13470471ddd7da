package server

import (
	"fmt"
	"path/filepath"
	"strings"

	"seedfeed/internal/pages"
	"seedfeed/internal/taxonomy"
)

// WriteLabel writes a label's documents at the paths the server answers
// them on: {section}/{slug}/index.html, feed.xml, rss.xml and feed.json,
// the slug unescaped (a static server decodes "%E0%A4%B9..." to the file
// name), each with its .gz sibling.
func (w *StaticWriter) WriteLabel(l pages.LabelRef, docs LabelDocs) error {
	if l.Section != pages.SectionTags && l.Section != pages.SectionAuthors ||
		l.Slug == "" || taxonomy.Slug(l.Slug) != l.Slug || !filepath.IsLocal(l.Slug) {
		return fmt.Errorf("%w: label %q under %s", ErrStatic, l.Slug, l.Section)
	}
	dir := filepath.Join(strings.TrimPrefix(l.Section, "/"), l.Slug)
	for doc, d := range docs {
		name := strings.TrimPrefix(doc, "/")
		if doc == LabelPage {
			name = "index.html"
		}
		if name == "" || strings.ContainsAny(name, `/\`) {
			return fmt.Errorf("%w: label document %q", ErrStatic, doc)
		}
		rel := filepath.Join(dir, name)
		if err := w.write(rel, d.Body, d.LastMod); err != nil {
			return err
		}
		if !w.gzip {
			continue
		}
		gz, err := w.compress(d.Body)
		if err != nil {
			return fmt.Errorf("compress %s: %w", rel, err)
		}
		if err := w.write(rel+".gz", gz, d.LastMod); err != nil {
			return err
		}
	}
	return nil
}

// WriteLabelLists writes the pages listing every tag and every author at
// tags/index.html and authors/index.html.
func (w *StaticWriter) WriteLabelLists(snap *Snapshot) error {
	for _, section := range []string{pages.SectionTags, pages.SectionAuthors} {
		page, err := snap.LabelListPage(section)
		if err != nil {
			return err
		}
		rel := filepath.Join(strings.TrimPrefix(section, "/"), "index.html")
		if err := w.write(rel, page, snap.labelListLastMod()); err != nil {
			return err
		}
		if !w.gzip {
			continue
		}
		gz, err := w.compress(page)
		if err != nil {
			return fmt.Errorf("compress %s: %w", rel, err)
		}
		if err := w.write(rel+".gz", gz, snap.labelListLastMod()); err != nil {
			return err
		}
	}
	return nil
}
