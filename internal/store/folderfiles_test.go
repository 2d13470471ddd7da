package store

import (
	"context"
	"errors"
	"maps"
	"testing"
	"time"
)

// TestFolderFiles: files kept for the servers without the seeds folder
// come back byte for byte with their times, are replaced when they
// change and forgotten when removed, whatever bytes their paths hold.
func TestFolderFiles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if got, err := s.FolderFiles(ctx); err != nil || len(got) != 0 {
		t.Fatalf("a new store keeps %v, %v", got, err)
	}
	mtime := time.Date(2026, 3, 4, 5, 6, 7, 890, time.UTC)
	wall, svg := []byte("\x89PNG\r\n\x1a\n\x00\xffbytes"), []byte("<svg/>")
	odd := "trips/é\x00 \xff.png"
	if err := s.ApplyFolderFiles(ctx, FolderFileChanges{Put: []FolderFilePut{
		{Path: "trips/wall.png", ModTime: mtime, Data: wall},
		{Path: odd, ModTime: mtime, Data: svg},
		{Path: "empty.gif", ModTime: mtime, Data: []byte{}},
	}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]FolderFile{
		"trips/wall.png": {ModTime: mtime, Size: int64(len(wall))},
		odd:              {ModTime: mtime, Size: int64(len(svg))},
		"empty.gif":      {ModTime: mtime, Size: 0},
	}
	if got, err := s.FolderFiles(ctx); err != nil || !maps.Equal(got, want) {
		t.Errorf("FolderFiles = %v, %v; want %v", got, err, want)
	}
	for p, data := range map[string][]byte{"trips/wall.png": wall, odd: svg, "empty.gif": {}} {
		got, at, err := s.FolderFile(ctx, p)
		if err != nil || string(got) != string(data) || !at.Equal(mtime) {
			t.Errorf("FolderFile(%q) = %q, %v, %v", p, got, at, err)
		}
		if st, err := s.FolderFileStat(ctx, p); err != nil || st != want[p] {
			t.Errorf("FolderFileStat(%q) = %+v, %v; want %+v", p, st, err, want[p])
		}
	}
	if _, err := s.FolderFileStat(ctx, "none.png"); !errors.Is(err, ErrNotFound) {
		t.Errorf("FolderFileStat of a file never kept: %v, want ErrNotFound", err)
	}

	later := mtime.Add(time.Hour)
	if err := s.ApplyFolderFiles(ctx, FolderFileChanges{
		Put:    []FolderFilePut{{Path: "trips/wall.png", ModTime: later, Data: []byte("new")}},
		Remove: []string{odd, "never-kept.png"},
	}); err != nil {
		t.Fatal(err)
	}
	if got, at, err := s.FolderFile(ctx, "trips/wall.png"); err != nil || string(got) != "new" || !at.Equal(later) {
		t.Errorf("after a change: %q, %v, %v", got, at, err)
	}
	if _, _, err := s.FolderFile(ctx, odd); !errors.Is(err, ErrNotFound) {
		t.Errorf("a removed file: %v, want ErrNotFound", err)
	}
	if got, _ := s.FolderFiles(ctx); len(got) != 2 || got["trips/wall.png"].Size != 3 {
		t.Errorf("after a change and a removal: %v", got)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
