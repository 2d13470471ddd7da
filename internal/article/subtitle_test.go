package article

import (
	"strings"
	"testing"
)

// TestSubtitle reads the header of small articles: a standfirst between
// the title and the byline is the subtitle even when it shares only one
// word with the body, while labels, score lines, slogans and lines kept
// apart from the title by article text are not.
func TestSubtitle(t *testing.T) {
	const body = "By Hedda Marsh\n\n" +
		"The three cottages beside the old lighthouse will take their first guests in April, the trust that owns them said on Tuesday.\n\n" +
		"The buildings had stood empty since the last keeper left, and storms had torn away most of the slate roofs before the trust bought them.\n\n" +
		"Volunteers rebuilt the chimneys by hand during the repairs, and a local quarry supplied stone that matches the original walls.\n"
	const title = "Lighthouse keepers' cottages reopen as holiday lets"
	const caption = "Visitors walk along the cliff path below the restored cottages (image credit Coastal Trust)"
	tests := []struct {
		name   string
		header []string // lines between the title and the byline
		want   string
	}{
		{"standfirst sharing one word", []string{caption, caption, "Spread the love", "Bookings open next spring after a decade of repairs paid for by donations"},
			"Bookings open next spring after a decade of repairs paid for by donations"},
		{"standfirst sharing many words", []string{"Trust says the old cottages will take guests from April"}, "Trust says the old cottages will take guests from April"},
		{"standfirst ending in a period", []string{"Spread the love", "Bookings open next spring after a decade of repairs paid for by donations."},
			"Bookings open next spring after a decade of repairs paid for by donations."},
		{"label with a colon", []string{"Best of the coast 2019: our favourite cottages"}, ""},
		{"score line", []string{"Cottages 14 11 6 15 — 44 over"}, ""},
		{"short label", []string{"Listen to this article"}, ""},
		{"no shared word", []string{"Sign up for our morning briefing every single weekday"}, ""},
		{"too short to stand on one word", []string{"Bookings open after repairs"}, ""},
		{"another post's card", []string{"Recent Posts", "Trust opens the restored cottages to school visits", "Read More"}, ""},
		{"article text between", []string{"Weekend weather for the whole coast", "Bookings open next spring after a decade of repairs paid for by donations"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := title + "\n\n" + strings.Join(tc.header, "\n\n") + "\n\n" + body
			a, err := Parse("a.txt", []byte(text), goldenOptions())
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != title {
				t.Errorf("title %q, want %q", a.Title, title)
			}
			if a.Subtitle != tc.want {
				t.Errorf("subtitle %q, want %q (removed %q)", a.Subtitle, tc.want, a.Removed)
			}
			if a.Author != "Hedda Marsh" {
				t.Errorf("author %q", a.Author)
			}
			if len(a.BodyParagraphs) != 3 {
				t.Errorf("body %q", a.BodyParagraphs)
			}
			for _, lines := range a.Removed {
				for _, l := range lines {
					if tc.want != "" && l == tc.want {
						t.Errorf("subtitle also removed")
					}
				}
			}
		})
	}
}

// TestStandfirstOverPageHeader: on a whole-page scrape whose headline
// stands before Classify's header (a site header under the menus, then
// the byline block), the clause right under the headline is its
// standfirst (outsideStandfirst); a meta row with a full date or a field
// with a short value in that place is not, wherever Classify starts the
// header (mayStandfirst).
func TestStandfirstOverPageHeader(t *testing.T) {
	const headline = "El puerto de Valencia bate su récord de contenedores en octubre"
	const standfirst = "El tráfico creció un 12% respecto al mismo mes del año pasado, impulsado por las exportaciones a Asia"
	page := func(under ...string) string {
		return scrapedPage(
			[]string{"Inicio", "Política", "Economía", "Deportes", "Cultura", "Opinión", "Suscríbete", "Economía", headline},
			under,
			[]string{"Por María López Herrera", "19 de noviembre de 2019 - 09:45", "Actualizado: 19/11/2019 12:30", "Compartir en Facebook", "Compartir en Twitter"},
			[]string{
				"El puerto de Valencia movió en octubre más contenedores que en ningún otro mes de su historia, según los datos publicados este martes por la Autoridad Portuaria.",
				"El crecimiento se debe sobre todo a las exportaciones hacia Asia, que aumentaron un 18% en el último año, y a la llegada de dos nuevas líneas marítimas.",
				"Los sindicatos, sin embargo, advierten de que la plantilla no ha crecido al mismo ritmo que el tráfico.",
			},
			[]string{"Temas relacionados", "Puerto de Valencia", "Comentarios"},
		)
	}
	for _, tc := range []struct {
		name  string
		under []string
		want  string
	}{
		{"a standfirst", []string{standfirst}, standfirst},
		{"a field with a short value", []string{"Temas: puerto de Valencia"}, ""},
		{"a meta row with a date", []string{"María López Herrera Economía Valencia 19 de noviembre de 2019 puerto contenedores"}, ""},
		{"nothing", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := parseWithTitle(t, page(tc.under...), headline)
			if a.Subtitle != tc.want {
				t.Errorf("subtitle %q, want %q", a.Subtitle, tc.want)
			}
			if a.Author != "María López Herrera" {
				t.Errorf("author %q", a.Author)
			}
		})
	}
}

// TestPictureLabelsNoStandfirst: a news site's hidden picture labels,
// between the headline's date and the story, are the picture's, with its
// text on the label's line or on the line under a label alone; neither is
// the standfirst, nor part of the story.
func TestPictureLabelsNoStandfirst(t *testing.T) {
	const headline = "Flood defences on the River Severn to be raised by a metre"
	story := []string{
		"Flood defences along a 20-mile stretch of the River Severn are to be raised by a metre, the Environment Agency has said.",
		"The work, which will cost £40m, is due to start in the spring and will take three years to finish.",
		"Residents of Worcester and Tewkesbury, where hundreds of homes were flooded last winter, have welcomed the plans.",
	}
	for _, labels := range [][]string{
		{"Image source, Getty Images", "Image caption, The Severn burst its banks at Worcester last winter"},
		{"Image source, Getty Images", "Image caption,", "The Severn burst its banks at Worcester last winter"},
	} {
		page := scrapedPage([]string{"Home", "News", "Sport", "Weather", "News", "UK", "World"}, []string{headline, "19 November 2019", "Share"}, labels, story, []string{"Related Topics", "Flooding"})
		a := parseWithTitle(t, page, headline)
		if a.Subtitle != "" {
			t.Errorf("%q: subtitle %q", labels, a.Subtitle)
		}
		if len(a.BodyParagraphs) == 0 || a.BodyParagraphs[0] != story[0] {
			t.Errorf("%q: body starts %q", labels, a.BodyParagraphs)
		}
	}
}
