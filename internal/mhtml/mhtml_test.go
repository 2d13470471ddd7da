package mhtml

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const boundary = "----MultipartBoundary--test----"

// archive writes a page and two pictures as a browser's single-file save
// does: the page quoted-printable, the pictures base64.
func archive() string {
	return "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://coast.example/news/ferry\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n\r\n" +
		"--" + boundary + "\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://coast.example/news/ferry\r\n\r\n" +
		"<p class=3D\"x\">The ferry</p>\r\n" +
		"--" + boundary + "\r\nContent-Type: text/css\r\nContent-Location: https://coast.example/site.css\r\n\r\nbody{}\r\n" +
		"--" + boundary + "\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://coast.example/deck.png\r\n\r\naGFyYm91\r\nciBkZWNr\r\n" +
		"--" + boundary + "\r\nContent-Type: image/svg+xml\r\nContent-Location: https://coast.example/map.svg\r\n\r\n<svg/>\r\n" +
		"--" + boundary + "--\r\n"
}

func TestWalk(t *testing.T) {
	var got []string
	where, err := Walk(strings.NewReader("\xEF\xBB\xBF"+archive()), func(p Part) bool {
		body := new(bytes.Buffer)
		_, _ = body.ReadFrom(p.Body)
		name, _ := PictureName(p)
		got = append(got, strings.Join([]string{p.Type, p.Location, body.String(), name}, " "))
		return true
	})
	if err != nil || where != "https://coast.example/news/ferry" {
		t.Fatalf("Walk: %q, %v", where, err)
	}
	want := []string{
		`text/html https://coast.example/news/ferry <p class="x">The ferry</p> `,
		"text/css https://coast.example/site.css body{} ",
		"image/png https://coast.example/deck.png harbour deck 3.png",
		"image/svg+xml https://coast.example/map.svg <svg/> 4.svg",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A message that is the page itself is one part.
	n := 0
	if _, err := Walk(strings.NewReader("Content-Type: text/html\r\n\r\n<p>x</p>"), func(p Part) bool { n++; return p.Type == "text/html" }); err != nil || n != 1 {
		t.Errorf("one part: %d parts, %v", n, err)
	}
	for _, bad := range []string{"<html>no header</html>", "Content-Type: ;;\r\n\r\nx"} {
		if _, err := Walk(strings.NewReader(bad), func(Part) bool { return true }); !errors.Is(err, ErrFormat) {
			t.Errorf("Walk(%q) = %v, want ErrFormat", bad, err)
		}
	}
}

func TestPicture(t *testing.T) {
	tests := []struct {
		name  string
		limit int64
		want  string
		ok    bool
	}{
		{"3.png", 100, "harbour deck", true},
		{"4.svg", 100, "<svg/>", true},
		{"3.jpg", 100, "", false},  // the part is a PNG
		{"2.png", 100, "", false},  // a stylesheet
		{"9.png", 100, "", false},  // no such part
		{"03.png", 100, "", false}, // not a name PictureName gives
		{"0.png", 100, "", false},
		{"x.png", 100, "", false},
		{"3.png", 5, "", false}, // larger than the limit
	}
	for _, tt := range tests {
		data, ok, err := Picture(strings.NewReader(archive()), tt.name, tt.limit)
		if err != nil || ok != tt.ok || string(data) != tt.want {
			t.Errorf("Picture(%q, %d) = %q, %v, %v; want %q, %v", tt.name, tt.limit, data, ok, err, tt.want, tt.ok)
		}
	}
}

// FuzzPicture: any archive and any name give a picture, none, or an
// error, without a panic, and a picture never longer than the limit.
func FuzzPicture(f *testing.F) {
	f.Add(archive(), "3.png")
	f.Add("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n====", "1.png")
	f.Add("Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: image/gif\r\n\r\nGIF8\r\n--x--", "1.gif")
	f.Fuzz(func(t *testing.T, data, name string) {
		pic, ok, _ := Picture(strings.NewReader(data), name, 64)
		if !ok && pic != nil || len(pic) > 64 {
			t.Fatalf("Picture gave %d bytes, ok %v", len(pic), ok)
		}
	})
}

func TestPictures(t *testing.T) {
	pics, ok, err := Pictures(strings.NewReader(archive()), 100, 100)
	if err != nil || !ok || len(pics) != 2 || string(pics["3.png"]) != "harbour deck" || string(pics["4.svg"]) != "<svg/>" {
		t.Errorf("Pictures = %q, %v, %v", pics, ok, err)
	}
	// A part over the limit is left out; pictures over the total give none.
	if pics, ok, err := Pictures(strings.NewReader(archive()), 8, 100); err != nil || !ok || len(pics) != 1 || pics["4.svg"] == nil {
		t.Errorf("Pictures, limit 8 = %q, %v, %v", pics, ok, err)
	}
	if pics, ok, err := Pictures(strings.NewReader(archive()), 100, 15); err != nil || ok || pics != nil {
		t.Errorf("Pictures, total 15 = %q, %v, %v", pics, ok, err)
	}
}
