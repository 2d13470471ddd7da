package feedcheck

import "testing"

func TestWellFormed(t *testing.T) {
	tests := []struct {
		doc string
		ok  bool
	}{
		{`<feed><entry/></feed>`, true},
		{`<?xml version="1.0"?><rss><channel/></rss>`, true},
		{`<feed><entry></feed>`, false},
		{`<feed/><feed/>`, false},
		{``, false},
		{`<feed>&nbsp;</feed>`, false},
	}
	for _, tt := range tests {
		if err := WellFormed([]byte(tt.doc)); (err == nil) != tt.ok {
			t.Errorf("WellFormed(%q) = %v, want ok %v", tt.doc, err, tt.ok)
		}
	}
}

func TestFeedparser(t *testing.T) {
	if !HaveFeedparser() {
		t.Skip("python3-feedparser is not installed")
	}
	good := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><entry><id>urn:y</id><title>e</title><updated>2026-01-01T00:00:00Z</updated></entry></feed>`
	if err := Feedparser([]byte(good)); err != nil {
		t.Errorf("a good feed: %v", err)
	}
	if err := Feedparser([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry>`)); err == nil {
		t.Error("a broken feed passed")
	}
}
