package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestAdminListener serves the site through a Front and, with
// SeparateAdmin, the admin handler on a listener of its own: /healthz and
// /metrics answer only where they belong.
func TestAdminListener(t *testing.T) {
	tests := []struct {
		name     string
		separate bool
		// want status per path, on the site and on the admin listener
		site, admin map[string]int
	}{
		{
			name:     "default: all on the site",
			separate: false,
			site:     map[string]int{"/healthz": 200, "/metrics": 200, "/feed.xml": 200, "/favicon.ico": 204},
		},
		{
			name:     "admin_listen set",
			separate: true,
			site:     map[string]int{"/healthz": 404, "/metrics": 404, "/feed.xml": 200, "/favicon.ico": 204},
			admin:    map[string]int{"/healthz": 200, "/metrics": 200, "/feed.xml": 404, "/": 404, "/favicon.ico": 404},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, false)
			f.srv = New(Config{Metrics: f.metrics, Articles: f.articles, SeparateAdmin: tt.separate})
			f.srv.Publish(testSnapshot(1))
			site := "http://" + startFrontWith(t, f.srv, NewHTTPServer("", f.srv), f.srv)
			get := func(base, path string) (int, string) {
				t.Helper()
				resp, err := http.Get(base + path)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				return resp.StatusCode, string(readBody(t, resp))
			}
			for path, want := range tt.site {
				if got, body := get(site, path); got != want {
					t.Errorf("site %s: %d, want %d (%.100q)", path, got, want, body)
				}
			}
			ah := f.srv.AdminHandler()
			if !tt.separate {
				if ah != nil {
					t.Error("AdminHandler set without SeparateAdmin")
				}
				return
			}
			admin := httptest.NewServer(ah)
			defer admin.Close()
			for path, want := range tt.admin {
				got, body := get(admin.URL, path)
				if got != want {
					t.Errorf("admin %s: %d, want %d (%.100q)", path, got, want, body)
				}
				if path == "/healthz" && !strings.Contains(body, `"status":"ok"`) {
					t.Errorf("admin /healthz body %q", body)
				}
				if path == "/metrics" && !strings.Contains(body, "seedfeed_") {
					t.Errorf("admin /metrics body %.200q", body)
				}
			}
			// Requests to the admin listener are counted like the site's.
			if got := counterValue(t, f.metrics, "/healthz", "200"); got < 1 {
				t.Errorf("admin /healthz counted %v times", got)
			}
		})
	}
}
