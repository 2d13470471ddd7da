package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"seedfeed/internal/feedcheck"
	"seedfeed/internal/websub/websubtest"
)

const websubSettle = time.Second

// websubConfig writes a config.yaml whose base_url is the address the
// daemon listens on, so that a hub can fetch the topics it is told of.
func websubConfig(t *testing.T, hub string, extraYAML ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	cfg := fmt.Sprintf(`site:
  title: "Pushed news"
  base_url: "http://%s"
seeds:
  dir: seeds
  settle: %q
  schedule: "@every 1h"
websub:
  hubs: [%q]
server:
  listen: %q
state:
  path: state.db
%s`, addr, websubSettle.String(), hub, addr, strings.Join(extraYAML, ""))
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkWebSubFeed parses a feed as a reader would: gofeed, and strict XML
// for the XML formats.
func checkWebSubFeed(t *testing.T, what string, body []byte) *gofeed.Feed {
	t.Helper()
	if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) {
		if err := feedcheck.WellFormed(body); err != nil {
			t.Errorf("%s: not well-formed XML: %v", what, err)
		}
	}
	f, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		t.Fatalf("%s: gofeed: %v", what, err)
	}
	return f
}

var websubFeeds = []string{"/feed.xml", "/atom.xml", "/rss.xml", "/feed.json"}

// selfOf is the rel="self" URL a hub's delivery names.
func selfOf(d websubtest.Delivery) string {
	for _, l := range d.Links {
		if l.Has("self") {
			return l.URL
		}
	}
	return ""
}

// awaitDeliveries waits for a signed delivery of every topic in want whose
// feed holds an item titled title, and returns when each arrived.
func awaitDeliveries(t *testing.T, sub *websubtest.Subscriber, want []string, title string, limit time.Duration, hub *websubtest.Hub, in *instance) map[string]time.Time {
	t.Helper()
	got := map[string]time.Time{}
	deadline := time.After(limit)
	for len(got) < len(want) {
		select {
		case d := <-sub.Deliveries:
			topic := selfOf(d)
			if !d.Signed {
				t.Errorf("delivery of %s not signed with the subscriber's secret", topic)
				continue
			}
			f := checkWebSubFeed(t, "delivery of "+topic, d.Body)
			if itemTitled(f, title) != nil && slices.Contains(want, topic) {
				if _, dup := got[topic]; !dup {
					got[topic] = d.At
				}
			}
		case <-deadline:
			t.Fatalf("within %v, only %d of %d topics delivered with %q; hub pings %+v, hub errors %v\n%s",
				limit, len(got), len(want), title, hub.Pings(), hub.Errors(), in.logs)
		}
	}
	return got
}

// TestWebSubEndToEnd runs the real daemon with a test hub: each feed
// format is discoverable as websub.rocks checks it, a subscriber subscribes
// through the hub, and a file dropped into seeds/ reaches it, signed,
// within settle + 2 s, without anyone polling.
func TestWebSubEndToEnd(t *testing.T) {
	hub := websubtest.NewHub()
	defer hub.Close()
	cfg := websubConfig(t, hub.URL)
	in := start(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	for _, p := range websubFeeds {
		d, err := websubtest.Discover(ctx, http.DefaultClient, in.url+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if d.From != "header" || !slices.Equal(d.Hubs, []string{hub.URL}) || d.Self != in.url+p {
			t.Errorf("%s: discovered %+v, want hub %s and self %s from the Link header", p, d, hub.URL, in.url+p)
		}
		// The document says the same on its own, with one self link.
		if !slices.Equal(d.Body.Hubs, []string{hub.URL}) || !slices.Equal(d.Body.Selfs, []string{in.url + p}) {
			t.Errorf("%s: the document names hubs %q and selfs %q", p, d.Body.Hubs, d.Body.Selfs)
		}
		if len(d.Header.Selfs) != 1 {
			t.Errorf("%s: %d self links in the headers", p, len(d.Header.Selfs))
		}
		_, body := in.get(p)
		checkWebSubFeed(t, p, body)
	}

	sub := websubtest.NewSubscriber("the subscriber's secret")
	defer sub.Close()
	topics := []string{in.url + "/feed.xml", in.url + "/feed.json"}
	for _, topic := range topics {
		if err := sub.Subscribe(ctx, hub.URL, topic); err != nil {
			t.Fatal(err)
		}
		if err := hub.WaitSubscribed(ctx, topic, sub.URL); err != nil {
			t.Fatal(err)
		}
	}

	const title = "Night ferry returns to the island route"
	if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "seeds", "ferry.txt"),
		[]byte(title+"\n\nThe night ferry runs again from Friday, the harbour office said, after a winter of repairs to its engines.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dropped := time.Now()
	limit := websubSettle + 2*time.Second
	got := awaitDeliveries(t, sub, topics, title, limit, hub, in)
	for topic, at := range got {
		t.Logf("%s delivered %v after the file was written (settle %v)", topic, at.Sub(dropped).Round(time.Millisecond), websubSettle)
	}
	// The feeds with hub links, as feedparser reads them.
	checkFeedparser(t, in)
	if errs := hub.Errors(); len(errs) > 0 {
		t.Errorf("hub errors: %v", errs)
	}
}

// TestWebSubHubFailingEndToEnd: a hub that answers 500 to its first pings
// still gets every change once it recovers, the failures are on /metrics,
// and the daemon answered feeds throughout.
func TestWebSubHubFailingEndToEnd(t *testing.T) {
	hub := websubtest.NewHub()
	defer hub.Close()
	const failures = 2
	hub.SetPingAnswer(func(n int) int {
		if n <= failures {
			return http.StatusInternalServerError
		}
		return http.StatusAccepted
	}, 0)
	cfg := websubConfig(t, hub.URL)
	in := start(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sub := websubtest.NewSubscriber("another secret")
	defer sub.Close()
	topic := in.url + "/rss.xml"
	if err := sub.Subscribe(ctx, hub.URL, topic); err != nil {
		t.Fatal(err)
	}
	if err := hub.WaitSubscribed(ctx, topic, sub.URL); err != nil {
		t.Fatal(err)
	}
	const title = "Lighthouse keepers open the tower to visitors"
	if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "seeds", "lighthouse.txt"),
		[]byte(title+"\n\nVisitors may climb the lighthouse tower on Sundays through the summer, the keepers announced on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Backoff after two failures: 1 s, then 2 s.
	awaitDeliveries(t, sub, []string{topic}, title, websubSettle+2*time.Second+3*time.Second, hub, in)
	resp, body := in.get("/metrics")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: %s", resp.Status)
	}
	var failed bool
	for _, line := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(line, "seedfeed_websub_publish_failures_total{") && strings.Contains(line, `reason="http_5xx"`) {
			failed = !strings.HasSuffix(line, " 0")
		}
	}
	if !failed {
		t.Errorf("no websub failures on /metrics:\n%s", body)
	}
	if !strings.Contains(in.logs.String(), "websub: hub not notified; will retry") {
		t.Errorf("no failure in the log:\n%s", in.logs)
	}
}

// TestWebSubHubHangingEndToEnd: with a hub that accepts connections and
// never answers, a dropped file is still published within settle + 2 s,
// feeds answer at once, and the daemon stops within its grace, saying what
// it leaves unsent.
func TestWebSubHubHangingEndToEnd(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // never read, never answered
			mu.Unlock()
		}
	}()
	defer func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	}()
	cfg := websubConfig(t, "http://"+ln.Addr().String()+"/")
	in := start(t, cfg)
	const title = "Harbour master retires after forty years"
	if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "seeds", "retire.txt"),
		[]byte(title+"\n\nThe harbour master retires at the end of the month after forty years of guiding boats into the port.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dropped := time.Now()
	in.waitFor("the new article", websubSettle+2*time.Second, func(f *gofeed.Feed) bool { return itemTitled(f, title) != nil })
	t.Logf("published %v after the write with the hub hanging", time.Since(dropped).Round(time.Millisecond))
	for _, p := range websubFeeds {
		start := time.Now()
		resp, body := in.get(p)
		if took := time.Since(start); resp.StatusCode != http.StatusOK || took > time.Second {
			t.Errorf("%s: %s in %v", p, resp.Status, took)
		}
		checkWebSubFeed(t, p, body)
	}
	start := time.Now()
	in.stop()
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("stopping took %v with the hub hanging", took)
	} else {
		t.Logf("stopped in %v", took.Round(time.Millisecond))
	}
	if !strings.Contains(in.logs.String(), "websub: exiting with hub notifications unsent") {
		t.Errorf("the log does not say what was left unsent:\n%s", in.logs)
	}
}

// TestWebSubBurstEndToEnd drops 100 files at once: the hub is pinged far
// fewer times than there were changes, never more than once per topic per
// snapshot, and the subscriber ends up with a feed holding all 100.
func TestWebSubBurstEndToEnd(t *testing.T) {
	hub := websubtest.NewHub()
	defer hub.Close()
	cfg := websubConfig(t, hub.URL, "feed:\n  items: 100\n")
	in := start(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	sub := websubtest.NewSubscriber("burst secret")
	defer sub.Close()
	topic := in.url + "/feed.xml"
	if err := sub.Subscribe(ctx, hub.URL, topic); err != nil {
		t.Fatal(err)
	}
	if err := hub.WaitSubscribed(ctx, topic, sub.URL); err != nil {
		t.Fatal(err)
	}
	const n = 100
	seeds := filepath.Join(filepath.Dir(cfg), "seeds")
	for i := range n {
		body := fmt.Sprintf("Burst story number %d from the quay\n\nStory %d tells of the boats that came in on the morning tide and what they landed.\n", i, i)
		if err := os.WriteFile(filepath.Join(seeds, fmt.Sprintf("burst-%03d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dropped := time.Now()
	limit := websubSettle + 10*time.Second
	deadline := time.After(limit)
	deliveries := 0
	for done := false; !done; {
		select {
		case d := <-sub.Deliveries:
			deliveries++
			if !d.Signed {
				t.Fatal("unsigned delivery")
			}
			f := checkWebSubFeed(t, "delivery", d.Body)
			if len(f.Items) == n {
				t.Logf("all %d items delivered %v after the burst, in delivery %d", n, d.At.Sub(dropped).Round(time.Millisecond), deliveries)
				done = true
			}
		case <-deadline:
			t.Fatalf("no delivery with all %d items within %v (%d deliveries); pings %d\n%s", n, limit, deliveries, len(hub.Pings()), in.logs)
		}
	}
	publishes := strings.Count(in.logs.String(), `msg=published`)
	pings := 0
	for _, p := range hub.Pings() {
		if slices.Contains(p.Topics, topic) {
			pings++
		}
	}
	t.Logf("%d files: %d snapshots published, %d pings for %s, %d deliveries", n, publishes, pings, topic, deliveries)
	if pings > publishes || pings >= n/4 {
		t.Errorf("%d pings for %s after %d snapshots of %d changes: not coalesced", pings, topic, publishes, n)
	}
}
