package daemon

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPicturesBesideArticles: a Markdown article's picture written beside
// it shows on its page, in the feeds and in a build, at the address the
// server serves it from; the article's source and hidden files are not
// published.
func TestPicturesBesideArticles(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	trips := filepath.Join(d.seeds, "trips")
	for _, dir := range []string{trips, filepath.Join(d.seeds, ".drafts"), filepath.Join(d.seeds, "images")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(trips, "lisbon.md"), "---\ntitle: A tiled wall in Lisbon\nimage: cover.jpg\n---\n\nWe walked up the hill to the old quarter and found the wall.\n\n![Blue tiles on the wall](wall.jpg)\n\nThe tiles were older than the houses around them.\n\n![The route](/images/route.png)\n")
	wall, cover := []byte("jpeg bytes of the wall"), []byte("jpeg bytes of the cover")
	writeFile(t, filepath.Join(trips, "wall.jpg"), string(wall))
	writeFile(t, filepath.Join(trips, "cover.jpg"), string(cover))
	writeFile(t, filepath.Join(d.seeds, ".drafts", "hidden.png"), "not yet")
	writeFile(t, filepath.Join(d.seeds, "images", "route.png"), "png bytes of the route")
	d.scan(true)

	const wallURL = "https://news.example.org/files/trips/wall.jpg"
	code, page := get(t, d.srv, "/articles/a-tiled-wall-in-lisbon")
	if code != 200 || !bytes.Contains(page, []byte(`src="`+wallURL+`"`)) {
		t.Fatalf("article page (%d) does not show the picture at %s:\n%s", code, wallURL, page)
	}
	for _, feed := range []string{"/feed.xml", "/rss.xml", "/feed.json"} {
		_, body := get(t, d.srv, feed)
		for _, u := range []string{wallURL, "https://news.example.org/files/trips/cover.jpg"} {
			if !bytes.Contains(body, []byte(u)) {
				t.Errorf("%s does not name %s", feed, u)
			}
		}
	}
	if !bytes.Contains(page, []byte(`src="https://news.example.org/files/images/route.png"`)) {
		t.Errorf("a picture written from the root is not looked for at the folder's root:\n%s", page)
	}
	for path, want := range map[string][]byte{"/files/trips/wall.jpg": wall, "/files/trips/cover.jpg": cover, "/files/images/route.png": []byte("png bytes of the route")} {
		if code, body := get(t, d.srv, path); code != 200 || !bytes.Equal(body, want) {
			t.Errorf("%s: %d %q", path, code, body)
		}
	}
	if code, _ := get(t, d.srv, "/files/.drafts/hidden.png"); code != 404 {
		t.Errorf("/files/.drafts/hidden.png: %d, want 404", code)
	}
	// The article's source is never sent: a link to it (one article
	// linking another by its file) leads to its page.
	rec := httptest.NewRecorder()
	d.srv.ServeHTTP(rec, httptest.NewRequest("GET", "/files/trips/lisbon.md", nil))
	if loc := rec.Header().Get("Location"); rec.Code != 301 || loc != "https://news.example.org/articles/a-tiled-wall-in-lisbon" || strings.Contains(rec.Body.String(), "We walked") {
		t.Errorf("/files/trips/lisbon.md: %d to %q, want 301 to the article's page", rec.Code, loc)
	}

	out := t.TempDir()
	if _, err := Build(t.Context(), d.cfg, out, nil); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "files", "trips", "wall.jpg"))
	if err != nil || !bytes.Equal(got, wall) {
		t.Errorf("build: files/trips/wall.jpg: %q, %v", got, err)
	}
	built, err := os.ReadFile(filepath.Join(out, "articles", "a-tiled-wall-in-lisbon", "index.html"))
	if err != nil || !strings.Contains(string(built), wallURL) {
		t.Errorf("build: the article page does not show the picture: %v", err)
	}
	for _, p := range []string{"files/.drafts/hidden.png", "files/trips/wall.jpg.gz"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err == nil {
			t.Errorf("build wrote %s", p)
		}
	}
	// At the source's address stands a folder whose index sends the
	// reader on (TestLinksBetweenArticles), never the source.
	if fi, err := os.Stat(filepath.Join(out, "files", "trips", "lisbon.md")); err != nil || !fi.IsDir() {
		t.Errorf("build: files/trips/lisbon.md is no folder: %v", err)
	}
	moved, err := os.ReadFile(filepath.Join(out, "files", "trips", "lisbon.md", "index.html"))
	if err != nil || bytes.Contains(moved, []byte("We walked")) {
		t.Errorf("build: files/trips/lisbon.md/index.html (%v) sends the source:\n%s", err, moved)
	}
}

// TestSavedPagePictures: a page a browser saved as one file shows the
// pictures it holds from the archive, on the article page, in the feeds
// and in a build, not from the site it was saved from; a picture it
// does not hold keeps the site's address.
func TestSavedPagePictures(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	saved := filepath.Join(d.seeds, "saved")
	if err := os.MkdirAll(saved, 0o755); err != nil {
		t.Fatal(err)
	}
	page := `<html><head><title>Ferry keeps running</title></head><body><article><h1>Ferry keeps running</h1>` +
		`<p>The island ferry ran every day of the winter for the first time in ten years, the operator said on Friday.</p>` +
		`<p>Its new hull copes with waves that kept the old boat in port, and the crew now sleep on the island in stormy weeks.</p>` +
		`<img src="img/deck.png" alt="The deck"><p>Islanders said the crossing had changed how they shop and work.</p>` +
		`<img src="https://cdn.example/gone.png" alt="Not saved"></article></body></html>`
	writeFile(t, filepath.Join(saved, "ferry.mhtml"), "MIME-Version: 1.0\r\nSnapshot-Content-Location: https://coast.example/news/ferry\r\n"+
		"Content-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n"+
		"--b\r\nContent-Type: text/html\r\nContent-Location: https://coast.example/news/ferry\r\n\r\n"+page+"\r\n"+
		"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://coast.example/news/img/deck.png\r\n\r\naGFyYm91ciBkZWNr\r\n--b--\r\n")
	d.scan(true)

	const deck = "https://news.example.org/files/saved/ferry.mhtml/2.png"
	code, body := get(t, d.srv, "/articles/ferry-keeps-running")
	if code != 200 || !bytes.Contains(body, []byte(`src="`+deck+`"`)) || !bytes.Contains(body, []byte(`src="https://cdn.example/gone.png"`)) {
		t.Fatalf("article page (%d) does not show the saved picture at %s and the other at its site:\n%s", code, deck, body)
	}
	for _, feed := range []string{"/feed.xml", "/rss.xml", "/feed.json"} {
		if _, body := get(t, d.srv, feed); !bytes.Contains(body, []byte(deck)) || bytes.Contains(body, []byte("coast.example/news/img/deck.png")) {
			t.Errorf("%s does not name the saved picture %s alone", feed, deck)
		}
	}
	if code, body := get(t, d.srv, "/files/saved/ferry.mhtml/2.png"); code != 200 || string(body) != "harbour deck" {
		t.Errorf("the saved picture: %d %q", code, body)
	}

	out := t.TempDir()
	if _, err := Build(t.Context(), d.cfg, out, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(out, "files", "saved", "ferry.mhtml", "2.png")); err != nil || string(got) != "harbour deck" {
		t.Errorf("build: files/saved/ferry.mhtml/2.png: %q, %v", got, err)
	}
}

// TestLinksBetweenArticles: a post that links another by its file (a
// Markdown link, a Hugo ref written from the root, an Org link) points
// the feed at that file's path under /files/, which leads to the other
// post's page.
func TestLinksBetweenArticles(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	if err := os.MkdirAll(filepath.Join(d.seeds, "posts", "pier"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(d.seeds, "posts", "walk.md"), "---\ntitle: The cliff walk\n---\n\nWe walked the cliffs from the harbour to the light.\n")
	writeFile(t, filepath.Join(d.seeds, "posts", "pier", "index.md"), "---\ntitle: The old pier\n---\n\nThe old pier reopened after the winter storms.\n")
	writeFile(t, filepath.Join(d.seeds, "posts", "log.md"), "---\ntitle: The harbour log\n---\n\n"+
		"See [the walk](walk.md) and [the pier]({{< ref \"/posts/pier\" >}}) for the rest of the week.\n")
	// A bundle of the same name as walk.md: "posts/walk" names walk.md,
	// as Hugo's lookup does; the bundle's index keeps its own address.
	if err := os.MkdirAll(filepath.Join(d.seeds, "posts", "walk"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(d.seeds, "posts", "walk", "index.md"), "---\ntitle: A second walk\n---\n\nWe walked the cliffs again in the rain.\n")
	// A page saved as index.html in the pier's bundle: the folder its
	// address would need is the file where "posts/pier"'s page stands,
	// which keeps it.
	writeFile(t, filepath.Join(d.seeds, "posts", "pier", "index.html"), "<html><head><title>The pier at night</title></head><body><article><h1>The pier at night</h1><p>The pier lights came on at dusk and stayed on until the last ferry had gone.</p><p>Fishermen stood at the rail.</p></article></body></html>")
	d.scan(true)

	_, feed := get(t, d.srv, "/feed.xml")
	for link, page := range map[string]string{
		"https://news.example.org/files/posts/walk.md": "https://news.example.org/articles/the-cliff-walk",
		"https://news.example.org/files/posts/pier":    "https://news.example.org/articles/the-old-pier",
	} {
		if !bytes.Contains(feed, []byte(link)) {
			t.Errorf("the feed does not link %s", link)
			continue
		}
		rec := httptest.NewRecorder()
		d.srv.ServeHTTP(rec, httptest.NewRequest("GET", strings.TrimPrefix(link, "https://news.example.org"), nil))
		if rec.Code != 301 || rec.Header().Get("Location") != page {
			t.Errorf("%s: %d to %q, want 301 to %s", link, rec.Code, rec.Header().Get("Location"), page)
		}
	}

	// A static copy, served as a static host serves a folder, sends each
	// such address on to the article's page as well.
	out := t.TempDir()
	if _, err := Build(t.Context(), d.cfg, out, nil); err != nil {
		t.Fatal(err)
	}
	host := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer host.Close()
	for addr, page := range map[string]string{
		"/files/posts/walk.md":         "https://news.example.org/articles/the-cliff-walk",
		"/files/posts/walk":            "https://news.example.org/articles/the-cliff-walk",
		"/files/posts/walk/index.md":   "https://news.example.org/articles/a-second-walk",
		"/files/posts/pier":            "https://news.example.org/articles/the-old-pier",
		"/files/posts/pier/index.md":   "https://news.example.org/articles/the-old-pier",
		"/files/posts/pier/index.html": "https://news.example.org/articles/the-old-pier",
		"/files/posts/log.md":          "https://news.example.org/articles/the-harbour-log",
	} {
		resp, err := host.Client().Get(host.URL + addr)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		refresh := `<meta http-equiv="refresh" content="0; url=` + page + `">`
		canonical := `<link rel="canonical" href="` + page + `">`
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte(refresh)) || !bytes.Contains(body, []byte(canonical)) {
			t.Errorf("build: %s: %d, want a page that sends the reader to %s:\n%s", addr, resp.StatusCode, page, body)
		}
		if bytes.Contains(body, []byte("We walked")) {
			t.Errorf("build: %s sends the article's source", addr)
		}
	}
}
