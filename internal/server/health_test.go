package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestHealthz(t *testing.T) {
	scanAt := time.Date(2024, 3, 25, 11, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		setup  func(*Server)
		code   int
		status string
		errMsg string
		role   string // the cluster role SetRole recorded; "": no "role" key at all
	}{
		{"starting", func(*Server) {}, 503, "starting", "", ""},
		{"first scan failed", func(s *Server) { s.ReportScan(scanAt, errors.New("seeds: permission denied")) }, 503, "failing", "seeds: permission denied", ""},
		{"ok", func(s *Server) { s.Publish(testSnapshot(1)) }, 200, "ok", "", ""},
		{"rescan failed keeps serving", func(s *Server) {
			s.Publish(testSnapshot(1))
			s.ReportScan(scanAt, errors.New("disk full"))
		}, 200, "degraded", "disk full", ""},
		{"recovered", func(s *Server) {
			s.Publish(testSnapshot(1))
			s.ReportScan(scanAt, errors.New("disk full"))
			s.ReportScan(scanAt.Add(time.Minute), nil)
		}, 200, "ok", "", ""},
		{"failed then published", func(s *Server) {
			s.ReportScan(scanAt, errors.New("disk full"))
			s.Publish(testSnapshot(1))
		}, 200, "ok", "", ""},
		// The role is kept through publishes and scan reports.
		{"writer", func(s *Server) { s.Publish(testSnapshot(1)); s.SetRole(RoleWriter) }, 200, "ok", "", RoleWriter},
		{"role set before the first snapshot", func(s *Server) { s.SetRole(RoleServeOnly); s.Publish(testSnapshot(1)) }, 200, "ok", "", RoleServeOnly},
		{"role kept by a failed scan", func(s *Server) {
			s.Publish(testSnapshot(1))
			s.SetRole(RoleReplica)
			s.ReportScan(scanAt, errors.New("store: lead: connection reset"))
		}, 200, "degraded", "store: lead: connection reset", RoleReplica},
		{"writer becomes replica", func(s *Server) {
			s.SetRole(RoleWriter)
			s.Publish(testSnapshot(1))
			s.SetRole(RoleReplica)
		}, 200, "ok", "", RoleReplica},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false)
			tt.setup(f.srv)
			for _, method := range []string{"GET", "HEAD"} {
				resp := f.do(t, method, "/healthz")
				body := readBody(t, resp)
				if resp.StatusCode != tt.code {
					t.Errorf("%s: status %d, want %d", method, resp.StatusCode, tt.code)
				}
				if method == "HEAD" {
					continue
				}
				if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q", ct)
				}
				var doc map[string]any
				if err := json.Unmarshal(body, &doc); err != nil {
					t.Fatalf("%v: %s", err, body)
				}
				for _, k := range []string{"status", "articles", "last_scan", "last_scan_error", "snapshot_built"} {
					if _, ok := doc[k]; !ok {
						t.Errorf("no %q in %s", k, body)
					}
				}
				if doc["status"] != tt.status {
					t.Errorf("status %v, want %s", doc["status"], tt.status)
				}
				gotErr, _ := doc["last_scan_error"].(string)
				if gotErr != tt.errMsg {
					t.Errorf("last_scan_error %q, want %q", gotErr, tt.errMsg)
				}
				role, has := doc["role"]
				if tt.role == "" && has {
					t.Errorf("role %v, want none: %s", role, body)
				}
				if tt.role != "" && role != tt.role {
					t.Errorf("role %v, want %q: %s", role, tt.role, body)
				}
			}
		})
	}

	t.Run("degraded still serves the old feed", func(t *testing.T) {
		f := newFixture(t, true)
		want := f.srv.Snapshot().Resources[PathFeed].Body
		f.srv.ReportScan(scanAt, errors.New("disk full"))
		resp := f.do(t, "GET", PathFeed)
		if resp.StatusCode != 200 || !bytes.Equal(readBody(t, resp), want) {
			t.Error("a failed rescan stopped the old snapshot from serving")
		}
	})
}

func TestMetricsExposed(t *testing.T) {
	f := newFixture(t, true)
	f.do(t, "GET", PathFeed)
	f.do(t, "GET", PathFeed)
	f.do(t, "GET", PathFeed, "If-None-Match", f.srv.Snapshot().Resources[PathFeed].ETag)
	f.do(t, "POST", PathFeed)
	f.do(t, "GET", "/articles/a%2fb")
	f.do(t, "GET", "/articles/..%2f") // unclean: refused before routing
	f.do(t, "GET", "/nowhere")
	f.do(t, "GET", "/articles/ferry-timetable")

	resp := f.do(t, "GET", "/metrics")
	body := string(readBody(t, resp))
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`seedfeed_http_requests_total{code="200",route="/feed.xml"} 2`,
		`seedfeed_http_requests_total{code="304",route="/feed.xml"} 1`,
		`seedfeed_http_requests_total{code="405",route="/feed.xml"} 1`,
		`seedfeed_http_requests_total{code="404",route="/articles/{slug}"} 1`,
		`seedfeed_http_requests_total{code="404",route="other"} 2`,
		`seedfeed_http_requests_total{code="200",route="/articles/{slug}"} 1`,
		`seedfeed_articles_published 40`,
		`seedfeed_snapshot_timestamp_seconds 1.711360801e+09`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want+"\n") && !strings.Contains(body, want+" ") {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestNoMetrics(t *testing.T) {
	s := New(Config{})
	s.Publish(testSnapshot(1))
	f := &fixture{srv: s, articles: &fakeArticles{}}
	if resp := f.do(t, "GET", "/metrics"); resp.StatusCode != 404 {
		t.Errorf("/metrics without a registry: status %d, want 404", resp.StatusCode)
	}
	if resp := f.do(t, "GET", PathFeed); resp.StatusCode != 200 {
		t.Errorf("feed without metrics: status %d", resp.StatusCode)
	}
}
