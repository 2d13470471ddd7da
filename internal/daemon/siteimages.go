package daemon

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"seedfeed/internal/config"
	"seedfeed/internal/feed"
	"seedfeed/internal/server"
)

// siteImageURL is the absolute address of site.icon or site.logo: the
// URL as configured, or where the server serves the file; "" for none.
func siteImageURL(cfg config.Config, name, v string) string {
	switch {
	case v == "":
		return ""
	case config.IsSiteImageURL(v):
		return v
	}
	if p := server.SiteImagePath(name, v); p != "" {
		return cfg.Site.BaseURL + p
	}
	return ""
}

// feedSiteImages are the site's icon and logo for the feeds.
func feedSiteImages(cfg config.Config) feed.SiteImages {
	return feed.SiteImages{
		Icon: siteImageURL(cfg, server.SiteIconName, cfg.Site.Icon),
		Logo: siteImageURL(cfg, server.SiteLogoName, cfg.Site.Logo),
	}
}

// siteImageFile is a site image file to serve.
type siteImageFile struct {
	path, contentType string
	body              []byte
	modTime           time.Time
}

// readSiteImages reads the icon and logo files that site.icon and
// site.logo name in the seeds folder, or, on a server without the folder,
// the writer's copies of them in kept. A named file that cannot be read
// is an error: the pages and feeds would point at nothing.
func readSiteImages(cfg config.Config, kept fs.FS) ([]siteImageFile, error) {
	var out []siteImageFile
	for _, im := range []struct{ key, name, v string }{
		{"site.icon", server.SiteIconName, cfg.Site.Icon},
		{"site.logo", server.SiteLogoName, cfg.Site.Logo},
	} {
		if im.v == "" || config.IsSiteImageURL(im.v) {
			continue
		}
		p := server.SiteImagePath(im.name, im.v)
		ct, ok := config.ImageType(im.v)
		if p == "" || !ok {
			return nil, fmt.Errorf("%s %q: not an image file seedfeed serves", im.key, im.v)
		}
		if cfg.ServeOnly() {
			f, err := keptSiteImage(kept, im.key, im.v)
			if err != nil {
				return nil, err
			}
			f.path, f.contentType = p, ct
			out = append(out, f)
			continue
		}
		file := filepath.Join(cfg.Seeds.Dir, filepath.FromSlash(im.v))
		fi, err := os.Stat(file)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", im.key, err)
		}
		if max := cfg.Seeds.MaxFileBytes; max > 0 && fi.Size() > max {
			return nil, fmt.Errorf("%s: %s is %d bytes, over seeds.max_file_bytes (%d)", im.key, file, fi.Size(), max)
		}
		body, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", im.key, err)
		}
		out = append(out, siteImageFile{path: p, contentType: ct, body: body, modTime: fi.ModTime().UTC().Truncate(time.Second)})
	}
	return out, nil
}

// keptSiteImage reads the writer's copy of the seeds folder's file name,
// which key names, from kept.
func keptSiteImage(kept fs.FS, key, name string) (siteImageFile, error) {
	if kept == nil {
		// Never a path relative to the working folder instead.
		return siteImageFile{}, fmt.Errorf("%s %q: no seeds folder to read it from", key, name)
	}
	fi, err := fs.Stat(kept, name)
	if err == nil {
		var body []byte
		if body, err = fs.ReadFile(kept, name); err == nil {
			return siteImageFile{body: body, modTime: fi.ModTime().UTC().Truncate(time.Second)}, nil
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return siteImageFile{}, fmt.Errorf("%s %q: the database holds no copy of the file yet (a writer keeps one there before each publish, unless the file is over %d MB or in a hidden folder)", key, name, maxFolderFileBytes>>20)
	}
	return siteImageFile{}, fmt.Errorf("%s %q: read the writer's copy: %w", key, name, err)
}

// siteImageFiles are the files in the seeds folder that site.icon and
// site.logo name.
func siteImageFiles(cfg config.Config) []string {
	var names []string
	for _, v := range []string{cfg.Site.Icon, cfg.Site.Logo} {
		if v != "" && !config.IsSiteImageURL(v) {
			names = append(names, v)
		}
	}
	return names
}

// siteImagesStale reports whether the icon or logo file in the seeds
// folder is not what snap serves: replaced, or unreadable now. No article
// changed then, but the scan must render again, or the old image would
// be served until one did; an unreadable file makes that render fail
// with an error that names the key.
func siteImagesStale(cfg config.Config, snap *server.Snapshot) bool {
	if cfg.ServeOnly() || snap == nil || snap.Resources == nil {
		return false
	}
	images, err := readSiteImages(cfg, nil)
	if err != nil {
		return true
	}
	for _, im := range images {
		res := snap.Resources[im.path]
		if res == nil || res.ContentType != im.contentType || !bytes.Equal(res.Body, im.body) {
			return true
		}
	}
	return false
}
