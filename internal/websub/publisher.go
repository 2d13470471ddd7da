// Package websub is the publisher side of WebSub (W3C Recommendation,
// 2018): it tells hubs that a topic (a feed URL) has new content, so that
// they fetch it and push it to their subscribers.
//
// Each hub has its own goroutine and its own pending set of topics.
// Notify only adds to those sets and returns, so a hub that is slow or down
// never delays a scan or a response; a topic stays pending until its hub
// accepts a ping for it, so a burst of changes is coalesced into one ping
// per topic, and nothing is dropped while the hub stays configured.
package websub

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"seedfeed/internal/metrics"
)

// Defaults of Options.
const (
	DefaultTimeout    = 10 * time.Second
	DefaultMinBackoff = time.Second
	DefaultMaxBackoff = 5 * time.Minute
)

// Options configure a Publisher. Zero values take the defaults.
type Options struct {
	// Client sends the pings; nil means a client that follows no
	// redirects (a POST turned into a GET by a 302 would announce
	// nothing).
	Client *http.Client
	// Timeout bounds one ping, connection included.
	Timeout time.Duration
	// MinBackoff is the wait after a first failed round of pings to a hub;
	// each further failure doubles it, up to MaxBackoff. A success resets
	// it. A hub's Retry-After, when longer, is obeyed up to MaxBackoff.
	MinBackoff, MaxBackoff time.Duration
	Logger                 *slog.Logger
	// Metrics, when set, counts pings and failures and shows the pending
	// topics per hub.
	Metrics *metrics.Metrics
}

// Publisher notifies WebSub hubs of changed topics. Its methods are safe
// for concurrent use.
type Publisher struct {
	opts Options
	ctx  context.Context

	mu   sync.Mutex
	hubs map[string]*hubQueue
	// changed is closed and replaced whenever a queue empties or fills,
	// for Flush to wait on.
	changed chan struct{}
	wg      sync.WaitGroup
}

// hubQueue is one hub's pending topics and its worker.
type hubQueue struct {
	hub      string
	pending  map[string]struct{}
	inflight map[string]struct{} // topics of the running round not yet done
	attempts map[string]int      // failed pings per topic since its last success
	wake     chan struct{}
	cancel   context.CancelFunc
}

// New starts a Publisher for hubs; its workers stop when ctx ends or on
// Close.
func New(ctx context.Context, hubs []string, opts Options) *Publisher {
	opts.Timeout = cmp.Or(opts.Timeout, DefaultTimeout)
	opts.MinBackoff = cmp.Or(opts.MinBackoff, DefaultMinBackoff)
	opts.MaxBackoff = max(cmp.Or(opts.MaxBackoff, DefaultMaxBackoff), opts.MinBackoff)
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Client == nil {
		opts.Client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	p := &Publisher{opts: opts, ctx: ctx, hubs: map[string]*hubQueue{}, changed: make(chan struct{})}
	p.SetHubs(hubs)
	return p
}

// SetHubs replaces the hubs (a config reload): new hubs start with nothing
// pending, and a hub no longer listed is stopped with what it had pending,
// since seedfeed no longer advertises it.
func (p *Publisher) SetHubs(hubs []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	keep := map[string]bool{}
	for _, h := range hubs {
		keep[h] = true
		if p.hubs[h] != nil {
			continue
		}
		ctx, cancel := context.WithCancel(p.ctx)
		q := &hubQueue{hub: h, pending: map[string]struct{}{}, inflight: map[string]struct{}{}, attempts: map[string]int{},
			wake: make(chan struct{}, 1), cancel: cancel}
		p.hubs[h] = q
		p.wg.Go(func() { p.runHub(ctx, q) })
	}
	for h, q := range p.hubs {
		if !keep[h] {
			q.cancel()
			delete(p.hubs, h)
			if m := p.opts.Metrics; m != nil {
				m.WebSubPending.DeleteLabelValues(h)
			}
		}
	}
	p.signalLocked()
}

// Notify queues topics for every hub and returns at once.
func (p *Publisher) Notify(topics ...string) {
	if len(topics) == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, q := range p.hubs {
		for _, t := range topics {
			q.pending[t] = struct{}{}
		}
		p.gaugeLocked(q)
		select {
		case q.wake <- struct{}{}:
		default:
		}
	}
	p.signalLocked()
}

// Pending returns the topics waiting for hub's next round of pings,
// sorted; a round under way holds its topics apart until each succeeds or
// fails.
func (p *Publisher) Pending(hub string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	q := p.hubs[hub]
	if q == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(q.pending))
}

// Flush waits until no hub has a topic pending or in flight, or ctx ends;
// it returns how many topics were still waiting then (distinct per hub,
// summed over hubs).
func (p *Publisher) Flush(ctx context.Context) int {
	for {
		p.mu.Lock()
		n := 0
		for _, q := range p.hubs {
			n += q.waitingLocked()
		}
		ch := p.changed
		p.mu.Unlock()
		if n == 0 {
			return 0
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return n
		}
	}
}

// Close stops every worker and waits for them; pending topics are dropped.
func (p *Publisher) Close() {
	p.mu.Lock()
	for _, q := range p.hubs {
		q.cancel()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *Publisher) signalLocked() {
	close(p.changed)
	p.changed = make(chan struct{})
}

func (p *Publisher) gaugeLocked(q *hubQueue) {
	if m := p.opts.Metrics; m != nil {
		m.WebSubPending.WithLabelValues(q.hub).Set(float64(q.waitingLocked()))
	}
}

// waitingLocked counts the distinct topics pending or in flight: a topic
// changed again while its ping is under way counts once.
func (q *hubQueue) waitingLocked() int {
	n := len(q.pending)
	for t := range q.inflight {
		if _, ok := q.pending[t]; !ok {
			n++
		}
	}
	return n
}

// runHub pings q's hub until ctx ends: each round takes the whole pending
// set, so any number of changes to a topic while a round runs or waits
// costs one more ping.
func (p *Publisher) runHub(ctx context.Context, q *hubQueue) {
	var backoff time.Duration
	for {
		p.mu.Lock()
		n := len(q.pending)
		p.mu.Unlock()
		if n == 0 {
			select {
			case <-ctx.Done():
				return
			case <-q.wake:
				continue
			}
		}
		p.mu.Lock()
		topics := slices.Sorted(maps.Keys(q.pending))
		clear(q.pending)
		for _, t := range topics {
			q.inflight[t] = struct{}{}
		}
		p.mu.Unlock()

		failures, hint := p.round(ctx, q, topics)

		p.mu.Lock()
		clear(q.inflight)
		p.gaugeLocked(q)
		p.signalLocked()
		p.mu.Unlock()
		if ctx.Err() != nil {
			return
		}
		if len(failures) == 0 {
			backoff = 0
			continue
		}
		backoff = min(max(backoff*2, p.opts.MinBackoff, hint), p.opts.MaxBackoff)
		for _, f := range failures {
			p.opts.Logger.Warn("websub: hub not notified; will retry",
				slog.String("hub", q.hub), slog.String("topic", f.topic), slog.Int("attempt", f.attempt),
				slog.Bool("hub_wide", f.hubWide), slog.Duration("retry_in", backoff), slog.Any("error", f.err))
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// pingFailure is one failed ping of a round, logged once the wait before
// the next round is known.
type pingFailure struct {
	topic   string
	attempt int // failed pings of the topic since its last success
	hubWide bool
	err     error
}

// round pings the hub for each topic in order. A failure puts the topic
// back in the pending set; a failure that speaks for the whole hub (no
// connection, a timeout, 429 or 5xx) ends the round and puts back the
// rest too. It returns the failures (none when ctx ended: stopping is not
// the hub's fault) and the longest Retry-After the hub sent.
func (p *Publisher) round(ctx context.Context, q *hubQueue, topics []string) (failures []pingFailure, retryAfter time.Duration) {
	putBack := func(ts []string) {
		p.mu.Lock()
		for _, t := range ts {
			q.pending[t] = struct{}{}
		}
		for _, t := range ts {
			delete(q.inflight, t)
		}
		p.mu.Unlock()
	}
	for i, topic := range topics {
		err := p.ping(ctx, q.hub, topic)
		if err == nil {
			p.mu.Lock()
			delete(q.attempts, topic)
			delete(q.inflight, topic)
			p.gaugeLocked(q)
			p.mu.Unlock()
			if m := p.opts.Metrics; m != nil {
				m.WebSubPublished.WithLabelValues(q.hub).Inc()
			}
			p.opts.Logger.Debug("websub: hub notified", slog.String("hub", q.hub), slog.String("topic", topic))
			continue
		}
		if ctx.Err() != nil {
			putBack(topics[i:])
			return nil, 0
		}
		var pe *pingError
		hubWide := true
		if errors.As(err, &pe) {
			hubWide = pe.hubWide()
			retryAfter = max(retryAfter, pe.retryAfter)
		}
		p.mu.Lock()
		q.attempts[topic]++
		attempt := q.attempts[topic]
		p.mu.Unlock()
		if m := p.opts.Metrics; m != nil {
			m.WebSubFailures.WithLabelValues(q.hub, failureReason(err)).Inc()
		}
		failures = append(failures, pingFailure{topic, attempt, hubWide, err})
		if hubWide {
			putBack(topics[i:])
			return failures, retryAfter
		}
		putBack(topics[i : i+1])
	}
	return failures, retryAfter
}

// pingError is a hub's answer other than 2xx.
type pingError struct {
	status     int
	retryAfter time.Duration
}

func (e *pingError) Error() string {
	return fmt.Sprintf("hub answered %d %s", e.status, http.StatusText(e.status))
}

// hubWide reports whether the answer says the hub as a whole is in
// trouble, rather than refusing this one topic.
func (e *pingError) hubWide() bool {
	return e.status >= 500 || e.status == http.StatusTooManyRequests
}

// ping sends one publish notification: hub.mode=publish with the topic as
// both hub.url and hub.topic, since hubs differ in which they read.
func (p *Publisher) ping(ctx context.Context, hub, topic string) error {
	ctx, cancel := context.WithTimeout(ctx, p.opts.Timeout)
	defer cancel()
	form := url.Values{"hub.mode": {"publish"}, "hub.url": {topic}, "hub.topic": {topic}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("websub: ping %s: %w", hub, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := p.opts.Client.Do(req)
	if err != nil {
		return fmt.Errorf("websub: ping %s: %w", hub, err)
	}
	// Drain a little, so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return nil
	}
	return fmt.Errorf("websub: ping %s for %s: %w", hub, topic,
		&pingError{status: resp.StatusCode, retryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now())})
}

// parseRetryAfter reads Retry-After as seconds or an HTTP date; 0 when
// absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// failureReason is the metric label for err.
func failureReason(err error) string {
	var pe *pingError
	if errors.As(err, &pe) {
		return "http_" + strconv.Itoa(pe.status/100) + "xx"
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return "timeout"
	}
	return "network"
}
