package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Several seedfeeds may share one PostgreSQL. One of them, the writer,
// scans the seeds folder and writes; it is whoever holds a session-level
// advisory lock (Lead). When its session ends (the process dies, the
// network cuts) PostgreSQL releases the lock and the next Lead of another
// process takes it. The writer announces every change it publishes
// (NotifyChanged); the others hear it (Listen) and rebuild what they
// serve from the database. On SQLite there is one process: it always
// leads, and there is nothing to listen to.

// changesChannel is the LISTEN/NOTIFY channel of published changes in
// this store's schema.
func (s *Store) changesChannel() string { return "seedfeed_changes:" + s.schema }

// leadTimeout bounds one Lead: a writer whose session does not answer the
// check within it stops leading.
const leadTimeout = 5 * time.Second

// leader is the writer's lock: one connection of its own, whose session
// holds the advisory lock.
type leader struct {
	mu   sync.Mutex
	db   *sql.DB
	conn *sql.Conn
}

// Lead reports whether this process is the writer, taking the lock when
// it is free. It checks that the session holding the lock is still alive:
// a writer cut off from the database stops leading at its next Lead, which
// then returns false and the error (a check that gets no answer within
// leadTimeout counts as cut off). On SQLite it is always true.
func (s *Store) Lead(ctx context.Context) (bool, error) {
	if !s.pg {
		return true, nil
	}
	l := &s.lead
	l.mu.Lock()
	defer l.mu.Unlock()
	// A database that does not answer (a network that drops packets)
	// must not leave a writer believing it leads: the whole check is
	// bounded.
	ctx, cancel := context.WithTimeout(ctx, leadTimeout)
	defer cancel()
	if l.conn != nil {
		var held bool
		err := l.conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks
			WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
			AND classid::bigint = $1 AND objid::bigint = (hashtext($2)::bigint & 4294967295) AND objsubid = 2)`,
			int64(applicationID), s.schema).Scan(&held)
		if err == nil && held {
			return true, nil
		}
		// The session is gone, or lost the lock: start again. The pool
		// keeps no idle connection, so closing ends the session.
		l.conn.Close()
		l.conn = nil
		if err != nil {
			// Cut off: lead no more. The next call tries again, with a
			// connection of its own.
			return false, fmt.Errorf("store: lead: the writer's session: %w", classify(err))
		}
	}
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("store: lead: %w", classify(err))
	}
	var got bool
	// Keyed by the schema too: seedfeeds of other sites may share the
	// database, each in a schema of its own.
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, hashtext($2))`, int32(applicationID), s.schema).Scan(&got); err != nil {
		conn.Close()
		return false, fmt.Errorf("store: lead: %w", classify(err))
	}
	if !got {
		conn.Close()
		return false, nil
	}
	l.conn = conn
	return true, nil
}

func (l *leader) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs []error
	if l.conn != nil {
		errs = append(errs, l.conn.Close())
		l.conn = nil
	}
	if l.db != nil {
		errs = append(errs, l.db.Close())
	}
	return errors.Join(errs...)
}

// NotifyChanged tells the processes that Listen that the published state
// changed. Nothing on SQLite.
func (s *Store) NotifyChanged(ctx context.Context) error {
	if !s.pg {
		return nil
	}
	if _, err := s.rdb.ExecContext(ctx, `SELECT pg_notify($1, '')`, s.changesChannel()); err != nil {
		return fmt.Errorf("store: notify: %w", classify(err))
	}
	return nil
}

// Fingerprint changes whenever a published article appears, changes or
// leaves (updated only moves forward, and count and sum catch removals),
// or is read again by a new normalizer, which keeps its dates but moves
// its stamp (summed modulo a prime, so that the sum cannot overflow).
// Replicas compare it as a fallback for a notification they missed.
func (s *Store) Fingerprint(ctx context.Context) (string, error) {
	var n, maxUpd, sumUpd, stamps int64
	err := s.rdb.QueryRowContext(ctx, `SELECT count(*), coalesce(max(updated), 0), coalesce(sum(updated), 0),
		coalesce(sum(parsed_by % 1000003), 0)
		FROM articles WHERE draft = 0`).Scan(&n, &maxUpd, &sumUpd, &stamps)
	if err != nil {
		return "", fmt.Errorf("store: fingerprint: %w", classify(err))
	}
	return fmt.Sprintf("%d/%d/%d/%d", n, maxUpd, sumUpd, stamps), nil
}

// Listen calls changed each time NotifyChanged is called by any process on
// the same database, and once after each (re)connection, since changes may
// have been missed meanwhile. It reconnects with backoff until ctx ends;
// failures go to onErr. On SQLite it returns at once.
func (s *Store) Listen(ctx context.Context, changed func(), onErr func(error)) {
	if !s.pg {
		return
	}
	backoff := 200 * time.Millisecond
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, changed)
		if ctx.Err() != nil {
			return
		}
		onErr(fmt.Errorf("store: listen: %w", classify(err)))
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func (s *Store) listenOnce(ctx context.Context, changed func()) error {
	conn, err := s.lead.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		pc := sc.Conn()
		if _, err := pc.Exec(ctx, `LISTEN `+pgx.Identifier{s.changesChannel()}.Sanitize()); err != nil {
			return err
		}
		changed()
		for {
			if _, err := pc.WaitForNotification(ctx); err != nil {
				// The connection is unusable after a cancelled wait.
				pc.Close(context.Background())
				return err
			}
			changed()
		}
	})
}
