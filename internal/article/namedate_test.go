package article

import (
	"testing"
	"time"
)

func TestNameDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		want time.Time // zero: no day
	}{
		{"2024-05-02-a-walk.md", day(2024, 5, 2)},
		{"_posts/2019-11-30_sea.txt", day(2019, 11, 30)},
		{"notes/2021-02-28 market.html", day(2021, 2, 28)},
		{"2020-01-07.md", day(2020, 1, 7)},
		{"posts/2018-03-04-lisbon/index.md", day(2018, 3, 4)},
		{`win\2022-12-31-eve.txt`, day(2022, 12, 31)},
		{"2024-02-30-no-such-day.md", time.Time{}},
		{"2024-05-021.txt", time.Time{}},
		{"1969-07-20-moon.txt", time.Time{}},
		{"walk-2024-05-02.md", time.Time{}},
		{"2024-05-02/other.md", time.Time{}},
		{"index.md", time.Time{}},
		{"x.md", time.Time{}},
	}
	for _, tc := range tests {
		got, ok := nameDate(tc.name, time.UTC)
		if ok != !tc.want.IsZero() || ok && !got.Equal(tc.want) {
			t.Errorf("nameDate(%q) = %v, %v; want %v", tc.name, got, ok, tc.want)
		}
	}
}

// TestNameDateOnlyWhenTheFileHasNone: a post's own date wins over its
// file name's.
func TestNameDateOnlyWhenTheFileHasNone(t *testing.T) {
	opts := goldenOptions()
	undated := "A walk by the sea\n\nWe set off at dawn along the cliff path and walked all day.\n"
	a, err := Parse("2023-11-30-sea-walk.txt", []byte(undated), opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || !a.Published.Equal(time.Date(2023, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("undated: published %v, want the file name's day", a.Published)
	}
	dated := "---\ntitle: A walk\ndate: 2023-12-02\n---\n\nWe set off at dawn along the cliff path.\n"
	a, err = Parse("2023-11-30-a-walk.md", []byte(dated), opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Published == nil || a.Published.Day() != 2 {
		t.Errorf("dated: published %v, want the front matter's day", a.Published)
	}
}

func TestInDrafts(t *testing.T) {
	for name, want := range map[string]bool{
		"_drafts/a-walk.md":           true,
		"blog/_drafts/sub/a.txt":      true,
		`win\_drafts\a.md`:            true,
		"_posts/2024-05-02-a-walk.md": false,
		"_drafts.md":                  false,
		"my_drafts/a.md":              false,
		"a.md":                        false,
	} {
		if got := inDrafts(name); got != want {
			t.Errorf("inDrafts(%q) = %v, want %v", name, got, want)
		}
	}
	a, err := Parse("_drafts/a-walk.txt", []byte("A walk\n\nWe set off at dawn along the cliff path.\n"), goldenOptions())
	if err != nil || !a.Draft {
		t.Errorf("a file in _drafts: draft %v, %v", a != nil && a.Draft, err)
	}
}
