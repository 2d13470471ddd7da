package store

import (
	"context"
	"testing"
	"time"
)

// One writer at a time per schema: the second store waits, and takes over
// when the first closes (its session ends). Stores of other schemas lead
// their own.
func TestLeadOneWriterPerSchema(t *testing.T) {
	ctx := context.Background()
	if testBackend != "postgres" {
		s := openTest(t)
		if ok, err := s.Lead(ctx); !ok || err != nil {
			t.Fatalf("SQLite Lead = %v, %v; want true", ok, err)
		}
		return
	}
	u := postgresSchemaURL(t, t.Name())
	open := func() *Store {
		s, err := Open(ctx, u, testHost)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(), open()
	other := openTest(t)
	for i, want := range []struct {
		s    *Store
		lead bool
	}{{a, true}, {b, false}, {a, true}, {other, true}, {b, false}} {
		if got, err := want.s.Lead(ctx); err != nil || got != want.lead {
			t.Fatalf("step %d: Lead = %v, %v; want %v", i, got, err, want.lead)
		}
	}
	a.Close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, err := b.Lead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the second store never took over")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Its writer session killed from outside: the next Lead says it no
	// longer leads, and the one after takes the lock on a new session.
	if _, err := testPostgres.db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = $1 AND objid::bigint = (hashtext($2)::bigint & 4294967295)`, int64(applicationID), b.schema); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if got, err := b.Lead(ctx); err == nil || got {
		t.Errorf("first Lead after the session was killed = %v, %v; want false and the error", got, err)
	}
	if got, err := b.Lead(ctx); err != nil || !got {
		t.Errorf("second Lead after the session was killed = %v, %v; want true", got, err)
	}
}

// A listener hears every NotifyChanged of another store on the same
// schema, and not those of other schemas.
func TestListenHearsOtherProcess(t *testing.T) {
	requirePostgres(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	u := postgresSchemaURL(t, t.Name())
	writer, err := Open(ctx, u, testHost)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	replica, err := Open(ctx, u, testHost)
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	other := openTest(t)
	heard := make(chan struct{}, 16)
	done := make(chan struct{})
	go func() {
		defer close(done)
		replica.Listen(ctx, func() { heard <- struct{}{} }, func(err error) { t.Logf("listen: %v", err) })
	}()
	wait := func(what string) {
		t.Helper()
		select {
		case <-heard:
		case <-time.After(5 * time.Second):
			t.Fatalf("nothing heard: %s", what)
		}
	}
	wait("the call after connecting")
	if err := other.NotifyChanged(ctx); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := writer.NotifyChanged(ctx); err != nil {
			t.Fatal(err)
		}
		wait("a notification")
	}
	select {
	case <-heard:
		t.Error("heard a notification of another schema")
	case <-time.After(300 * time.Millisecond):
	}
	cancel()
	<-done
}
