package feed

import (
	_ "embed"
	"time"
)

//go:embed feed.css
var stylesheet []byte

// Stylesheet is the CSS served at PathStylesheet. The Atom and RSS feeds
// name it in an xml-stylesheet processing instruction, so that a browser
// that opens a feed as XML shows a readable page; feed readers ignore it.
// The slice is shared: do not modify it.
func Stylesheet() []byte { return stylesheet }

// StylesheetModified is when Stylesheet last changed, for Last-Modified:
// a fixed date, the same on every replica and after every restart, that
// TestStylesheetModifiedFollowsItsBytes makes whoever edits feed.css move
// (it compares the file with stylesheetSHA256).
var StylesheetModified = time.Date(2026, 12, 3, 1, 45, 0, 0, time.UTC)

// stylesheetSHA256 is the hex SHA-256 of the feed.css StylesheetModified
// dates. Change both together.
const stylesheetSHA256 = "9bacae8a1e401822d38f1cb88a57a083842be09877cf8394898b9d82e84bfaab"
