package daemon

import (
	"context"
	"time"

	"seedfeed/internal/server"
)

// Several seedfeeds on one PostgreSQL: exactly one of them, the writer
// (store.Lead), scans the seeds folder; the others are replicas. A replica
// never scans: it rebuilds its snapshot from the database when the writer
// announces a change (LISTEN/NOTIFY), and compares the state's fingerprint
// every fingerprintEvery in case a notification was missed. Every
// leadEvery each process asks for the lock again, so when the writer dies
// (its session ends) another one takes over within a few seconds and
// starts with a full scan. On SQLite the process always leads and none of
// this runs.
//
// A serve-only process (no seeds folder: config.ServeOnly) is a replica
// that never asks for the lock: it only listens, checks the fingerprint
// every fingerprintEvery, and rebuilds.

// leadEvery is how often a replica tries to become the writer (and the
// writer checks that it still is). A serve-only process's scan loop wakes
// as often, to compare the fingerprint when it is due.
const leadEvery = 2 * time.Second

// fingerprintEvery is how often a replica checks the state for a change
// it was not told about.
const fingerprintEvery = 10 * time.Second

// requestRefresh asks the scan loop to rebuild the snapshot from the
// database (a replica heard of a change).
func (d *Daemon) requestRefresh() {
	d.mu.Lock()
	d.pendingRefresh = true
	d.mu.Unlock()
	d.poke()
}

// requestLeadCheck asks the scan loop whether this process leads.
func (d *Daemon) requestLeadCheck() {
	d.mu.Lock()
	d.pendingLeadCheck = true
	d.mu.Unlock()
	d.poke()
}

// runCluster starts the listener and the lead ticker; they stop with ctx.
func (d *Daemon) runCluster(ctx context.Context) {
	if !d.st.Postgres() {
		d.metrics.Writer.Set(1)
		return
	}
	if d.serveOnly {
		d.metrics.Writer.Set(0)
		d.srv.SetRole(server.RoleServeOnly)
		d.log.Info("this process is serve-only (no seeds folder): it never scans nor becomes the writer; serving what the writer publishes")
	}
	go d.st.Listen(ctx, d.requestRefresh, func(err error) {
		d.log.Warn("not hearing changes from the writer; retrying (replicas also check every "+fingerprintEvery.String()+")", "error", err)
	})
	go func() {
		t := time.NewTicker(leadEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				d.requestLeadCheck()
			}
		}
	}()
}

// leads reports whether this process is the writer now; becoming it asks
// for a full scan. Only the scan loop calls it.
func (d *Daemon) leads(ctx context.Context) bool {
	lead, err := d.st.Lead(ctx)
	if err != nil {
		d.log.Warn("cannot tell whether this process is the writer; serving the last good feeds", "error", err)
		d.srv.ReportScan(time.Now(), err)
		lead = false
	}
	if lead != d.leading || !d.roleKnown {
		d.roleKnown, d.leading = true, lead
		if lead {
			d.metrics.Writer.Set(1)
			d.srv.SetRole(server.RoleWriter)
			d.log.Info("this process is now the writer: it scans the seeds folder")
			d.mu.Lock()
			d.pendingFull = true
			d.mu.Unlock()
			d.poke()
		} else {
			d.metrics.Writer.Set(0)
			d.srv.SetRole(server.RoleReplica)
			d.log.Info("this process is a replica: another one scans; serving what it writes")
		}
	}
	return lead
}

// refresh rebuilds the snapshot from the database when it changed (always
// when told, by fingerprint otherwise).
func (d *Daemon) refresh(ctx context.Context, told bool) {
	fp, err := d.st.Fingerprint(ctx)
	if err != nil {
		d.log.Warn("cannot read the state; serving the last good feeds", "error", err)
		d.srv.ReportScan(time.Now(), err)
		return
	}
	if !told && fp == d.fingerprint {
		d.srv.ReportScan(time.Now(), nil)
		return
	}
	d.mu.Lock()
	cfg := d.cfg
	d.mu.Unlock()
	if d.publish(ctx, cfg) {
		d.fingerprint = fp
	}
}

// announce tells the replicas that the writer published a change.
func (d *Daemon) announce(ctx context.Context) {
	if err := d.st.NotifyChanged(ctx); err != nil {
		d.log.Warn("could not tell the replicas of a change; they find it within "+fingerprintEvery.String(), "error", err)
	}
}
