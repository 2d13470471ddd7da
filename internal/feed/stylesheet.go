package feed

import _ "embed"

//go:embed feed.xsl
var stylesheet []byte

// Stylesheet is the XSLT served at PathStylesheet. Browsers apply it to the
// Atom and RSS feeds (through their xml-stylesheet processing instruction)
// and show a readable page; feed readers ignore it. The slice is shared:
// do not modify it.
func Stylesheet() []byte { return stylesheet }
