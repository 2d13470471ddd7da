package websubtest

import (
	"context"
	"crypto/hmac"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Delivery is one content distribution a Subscriber received.
type Delivery struct {
	Body        []byte
	ContentType string
	Links       []Link
	// Signed reports whether X-Hub-Signature matched the subscriber's
	// secret; a subscriber must ignore content that is not signed right.
	Signed bool
	At     time.Time
}

// Subscriber is a subscriber's callback: it confirms verification
// requests for the topics it asked for and collects deliveries.
type Subscriber struct {
	URL string // the callback
	srv *httptest.Server

	mu       sync.Mutex
	secret   string
	wanted   map[string]string // topic -> mode it asked the hub for
	verified map[string]chan struct{}
	// Deliveries receives every content distribution.
	Deliveries chan Delivery
}

// NewSubscriber starts a callback on a free local port; secret signs its
// deliveries (empty asks for none).
func NewSubscriber(secret string) *Subscriber {
	s := &Subscriber{
		secret:     secret,
		wanted:     map[string]string{},
		verified:   map[string]chan struct{}{},
		Deliveries: make(chan Delivery, 64),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.srv.URL + "/callback?sub=1" // a query the hub must keep
	return s
}

// SetSecret changes the secret deliveries are checked against (not the
// one the hub has), to test that a wrong signature is caught.
func (s *Subscriber) SetSecret(secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secret = secret
}

// Close stops the callback.
func (s *Subscriber) Close() { s.srv.Close() }

// Subscribe asks hub for topic and waits until the hub has verified the
// subscription (ctx bounds the wait).
func (s *Subscriber) Subscribe(ctx context.Context, hub, topic string) error {
	return s.request(ctx, "subscribe", hub, topic)
}

// Unsubscribe asks hub to stop sending topic and waits for verification.
func (s *Subscriber) Unsubscribe(ctx context.Context, hub, topic string) error {
	return s.request(ctx, "unsubscribe", hub, topic)
}

func (s *Subscriber) request(ctx context.Context, mode, hub, topic string) error {
	done := make(chan struct{})
	s.mu.Lock()
	s.wanted[topic] = mode
	s.verified[topic] = done
	secret := s.secret
	s.mu.Unlock()
	form := url.Values{"hub.mode": {mode}, "hub.callback": {s.URL}, "hub.topic": {topic}, "hub.lease_seconds": {"3600"}}
	if secret != "" {
		form.Set("hub.secret", secret)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("subscriber: %s: %w", mode, err)
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("subscriber: %s: hub answered %d %q, want 202", mode, resp.StatusCode, body)
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("subscriber: %s to %s not verified: %w", mode, topic, ctx.Err())
	}
}

func (s *Subscriber) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("sub") != "1" {
		http.Error(w, "callback query lost", http.StatusNotFound)
		return
	}
	switch r.Method {
	case http.MethodGet:
		s.confirm(w, r)
	case http.MethodPost:
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		d := Delivery{Body: body, ContentType: r.Header.Get("Content-Type"), Links: ParseLinks(r.Header.Values("Link")), At: time.Now()}
		s.mu.Lock()
		secret := s.secret
		s.mu.Unlock()
		if sig, ok := strings.CutPrefix(r.Header.Get("X-Hub-Signature"), "sha256="); ok && secret != "" {
			d.Signed = hmac.Equal([]byte(sig), []byte(Sign(secret, body)))
		}
		// The spec: answer 2xx even to a bad signature, and ignore it.
		w.WriteHeader(http.StatusAccepted)
		s.Deliveries <- d
	default:
		http.Error(w, "callback: GET or POST", http.StatusMethodNotAllowed)
	}
}

// confirm answers an intent verification: the challenge, for a topic and
// mode this subscriber asked for; 404 otherwise.
func (s *Subscriber) confirm(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	topic, mode, challenge := q.Get("hub.topic"), q.Get("hub.mode"), q.Get("hub.challenge")
	s.mu.Lock()
	want := s.wanted[topic]
	done := s.verified[topic]
	if want == mode && challenge != "" && done != nil {
		delete(s.verified, topic)
	} else {
		done = nil
	}
	s.mu.Unlock()
	if done == nil {
		http.Error(w, "not asked for", http.StatusNotFound)
		return
	}
	if mode == "subscribe" && q.Get("hub.lease_seconds") == "" {
		http.Error(w, "no hub.lease_seconds", http.StatusBadRequest)
		return
	}
	_, _ = io.WriteString(w, challenge)
	close(done)
}
