package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// benchItems makes n articles of about 5 KB of HTML each, with the
// relative links and markup real articles carry.
func benchItems(n int) []Item {
	para := `<p>The harbour master said the <a href="/tides">tide tables</a> were revised after ` +
		`the storm &amp; the new pier opened. <em>Boats</em> now dock at <img src="img/pier.jpg" alt="pier"> ` +
		`the east quay, which — according to the council — will stay open until October.</p>`
	body := strings.Repeat(para, 5*1024/len(para)+1)
	items := make([]Item, n)
	t0 := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	for i := range items {
		items[i] = Item{
			ID:          fmt.Sprintf("tag:localhost,2024-05-01:article-%d", i),
			Slug:        fmt.Sprintf("article-%d", i),
			Title:       fmt.Sprintf("Harbour report number %d: tides, piers & boats", i),
			Summary:     "The harbour master revised the tide tables after the storm.",
			Author:      "Mira Castellano",
			ContentHTML: body,
			Published:   t0.Add(time.Duration(i) * time.Hour),
			Updated:     t0.Add(time.Duration(i)*time.Hour + time.Minute),
			Tags:        []string{"harbour", "weather"},
		}
	}
	return items
}

func BenchmarkRender(b *testing.B) {
	items := benchItems(50)
	meta := fullMeta()
	var size int
	b.ReportAllocs()
	for b.Loop() {
		out, err := Render(meta, items)
		if err != nil {
			b.Fatal(err)
		}
		size = 0
		for _, doc := range out {
			size += len(doc)
		}
	}
	b.ReportMetric(float64(size), "bytes/render")
}
