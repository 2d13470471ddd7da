// Package websubtest is a small WebSub hub and subscriber for tests, since
// no hub can be installed here. The hub follows the hub's side of W3C
// WebSub towards subscribers: it takes subscription requests (section 5.1),
// verifies each with a GET carrying hub.challenge to the callback (5.3), and
// on a publish ping fetches the topic and delivers it to every verified
// subscriber of it (7), signed with X-Hub-Signature when the subscriber
// gave a secret (8). It keeps everything in memory and has no lease
// expiry, retries of deliveries or persistence.
package websubtest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// maxSecret is the longest hub.secret the hub accepts: the spec says a
// secret must be less than 200 bytes.
const maxSecret = 199

// Ping is one publish notification the hub received.
type Ping struct {
	// Topics are the hub.url and hub.topic values, in order, each once.
	Topics []string
	At     time.Time
}

// Hub is a running test hub. Its exported methods are safe for concurrent
// use.
type Hub struct {
	URL    string
	srv    *httptest.Server
	client *http.Client

	mu    sync.Mutex
	subs  map[string]map[string]subscription // topic -> callback -> subscription
	pings []Ping
	errs  []error
	// pingStatus, when set, answers publish pings instead of the hub (for
	// tests of a hub in trouble); delay holds each answer back.
	pingStatus func(n int) int
	delay      time.Duration
	subsSeen   chan struct{} // closed and replaced at every change of subs
	wg         sync.WaitGroup
}

type subscription struct {
	callback, topic, secret string
	lease                   int
}

// NewHub starts a hub on a free local port.
func NewHub() *Hub {
	h := &Hub{
		subs:     map[string]map[string]subscription{},
		client:   &http.Client{Timeout: 10 * time.Second},
		subsSeen: make(chan struct{}),
	}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serveHTTP))
	h.URL = h.srv.URL + "/"
	return h
}

// Close stops the hub after its deliveries under way.
func (h *Hub) Close() {
	h.srv.Close()
	h.wg.Wait()
}

// SetPingAnswer makes the hub answer the n-th publish ping (from 1) with
// status(n) after delay, and act on it only when that is 2xx. nil restores
// the normal behaviour.
func (h *Hub) SetPingAnswer(status func(n int) int, delay time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.pingStatus, h.delay = status, delay
}

// Pings returns the publish pings received so far.
func (h *Hub) Pings() []Ping {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Ping(nil), h.pings...)
}

// Errors returns what went wrong on the hub's side: a bad request, a
// verification or a delivery that failed.
func (h *Hub) Errors() []error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]error(nil), h.errs...)
}

// Subscribers returns the callbacks verified for topic.
func (h *Hub) Subscribers(topic string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for cb := range h.subs[topic] {
		out = append(out, cb)
	}
	return out
}

// WaitSubscribed waits until callback's subscription to topic is active
// (a subscriber learns of the verification before the hub records it).
func (h *Hub) WaitSubscribed(ctx context.Context, topic, callback string) error {
	for {
		h.mu.Lock()
		_, ok := h.subs[topic][callback]
		ch := h.subsSeen
		h.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("hub: %s never subscribed to %s: %w", callback, topic, ctx.Err())
		}
	}
}

func (h *Hub) fail(err error) {
	h.mu.Lock()
	h.errs = append(h.errs, err)
	h.mu.Unlock()
}

func (h *Hub) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "hub: POST only", http.StatusMethodNotAllowed)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(fmt.Errorf("hub: bad form: %w", err))
		http.Error(w, "hub: bad form", http.StatusBadRequest)
		return
	}
	switch mode := r.PostForm.Get("hub.mode"); mode {
	case "subscribe", "unsubscribe":
		h.subscribe(w, r, mode)
	case "publish":
		h.publish(w, r)
	default:
		h.fail(fmt.Errorf("hub: unknown hub.mode %q", mode))
		http.Error(w, "hub: unknown hub.mode", http.StatusBadRequest)
	}
}

// subscribe answers a (un)subscription request with 202 Accepted and
// verifies the subscriber's intent asynchronously (section 5.3).
func (h *Hub) subscribe(w http.ResponseWriter, r *http.Request, mode string) {
	f := r.PostForm
	s := subscription{callback: f.Get("hub.callback"), topic: f.Get("hub.topic"), secret: f.Get("hub.secret"), lease: 864000}
	cb, err := url.Parse(s.callback)
	switch {
	case err != nil || !cb.IsAbs() || (cb.Scheme != "http" && cb.Scheme != "https"):
		err = fmt.Errorf("hub: hub.callback %q is not an absolute http(s) URL", s.callback)
	case s.topic == "":
		err = errors.New("hub: no hub.topic")
	case len(s.secret) > maxSecret:
		err = fmt.Errorf("hub: hub.secret of %d bytes (must be less than 200)", len(s.secret))
	}
	if v := f.Get("hub.lease_seconds"); err == nil && v != "" {
		if s.lease, err = strconv.Atoi(v); err != nil || s.lease <= 0 {
			err = fmt.Errorf("hub: bad hub.lease_seconds %q", v)
		}
	}
	if err != nil {
		h.fail(err)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
	h.wg.Go(func() {
		if err := h.verify(mode, s); err != nil {
			h.fail(err)
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		close(h.subsSeen)
		h.subsSeen = make(chan struct{})
		if mode == "unsubscribe" {
			delete(h.subs[s.topic], s.callback)
			return
		}
		if h.subs[s.topic] == nil {
			h.subs[s.topic] = map[string]subscription{}
		}
		h.subs[s.topic][s.callback] = s
	})
}

// verify sends the intent verification GET: the subscriber must answer
// 2xx with exactly the challenge as its body.
func (h *Hub) verify(mode string, s subscription) error {
	challenge := rand.Text()
	u, err := url.Parse(s.callback)
	if err != nil {
		return fmt.Errorf("hub: verify %s: %w", s.callback, err)
	}
	q := u.Query() // the callback's own query is kept
	q.Set("hub.mode", mode)
	q.Set("hub.topic", s.topic)
	q.Set("hub.challenge", challenge)
	if mode == "subscribe" {
		q.Set("hub.lease_seconds", strconv.Itoa(s.lease))
	}
	u.RawQuery = q.Encode()
	resp, err := h.client.Get(u.String())
	if err != nil {
		return fmt.Errorf("hub: verify %s: %w", s.callback, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	if err != nil {
		return fmt.Errorf("hub: verify %s: %w", s.callback, err)
	}
	if resp.StatusCode/100 != 2 || string(body) != challenge {
		return fmt.Errorf("hub: %s not verified: %d %q", s.callback, resp.StatusCode, body)
	}
	return nil
}

// publish takes a publish ping: 202 at once, then each topic is fetched
// and delivered to its subscribers.
func (h *Hub) publish(w http.ResponseWriter, r *http.Request) {
	var topics []string
	seen := map[string]bool{}
	for _, key := range []string{"hub.url", "hub.topic"} {
		for _, t := range r.PostForm[key] {
			if !seen[t] {
				seen[t] = true
				topics = append(topics, t)
			}
		}
	}
	h.mu.Lock()
	h.pings = append(h.pings, Ping{Topics: topics, At: time.Now()})
	n := len(h.pings)
	status, delay := h.pingStatus, h.delay
	h.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if status != nil {
		if code := status(n); code/100 != 2 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "hub: not now", code)
			return
		}
	}
	if len(topics) == 0 {
		h.fail(errors.New("hub: publish ping without hub.url or hub.topic"))
		http.Error(w, "hub: no hub.url", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
	for _, t := range topics {
		h.wg.Go(func() {
			if err := h.distribute(t); err != nil {
				h.fail(err)
			}
		})
	}
}

// distribute fetches topic and POSTs it to each of its subscribers with
// the hub and self Link headers and, given a secret, X-Hub-Signature.
func (h *Hub) distribute(topic string) error {
	resp, err := h.client.Get(topic)
	if err != nil {
		return fmt.Errorf("hub: fetch %s: %w", topic, err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("hub: fetch %s: %d %v", topic, resp.StatusCode, err)
	}
	h.mu.Lock()
	var subs []subscription
	for _, s := range h.subs[topic] {
		subs = append(subs, s)
	}
	h.mu.Unlock()
	var errs []error
	for _, s := range subs {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, s.callback, bytes.NewReader(body))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		req.Header.Set("Content-Type", resp.Header.Get("Content-Type"))
		req.Header.Add("Link", "<"+h.URL+`>; rel="hub"`)
		req.Header.Add("Link", "<"+topic+`>; rel="self"`)
		if s.secret != "" {
			req.Header.Set("X-Hub-Signature", "sha256="+Sign(s.secret, body))
		}
		dr, err := h.client.Do(req)
		if err != nil {
			errs = append(errs, fmt.Errorf("hub: deliver to %s: %w", s.callback, err))
			continue
		}
		_, _ = io.Copy(io.Discard, dr.Body)
		dr.Body.Close()
		if dr.StatusCode/100 != 2 {
			errs = append(errs, fmt.Errorf("hub: deliver to %s: %d", s.callback, dr.StatusCode))
		}
	}
	return errors.Join(errs...)
}

// Sign is the hex HMAC-SHA256 of body under secret, as X-Hub-Signature
// carries it after "sha256=".
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}
