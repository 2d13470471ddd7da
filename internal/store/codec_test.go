package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"seedfeed/internal/article"
)

// full sets every field of an article, with the characters the HTML
// escaping and the length prefixes care about.
func full() *article.Article {
	year := 2026
	pub := time.Date(2026, 2, 3, 4, 5, 6, 0, time.FixedZone("", 19800))
	upd := time.Date(2026, 2, 4, 0, 0, 0, 0, time.UTC)
	return &article.Article{
		Title:          "Tom & Jerry's \"show\"",
		Subtitle:       "<b>not bold</b>",
		Author:         "Ada Writer, Bo Reed",
		Authors:        []string{"Ada Writer", "Bo Reed"},
		Dateline:       &article.Dateline{Place: "Pune", DateText: "Feb 3", Month: 2, Day: 3, Year: &year, YearInferred: true},
		Published:      &pub,
		Updated:        &upd,
		Images:         []article.Image{{Caption: "A caption", Credit: "PTI"}, {}},
		Pictures:       []article.Picture{{URL: "https://example.org/a.jpg", Alt: "A <b>"}, {URL: "rel/b.png"}},
		BodyParagraphs: []string{"One <two> & 'three' \"four\"", "", strings.Repeat("long ", 300)},
		BodyHTML:       "<p>custom</p>",
		Summary:        "One two",
		Slug:           "tom-jerry",
		Tags:           []string{"a", ""},
		Draft:          true,
		Removed:        map[string][]string{"share_widget": {"Spread the love"}, "empty": {}, "nil": nil},
		Warnings:       []string{"repaired"},
	}
}

func roundTrip(t *testing.T, a *article.Article) *article.Article {
	t.Helper()
	b, err := encodeArticle(nil, a)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	got := &article.Article{Title: a.Title, Summary: a.Summary, Author: a.Author}
	if err := decodeArticle(b, got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return got
}

// viaJSON is what the store gave back before schema 5.
func viaJSON(t *testing.T, a *article.Article) *article.Article {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var out article.Article
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestRecordRoundTrip(t *testing.T) {
	derived := full()
	derived.BodyHTML = article.ParagraphsHTML(derived.BodyParagraphs)
	tests := []struct {
		name string
		a    *article.Article
	}{
		{"every field", full()},
		{"body HTML made from the paragraphs", derived},
		{"zero article", &article.Article{}},
		{"empty, not nil, lists and map", &article.Article{Images: []article.Image{}, BodyParagraphs: []string{}, Tags: []string{}, Removed: map[string][]string{}, Warnings: []string{}}},
		{"no year", &article.Article{Dateline: &article.Dateline{Place: "X", Month: 1, Day: -1}}},
		{"HTML that looks derived but is not", &article.Article{BodyParagraphs: []string{"a&b"}, BodyHTML: "<p>a&b</p>"}},
		{"HTML with no paragraphs", &article.Article{BodyHTML: "<p>x</p>"}},
		{"pictures without authors", &article.Article{Author: "A", Pictures: []article.Picture{{URL: "https://x.org/p.png"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := roundTrip(t, tt.a)
			if !reflect.DeepEqual(got, tt.a) {
				t.Errorf("round trip:\n got  %#v\n want %#v", got, tt.a)
			}
			// Readers see what the JSON record gave them.
			if want := viaJSON(t, tt.a); !reflect.DeepEqual(got, want) {
				t.Errorf("differs from the JSON form:\n got  %#v\n want %#v", got, want)
			}
		})
	}
}

// A record written before extensions existed reads as it always did, and
// an article without pictures gives the bytes it gave before them.
func TestRecordWithoutExtensions(t *testing.T) {
	a := full()
	a.Pictures = nil
	b, err := encodeArticle(nil, a)
	if err != nil {
		t.Fatal(err)
	}
	withPics := full()
	c, err := encodeArticle(nil, withPics)
	if err != nil {
		t.Fatal(err)
	}
	if b[0] != formatV1 || c[0] != formatV2 || len(c) <= len(b) || string(c[1:len(b)]) != string(b[1:]) {
		t.Error("the pictures extension does not just follow the record as it was")
	}
	v2 := func(tail ...byte) []byte {
		out := append([]byte{}, b...)
		out[0] = formatV2
		return append(out, tail...)
	}
	for _, bad := range [][]byte{
		v2(),                  // no count
		v2(0),                 // no extension
		v2(1, 9),              // unknown extension
		v2(1, extPictures, 0), // nil list
		v2(2, extPictures, 1, 0, 0, extPictures, 1, 0, 0),    // repeated extension
		v2(1, extPictures, 200),                              // count beyond the record
		append(append([]byte{}, b...), extPictures, 1, 0, 0), // an extension in format 1
	} {
		var got article.Article
		if err := decodeArticle(bad, &got); !errors.Is(err, errBadRecord) {
			t.Errorf("decode of a bad extension: %v", err)
		}
	}
}

func TestRecordLeavesOutDerivedHTML(t *testing.T) {
	a := full()
	withHTML, _ := encodeArticle(nil, a)
	a.BodyHTML = article.ParagraphsHTML(a.BodyParagraphs)
	without, _ := encodeArticle(nil, a)
	if len(without) >= len(withHTML) {
		t.Errorf("record with derived HTML is %d bytes, with custom HTML %d", len(without), len(withHTML))
	}
}

// A field added to article.Article must be added to the record too, or
// the store would silently drop it: this lists what the record holds.
func TestRecordCoversEveryField(t *testing.T) {
	known := map[reflect.Type][]string{
		reflect.TypeFor[article.Article](): {"Title", "Subtitle", "Author", "Authors", "Dateline", "Published", "Updated", "Images",
			"Pictures", "BodyParagraphs", "BodyHTML", "Summary", "Slug", "Tags", "Draft", "Removed", "Warnings"},
		reflect.TypeFor[article.Dateline](): {"Place", "DateText", "Month", "Day", "Year", "YearInferred"},
		reflect.TypeFor[article.Image]():    {"Caption", "Credit"},
		reflect.TypeFor[article.Picture]():  {"URL", "Alt"},
	}
	for typ, names := range known {
		var got []string
		for f := range typ.Fields() {
			got = append(got, f.Name)
		}
		if strings.Join(got, ",") != strings.Join(names, ",") {
			t.Errorf("%v has fields %v; the store's record (codec.go) knows %v", typ, got, names)
		}
	}
}

func TestRecordDamaged(t *testing.T) {
	good, err := encodeArticle(nil, full())
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(good) {
		var a article.Article
		if err := decodeArticle(good[:n], &a); !errors.Is(err, errBadRecord) {
			t.Fatalf("decode of %d of %d bytes: %v, want errBadRecord", n, len(good), err)
		}
	}
	var a article.Article
	if err := decodeArticle(append(good, 0), &a); !errors.Is(err, errBadRecord) {
		t.Errorf("trailing byte: %v", err)
	}
	if err := decodeArticle([]byte{9, 0}, &a); !errors.Is(err, errBadRecord) {
		t.Errorf("unknown format: %v", err)
	}
	// A time whose nanoseconds field holds a second or more: time reads
	// it, but it is no time the store wrote.
	when := time.Date(2026, 12, 5, 17, 0, 0, 5, time.UTC)
	rec, err := encodeArticle(nil, &article.Article{Published: &when, BodyParagraphs: []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := when.MarshalBinary()
	at := bytes.Index(rec, tb)
	if at < 0 {
		t.Fatal("the record does not hold the time's binary form")
	}
	binary.BigEndian.PutUint32(rec[at+9:], 1e9+5)
	if err := decodeArticle(rec, &a); !errors.Is(err, errBadRecord) {
		t.Errorf("nanoseconds past a second: %v", err)
	}
}

// Whatever bytes a damaged file holds, decoding fails cleanly or gives an
// article that encodes back to the same bytes.
func FuzzRecord(f *testing.F) {
	for _, a := range []*article.Article{full(), {}, {BodyParagraphs: []string{"a"}, BodyHTML: "<p>a</p>"}} {
		b, err := encodeArticle(nil, a)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var a article.Article
		if err := decodeArticle(b, &a); err != nil {
			if !errors.Is(err, errBadRecord) {
				t.Fatalf("error %v is not errBadRecord", err)
			}
			return
		}
		again, err := encodeArticle(nil, &a)
		if err != nil {
			t.Fatal(err)
		}
		var back article.Article
		if err := decodeArticle(again, &back); err != nil || !reflect.DeepEqual(&a, &back) {
			t.Fatalf("re-encoded record decodes to %#v, %v; want %#v", back, err, a)
		}
	})
}
