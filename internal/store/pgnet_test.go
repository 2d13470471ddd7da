package store

import (
	"context"
	"database/sql"
	"net/url"
	"testing"
)

// Every session seedfeed opens (the writer's lock, the writes, the reads)
// starts with the keepalive and user-timeout settings that bound how long
// PostgreSQL keeps the session of a writer it can no longer hear; a URL
// that gives its own value keeps it.
func TestPostgresSessionsHaveKeepalives(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	base := postgresSchemaURL(t, t.Name())
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("tcp_keepalives_idle", "42")
	u.RawQuery = q.Encode()
	tests := []struct {
		name, url string
		want      map[string]string
	}{
		{"defaults", base, map[string]string{
			"tcp_keepalives_idle": "5", "tcp_keepalives_interval": "2", "tcp_keepalives_count": "3", "tcp_user_timeout": "10000"}},
		{"the URL's own idle", u.String(), map[string]string{
			"tcp_keepalives_idle": "42", "tcp_keepalives_interval": "2", "tcp_keepalives_count": "3", "tcp_user_timeout": "10000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(ctx, tt.url, testHost)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if ok, err := s.Lead(ctx); !ok || err != nil {
				t.Fatalf("Lead = %v, %v", ok, err)
			}
			show := func(q interface {
				QueryRowContext(context.Context, string, ...any) *sql.Row
			}, who string) {
				for k, want := range tt.want {
					var got string
					if err := q.QueryRowContext(ctx, `SHOW `+k).Scan(&got); err != nil {
						t.Fatalf("%s: SHOW %s: %v", who, k, err)
					}
					if got != want {
						t.Errorf("%s: %s = %s, want %s", who, k, got, want)
					}
				}
			}
			s.lead.mu.Lock()
			show(s.lead.conn, "the lock's session")
			s.lead.mu.Unlock()
			show(s.wdb, "the write session")
			show(s.rdb, "a read session")
		})
	}
}
