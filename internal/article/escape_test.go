package article

import (
	"html"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestParagraphsHTMLEscapesAsTheStandardLibrary(t *testing.T) {
	ps := []string{"plain", `a <b> & "c" 'd'`, "<<&&>>", "", "trailing &", "ünïcödé <ok>"}
	var want []string
	for _, p := range ps {
		want = append(want, "<p>"+html.EscapeString(p)+"</p>")
	}
	if got := ParagraphsHTML(ps); got != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, strings.Join(want, "\n"))
	}
	// Every special character at every offset of a word, beside
	// bytes that differ from it by one bit.
	ps = ps[:0]
	for _, c := range `<>&'"=?%$é` {
		for at := 0; at <= 19; at++ {
			p := strings.Repeat("a", at) + string(c) + strings.Repeat("=", 19-at) + "\x7f"
			ps = append(ps, p)
		}
	}
	want = want[:0]
	for _, p := range ps {
		want = append(want, "<p>"+html.EscapeString(p)+"</p>")
	}
	if got := ParagraphsHTML(ps); got != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, strings.Join(want, "\n"))
	}
	if got := ParagraphsHTML(nil); got != "" {
		t.Errorf("no paragraphs: %q", got)
	}
}

// escapeMask finds exactly the first of the five escaped bytes of a word,
// whatever the others, and none when there is none.
func TestEscapeMask(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const special = `<>&'"`
	near := []byte{'<' ^ 1, '>' ^ 1, '&' ^ 2, '\'' ^ 2, '"' ^ 1, '=', '?', '%', '$', 0, 0x80, 0xFF}
	other := func() byte {
		if r.IntN(2) == 0 {
			return near[r.IntN(len(near))]
		}
		for {
			if c := byte(r.Uint32()); strings.IndexByte(special, c) < 0 {
				return c
			}
		}
	}
	for b := range 256 {
		for k := range 8 {
			for range 32 {
				var w [8]byte
				for j := range w {
					w[j] = other()
					if j > k && r.IntN(3) == 0 {
						w[j] = special[r.IntN(len(special))]
					}
				}
				w[k] = byte(b)
				want := strings.IndexAny(string(w[:]), special)
				got := -1
				if m := escapeMask(load64(string(w[:]), 0)); m != 0 {
					got = bits.TrailingZeros64(m) / 8
				}
				if got != want {
					t.Fatalf("word %q: first escaped byte at %d, want %d", w, got, want)
				}
			}
		}
	}
}

// IsParagraphsHTML must accept exactly what ParagraphsHTML builds: the
// store leaves the body HTML out of a record on its word.
func TestIsParagraphsHTML(t *testing.T) {
	for _, ps := range [][]string{nil, {""}, {"a", "b"}, {"<&>'\""}, {"x\ny"}} {
		h := ParagraphsHTML(ps)
		if !IsParagraphsHTML(h, ps) {
			t.Errorf("IsParagraphsHTML(%q, %q) = false", h, ps)
		}
		for _, bad := range []string{h + " ", h + "\n", strings.Replace(h, "&amp;", "&", 1), strings.TrimSuffix(h, ">")} {
			if bad != h && IsParagraphsHTML(bad, ps) {
				t.Errorf("IsParagraphsHTML(%q, %q) = true", bad, ps)
			}
		}
	}
}

// IsParagraphsHTML against the definition, h == ParagraphsHTML(ps), on
// random paragraphs and on near misses of their HTML: one byte changed,
// an entity cut short, the same text split into paragraphs differently.
func TestIsParagraphsHTMLRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	const alphabet = "abcdefgh   <>&'\"\n;#3pé"
	para := func() string {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return strings.ToValidUTF8(string(b), "?")
	}
	check := func(h string, ps []string) {
		t.Helper()
		if got, want := IsParagraphsHTML(h, ps), h == ParagraphsHTML(ps); got != want {
			t.Fatalf("IsParagraphsHTML(%q, %q) = %v, want %v", h, ps, got, want)
		}
	}
	for range 3000 {
		ps := make([]string, r.IntN(5))
		for i := range ps {
			ps[i] = para()
		}
		h := ParagraphsHTML(ps)
		check(h, ps)
		if h == "" {
			check("<p></p>", ps)
			continue
		}
		// One byte changed, to a special one, a near one or any.
		b := []byte(h)
		i := r.IntN(len(b))
		switch r.IntN(3) {
		case 0:
			b[i] = `<>&'"`[r.IntN(5)]
		case 1:
			b[i] ^= 1 << r.IntN(8)
		default:
			b[i] = byte(r.Uint32())
		}
		check(string(b), ps)
		// An entity cut short, its ';' or more dropped; or one byte
		// dropped or doubled, or the end cut off.
		var amps []int
		for i := range len(h) {
			if h[i] == '&' {
				amps = append(amps, i)
			}
		}
		if len(amps) > 0 {
			e := amps[r.IntN(len(amps))]
			end := e + strings.IndexByte(h[e:], ';')
			cut := e + 1 + r.IntN(end-e)
			check(h[:cut]+h[end+1:], ps)
		}
		j := r.IntN(len(h))
		check(h[:j]+h[j+1:], ps)
		check(h[:j]+h[j:j+1]+h[j:], ps)
		check(h[:j], ps)
		// The same text split into paragraphs differently.
		if len(ps) > 1 {
			k := r.IntN(len(ps) - 1)
			joined := append(append(append([]string{}, ps[:k]...), ps[k]+ps[k+1]), ps[k+2:]...)
			check(h, joined)
			check(ParagraphsHTML(joined), ps)
		}
		if len(ps) > 0 {
			k := r.IntN(len(ps))
			if p := ps[k]; p != "" {
				c := r.IntN(len(p) + 1)
				split := append(append(append([]string{}, ps[:k]...), p[:c], p[c:]), ps[k+1:]...)
				check(h, split)
				check(ParagraphsHTML(split), ps)
			}
		}
	}
}

func BenchmarkIsParagraphsHTML(b *testing.B) {
	a, err := Parse("bench.txt", genText(16<<10), Options{Ref: benchRef})
	if err != nil {
		b.Fatal(err)
	}
	h := ParagraphsHTML(a.BodyParagraphs)
	n := 0
	for _, p := range a.BodyParagraphs {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if !IsParagraphsHTML(h, a.BodyParagraphs) {
			b.Fatal("IsParagraphsHTML = false on ParagraphsHTML's output")
		}
	}
}
