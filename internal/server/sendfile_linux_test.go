package server

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestFileBodies: a large feed and its large page for browsers are each
// sent from their own file, which holds exactly their bytes.
func TestFileBodies(t *testing.T) {
	f := newFixture(t, false)
	feed := testFeed(PathFeed, 1)
	body := bytes.Repeat(feed, 1+2*sendfileMin/len(feed))
	page := bytes.Repeat(testPage(PathFeed, 1), 1+2*sendfileMin/len(feed))
	res := NewFeedResource(body, testTypes[PathFeed], page, testLastMod)
	files := f.srv.fileBodies(PathFeed, res)
	for i, want := range map[int][]byte{0: body, 2: page} {
		if files[i] == nil {
			t.Fatalf("variant %d: no file", i)
		}
		got := make([]byte, len(want)+1)
		n, err := files[i].f.ReadAt(got, 0)
		if !errors.Is(err, io.EOF) || !bytes.Equal(got[:n], want) {
			t.Errorf("variant %d: file holds %d bytes (%v), want the %d of its body", i, n, err, len(want))
		}
	}
}
