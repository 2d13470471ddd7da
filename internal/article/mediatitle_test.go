package article

import "testing"

// A news page that plays a video beside its article: the player's label,
// the video's title and its description stand right above the story,
// nearer to it than the article's own headline.
var (
	mediaMenu     = []string{"Skip to content", "Home", "Local", "Sports", "Weather", "Watch Live", "Sign In"}
	mediaHeadline = "Harbor ferry returns to service after six weeks of repairs"
	mediaFacts    = []string{"Published 3 hours ago", "By Dana Whitfield | Coast Herald"}
	mediaShare    = []string{"Facebook", "Twitter", "Email", "Print"}
	mediaPlayer   = []string{
		"close", "Video",
		"Morning traffic and weather headlines for Tuesday",
		"Your morning traffic and weather update for Tuesday is here. Check what is moving on the roads today.",
	}
	mediaStory = []string{
		"The harbor ferry carried its first passengers in six weeks on Tuesday morning, after repairs to its engine and its landing ramp took longer than the port had planned.",
		"Commuters who had driven around the bay since early autumn said the crossing saved them almost an hour each day, and several waited at the pier before the first sailing.",
		"The port authority said the ferry would keep its winter timetable until March, when a second boat is due back from its own refit at the yard up the coast.",
	}
	mediaFooter = []string{"Related", "Privacy Policy", "Terms of Use", "© 2026 Coast Herald"}
)

// TestMediaTitleNotHeadline checks that the title of a video played
// beside the article is not taken for its headline, and that a "Video"
// section label over a video story's own headline, with its byline under
// it, still leaves that headline the title.
func TestMediaTitleNotHeadline(t *testing.T) {
	tests := []struct {
		name, page, title string
	}{
		{
			name:  "video beside the article",
			page:  scrapedPage(mediaMenu, []string{mediaHeadline}, mediaFacts, mediaShare, mediaPlayer, mediaStory, mediaFooter),
			title: mediaHeadline,
		},
		{
			name:  "video section over a video story",
			page:  scrapedPage(mediaMenu, []string{"Video", mediaHeadline}, mediaFacts, mediaStory, mediaFooter),
			title: mediaHeadline,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parseWithTitle(t, tc.page, tc.title)
		})
	}
}

func TestMediaLabel(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Video", true}, {"VIDEO:", true}, {"▶ Watch now", true}, {"Now Playing", true}, {"Vidéo", true},
		{"Videos of the week", false}, {"Watch Live", false}, {"Watch", false}, {"Podcast", false},
		{"Harbor ferry returns to service", false},
	} {
		if got := mediaLabel(tc.line); got != tc.want {
			t.Errorf("mediaLabel(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
