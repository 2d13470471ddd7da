package article

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestDeclaredCharset(t *testing.T) {
	tests := []struct{ head, want string }{
		{`<meta charset="gb2312">`, "gb2312"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">`, "shift_jis"},
		{`<meta http-equiv="Content-Type" content="text/html;charset = 'windows-1251'" />`, "windows-1251"},
		{`<meta name="description" content="no charset here"><title>x</title>`, ""},
		{`<script>var charset="gbk";</script>`, ""},
		{`<meta charset>`, ""},
		{`<meta charset="gbk"`, ""},
	}
	for _, tt := range tests {
		if got := declaredCharset([]byte(tt.head)); got != tt.want {
			t.Errorf("declaredCharset(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestHTMLDeclaredCharset: a page in GB2312 that says so, after an
// archive's scripts longer than a browser's prescan, is read in its own
// encoding; a page that is valid UTF-8 keeps it whatever it declares.
func TestHTMLDeclaredCharset(t *testing.T) {
	const title = "港口的灯塔今晚重新点亮"
	page := `<html><head>` + strings.Repeat("<script>/* archive playback */</script>\n", 40) +
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"/><title>` + title + `</title></head>
<body><h1>` + title + `</h1><p>港口的灯塔在修缮了两个月之后，今晚重新点亮，渔民们在码头上等了很久，看着灯光第一次照亮海湾的入口。</p>
<p>港务局说，新的灯比旧的更亮，也更省电，在雾天里能让船只在更远的地方看到它，冬天的航行会因此更安全。</p></body></html>`
	enc, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	ref := Options{Ref: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	a, err := Parse("lamp.html", []byte(enc), ref)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != title {
		t.Errorf("title %q, want %q", a.Title, title)
	}
	if len(a.Warnings) == 0 || !strings.Contains(a.Warnings[0], "decoded from gbk") {
		t.Errorf("warnings %q: want the declared decoding named", a.Warnings)
	}
	// A UTF-8 byte order mark wins over the <meta>: the stray bytes of
	// the GBK text are repaired as in any UTF-8 file, not the mark read
	// as GBK.
	a, err = Parse("lamp.html", append([]byte{0xEF, 0xBB, 0xBF}, enc...), ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range a.Warnings {
		if strings.Contains(w, "decoded from gbk") {
			t.Errorf("a page with a UTF-8 byte order mark decoded from its <meta>: %q", a.Warnings)
		}
	}
	a, err = Parse("lamp.html", []byte(page), ref)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != title {
		t.Errorf("UTF-8 page declaring gb2312: title %q, want %q", a.Title, title)
	}
}
