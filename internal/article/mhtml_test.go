package article

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// mhtmlOf writes a page as a browser's single-file save does: a MIME
// message whose first part is the page.
func mhtmlOf(partHeader, body string) string {
	const b = "----MultipartBoundary--test----"
	return "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://coast.example/news/ferry\r\n" +
		"Subject: Ferry keeps running\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + b + "\"\r\n\r\n\r\n" +
		"--" + b + "\r\n" + partHeader + "\r\n\r\n" + body + "\r\n" +
		"--" + b + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://coast.example/a.png\r\n\r\niVBORw0KGgo=\r\n" +
		"--" + b + "--\r\n"
}

const mhtmlStory = `<html><head><title>Ferry keeps running | Coast News</title></head><body><article><h1>Ferry keeps running</h1>` +
	`<p>The island ferry ran every day of the winter for the first time in ten years, the operator said on Friday.</p>` +
	`<p>Its new hull copes with waves that kept the old boat in port, and the crew now sleep on the island in stormy weeks.</p>` +
	`<p>Islanders said the crossing had changed how they shop, work and see a doctor on the mainland.</p>` +
	`<img src="img/deck.jpg" alt="The deck"></article></body></html>`

func TestMHTML(t *testing.T) {
	latin1 := strings.ReplaceAll(strings.ReplaceAll(mhtmlStory, "ten years", "dix ans, café"), "é", "\xe9")
	tests := []struct {
		name, file string
		title      string
		body       string // a body paragraph holds it
		picture    string // the body's first picture, resolved against where the page came from
		err        error
	}{
		{"quoted-printable", mhtmlOf("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://coast.example/news/ferry",
			strings.ReplaceAll(mhtmlStory, "=", "=3D")), "Ferry keeps running", "every day of the winter", "https://coast.example/news/img/deck.jpg", nil},
		{"base64", mhtmlOf("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64", base64Lines(mhtmlStory)),
			"Ferry keeps running", "new hull copes", "https://coast.example/news/img/deck.jpg", nil},
		{"a charset of its own", mhtmlOf("Content-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit", latin1),
			"Ferry keeps running", "dix ans, café", "https://coast.example/news/img/deck.jpg", nil},
		{"one part", "MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Location: https://coast.example/x/y\r\n\r\n" + mhtmlStory,
			"Ferry keeps running", "Islanders said", "https://coast.example/x/img/deck.jpg", nil},
		{"no page in it", strings.Replace(mhtmlOf("Content-Type: text/css", "body{}"), "type=\"text/html\"", "type=\"text/css\"", 1), "", "", "", ErrFormat},
		{"no MIME header", "<html><body><p>Just a page</p></body></html>", "", "", "", ErrFormat},
		{"a picture named .mhtml", "\x89PNG\r\n\x1a\nbinary", "", "", "", ErrBinary},
		{"empty", "\n", "", "", "", ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("saved.mhtml", []byte(tc.file), goldenOptions())
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			if !strings.Contains(strings.Join(a.BodyParagraphs, "\n"), tc.body) {
				t.Errorf("body lacks %q: %q", tc.body, a.BodyParagraphs)
			}
			if len(a.Pictures) == 0 || a.Pictures[0].URL != tc.picture {
				t.Errorf("pictures %v, want %s first", a.Pictures, tc.picture)
			}
			if strings.Contains(a.BodyHTML, "=3D") || strings.Contains(a.Title, "MIME") {
				t.Errorf("MIME encoding left in the article: %q", a.BodyHTML)
			}
		})
	}
}

// base64Lines encodes s as a MIME part does: base64 in lines of 76.
func base64Lines(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc)
	return b.String()
}

// The pictures a saved page holds are served from the archive, under its
// own path below /files/: the page's copy of them, not the site's, which
// may have changed or gone. A picture the archive lacks keeps the site's
// address, and without a files address (seedfeed check with no site)
// nothing moves.
func TestMHTMLPicturesFromTheArchive(t *testing.T) {
	story := strings.Replace(mhtmlStory, `<img src="img/deck.jpg" alt="The deck">`,
		`<img src="/a.png" alt="The deck"><img src="https://elsewhere.example/b.png" alt="Not saved">`, 1)
	src := mhtmlOf("Content-Type: text/html\r\nContent-Location: https://coast.example/news/ferry", story)
	opts := goldenOptions()
	opts.FilesURL = "https://example.org/files/"
	a, err := Parse("saved pages/ferry.mhtml", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	const saved = "https://example.org/files/saved%20pages/ferry.mhtml/2.png"
	for _, want := range []string{`<img src="` + saved + `" alt="The deck"/>`, `<img src="https://elsewhere.example/b.png" alt="Not saved"/>`} {
		if !strings.Contains(a.BodyHTML, want) {
			t.Errorf("body HTML lacks %s:\n%s", want, a.BodyHTML)
		}
	}
	if len(a.Pictures) != 2 || a.Pictures[0].URL != saved || a.Pictures[1].URL != "https://elsewhere.example/b.png" {
		t.Errorf("pictures %+v", a.Pictures)
	}
	opts.FilesURL = ""
	a, err = Parse("saved pages/ferry.mhtml", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.BodyHTML, `src="https://coast.example/a.png"`) {
		t.Errorf("without a files address the picture moved:\n%s", a.BodyHTML)
	}
}
