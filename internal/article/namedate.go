package article

import (
	"path"
	"strings"
	"time"
)

// nameDate reads the day a file's name starts with, as Jekyll names its
// posts ("2024-05-02-a-walk.md") and many writers their notes, or the
// name of its folder when the file is a page bundle's index
// ("2024-05-02-a-walk/index.md"): the day the post was published on its
// old site, which beats the day seedfeed first saw it. Midnight in loc.
func nameDate(name string, loc *time.Location) (time.Time, bool) {
	name = strings.ReplaceAll(name, "\\", "/")
	base := path.Base(name)
	if stem := strings.TrimSuffix(base, path.Ext(base)); stem == "index" || stem == "_index" {
		base = path.Base(path.Dir(name))
	}
	const layout = "2006-01-02"
	if len(base) < len(layout) {
		return time.Time{}, false
	}
	if len(base) > len(layout) && !strings.ContainsRune("-_. ", rune(base[len(layout)])) {
		return time.Time{}, false // "2024-05-021.txt" is no day
	}
	t, err := time.ParseInLocation(layout, base[:len(layout)], loc)
	if err != nil || t.Year() < 1970 {
		return time.Time{}, false
	}
	return t, true
}

// inDrafts reports a file inside a folder named _drafts, where Jekyll
// keeps the posts not yet published: a blog moved whole keeps them
// unpublished, as a draft: true front matter does.
func inDrafts(name string) bool {
	for seg := range strings.SplitSeq(path.Dir(strings.ReplaceAll(name, "\\", "/")), "/") {
		if seg == "_drafts" {
			return true
		}
	}
	return false
}
