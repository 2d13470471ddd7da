package daemon

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mmcdole/gofeed"

	"seedfeed/internal/config"
)

// A site icon file in the seeds folder is served, and the pages and every
// feed point at it; a logo URL is used as is.
func TestSiteIconAndLogo(t *testing.T) {
	d := newTestDaemon(t, "site:\n  title: Harbour\n  base_url: https://news.example.org\n  icon: img/icon.PNG\n  logo: https://cdn.example.org/logo.svg\nseeds:\n  settle: 0s\n")
	png := []byte("\x89PNG\r\n\x1a\n fake but served as is")
	writeFile(t, filepath.Join(d.seeds, "img"), "")
	d.scan(true) // the icon file is missing: no snapshot
	if d.srv.Snapshot().Resources != nil {
		t.Fatal("a snapshot was published although site.icon names a missing file")
	}
	if err := removeAndMkdir(filepath.Join(d.seeds, "img")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(d.seeds, "img", "icon.PNG"), string(png))
	writeFile(t, filepath.Join(d.seeds, "a.md"), labelSeeds["one.md"])
	d.scan(true)

	code, body := get(t, d.srv, "/icon.png")
	if code != 200 || !bytes.Equal(body, png) {
		t.Fatalf("/icon.png: %d %q", code, body)
	}
	res, url := d.srv.Snapshot().SiteIcon()
	if res == nil || url != "" || res.ContentType != "image/png" {
		t.Errorf("SiteIcon() = %v, %q", res, url)
	}
	if code, _ := get(t, d.srv, "/logo.svg"); code != 404 {
		t.Errorf("/logo.svg: %d for a logo hosted elsewhere", code)
	}
	const icon = "https://news.example.org/icon.png"
	for _, p := range []string{"/", "/articles/harbour-budget-passes", "/tags/port/"} {
		_, page := get(t, d.srv, p)
		if !bytes.Contains(page, []byte(`<link rel="icon" href="`+icon+`">`)) {
			t.Errorf("%s has no icon link", p)
		}
	}
	for _, p := range []string{"/feed.xml", "/rss.xml", "/feed.json", "/tags/port/feed.xml"} {
		_, body := get(t, d.srv, p)
		f, err := gofeed.NewParser().ParseString(string(body))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if f.Image == nil || f.Image.URL == "" {
			t.Errorf("%s: no feed image", p)
		}
	}
	_, js := get(t, d.srv, "/feed.json")
	var jf struct{ Icon, Favicon string }
	if err := json.Unmarshal(js, &jf); err != nil || jf.Icon != "https://cdn.example.org/logo.svg" || jf.Favicon != icon {
		t.Errorf("feed.json icon %q favicon %q (%v)", jf.Icon, jf.Favicon, err)
	}
}

// Without site.icon and site.logo nothing points at one.
func TestNoSiteImages(t *testing.T) {
	d := newTestDaemon(t, "site:\n  base_url: https://news.example.org\nseeds:\n  settle: 0s\n")
	writeFile(t, filepath.Join(d.seeds, "a.md"), labelSeeds["one.md"])
	d.scan(true)
	if res, url := d.srv.Snapshot().SiteIcon(); res != nil || url != "" {
		t.Errorf("SiteIcon() = %v, %q without an icon", res, url)
	}
	for _, p := range []string{"/", "/feed.xml", "/rss.xml", "/feed.json", "/articles/harbour-budget-passes"} {
		_, body := get(t, d.srv, p)
		for _, s := range []string{`rel="icon"`, "<icon>", "<logo>", "<image>", `"icon"`, `"favicon"`} {
			if bytes.Contains(body, []byte(s)) {
				t.Errorf("%s contains %s without a site image", p, s)
			}
		}
	}
}

func removeAndMkdir(dir string) error {
	if err := os.Remove(dir); err != nil {
		return err
	}
	return os.Mkdir(dir, 0o755)
}

// An icon file replaced in the folder is served at once, by the scan of
// the watch event that names it or by the next full scan, though no
// article changed; one removed is an error that names site.icon, and the
// last icon keeps being served.
func TestSiteIconReplaced(t *testing.T) {
	for _, full := range []bool{false, true} {
		d := newTestDaemon(t, "site:\n  base_url: https://news.example.org\n  icon: icon.png\nseeds:\n  settle: 0s\n")
		writeFile(t, filepath.Join(d.seeds, "icon.png"), "\x89PNG\r\n\x1a\n first")
		writeFile(t, filepath.Join(d.seeds, "a.md"), labelSeeds["one.md"])
		d.scan(true)
		second := "\x89PNG\r\n\x1a\n second, longer"
		writeFile(t, filepath.Join(d.seeds, "icon.png"), second)
		if full {
			d.scan(true)
		} else {
			d.scan(false, "icon.png")
		}
		if code, body := get(t, d.srv, "/icon.png"); code != 200 || string(body) != second {
			t.Errorf("full scan %v: /icon.png %d %q, want the new file", full, code, body)
		}
		if code, body := get(t, d.srv, "/favicon.ico"); code != 200 || string(body) != second {
			t.Errorf("full scan %v: /favicon.ico %d %q, want the new file", full, code, body)
		}
		if err := os.Remove(filepath.Join(d.seeds, "icon.png")); err != nil {
			t.Fatal(err)
		}
		d.scan(full, "icon.png")
		if code, body := get(t, d.srv, "/icon.png"); code != 200 || string(body) != second {
			t.Errorf("full scan %v: /icon.png %d %q after the file was removed, want the last one", full, code, body)
		}
		if logs := d.logs.String(); !strings.Contains(logs, "render failed") || !strings.Contains(logs, "site.icon") {
			t.Errorf("full scan %v: no error naming site.icon once the file was removed:\n%s", full, logs)
		}
	}
}

// Scans that find the icon and logo files as the snapshot serves them
// render nothing: the check for a replaced file must not make every scan
// a publish.
func TestSiteImagesUnchangedRenderNothing(t *testing.T) {
	d := newTestDaemon(t, "site:\n  base_url: https://news.example.org\n  icon: icon.png\n  logo: img/logo.svg\nseeds:\n  settle: 0s\n")
	writeFile(t, filepath.Join(d.seeds, "icon.png"), "\x89PNG\r\n\x1a\n the flag")
	if err := os.Mkdir(filepath.Join(d.seeds, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(d.seeds, "img", "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	writeFile(t, filepath.Join(d.seeds, "a.md"), labelSeeds["one.md"])
	d.scan(true)
	published := strings.Count(d.logs.String(), "msg=published")
	if published != 1 {
		t.Fatalf("the first scan published %d times, want 1:\n%s", published, d.logs)
	}
	d.scan(true)
	d.scan(false, "icon.png", "img/logo.svg")
	if n := strings.Count(d.logs.String(), "msg=published"); n != published {
		t.Errorf("scans with the icon and logo unchanged published %d more times", n-published)
	}
}

// A server without the seeds folder reads the icon and logo files from
// the writer's copies; one the database holds no copy of is an error that
// names the key.
func TestReadSiteImagesServeOnly(t *testing.T) {
	icon := []byte("\x89PNG\r\n\x1a\n kept by the writer")
	mtime := time.Date(2026, 12, 5, 10, 30, 15, 500, time.UTC)
	kept := fstest.MapFS{"img/icon.png": {Data: icon, ModTime: mtime}}
	cfg := config.Default()
	cfg.Seeds.Dir = ""
	cfg.Site.Icon = "img/icon.png"
	got, err := readSiteImages(cfg, kept)
	if err != nil || len(got) != 1 {
		t.Fatalf("readSiteImages = %v, %v", got, err)
	}
	if im := got[0]; im.path != "/icon.png" || im.contentType != "image/png" || !bytes.Equal(im.body, icon) || !im.modTime.Equal(mtime.Truncate(time.Second)) {
		t.Errorf("read %q %q %q %v", im.path, im.contentType, im.body, im.modTime)
	}
	cfg.Site.Logo = "logo.svg"
	if _, err := readSiteImages(cfg, kept); err == nil || !strings.Contains(err.Error(), `site.logo "logo.svg": the database holds no copy`) {
		t.Errorf("a logo the database has no copy of: %v", err)
	}
	if _, err := readSiteImages(cfg, nil); err == nil || !strings.Contains(err.Error(), "no seeds folder") {
		t.Errorf("no copies to read: %v", err)
	}
}
