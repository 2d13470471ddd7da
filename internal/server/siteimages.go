package server

import (
	"path"
	"strings"

	"seedfeed/internal/config"
)

// The site's icon and logo, when config names files in the seeds folder,
// are served from the snapshot at "/icon" and "/logo" with the file's
// extension ("/icon.png", "/logo.svg").
const (
	SiteIconName = "icon"
	SiteLogoName = "logo"
)

// SiteImagePath is the URL path a site image file is served at: name
// (SiteIconName or SiteLogoName) and the file's extension, lower case.
// It is "" for an extension that is not served.
func SiteImagePath(name, file string) string {
	if _, ok := config.ImageType(file); !ok {
		return ""
	}
	return "/" + name + strings.ToLower(path.Ext(file))
}

// siteImageRoutes are every path a site image may be served at.
func siteImageRoutes() []string {
	var out []string
	for _, name := range []string{SiteIconName, SiteLogoName} {
		for _, e := range config.ImageExts() {
			out = append(out, "/"+name+e)
		}
	}
	return out
}

// SiteIcon says what /favicon.ico can answer with: the icon file the
// snapshot serves (res), or the address of an icon hosted elsewhere
// (url). Both are empty when the site has no icon: then there is nothing
// to answer with (204 No Content, or 404).
func (s *Snapshot) SiteIcon() (res *Resource, url string) {
	if !s.good() {
		return nil, ""
	}
	if s.IconPath != "" {
		return s.Resources[s.IconPath], ""
	}
	return nil, s.Site.Icon
}
