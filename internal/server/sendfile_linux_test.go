package server

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// TestFileBodiesShared: a styled feed's browser variant sends the reader
// variant's bytes, so both share one file, which holds exactly those bytes.
func TestFileBodiesShared(t *testing.T) {
	f := newFixture(t, false)
	body := bytes.Repeat(styledFeed(), 1+2*sendfileMin/len(styledFeed()))
	res := buildResource(body, testTypes[PathFeed], testLastMod, nil)
	files := f.srv.fileBodies(PathFeed, res)
	if files[0] == nil || files[2] != files[0] {
		t.Fatalf("files %v: want the plain and browser variants to share one", files)
	}
	got := make([]byte, len(body)+1)
	n, err := files[0].f.ReadAt(got, 0)
	if !errors.Is(err, io.EOF) || !bytes.Equal(got[:n], body) {
		t.Fatalf("file holds %d bytes (%v), want the %d of the body", n, err, len(body))
	}
}
