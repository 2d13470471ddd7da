// Package feedcheck holds the checks the tests of several packages run on
// the feeds seedfeed renders: encoding/xml's strict reading, and Python's
// feedparser when Debian's python3-feedparser is installed (CI installs
// it).
package feedcheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
)

// WellFormed reads every token of b with encoding/xml in strict mode and
// requires exactly one root element, closed.
func WellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 || roots != 1 {
				return fmt.Errorf("%d root elements, %d left open", roots, depth)
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

const python = "/usr/bin/python3"

// HaveFeedparser reports whether python3-feedparser is installed.
func HaveFeedparser() bool {
	return exec.Command(python, "-c", "import feedparser").Run() == nil
}

// Feedparser parses an Atom or RSS document with feedparser and fails on
// its bozo flag or on a feed without entries.
func Feedparser(doc []byte) error {
	cmd := exec.Command(python, "-c", `import sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
if d.bozo:
    print("bozo:", d.bozo_exception); sys.exit(1)
if not d.entries:
    print("no entries"); sys.exit(1)
`)
	cmd.Stdin = bytes.NewReader(doc)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("feedparser: %w: %s", err, out)
	}
	return nil
}
