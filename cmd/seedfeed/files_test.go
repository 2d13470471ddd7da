//go:build unix

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

const slowTitle = "Slowly written report from the lifeboat station"

// A file written slowly is never published half-written: settle holds it
// back until it has been quiet that long. The short case runs always; the
// long one is the 1 KB per second for 10 seconds.
func TestSlowlyWrittenFile(t *testing.T) {
	tests := []struct {
		name          string
		chunks, size  int
		every, settle time.Duration
		long          bool
	}{
		{"10 chunks at 100ms, settle 1s", 10, 200, 100 * time.Millisecond, time.Second, false},
		{"1 KB per second for 10 s, settle 2s", 10, 1024, time.Second, 2 * time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.long {
				longTest(t)
			}
			dir := t.TempDir()
			seeds := filepath.Join(dir, "seeds")
			cfg := writeConfig(t, dir, fmt.Sprintf("  schedule: \"@every 1s\"\n  watch: true\n  settle: %s\n", tt.settle))
			in := start(t, cfg)

			var wg sync.WaitGroup
			done := make(chan struct{})
			wg.Go(func() {
				defer close(done)
				f, err := os.Create(filepath.Join(seeds, "slow.txt"))
				if err != nil {
					t.Error(err)
					return
				}
				defer f.Close()
				for i := range tt.chunks {
					chunk := slowChunk(i, tt.size)
					if i == tt.chunks-1 {
						chunk += "THE END OF THE REPORT.\n"
					}
					if _, err := f.WriteString(chunk); err != nil {
						t.Error(err)
						return
					}
					time.Sleep(tt.every)
				}
			})
			// While it is being written, every look at the feed shows the
			// whole article or nothing.
			polls := 0
			for writing := true; writing; {
				select {
				case <-done:
					writing = false
				default:
				}
				if it := itemTitled(in.feed("/feed.xml"), slowTitle); it != nil {
					if !strings.Contains(it.Content, "THE END OF THE REPORT") {
						t.Fatalf("published half-written after %d polls: %q", polls, it.Content)
					}
				}
				polls++
				time.Sleep(20 * time.Millisecond)
			}
			wg.Wait()
			f := in.waitFor("the finished file", tt.settle+20*time.Second, func(f *gofeed.Feed) bool {
				return itemTitled(f, slowTitle) != nil
			})
			it := itemTitled(f, slowTitle)
			for i := range tt.chunks {
				if !strings.Contains(it.Content, fmt.Sprintf("Part %d of the report", i)) {
					t.Errorf("part %d missing from the published article", i)
				}
			}
			if n := strings.Count(in.logs.String(), "published with warnings") + strings.Count(in.logs.String(), "rejected file"); n != 0 {
				t.Errorf("the slow file was rejected or repaired:\n%s", in.logs)
			}
		})
	}
}

func slowChunk(i, size int) string {
	var b strings.Builder
	if i == 0 {
		b.WriteString(slowTitle + "\n\n")
	}
	fmt.Fprintf(&b, "Part %d of the report:", i)
	for b.Len() < size-1 {
		b.WriteString(" the crew launched at dawn and brought the yacht back to the harbour.")
	}
	b.WriteString("\n\n")
	return b.String()
}

// A file written under a temporary name and renamed into place is
// published once: under a name the scanner skips, or under a name it
// publishes (and then keeps the id through the rename). A file deleted
// before it settles never appears.
func TestTempNameThenRename(t *testing.T) {
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	cfg := writeConfig(t, dir, "  schedule: \"@every 1s\"\n  watch: true\n  settle: 300ms\n")
	in := start(t, cfg)

	type watchResult struct {
		maxCount int
		ids      map[string]bool
	}
	// watchTitle polls the feed until stop closes, recording the most
	// items with the title seen at once and every id they had.
	watchTitle := func(title string, stop <-chan struct{}) *watchResult {
		r := &watchResult{ids: map[string]bool{}}
		for {
			f := in.feed("/feed.xml")
			n := 0
			for _, it := range f.Items {
				if it.Title == title {
					n++
					r.ids[it.GUID] = true
				}
			}
			r.maxCount = max(r.maxCount, n)
			select {
			case <-stop:
				return r
			case <-time.After(20 * time.Millisecond):
			}
		}
	}

	cases := []struct {
		name, tmp, final, title string
	}{
		{"hidden temporary name", ".lifeboat.txt.XXXXXX", "lifeboat.txt", "Lifeboat crew rescues two sailors off the point"},
		{"downloader's .part", "market.txt.part", "market.txt", "Farmers market moves to the quay for the summer"},
		{"visible temporary name, published before the rename", "upload-8f3a", "library.txt", "Library opens on Sundays from next month"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stop := make(chan struct{})
			res := make(chan *watchResult)
			go func() { res <- watchTitle(c.title, stop) }()
			if err := os.WriteFile(filepath.Join(seeds, c.tmp), []byte(articleText(c.title, "It was announced on Friday.")), 0o644); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond) // settled, and maybe published under the temporary name
			if err := os.Rename(filepath.Join(seeds, c.tmp), filepath.Join(seeds, c.final)); err != nil {
				t.Fatal(err)
			}
			in.waitFor("the renamed file", 20*time.Second, func(f *gofeed.Feed) bool {
				return itemTitled(f, c.title) != nil
			})
			time.Sleep(1500 * time.Millisecond) // a scheduled full scan after the rename
			close(stop)
			r := <-res
			if r.maxCount != 1 || len(r.ids) != 1 {
				t.Errorf("seen up to %d items at once with %d different ids, want 1 and 1", r.maxCount, len(r.ids))
			}
			if n := countTitled(in.feed("/feed.xml"), c.title); n != 1 {
				t.Errorf("%d items at the end, want 1", n)
			}
			_, page := in.get("/articles/" + slugOf(t, in, c.title))
			if !strings.Contains(string(page), "It was announced on Friday") {
				t.Error("the article page does not show the renamed file")
			}
		})
	}

	t.Run("deleted before it settles", func(t *testing.T) {
		title := "A file that is gone before anyone reads it"
		p := filepath.Join(seeds, "fleeting.txt")
		if err := os.WriteFile(p, []byte(articleText(title, "Nobody will see this.")), 0o644); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Second)
		if itemTitled(in.feed("/feed.xml"), title) != nil {
			t.Error("a file deleted before it settled was published")
		}
		if strings.Contains(in.logs.String(), "scan failed") {
			t.Errorf("a vanished file failed a scan:\n%s", in.logs)
		}
	})
}

// slugOf finds an article's slug through /feed.json.
func slugOf(t *testing.T, in *instance, title string) string {
	t.Helper()
	_, b := in.get("/feed.json")
	var jf struct {
		Items []struct{ Title, URL string }
	}
	if err := json.Unmarshal(b, &jf); err != nil {
		t.Fatal(err)
	}
	for _, it := range jf.Items {
		if it.Title == title {
			return strings.TrimSuffix(it.URL[strings.LastIndex(strings.TrimSuffix(it.URL, "/"), "/")+1:], "/")
		}
	}
	t.Fatalf("%q not in /feed.json", title)
	return ""
}

// A folder of 100,000 files is scanned, served and kept up to date; the
// feeds still hold the newest items only.
func TestHundredThousandFiles(t *testing.T) {
	longTest(t)
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	cfg := writeConfig(t, dir, "  schedule: \"@every 1h\"\n  watch: true\n  settle: 200ms\n")
	const n = 100_000
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		name := filepath.Join(seeds, fmt.Sprintf("note-%06d.txt", i))
		body := fmt.Sprintf("Tide note %d for the harbour\n\nHigh water at %02d:%02d and the swell from the west at %d metres, said the harbour office.\n", i, i%24, i%60, 1+i%5)
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	p := startProc(t, cfg)
	p.waitHealthy(10 * time.Minute)
	// The newest files may still be settling when the first scan runs.
	deadline := time.Now().Add(10 * time.Minute)
	for {
		var h struct{ Articles int }
		_, b := p.get("/healthz")
		if err := json.Unmarshal(b, &h); err != nil {
			t.Fatalf("healthz %s: %v", b, err)
		}
		if h.Articles == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("healthz %s: want %d articles", b, n)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("first scan of %d files: %v", n, time.Since(start).Round(time.Millisecond))
	in := &instance{t: t, url: p.url, logs: p.logs}
	if f := in.feed("/feed.xml"); len(f.Items) != 50 {
		t.Errorf("%d items in the feed, want feed.items = 50", len(f.Items))
	}
	if code, page := p.get("/articles/tide-note-99999-for-the-harbour"); code != 200 || !strings.Contains(string(page), "swell") {
		t.Errorf("article page of the last file: %d", code)
	}
	// A new file in the big folder is still picked up by its event.
	title := "New tide table printed for the summer"
	writeSeed(t, seeds, "new.txt", articleText(title, "Copies are at the harbour office."))
	in.waitFor("a new file in the big folder", 60*time.Second, func(f *gofeed.Feed) bool { return itemTitled(f, title) != nil })
	_, exposition := p.get("/metrics")
	t.Logf("resident memory %.0f MB", metric(t, exposition, "process_resident_memory_bytes")/(1<<20))
	p.signal(syscall.SIGTERM)
	if code := p.wait(10 * time.Second); code != 0 {
		t.Errorf("exit status %d", code)
	}
}
