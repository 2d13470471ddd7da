package server

import "net/http"

// PathFavicon is where browsers ask for a site's icon on their own.
const PathFavicon = "/favicon.ico"

// faviconCacheControl lets a browser keep the answer a day instead of
// asking again on every page view.
const faviconCacheControl = "public, max-age=86400"

// handleFavicon answers the request every browser makes for /favicon.ico.
// The site has no icon setting yet, so the answer is 204 No Content: a
// browser then shows its default icon and, with the cache header, stops
// asking for a day, and nothing is logged above the access log's line.
// A 404 page would be sent again on every visit, and it reads as an error
// in every log and proxy in front.
func (s *Server) handleFavicon() http.Handler {
	cacheControl := []string{faviconCacheControl}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Cache-Control"] = cacheControl
		h["X-Content-Type-Options"] = s.hdr.nosniff
		w.WriteHeader(http.StatusNoContent)
	})
}
