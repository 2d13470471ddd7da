// Command watchlat measures how long a new article takes to reach a
// running seedfeed's feed: it writes a new file into the watched seeds
// folder and polls the feed until the article's title is in it.
//
//	watchlat -url http://127.0.0.1:8080/feed.xml -dir seeds -settle 1s -log seedfeed.log
//
// With -log (seedfeed serve -v's log), it also counts the scans the daemon
// logged meanwhile: a new file must be picked up by a scan of its path,
// never by a full rescan.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	url := flag.String("url", "", "feed URL to poll")
	dir := flag.String("dir", "", "the daemon's seeds folder")
	settle := flag.Duration("settle", 2*time.Second, "the daemon's seeds.settle (the target is settle + 100 ms)")
	probes := flag.Int("n", 3, "new files, one after another")
	logPath := flag.String("log", "", "the daemon's -v log, to count full and path scans")
	timeout := flag.Duration("timeout", 30*time.Second, "give up on one file after this long")
	flag.Parse()
	if *url == "" || *dir == "" || *probes < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*url, *dir, *logPath, *settle, *timeout, *probes, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "watchlat:", err)
		os.Exit(1)
	}
}

// article is a Markdown article with a title no other article has, dated
// now to the second, so that it is the newest item of the feed whatever
// dates the corpus's articles were given.
func article(title string, now time.Time) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nauthor: Benchmark Desk\n---\n\n", title, now.UTC().Format(time.RFC3339))
	b.WriteString("The watch benchmark wrote this file to see how soon the feed carries it.\n\n")
	for i := range 6 {
		fmt.Fprintf(&b, "Paragraph %d says that the officials reviewed the report on the new bridge and the budget for the district. ", i+1)
		b.WriteString("Residents said the work was delayed by the rain, and the committee promised further steps next month.\n\n")
	}
	return []byte(b.String())
}

type poller struct {
	client *http.Client
	url    string
	etag   string
}

// has fetches the feed (conditionally, so that unchanged polls are cheap)
// and reports whether it contains needle.
func (p *poller) has(ctx context.Context, needle []byte) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url, nil)
	if err != nil {
		return false, err
	}
	if p.etag != "" {
		req.Header.Set("If-None-Match", p.etag)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return false, err
	}
	switch resp.StatusCode {
	case http.StatusNotModified:
		return false, nil
	case http.StatusOK:
		p.etag = resp.Header.Get("Etag")
		return bytes.Contains(body, needle), nil
	}
	return false, fmt.Errorf("%s: status %s", p.url, resp.Status)
}

func run(url, dir, logPath string, settle, timeout time.Duration, probes int, out io.Writer) error {
	p := &poller{client: &http.Client{Timeout: 5 * time.Second}, url: url}
	var logStart int64
	if logPath != "" {
		fi, err := os.Stat(logPath)
		if err != nil {
			return err
		}
		logStart = fi.Size()
	}
	var lat []time.Duration
	for i := range probes {
		title := fmt.Sprintf("Watch Probe %d Reaches The Feed %d", i+1, time.Now().UnixNano())
		name := filepath.Join(dir, fmt.Sprintf("watch-probe-%d-%d.md", i+1, time.Now().UnixNano()))
		if _, err := p.has(context.Background(), []byte(title)); err != nil {
			return err
		}
		start := time.Now()
		if err := os.WriteFile(name, article(title, start), 0o644); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		for {
			ok, err := p.has(ctx, []byte(title))
			if err != nil {
				cancel()
				if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
					return fmt.Errorf("%s not in the feed after %s", name, timeout)
				}
				return err
			}
			if ok {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
		d := time.Since(start)
		lat = append(lat, d)
		fmt.Fprintf(out, "new file %d: in the feed after %d ms\n", i+1, d.Milliseconds())
		// Let the next file be the only change the daemon sees.
		time.Sleep(200 * time.Millisecond)
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	target := settle + 100*time.Millisecond
	verdict := "met"
	if med > target {
		verdict = "MISSED"
	}
	fmt.Fprintf(out, "write to feed: median %d ms (min %d, max %d, %d files); target settle %s + 100 ms = %d ms: %s\n",
		med.Milliseconds(), s[0].Milliseconds(), s[len(s)-1].Milliseconds(), len(s), settle, target.Milliseconds(), verdict)
	full, paths := -1, -1
	if logPath != "" {
		data, err := os.ReadFile(logPath)
		if err != nil {
			return err
		}
		full, paths = 0, 0
		for _, line := range strings.Split(string(data[min(logStart, int64(len(data))):]), "\n") {
			if !strings.Contains(line, "msg=scan ") {
				continue
			}
			if strings.Contains(line, " full=true") {
				full++
			} else {
				paths++
			}
		}
		fmt.Fprintf(out, "scans meanwhile: %d of changed paths, %d full\n", paths, full)
	}
	fmt.Fprintf(out, "WATCH median_ms=%d min_ms=%d max_ms=%d target_ms=%d full_scans=%d path_scans=%d\n",
		med.Milliseconds(), s[0].Milliseconds(), s[len(s)-1].Milliseconds(), target.Milliseconds(), full, paths)
	return nil
}
