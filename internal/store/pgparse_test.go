package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// A state.url that does not parse is refused before any connection, with
// what is wrong in it and without its password.
func TestPostgresOpenBadURL(t *testing.T) {
	tests := []struct{ name, url, hint string }{
		{"bad port", "postgres://u:s3cret-pw@db.example:notaport/feeds", "invalid port"},
		{"bad pgx parameter", "postgres://u:s3cret-pw@db.example/feeds?statement_cache_capacity=many", "statement_cache_capacity"},
		{"bad pgconn parameter", "postgres://u:s3cret-pw@db.example/feeds?connect_timeout=soon", "connect_timeout"},
		{"bad host", "postgres://u:s3cret-pw@[::1/feeds", "IPv6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), tt.url, "news.example")
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			t.Logf("error: %q", msg)
			if !errors.Is(err, ErrRefused) || !strings.Contains(msg, "does not parse") || !strings.Contains(msg, tt.hint) {
				t.Errorf("error = %v\nwant ErrRefused, saying the URL does not parse and %q", err, tt.hint)
			}
			if strings.Contains(msg, "s3cret") {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}
