// Package metrics holds every Prometheus collector seedfeed exposes, on a
// registry of its own (never the global one), so tests can build as many
// daemons as they like.
package metrics

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics is the set of collectors shared by ingest, daemon and server.
type Metrics struct {
	Registry *prometheus.Registry

	ScanDuration    prometheus.Histogram
	ScansTotal      *prometheus.CounterVec // label outcome: ok, error
	FilesSeen       prometheus.Gauge
	FilesChanged    prometheus.Counter
	FilesRejected   *prometheus.CounterVec // label reason
	FilesWarned     prometheus.Counter
	FilesRemoved    prometheus.Counter
	Articles        prometheus.Gauge
	SnapshotBuild   prometheus.Histogram
	SnapshotTime    prometheus.Gauge       // unix seconds of the serving snapshot
	RequestsTotal   *prometheus.CounterVec // labels route, code
	LastScanSeconds prometheus.Gauge

	// WebSub publish pings (internal/websub), by hub; failures also by
	// reason (timeout, network, http_4xx, http_5xx, http_3xx).
	WebSubPublished *prometheus.CounterVec
	WebSubFailures  *prometheus.CounterVec
	WebSubPending   *prometheus.GaugeVec

	// Writer is 1 while this process is the one that scans and writes
	// (always, on SQLite), 0 while it is a replica of a shared PostgreSQL.
	Writer prometheus.Gauge
}

// New creates the collectors and registers them, with the Go and process
// collectors, on a fresh registry.
func New() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		ScanDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "seedfeed_scan_duration_seconds",
			Help:    "Time taken by one scan of the seeds folder.",
			Buckets: prometheus.ExponentialBuckets(0.001, 4, 10),
		}),
		ScansTotal: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seedfeed_scans_total",
			Help: "Scans of the seeds folder, by outcome.",
		}, []string{"outcome"}),
		FilesSeen: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "seedfeed_files_seen",
			Help: "Files found in the seeds folder by the last scan.",
		}),
		FilesChanged: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seedfeed_files_changed_total",
			Help: "New or changed files read and normalized.",
		}),
		FilesRejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seedfeed_files_rejected_total",
			Help: "Files that could not be published, by reason.",
		}, []string{"reason"}),
		FilesWarned: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seedfeed_files_warned_total",
			Help: "Files published after a repair (control characters removed, encoding guessed, front matter ignored); the log names each.",
		}),
		FilesRemoved: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seedfeed_files_removed_total",
			Help: "Files that disappeared from the seeds folder.",
		}),
		Articles: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "seedfeed_articles_published",
			Help: "Articles currently published.",
		}),
		SnapshotBuild: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "seedfeed_snapshot_build_seconds",
			Help:    "Time taken to render the feeds and pages into a snapshot.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 4, 10),
		}),
		SnapshotTime: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "seedfeed_snapshot_timestamp_seconds",
			Help: "Unix time the serving snapshot was built; age is time() minus this.",
		}),
		RequestsTotal: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seedfeed_http_requests_total",
			Help: "HTTP requests, by route and status code.",
		}, []string{"route", "code"}),
		LastScanSeconds: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "seedfeed_last_scan_timestamp_seconds",
			Help: "Unix time the last scan finished.",
		}),
		Writer: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "seedfeed_writer",
			Help: "1 while this process scans and writes the state, 0 while it serves as a replica of a shared PostgreSQL.",
		}),
	}
	m.WebSubPublished = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "seedfeed_websub_published_total",
		Help: "Publish pings a WebSub hub accepted, by hub.",
	}, []string{"hub"})
	m.WebSubFailures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "seedfeed_websub_publish_failures_total",
		Help: "Publish pings that failed and will be retried, by hub and reason.",
	}, []string{"hub", "reason"})
	m.WebSubPending = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "seedfeed_websub_pending_topics",
		Help: "Feed URLs waiting to be announced to a hub, by hub.",
	}, []string{"hub"})
	m.Registry.MustRegister(m.WebSubPublished, m.WebSubFailures, m.WebSubPending)
	m.Registry.MustRegister(
		m.ScanDuration, m.ScansTotal, m.FilesSeen, m.FilesChanged,
		m.FilesRejected, m.FilesWarned, m.FilesRemoved, m.Articles, m.SnapshotBuild,
		m.SnapshotTime, m.RequestsTotal, m.LastScanSeconds, m.Writer,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}
