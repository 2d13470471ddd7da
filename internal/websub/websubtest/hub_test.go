package websubtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const testAtom = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>tag:x,2024:f</id><updated>2024-01-01T00:00:00Z</updated>
<link href="/feed.xml" rel="self"/><link href="HUB" rel="hub"/>
<entry><title>E</title><id>tag:x,2024:e</id><updated>2024-01-01T00:00:00Z</updated><link href="/e" rel="self"/></entry></feed>
`

// topicServer serves body as an Atom feed at /feed.xml; version changes
// it for each fetch when set.
func topicServer(t *testing.T, body func() string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		_, _ = w.Write([]byte(body()))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func ping(t *testing.T, hub, topic string) *http.Response {
	t.Helper()
	resp, err := http.PostForm(hub, url.Values{"hub.mode": {"publish"}, "hub.url": {topic}, "hub.topic": {topic}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func recv(t *testing.T, s *Subscriber, limit time.Duration) Delivery {
	t.Helper()
	select {
	case d := <-s.Deliveries:
		return d
	case <-time.After(limit):
		t.Fatalf("no delivery within %v", limit)
	}
	return Delivery{}
}

// The hub's side of the spec towards a subscriber: 202 to a subscription
// request, verification with a challenge at the callback (its query kept),
// then on a publish ping the topic's current bytes, its Content-Type, the
// hub and self links and a signature over exactly those bytes.
func TestHubVerifiesAndDelivers(t *testing.T) {
	hub := NewHub()
	defer hub.Close()
	var gen atomic.Int64
	topicSrv := topicServer(t, func() string {
		return strings.Replace(testAtom, "<title>E</title>", "<title>E"+strings.Repeat("!", int(gen.Add(1)))+"</title>", 1)
	})
	topic := topicSrv.URL + "/feed.xml"
	sub := NewSubscriber("a secret of the subscriber")
	defer sub.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := sub.Subscribe(ctx, hub.URL, topic); err != nil {
		t.Fatal(err)
	}
	if err := hub.WaitSubscribed(ctx, topic, sub.URL); err != nil {
		t.Fatal(err)
	}
	if resp := ping(t, hub.URL, topic); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("publish ping: %d", resp.StatusCode)
	}
	d := recv(t, sub, 5*time.Second)
	if !d.Signed {
		t.Error("delivery not signed with the subscriber's secret")
	}
	if !strings.Contains(string(d.Body), "<title>E!</title>") {
		t.Errorf("delivered %q, want the topic's bytes", d.Body)
	}
	if d.ContentType != "application/atom+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", d.ContentType)
	}
	var hubs, selfs []string
	for _, l := range d.Links {
		if l.Has("hub") {
			hubs = append(hubs, l.URL)
		}
		if l.Has("self") {
			selfs = append(selfs, l.URL)
		}
	}
	if !slices.Equal(hubs, []string{hub.URL}) || !slices.Equal(selfs, []string{topic}) {
		t.Errorf("delivery links hub %q self %q", hubs, selfs)
	}
	if got := hub.Pings(); len(got) != 1 || !slices.Equal(got[0].Topics, []string{topic}) {
		t.Errorf("pings %+v: hub.url and hub.topic should count once", got)
	}

	// A signature made with another secret is caught.
	sub.SetSecret("not the secret the hub has")
	ping(t, hub.URL, topic)
	if d := recv(t, sub, 5*time.Second); d.Signed {
		t.Error("a delivery signed with another secret passed")
	}

	// After unsubscribing, nothing more arrives.
	if err := sub.Unsubscribe(ctx, hub.URL, topic); err != nil {
		t.Fatal(err)
	}
	for len(hub.Subscribers(topic)) > 0 {
		select {
		case <-ctx.Done():
			t.Fatal("still subscribed after unsubscribing")
		case <-time.After(10 * time.Millisecond):
		}
	}
	ping(t, hub.URL, topic)
	select {
	case d := <-sub.Deliveries:
		t.Errorf("delivery after unsubscribing: %.80q", d.Body)
	case <-time.After(300 * time.Millisecond):
	}
	if errs := hub.Errors(); len(errs) > 0 {
		t.Errorf("hub errors: %v", errs)
	}
}

// A callback that does not echo the challenge is never subscribed, and bad
// requests are refused with 400.
func TestHubRefuses(t *testing.T) {
	hub := NewHub()
	defer hub.Close()
	liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("not the challenge"))
	}))
	defer liar.Close()
	resp, err := http.PostForm(hub.URL, url.Values{"hub.mode": {"subscribe"}, "hub.callback": {liar.URL}, "hub.topic": {"http://x.example/feed.xml"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("subscribe: %d", resp.StatusCode)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(hub.Errors()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if errs := hub.Errors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "not verified") {
		t.Errorf("errors %v, want one failed verification", errs)
	}
	if subs := hub.Subscribers("http://x.example/feed.xml"); len(subs) != 0 {
		t.Errorf("unverified callback subscribed: %v", subs)
	}
	for _, form := range []url.Values{
		{"hub.mode": {"subscribe"}, "hub.callback": {"/relative"}, "hub.topic": {"http://x/"}},
		{"hub.mode": {"subscribe"}, "hub.callback": {liar.URL}},
		{"hub.mode": {"subscribe"}, "hub.callback": {liar.URL}, "hub.topic": {"http://x/"}, "hub.secret": {strings.Repeat("s", 200)}},
		{"hub.mode": {"publish"}},
		{"hub.mode": {"dance"}},
	} {
		resp, err := http.PostForm(hub.URL, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%v: %d, want 400", form, resp.StatusCode)
		}
	}
}

func TestParseLinks(t *testing.T) {
	tests := []struct {
		name   string
		values []string
		want   []Link
	}{
		{"one per line", []string{`<https://hub.example/>; rel="hub"`, `<https://s.example/feed.xml>; rel="self"`},
			[]Link{{"https://hub.example/", []string{"hub"}}, {"https://s.example/feed.xml", []string{"self"}}}},
		{"comma separated, bare rel, upper case", []string{`<a>;rel=hub, <b>; REL="Self Alternate"`},
			[]Link{{"a", []string{"hub"}}, {"b", []string{"self", "alternate"}}}},
		{"comma inside a quoted param", []string{`<a>; title="x, y"; rel="hub", <b>; rel=self`},
			[]Link{{"a", []string{"hub"}}, {"b", []string{"self"}}}},
		{"first rel counts", []string{`<a>; rel=hub; rel=self`}, []Link{{"a", []string{"hub"}}}},
		{"garbage skipped", []string{`nonsense, <a>; rel=hub`}, []Link{{"a", []string{"hub"}}}},
		{"unclosed", []string{`<a; rel=hub`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseLinks(tt.values)
			if !slices.EqualFunc(got, tt.want, func(a, b Link) bool { return a.URL == b.URL && slices.Equal(a.Rels, b.Rels) }) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func FuzzParseLinks(f *testing.F) {
	f.Add(`<https://hub.example/>; rel="hub", <b>; rel=self`)
	f.Add(`<a>; title="x, \"y"; rel="hub"`)
	f.Fuzz(func(t *testing.T, v string) {
		for _, l := range ParseLinks([]string{v}) {
			if strings.Contains(l.URL, ">") {
				t.Errorf("URL %q runs past its closing bracket", l.URL)
			}
			for _, r := range l.Rels {
				if r == "" || r != strings.ToLower(r) {
					t.Errorf("rel %q", r)
				}
			}
		}
	})
}

// Discovery prefers the headers, falls back to the document, and reports
// both.
func TestDiscover(t *testing.T) {
	var withHeaders atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if withHeaders.Load() {
			w.Header().Add("Link", `<https://header-hub.example/>; rel="hub"`)
			w.Header().Add("Link", `</feed.xml>; rel="self"`)
		}
		w.Header().Set("Content-Type", "application/atom+xml")
		_, _ = w.Write([]byte(strings.Replace(testAtom, "HUB", "https://body-hub.example/", 1)))
	}))
	defer srv.Close()
	ctx := context.Background()
	d, err := Discover(ctx, srv.Client(), srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.From != "body" || !slices.Equal(d.Hubs, []string{"https://body-hub.example/"}) || d.Self != srv.URL+"/feed.xml" {
		t.Errorf("without headers: %+v", d)
	}
	withHeaders.Store(true)
	d, err = Discover(ctx, srv.Client(), srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.From != "header" || !slices.Equal(d.Hubs, []string{"https://header-hub.example/"}) || d.Self != srv.URL+"/feed.xml" {
		t.Errorf("with headers: %+v", d)
	}
	if _, err := DiscoverBody("application/atom+xml", []byte("<feed><link></feed>"), nil); err == nil {
		t.Error("a document that is not well-formed passed")
	}
	f, err := DiscoverBody("application/feed+json", []byte(`{"feed_url":"https://s.example/feed.json","hubs":[{"type":"WebSub","url":"https://h.example/"},{"type":"rssCloud","url":"x"}]}`), nil)
	if err != nil || !slices.Equal(f.Hubs, []string{"https://h.example/"}) || !slices.Equal(f.Selfs, []string{"https://s.example/feed.json"}) {
		t.Errorf("JSON Feed: %+v %v", f, err)
	}
}
