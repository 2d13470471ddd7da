// Package htmlcheck tells whether markup could run code once a browser or a
// feed reader renders it. seedfeed's tests use it on every page and feed
// body they produce from hostile input.
package htmlcheck

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// ErrNotInert is wrapped by every finding of Inert.
var ErrNotInert = errors.New("htmlcheck: markup is not inert")

// Inert tokenizes s as a browser would and reports the first thing in it
// that can run code or take the page elsewhere: a script, frame, object,
// embed, form or base element, a refreshing <meta>, a <link> to a script,
// an event-handler attribute, or a javascript:, vbscript: or data:text/html
// URL in an attribute that loads or navigates.
func Inert(s string) error {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "form", "base":
				return fmt.Errorf("%w: <%s> element in %.200q", ErrNotInert, tok.Data, s)
			case "meta", "link":
				if refreshOrScript(tok) {
					return fmt.Errorf("%w: <%s> element in %.200q", ErrNotInert, tok.Data, s)
				}
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					return fmt.Errorf("%w: event attribute %s=%q", ErrNotInert, a.Key, a.Val)
				}
				switch key {
				case "href", "src", "action", "formaction", "srcset":
					if codeURL(a.Val) {
						return fmt.Errorf("%w: code URL %s=%q", ErrNotInert, a.Key, a.Val)
					}
				}
			}
		}
	}
}

// codeURL reports whether v, read as browsers do (blanks and control
// characters inside the scheme ignored, any case), runs code.
func codeURL(v string) bool {
	v = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, v))
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text/html")
}

// refreshOrScript flags <meta http-equiv=refresh> and <link> to scripts,
// the two harmful uses of elements a normal page head has.
func refreshOrScript(tok html.Token) bool {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, "http-equiv") && strings.EqualFold(a.Val, "refresh") {
			return true
		}
		if strings.EqualFold(a.Key, "as") && strings.EqualFold(a.Val, "script") {
			return true
		}
	}
	return false
}
