package config

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
)

// imageTypes are the picture files seedfeed serves from the seeds folder,
// by extension, with the type each is served with: the site's icon and
// logo (site.icon, site.logo) and the pictures beside the articles.
var imageTypes = map[string]string{
	".png":  "image/png",
	".ico":  "image/vnd.microsoft.icon",
	".svg":  "image/svg+xml",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".avif": "image/avif",
}

// ImageType is the Content-Type of a picture file by its name, and
// whether its extension is one seedfeed serves.
func ImageType(name string) (string, bool) {
	t, ok := imageTypes[strings.ToLower(path.Ext(name))]
	return t, ok
}

// ImageExts are the extensions of the picture files seedfeed serves, in
// order.
func ImageExts() []string {
	return slices.Sorted(maps.Keys(imageTypes))
}

// IsSiteImageURL reports whether a site.icon or site.logo value is a URL
// (served elsewhere) rather than a file in the seeds folder.
func IsSiteImageURL(v string) bool {
	return strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")
}

// siteImage validates site.icon and site.logo: an absolute http(s) URL,
// or a local image file path inside the seeds folder.
func siteImage(dst func(*Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
		case IsSiteImageURL(v):
			u, err := url.Parse(v)
			if err != nil || u.Host == "" || strings.ContainsAny(v, " \t\n\"<>") {
				return fmt.Errorf("%q is not a usable http(s) URL", v)
			}
		default:
			if strings.Contains(v, "\\") || !path.IsAbs("/"+v) || path.Clean(v) != v || strings.HasPrefix(v, "../") || v == ".." || strings.HasPrefix(v, "/") {
				return fmt.Errorf("%q must be an http(s) URL or a file path inside the seeds folder, such as icon.png", v)
			}
			if _, ok := ImageType(v); !ok {
				return fmt.Errorf("%q: the file must be .png, .ico, .svg, .jpg, .gif or .webp", v)
			}
		}
		*dst(c) = v
		return nil
	}
}
