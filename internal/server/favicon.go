package server

import "net/http"

// PathFavicon is where browsers ask for a site's icon on their own.
const PathFavicon = "/favicon.ico"

// faviconCacheControl lets a browser keep the answer a day instead of
// asking again on every page view.
const faviconCacheControl = "public, max-age=86400"

// handleFavicon answers the request every browser makes for /favicon.ico:
// with the site's icon when site.icon names a file in the seeds folder
// (the snapshot's icon resource, with its ETag and gzip variants), with a
// redirect to it when site.icon is an address elsewhere, and otherwise
// with 204 No Content: a browser then shows its default icon and, with
// the cache header, stops asking for a day, and nothing is logged above
// the access log's line. A 404 page would be sent again on every visit,
// and it reads as an error in every log and proxy in front.
func (s *Server) handleFavicon() http.Handler {
	cacheControl := []string{faviconCacheControl}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, iconURL := s.state.Load().snap.SiteIcon()
		if res != nil {
			s.serveResource(w, r, res, http.StatusOK, cacheControl)
			return
		}
		h := w.Header()
		h["Cache-Control"] = cacheControl
		h["X-Content-Type-Options"] = s.hdr.nosniff
		if iconURL != "" {
			h["Location"] = []string{iconURL}
			w.WriteHeader(http.StatusFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}
