package server

import "net/http"

// handleAdminNotFound answers every path of the admin listener but
// /healthz and /metrics: a plain 404, since the site's pages are not
// served there.
func (s *Server) handleAdminNotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Cache-Control"] = s.hdr.noCache
		http.Error(w, "404 page not found", http.StatusNotFound)
	})
}
