package server

import (
	"bytes"
	"testing"
)

// TestFileBodies: a large feed and its large page for browsers are each
// sent from a file of their own (front's tests check what a file holds
// and sends); the small gzip bodies are written from memory.
func TestFileBodies(t *testing.T) {
	f := newFixture(t, false)
	feed := testFeed(PathFeed, 1)
	body := bytes.Repeat(feed, 1+2*sendfileMin/len(feed))
	page := bytes.Repeat(testPage(PathFeed, 1), 1+2*sendfileMin/len(feed))
	res := NewFeedResource(body, testTypes[PathFeed], page, testLastMod)
	files := f.srv.fileBodies(PathFeed, res)
	for i, v := range res.variants() {
		if wantFile := v != nil && len(v.body) >= sendfileMin; (files[i] != nil) != wantFile {
			t.Errorf("variant %d: file %v, want one: %v", i, files[i] != nil, wantFile)
		}
	}
	if files[0] == nil || files[2] == nil {
		t.Errorf("the feed's and the page's bodies have no file")
	}
}
