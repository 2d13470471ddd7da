package ingest

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"
	"time"
)

// ScanWithProgress reports the files to read, batch by batch; a rescan
// that reads nothing reports nothing.
func TestScanProgress(t *testing.T) {
	fsys := fstest.MapFS{}
	old := t0.Add(-time.Hour)
	for i := range 7 {
		fsys[fmt.Sprintf("a%d.txt", i)] = file(fmt.Sprintf("Title %d\nBody %d.", i, i), old)
	}
	e := newEnv(t, fsys) // batches of 3
	type call struct{ done, total int }
	var calls []call
	record := func(done, total int) { calls = append(calls, call{done, total}) }
	if _, err := e.sc.ScanWithProgress(context.Background(), record); err != nil {
		t.Fatal(err)
	}
	want := []call{{0, 7}, {3, 7}, {6, 7}, {7, 7}}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("first scan reported %v, want %v", calls, want)
	}
	calls = nil
	fsys["a3.txt"] = file("Title 3\nBody changed.", old.Add(time.Minute))
	if _, err := e.sc.ScanWithProgress(context.Background(), record); err != nil {
		t.Fatal(err)
	}
	if want := []call{{0, 1}, {1, 1}}; !reflect.DeepEqual(calls, want) {
		t.Errorf("rescan with one change reported %v, want %v", calls, want)
	}
	calls = nil
	if _, err := e.sc.ScanWithProgress(context.Background(), record); err != nil {
		t.Fatal(err)
	}
	if len(calls) != 0 {
		t.Errorf("unchanged rescan reported %v", calls)
	}
}
