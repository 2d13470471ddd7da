package server

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// /healthz names the cluster role SetRole recorded, through publishes and
// scan reports, and leaves it out when none was set.
func TestHealthzRole(t *testing.T) {
	at := time.Date(2024, 3, 25, 11, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		setup  func(*Server)
		role   string // "" : no "role" key at all
		status string
	}{
		{"no role", func(s *Server) { s.Publish(testSnapshot(1)) }, "", "ok"},
		{"writer", func(s *Server) { s.Publish(testSnapshot(1)); s.SetRole(RoleWriter) }, RoleWriter, "ok"},
		{"set before the first snapshot", func(s *Server) { s.SetRole(RoleServeOnly); s.Publish(testSnapshot(1)) }, RoleServeOnly, "ok"},
		{"kept by a failed scan", func(s *Server) {
			s.Publish(testSnapshot(1))
			s.SetRole(RoleReplica)
			s.ReportScan(at, errors.New("store: lead: connection reset"))
		}, RoleReplica, "degraded"},
		{"writer becomes replica", func(s *Server) {
			s.SetRole(RoleWriter)
			s.Publish(testSnapshot(1))
			s.SetRole(RoleReplica)
		}, RoleReplica, "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false)
			tt.setup(f.srv)
			body := readBody(t, f.do(t, "GET", "/healthz"))
			var doc map[string]any
			if err := json.Unmarshal(body, &doc); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			role, has := doc["role"]
			if tt.role == "" && has {
				t.Errorf("role %v, want none: %s", role, body)
			}
			if tt.role != "" && role != tt.role {
				t.Errorf("role %v, want %q: %s", role, tt.role, body)
			}
			if doc["status"] != tt.status {
				t.Errorf("status %v, want %q", doc["status"], tt.status)
			}
		})
	}
}
