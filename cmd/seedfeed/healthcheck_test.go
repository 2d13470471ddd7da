package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"seedfeed/internal/config"
)

func TestHealthcheck(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
	healthcheck := func(args ...string) (string, string, int) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"healthcheck"}, args...), func(string) string { return "" }, &out, &errOut)
		code := exitCode(err, &errOut)
		return out.String(), errOut.String(), code
	}
	// Nothing listens yet: unhealthy.
	if _, errOut, code := healthcheck("-config", cfg); code != 1 || !strings.Contains(errOut, "connection refused") {
		t.Errorf("before start: status %d, %q", code, errOut)
	}
	start(t, cfg)
	out, errOut, code := healthcheck("-config", cfg)
	if code != 0 || !strings.Contains(out, `"status":"ok"`) {
		t.Errorf("running: status %d, stdout %q, stderr %q", code, out, errOut)
	}
	// A 503 (starting, failing) is unhealthy, with the reason.
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"status":"failing"}`))
	}))
	defer failing.Close()
	if _, errOut, code := healthcheck("-url", failing.URL+"/healthz"); code != 1 || !strings.Contains(errOut, "503") || !strings.Contains(errOut, "failing") {
		t.Errorf("503: status %d, %q", code, errOut)
	}
}

func TestDialAddr(t *testing.T) {
	for listen, want := range map[string]string{
		":8080": "127.0.0.1:8080", "0.0.0.0:8080": "127.0.0.1:8080", "[::]:8080": "[::1]:8080",
		"127.0.0.1:9090": "127.0.0.1:9090", "feeds.internal:80": "feeds.internal:80",
	} {
		if got := dialAddr(listen); got != want {
			t.Errorf("dialAddr(%q) = %q, want %q", listen, got, want)
		}
	}
}

func TestHealthAddr(t *testing.T) {
	tests := []struct {
		listen, admin, want string
	}{
		{"127.0.0.1:8080", "", "127.0.0.1:8080"},
		{"127.0.0.1:8080", "127.0.0.1:9100", "127.0.0.1:9100"},
		{":8080", ":9100", ":9100"},
	}
	for _, tt := range tests {
		if got := healthAddr(config.Server{Listen: tt.listen, AdminListen: tt.admin}); got != tt.want {
			t.Errorf("healthAddr(listen %q, admin_listen %q) = %q, want %q", tt.listen, tt.admin, got, tt.want)
		}
	}
}
