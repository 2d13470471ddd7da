package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// sharedDir finds the project's shared folder beside the repository, or
// skips the test: the repository's own tests never depend on it.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "seeds")); err != nil {
		t.Skipf("shared folder not present: %v", err)
	}
	return dir
}

func TestSharedSeed(t *testing.T) {
	dir := sharedDir(t)
	path := filepath.Join(dir, "seeds", "000_1178a884c474d702.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "seeds", "000_1178a884c474d702.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Title, Subtitle, Author string
		Dateline                struct {
			Place    string `json:"place"`
			DateText string `json:"date_text"`
			Month    int    `json:"month"`
			Day      int    `json:"day"`
		}
		Images         []Image             `json:"images"`
		BodyParagraphs []string            `json:"body_paragraphs"`
		Removed        map[string][]string `json:"removed"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	got, err := Parse(filepath.Base(path), data, Options{Ref: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	check := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %#v\nwant %#v", field, got, want)
		}
	}
	check("title", got.Title, want.Title)
	check("subtitle", got.Subtitle, want.Subtitle)
	check("author", got.Author, want.Author)
	if got.Dateline == nil {
		t.Fatal("no dateline")
	}
	check("dateline.place", got.Dateline.Place, want.Dateline.Place)
	check("dateline.date_text", got.Dateline.DateText, want.Dateline.DateText)
	check("dateline.month", got.Dateline.Month, want.Dateline.Month)
	check("dateline.day", got.Dateline.Day, want.Dateline.Day)
	if got.Dateline.Year == nil || *got.Dateline.Year != 2026 || !got.Dateline.YearInferred {
		t.Errorf("dateline year = %v (inferred %v), want 2026 inferred", got.Dateline.Year, got.Dateline.YearInferred)
	}
	check("images", got.Images, want.Images)
	check("body_paragraphs", got.BodyParagraphs, want.BodyParagraphs)
	check("removed", got.Removed, want.Removed)
	if got.Published == nil || !got.Published.Equal(time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC)) || got.Published.Location() != time.UTC {
		t.Errorf("published = %v, want 2026-03-25T00:00:00Z", got.Published)
	}
}
