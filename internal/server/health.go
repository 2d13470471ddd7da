package server

import (
	"encoding/json"
	"net/http"
	"time"
)

// health is the /healthz document.
type health struct {
	Status        string     `json:"status"`
	Articles      int        `json:"articles"`
	LastScan      *time.Time `json:"last_scan"`
	LastScanError *string    `json:"last_scan_error"`
	SnapshotBuilt *time.Time `json:"snapshot_built"`
	// Role is the process's part among several on one PostgreSQL:
	// "writer", "replica" or "serve-only"; left out when not set.
	Role string `json:"role,omitempty"`
}

// healthBody renders /healthz for snap once, when it is published. The
// status is "ok" (serving, last scan fine), "degraded" (serving the last
// good snapshot, the last scan failed), "failing" (nothing to serve, the
// scan failed) or "starting" (nothing to serve yet).
func healthBody(snap *Snapshot, role string) (body []byte, ok bool) {
	doc := health{Role: role}
	if snap != nil {
		doc.Articles = snap.Articles
		if !snap.LastScan.IsZero() {
			t := snap.LastScan.UTC()
			doc.LastScan = &t
		}
		if snap.LastScanErr != "" {
			e := snap.LastScanErr
			doc.LastScanError = &e
		}
	}
	switch {
	case snap.good():
		ok = true
		if !snap.Built.IsZero() {
			t := snap.Built.UTC()
			doc.SnapshotBuilt = &t
		}
		doc.Status = "ok"
		if doc.LastScanError != nil {
			doc.Status = "degraded"
		}
	case doc.LastScanError != nil:
		doc.Status = "failing"
	default:
		doc.Status = "starting"
	}
	b, err := json.Marshal(doc)
	if err != nil {
		// Marshalling ints, strings and times cannot fail.
		b = []byte(`{"status":"` + doc.Status + `"}`)
	}
	return append(b, '\n'), ok
}

// handleHealthz answers 200 while a good snapshot is serving, 503 otherwise.
func (s *Server) handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		h := w.Header()
		h["Content-Type"] = s.hdr.jsonType
		h["Cache-Control"] = s.hdr.noStore
		h["X-Content-Type-Options"] = s.hdr.nosniff
		code := http.StatusOK
		if !st.healthOK {
			code = http.StatusServiceUnavailable
		}
		w.WriteHeader(code)
		if r.Method != http.MethodHead {
			_, _ = w.Write(st.health)
		}
	})
}

// handleNotFound answers every path no route claims.
func (s *Server) handleNotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := s.state.Load()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header()["Cache-Control"] = s.hdr.noCache
			http.Error(w, "404 page not found", http.StatusNotFound)
			return
		}
		s.notFound(w, r, st)
	})
}
