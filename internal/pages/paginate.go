package pages

import (
	"fmt"
	"strconv"
)

// pager links one page of the paginated index to its neighbours. Page 1
// is the site's front page; page n >= 2 lives at /page/n/.
type pager struct {
	Page, Pages int
	Prev, Next  string // absolute URLs of the newer and the older page; "" at either end
}

// IndexPagePath is the URL path of index page n, relative to the base
// URL: "/" for page 1, "/page/n/" for the others.
func IndexPagePath(n int) string {
	if n <= 1 {
		return "/"
	}
	return "/page/" + strconv.Itoa(n) + "/"
}

// IndexPage renders page n of an index of pages pages: items are the
// articles of that page, newest first. Page 1 is the front page, with the
// subscribe box; every page links rel="prev" to the newer page and
// rel="next" to the older one, so that every article is reachable from
// the front page by links. With pages == 1 it is Index.
func IndexPage(site SiteInfo, items []Entry, n, pages int) ([]byte, error) {
	if n < 1 || pages < 1 || n > pages {
		return nil, fmt.Errorf("%w: index page %d of %d", ErrInvalid, n, pages)
	}
	if pages == 1 {
		return Index(site, items)
	}
	v, err := indexView(site, items)
	if err != nil {
		return nil, err
	}
	p := &pager{Page: n, Pages: pages}
	if n > 1 {
		p.Prev = v.Site.BaseURL + IndexPagePath(n-1)
		v.Canonical = v.Site.BaseURL + IndexPagePath(n)
		v.Title = fmt.Sprintf("Page %d · %s", n, site.Title)
		// The list of tags is the front page's; older pages list
		// articles only.
		v.TagLinks = nil
	}
	if n < pages {
		p.Next = v.Site.BaseURL + IndexPagePath(n+1)
	}
	v.Pager = p
	return execute("index.html", v)
}
