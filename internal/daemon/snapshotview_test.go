package daemon

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"seedfeed/internal/feed"
	"seedfeed/internal/store"
)

// TestSnapshotOneView: with a writer storing articles while snapshots are
// built, as on a replica, each snapshot's count and front feed are those
// of the state its IndexMaxSeq names, the state the server renders the
// older index pages from. (Before, the count and the front page were read
// after the archive slots and could include a newer article.) Whether a
// write falls between the reads is up to the scheduler: a build that read
// mixed states is not caught every run, but a correct one never fails.
func TestSnapshotOneView(t *testing.T) {
	w := newArchiveWorld(t, filepath.Join(t.TempDir(), "state.db"), 3)
	w.add(12)
	writerDone := make(chan error, 1)
	go func() {
		at := w.at
		for i := 1000; i < 1060; i++ {
			a, h := archiveArticle(i, fmt.Sprintf("Story %d, stored during a build.", i))
			at = at.Add(1e9)
			_, err := w.st.Apply(context.Background(), store.Changes{At: at, Upserts: []store.Upsert{
				{Path: fmt.Sprintf("w%04d.md", i), Hash: h, ModTime: at, Size: 1, Article: a}}})
			if err != nil {
				writerDone <- err
				return
			}
		}
		writerDone <- nil
	}()
	for round := 0; ; round++ {
		select {
		case err := <-writerDone:
			if err != nil {
				t.Fatalf("writer: %v", err)
			}
			return
		default:
		}
		snap, _, err := buildSnapshot(context.Background(), w.st, w.cfg, snapshotOptions{maxArchive: -1})
		if err != nil {
			t.Fatal(err)
		}
		seen, err := w.st.LatestAfter(context.Background(), 0, 1<<30, snap.IndexMaxSeq)
		if err != nil {
			t.Fatal(err)
		}
		if snap.Articles != len(seen) {
			t.Errorf("round %d: %d articles, %d at seq <= %d", round, snap.Articles, len(seen), snap.IndexMaxSeq)
		}
		var want []string
		for _, r := range seen[:min(len(seen), w.cfg.Feed.Items)] {
			want = append(want, r.ID)
		}
		if got := readFeedDoc(t, "atom", snap.Resources[feed.PathFeed].Body).ids; !slices.Equal(got, want) {
			t.Errorf("round %d: the front feed lists %q, the state at seq <= %d %q", round, got, snap.IndexMaxSeq, want)
		}
	}
}
