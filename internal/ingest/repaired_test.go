package ingest

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"seedfeed/internal/article"
)

// A file the normalizer had to repair (control characters removed) is
// published, and said so once in the log and once in the metrics: the
// operator learns of it, and a rescan does not say it again.
func TestRepairedFileReportedOnce(t *testing.T) {
	old := t0.Add(-time.Hour)
	body := "The harbour master said the ferry will run on the winter timetable from Monday, with two extra sailings at the weekend.\n"
	mem := fstest.MapFS{
		"clean.txt": file("Clean title\n\n"+body, old),
		"ctrl.txt":  file("Control title\n\nThe\x01 ferry\x1b timetable\x0b changes. "+body, old),
	}
	e := newEnv(t, mem, func(c *Config) { c.Parse = article.Parse })
	e.scan()
	recs := e.published()
	if len(recs) != 2 {
		t.Fatalf("published %v, want both files", e.slugs())
	}
	for _, r := range recs {
		if strings.ContainsAny(r.Article.BodyHTML, "\x01\x1b\x0b") {
			t.Errorf("%s: control characters published: %q", r.Path, r.Article.BodyHTML)
		}
	}
	lines := func(p string) int {
		n := 0
		for _, l := range strings.Split(e.logs.String(), "\n") {
			if strings.Contains(l, `msg="published with warnings"`) && strings.Contains(l, "path="+p+" ") {
				n++
			}
		}
		return n
	}
	if lines("ctrl.txt") != 1 || lines("clean.txt") != 0 {
		t.Errorf("want one warning line for ctrl.txt and none for clean.txt:\n%s", e.logs)
	}
	if !strings.Contains(e.logs.String(), "control or non-XML character") {
		t.Errorf("the warning does not say what was repaired:\n%s", e.logs)
	}
	if got := metricValue(t, e.metrics.FilesWarned); got != 1 {
		t.Errorf("files_warned_total = %v, want 1", got)
	}
	e.clock.Advance(time.Minute)
	e.scan()
	if lines("ctrl.txt") != 1 || metricValue(t, e.metrics.FilesWarned) != 1 {
		t.Errorf("rescan reported the repaired file again:\n%s", e.logs)
	}
}
