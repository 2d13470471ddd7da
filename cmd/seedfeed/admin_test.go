package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeAdminListenAndAccessLog runs the daemon with and without
// server.admin_listen and server.access_log, and checks where /healthz and
// /metrics answer, that `seedfeed healthcheck` finds /healthz, and which
// requests are logged.
func TestServeAdminListenAndAccessLog(t *testing.T) {
	tests := []struct {
		name   string
		admin  bool
		access bool
	}{
		{"defaults", false, false},
		{"admin listener and access log", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfgPath := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: false\n  settle: 0s\n")
			if err := os.WriteFile(filepath.Join(dir, "seeds", "ferry.txt"), []byte("Ferry timetable changes\n\nThe Sunday ferry stops twice less often from May.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(cfgPath)
			if err != nil {
				t.Fatal(err)
			}
			_, after, _ := strings.Cut(string(data), "listen: \"")
			listen, _, _ := strings.Cut(after, "\"")
			extra := ""
			adminAddr := listen
			if tt.admin {
				adminAddr = freeAddr(t)
				extra += "  admin_listen: \"" + adminAddr + "\"\n"
			}
			if tt.access {
				extra += "  access_log: true\n  trusted_proxies: [127.0.0.1]\n"
			}
			data = bytes.Replace(data, []byte("server:\n"), []byte("server:\n"+extra), 1)
			if err := os.WriteFile(cfgPath, data, 0o644); err != nil {
				t.Fatal(err)
			}

			ctx, cancel := context.WithCancel(context.Background())
			logs := &syncBuffer{}
			done := make(chan error, 1)
			go func() {
				done <- run(ctx, []string{"serve", "-config", cfgPath}, func(string) string { return "" }, io.Discard, logs)
			}()
			defer func() {
				cancel()
				select {
				case err := <-done:
					if err != nil {
						t.Errorf("serve: %v", err)
					}
				case <-time.After(15 * time.Second):
					t.Error("serve did not stop")
				}
			}()

			// `seedfeed healthcheck -config` must find the daemon, on the
			// admin listener when there is one.
			deadline := time.Now().Add(20 * time.Second)
			for {
				var out, errOut bytes.Buffer
				err := run(context.Background(), []string{"healthcheck", "-config", cfgPath, "-timeout", "2s"}, func(string) string { return "" }, &out, &errOut)
				if err == nil && strings.Contains(out.String(), `"articles":1`) {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("healthcheck never passed: %v %s\n%s", err, errOut.String(), logs)
				}
				time.Sleep(50 * time.Millisecond)
			}

			status := func(url string, hdr ...string) int {
				t.Helper()
				req, err := http.NewRequest("GET", url, nil)
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i+1 < len(hdr); i += 2 {
					req.Header.Set(hdr[i], hdr[i+1])
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				return resp.StatusCode
			}
			site, admin := "http://"+listen, "http://"+adminAddr
			wantOnSite := 200
			if tt.admin {
				wantOnSite = 404
				if got := status(admin + "/metrics"); got != 200 {
					t.Errorf("admin /metrics: %d", got)
				}
				if got := status(admin + "/feed.xml"); got != 404 {
					t.Errorf("admin /feed.xml: %d", got)
				}
			}
			for _, p := range []string{"/healthz", "/metrics"} {
				if got := status(site + p); got != wantOnSite {
					t.Errorf("site %s: %d, want %d", p, got, wantOnSite)
				}
			}
			if got := status(site+"/feed.xml", "User-Agent", "gofeed/1.0", "X-Forwarded-For", "198.51.100.4"); got != 200 {
				t.Errorf("/feed.xml: %d", got)
			}
			if got := status(site + "/favicon.ico"); got != 204 {
				t.Errorf("/favicon.ico: %d", got)
			}

			wantLines := []string{
				`msg=request method=GET path=/feed.xml status=200`,
				`client=198.51.100.4 user_agent=gofeed/1.0`,
				`msg=request method=GET path=/favicon.ico status=204 bytes=0`,
			}
			deadline = time.Now().Add(5 * time.Second)
			for tt.access && time.Now().Before(deadline) && !strings.Contains(logs.String(), wantLines[2]) {
				time.Sleep(10 * time.Millisecond)
			}
			got := logs.String()
			for _, w := range wantLines {
				if strings.Contains(got, w) != tt.access {
					t.Errorf("log has %q: %v, want %v\n%s", w, !tt.access, tt.access, got)
				}
			}
			if strings.Contains(got, "level=ERROR") {
				t.Errorf("error logged:\n%s", got)
			}
		})
	}
}
