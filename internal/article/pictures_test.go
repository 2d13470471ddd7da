package article

import (
	"reflect"
	"testing"
	"time"
)

func TestPictures(t *testing.T) {
	opts := Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), BaseURL: "https://news.example.org/"}
	body := "<p>" + "The harbour master said the new ferry would run from May, weather allowing, twice a day. " + "</p>"
	tests := []struct {
		name, file, src string
		want            []Picture
	}{
		{"html og:image and body images", "page.html", `<!doctype html><html><head><title>Ferry</title>
<meta property="og:image" content="/media/lead.jpg">
<meta property="og:url" content="https://port.example.com/news/ferry">
</head><body><article><h1>Ferry</h1>` + body + `
<figure><img src="photos/deck.png" alt="The deck at dawn"><figcaption>The deck at dawn.</figcaption></figure>` + body + `
<img src="https://cdn.example.com/px.gif" width="1" height="1">
<img src="data:image/png;base64,AAAA" alt="inline">
<img src="/media/lead.jpg" alt="The lead again">` + body + body + `</article></body></html>`,
			[]Picture{
				{URL: "https://port.example.com/media/lead.jpg", Alt: "The lead again"},
				{URL: "https://port.example.com/news/photos/deck.png", Alt: "The deck at dawn"},
			}},
		{"markdown front matter image and body images", "post.md", "---\ntitle: Ferry\nimage: /media/cover.webp\n---\n" +
			"The harbour master said the new ferry would run from May, weather allowing, twice a day.\n\n" +
			"![The deck](img/deck.jpg \"Jo Sands\")\n\nMore text about the ferry and its crew follows here.\n\n![Again](https://cdn.example.com/deck2.jpg)\n",
			[]Picture{
				{URL: "https://news.example.org/media/cover.webp"},
				{URL: "https://news.example.org/img/deck.jpg", Alt: "The deck"},
				{URL: "https://cdn.example.com/deck2.jpg", Alt: "Again"},
			}},
		{"plain text captions invent nothing", "note.txt", "Ferry to run twice a day\n\nThe harbour master said the new ferry would run from May.\n\nThe new ferry at the quay. (Photo: Jo Sands)\n\nIt will carry two hundred passengers and forty cars on each crossing.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.file, []byte(tt.src), opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Pictures, tt.want) {
				t.Errorf("Pictures = %+v\nwant %+v", a.Pictures, tt.want)
			}
		})
	}
}

func TestPictureURL(t *testing.T) {
	base := baseURL("https://news.example.org/blog/")
	tests := []struct{ raw, want string }{
		{"a.png", "https://news.example.org/blog/a.png"},
		{"/a.png", "https://news.example.org/a.png"},
		{"//cdn.example.com/a.png", "https://cdn.example.com/a.png"},
		{"javascript:alert(1)", ""},
		{"data:image/png;base64,AA", ""},
		{"http:///nohost", ""},
		{"a b.png", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := pictureURL(tt.raw, base); got != tt.want {
			t.Errorf("pictureURL(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	if got := pictureURL("a.png", nil); got != "a.png" {
		t.Errorf("without a base: %q", got)
	}
}
