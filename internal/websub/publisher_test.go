package websub

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"seedfeed/internal/metrics"
	"seedfeed/internal/websub/websubtest"
)

// pingLog is a hub endpoint that records every publish ping and answers
// with answer(n, topic) (n counts from 1), after waiting on gate when set.
type pingLog struct {
	mu     sync.Mutex
	pings  []recordedPing
	answer func(n int, topic string) int
	gate   chan struct{}
	seen   chan struct{} // receives once per ping, when not full
}

type recordedPing struct {
	mode, url, topic, contentType string
	at                            time.Time
}

func newPingLog(t *testing.T, answer func(n int, topic string) int) (*pingLog, *httptest.Server) {
	l := &pingLog{answer: answer, seen: make(chan struct{}, 1000)}
	srv := httptest.NewServer(l)
	t.Cleanup(srv.Close)
	return l, srv
}

func (l *pingLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if l.gate != nil {
		<-l.gate
	}
	l.mu.Lock()
	p := recordedPing{r.PostForm.Get("hub.mode"), r.PostForm.Get("hub.url"), r.PostForm.Get("hub.topic"), r.Header.Get("Content-Type"), time.Now()}
	l.pings = append(l.pings, p)
	n := len(l.pings)
	l.mu.Unlock()
	code := http.StatusAccepted
	if l.answer != nil {
		code = l.answer(n, p.topic)
	}
	if code == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "1")
	}
	w.WriteHeader(code)
	select {
	case l.seen <- struct{}{}:
	default:
	}
}

func (l *pingLog) all() []recordedPing {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.pings)
}

// waitPings waits until the log holds n pings.
func (l *pingLog) waitPings(t *testing.T, n int, limit time.Duration) []recordedPing {
	t.Helper()
	deadline := time.After(limit)
	for {
		if got := l.all(); len(got) >= n {
			return got
		}
		select {
		case <-l.seen:
		case <-deadline:
			t.Fatalf("%d pings within %v, want %d: %+v", len(l.all()), limit, n, l.all())
		}
	}
}

// syncLog is a slog destination the publisher's goroutines write to.
type syncLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncLog) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func newTestPublisher(t *testing.T, hubs []string, opts Options) (*Publisher, *metrics.Metrics, *syncLog) {
	logs := &syncLog{}
	m := metrics.New()
	opts.Logger = slog.New(slog.NewTextHandler(logs, nil))
	opts.Metrics = m
	p := New(context.Background(), hubs, opts)
	t.Cleanup(p.Close)
	return p, m, logs
}

func flushed(t *testing.T, p *Publisher, limit time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	if n := p.Flush(ctx); n != 0 {
		t.Fatalf("%d topics still pending after %v", n, limit)
	}
}

// One POST per topic and hub, form-encoded, with the topic as both hub.url
// and hub.topic; a success is counted per hub.
func TestPublishPing(t *testing.T) {
	a, hubA := newPingLog(t, nil)
	b, hubB := newPingLog(t, nil)
	p, m, _ := newTestPublisher(t, []string{hubA.URL + "/", hubB.URL + "/x?k=v"}, Options{})
	topics := []string{"https://s.example/feed.json", "https://s.example/feed.xml"}
	p.Notify(topics...)
	flushed(t, p, 5*time.Second)
	for _, l := range []*pingLog{a, b} {
		got := l.all()
		if len(got) != 2 {
			t.Fatalf("%d pings, want 2: %+v", len(got), got)
		}
		for i, g := range got {
			if g.mode != "publish" || g.url != topics[i] || g.topic != topics[i] || g.contentType != "application/x-www-form-urlencoded" {
				t.Errorf("ping %d = %+v", i, g)
			}
		}
	}
	if got := metricValue(m.WebSubPublished.WithLabelValues(hubB.URL + "/x?k=v")); got != 2 {
		t.Errorf("published{hub B} = %v, want 2", got)
	}
	if got := metricValue(m.WebSubPending.WithLabelValues(hubA.URL + "/")); got != 0 {
		t.Errorf("pending{hub A} = %v, want 0", got)
	}
}

// A hub answering 500 is retried with doubling waits up to the cap, each
// failure logged and counted, and once it answers 2xx the topic is
// announced and the wait resets.
func TestPublishRetriesWithBackoff(t *testing.T) {
	// Pings 1-5 fail, 6 succeeds, 7 fails again, 8 succeeds.
	const fails = 5
	l, hub := newPingLog(t, func(n int, _ string) int {
		if n <= fails || n == fails+2 {
			return http.StatusInternalServerError
		}
		return http.StatusNoContent
	})
	minB, maxB := 40*time.Millisecond, 400*time.Millisecond
	p, m, logs := newTestPublisher(t, []string{hub.URL}, Options{MinBackoff: minB, MaxBackoff: maxB})
	start := time.Now()
	p.Notify("https://s.example/feed.xml")
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("Notify took %v", d)
	}
	got := l.waitPings(t, fails+1, 10*time.Second)
	want := []time.Duration{40, 80, 160, 320, 400}
	for i := 1; i < len(got); i++ {
		gap, w := got[i].at.Sub(got[i-1].at), want[i-1]*time.Millisecond
		if gap < w || gap > w+time.Second {
			t.Errorf("wait before ping %d = %v, want about %v", i+1, gap, w)
		}
	}
	flushed(t, p, 5*time.Second)
	if got := metricValue(m.WebSubFailures.WithLabelValues(hub.URL, "http_5xx")); got != fails {
		t.Errorf("failures{http_5xx} = %v, want %d", got, fails)
	}
	if got := strings.Count(logs.String(), "websub: hub not notified; will retry"); got != fails {
		t.Errorf("%d failure log lines, want %d:\n%s", got, fails, logs)
	}
	for _, want := range []string{"attempt=1 hub_wide=true retry_in=40ms", "attempt=4 hub_wide=true retry_in=320ms", "attempt=5 hub_wide=true retry_in=400ms"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	if got := metricValue(m.WebSubPublished.WithLabelValues(hub.URL)); got != 1 {
		t.Errorf("published = %v, want 1", got)
	}
	// The success reset the wait: the next failure waits MinBackoff again,
	// not the cap, and its attempt count starts over.
	p.Notify("https://s.example/rss.xml")
	after := l.waitPings(t, fails+3, 5*time.Second)
	if gap := after[fails+2].at.Sub(after[fails+1].at); gap < minB || gap >= maxB {
		t.Errorf("after a success, a failure waited %v, want about %v", gap, minB)
	}
	flushed(t, p, 5*time.Second)
	if !strings.Contains(logs.String(), "topic=https://s.example/rss.xml attempt=1 hub_wide=true retry_in=40ms") {
		t.Errorf("the failure after a success:\n%s", logs)
	}
}

// A hub that is down (nothing listens) costs Notify nothing; its failures
// are counted as network errors and the topics wait, however long, until it
// comes back, then go out once each.
func TestPublishHubDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	hubURL := "http://" + addr + "/"
	p, m, logs := newTestPublisher(t, []string{hubURL}, Options{MinBackoff: 20 * time.Millisecond, MaxBackoff: 100 * time.Millisecond})
	start := time.Now()
	for i := range 1000 {
		p.Notify(fmt.Sprintf("https://s.example/tags/t%d/feed.xml", i%10))
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("1000 Notify calls took %v with the hub down", d)
	}
	deadline := time.Now().Add(5 * time.Second)
	for metricValue(m.WebSubFailures.WithLabelValues(hubURL, "network")) < 3 {
		if time.Now().After(deadline) {
			t.Fatalf("no network failures counted:\n%s", logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// A down hub ends a round at its first failure: one log line per try,
	// not one per topic.
	fails := metricValue(m.WebSubFailures.WithLabelValues(hubURL, "network"))
	if lines := float64(strings.Count(logs.String(), "will retry")); lines < fails || lines > fails+1 {
		t.Errorf("%v log lines for %v failures", lines, fails)
	}
	if n := p.Flush(ctxTimeout(t, 50*time.Millisecond)); n != 10 {
		t.Errorf("%d topics pending with the hub down, want 10", n)
	}

	// The hub comes back on the same address.
	ln, err = net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s again: %v", addr, err)
	}
	l := &pingLog{seen: make(chan struct{}, 100)}
	srv := httptest.NewUnstartedServer(l)
	srv.Listener = ln
	srv.Start()
	defer srv.Close()
	flushed(t, p, 5*time.Second)
	got := l.all()
	var topics []string
	for _, g := range got {
		topics = append(topics, g.topic)
	}
	slices.Sort(topics)
	var want []string
	for i := range 10 {
		want = append(want, fmt.Sprintf("https://s.example/tags/t%d/feed.xml", i))
	}
	if !slices.Equal(topics, want) {
		t.Errorf("after the hub came back: pings %q, want each of the 10 topics once", topics)
	}
}

// metricValue reads a counter or gauge.
func metricValue(m prometheus.Metric) float64 {
	var d dto.Metric
	if err := m.Write(&d); err != nil {
		panic(err)
	}
	if d.Counter != nil {
		return d.Counter.GetValue()
	}
	return d.Gauge.GetValue()
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// A hub slower than the timeout fails the ping as a timeout; Notify and
// the caller never wait for it.
func TestPublishSlowHub(t *testing.T) {
	release := make(chan struct{})
	hub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hub.Close()
	defer close(release)
	p, m, _ := newTestPublisher(t, []string{hub.URL}, Options{Timeout: 100 * time.Millisecond, MinBackoff: time.Hour})
	start := time.Now()
	p.Notify("https://s.example/feed.xml")
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("Notify took %v", d)
	}
	deadline := time.Now().Add(5 * time.Second)
	for metricValue(m.WebSubFailures.WithLabelValues(hub.URL, "timeout")) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("no timeout counted")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the timeout took %v", d)
	}
	if got := p.Pending(hub.URL); !slices.Equal(got, []string{"https://s.example/feed.xml"}) {
		t.Errorf("pending %q", got)
	}
}

// 429 with Retry-After is obeyed even when the backoff is shorter; a 4xx
// refusing one topic does not hold up the others.
func TestPublishHubAnswers(t *testing.T) {
	t.Run("429 Retry-After", func(t *testing.T) {
		l, hub := newPingLog(t, func(n int, _ string) int {
			if n == 1 {
				return http.StatusTooManyRequests
			}
			return http.StatusAccepted
		})
		p, m, _ := newTestPublisher(t, []string{hub.URL}, Options{MinBackoff: 10 * time.Millisecond})
		p.Notify("https://s.example/feed.xml")
		got := l.waitPings(t, 2, 5*time.Second)
		if gap := got[1].at.Sub(got[0].at); gap < 990*time.Millisecond {
			t.Errorf("retried after %v, Retry-After said 1s", gap)
		}
		if got := metricValue(m.WebSubFailures.WithLabelValues(hub.URL, "http_4xx")); got != 1 {
			t.Errorf("failures{http_4xx} = %v", got)
		}
	})
	t.Run("one topic refused", func(t *testing.T) {
		refused := "https://s.example/a.xml"
		l, hub := newPingLog(t, func(n int, topic string) int {
			if topic == refused {
				return http.StatusBadRequest
			}
			return http.StatusAccepted
		})
		p, _, _ := newTestPublisher(t, []string{hub.URL}, Options{MinBackoff: time.Hour})
		p.Notify(refused, "https://s.example/b.xml", "https://s.example/c.xml")
		got := l.waitPings(t, 3, 5*time.Second)
		if got[1].topic != "https://s.example/b.xml" || got[2].topic != "https://s.example/c.xml" {
			t.Errorf("pings %+v", got)
		}
		deadline := time.Now().Add(5 * time.Second)
		for !slices.Equal(p.Pending(hub.URL), []string{refused}) {
			if time.Now().After(deadline) {
				t.Fatalf("pending %q, want only the refused topic", p.Pending(hub.URL))
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

// A burst of changes while a ping is under way is coalesced: each topic
// goes out once more after the burst, none is lost, and the topics changed
// during the burst are announced after their last change.
func TestPublishCoalescesBurst(t *testing.T) {
	l, hub := newPingLog(t, nil)
	l.gate = make(chan struct{})
	p, m, _ := newTestPublisher(t, []string{hub.URL}, Options{})
	topics := []string{"https://s.example/atom.xml", "https://s.example/feed.json", "https://s.example/feed.xml", "https://s.example/rss.xml"}
	p.Notify(topics[0])
	// The first ping is now held by the hub; 100 changes arrive meanwhile.
	deadline := time.Now().Add(5 * time.Second)
	for metricValue(m.WebSubPending.WithLabelValues(hub.URL)) != 1 || len(p.Pending(hub.URL)) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("first round did not start")
		}
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	for i := range 100 {
		p.Notify(topics...)
		p.Notify(topics[i%len(topics)])
	}
	lastChange := time.Now()
	if d := lastChange.Sub(start); d > time.Second {
		t.Errorf("200 Notify calls took %v while the hub held a ping", d)
	}
	if got := p.Pending(hub.URL); !slices.Equal(got, topics) {
		t.Errorf("pending during the burst: %q, want each topic once", got)
	}
	close(l.gate)
	flushed(t, p, 5*time.Second)
	got := l.all()
	if len(got) != 1+len(topics) {
		t.Fatalf("%d pings for a burst of 200 changes, want %d", len(got), 1+len(topics))
	}
	var after []string
	for _, g := range got[1:] {
		after = append(after, g.topic)
		if g.at.Before(lastChange) {
			t.Errorf("%s announced at %v, before its last change at %v", g.topic, g.at, lastChange)
		}
	}
	if !slices.Equal(after, topics) {
		t.Errorf("after the burst: %q, want %q", after, topics)
	}
}

// SetHubs starts new hubs and stops removed ones, with their pending
// topics; Close stops everything.
func TestPublisherSetHubs(t *testing.T) {
	a, hubA := newPingLog(t, nil)
	b, hubB := newPingLog(t, nil)
	p, _, _ := newTestPublisher(t, []string{hubA.URL}, Options{})
	p.Notify("https://s.example/1")
	flushed(t, p, 5*time.Second)
	p.SetHubs([]string{hubB.URL})
	p.Notify("https://s.example/2")
	flushed(t, p, 5*time.Second)
	if got := a.all(); len(got) != 1 || got[0].topic != "https://s.example/1" {
		t.Errorf("removed hub got %+v", got)
	}
	if got := b.all(); len(got) != 1 || got[0].topic != "https://s.example/2" {
		t.Errorf("new hub got %+v", got)
	}
	if got := p.Pending(hubA.URL); got != nil {
		t.Errorf("removed hub still has %q", got)
	}
}

// End to end within the package: a websubtest hub takes the pings and
// delivers to a subscriber.
func TestPublishThroughTestHub(t *testing.T) {
	hub := websubtest.NewHub()
	defer hub.Close()
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		_, _ = w.Write([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}`))
	}))
	defer feed.Close()
	sub := websubtest.NewSubscriber("s3cret")
	defer sub.Close()
	ctx := ctxTimeout(t, 5*time.Second)
	topic := feed.URL + "/feed.json"
	if err := sub.Subscribe(ctx, hub.URL, topic); err != nil {
		t.Fatal(err)
	}
	if err := hub.WaitSubscribed(ctx, topic, sub.URL); err != nil {
		t.Fatal(err)
	}
	p, _, _ := newTestPublisher(t, []string{hub.URL}, Options{})
	p.Notify(topic)
	select {
	case d := <-sub.Deliveries:
		if !d.Signed || !strings.Contains(string(d.Body), "jsonfeed") {
			t.Errorf("delivery %+v", d)
		}
	case <-ctx.Done():
		t.Fatalf("nothing delivered; hub errors %v", hub.Errors())
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"3", 3 * time.Second}, {" 120 ", 2 * time.Minute}, {"-1", 0}, {"soon", 0},
		{"Wed, 01 May 2024 12:00:30 GMT", 30 * time.Second}, {"Wed, 01 May 2024 11:00:00 GMT", 0},
	} {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
