package feed

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isURLAttr reports whether an attribute's value is one URL. Feed readers
// show content away from the article's page, so a relative one would point
// nowhere (and the W3C validator flags it).
func isURLAttr(key string) bool {
	switch key {
	case "href", "src", "cite", "poster", "action", "formaction", "longdesc",
		"background", "usemap", "data", "manifest", "codebase", "icon":
		return true
	}
	return false
}

// excerptRunes bounds a summary made from the content when the article has
// none.
const excerptRunes = 280

// rewriteContent makes every URL in sanitized HTML absolute against base
// and returns the HTML with its visible text, collapsed to one line, for
// use as a fallback summary. It works on the token stream rather than a
// parsed tree: that keeps the markup as the author wrote it, costs less,
// and has no nesting limit (the tree parser gives up past 512 open
// elements, which one hostile article must not turn into a failed render).
func rewriteContent(fragment string, base *url.URL) (htmlOut, text string) {
	if !strings.ContainsAny(fragment, "<&") {
		return fragment, strings.Join(strings.Fields(fragment), " ")
	}
	var out, txt strings.Builder
	out.Grow(len(fragment) + len(fragment)/8)
	z := html.NewTokenizer(strings.NewReader(fragment))
	rawText := false // inside script, style and the like: copied as is, not shown
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// A strings.Reader ends with io.EOF and nothing else.
			return out.String(), strings.Join(strings.Fields(txt.String()), " ")
		case html.TextToken:
			if rawText {
				out.Write(z.Raw())
				continue
			}
			tok := z.Token()
			txt.WriteString(tok.Data)
			out.WriteString(tok.String())
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			absolutize(&tok, base)
			out.WriteString(tok.String())
			if !isInline(tok.DataAtom) {
				txt.WriteByte(' ') // block boundaries separate words; inline ones do not
			}
			if tt == html.StartTagToken {
				switch tok.DataAtom {
				case atom.Noscript, atom.Noembed, atom.Noframes:
					// A reader without scripting parses these as markup,
					// so their URLs must be rewritten too.
					z.NextIsNotRawText()
				case atom.Script, atom.Style, atom.Xmp, atom.Iframe, atom.Plaintext:
					rawText = true
				}
			}
		case html.EndTagToken:
			rawText = false
			tok := z.Token()
			out.WriteString(tok.String())
			if !isInline(tok.DataAtom) {
				txt.WriteByte(' ')
			}
		default: // comments, doctypes
			out.WriteString(z.Token().String())
		}
	}
}

// absolutize resolves the URL-valued attributes of a start tag, dropping
// those whose URL does not parse.
func absolutize(tok *html.Token, base *url.URL) {
	attrs := tok.Attr[:0]
	for _, a := range tok.Attr {
		// The tokenizer leaves namespaces in the key: SVG's "xlink:href".
		key := a.Key[strings.LastIndexByte(a.Key, ':')+1:]
		switch {
		case isURLAttr(key):
			v, ok := resolve(a.Val, base)
			if !ok {
				continue
			}
			a.Val = v
		case key == "srcset" || key == "imagesrcset":
			a.Val = resolveSrcset(a.Val, base)
		}
		attrs = append(attrs, a)
	}
	tok.Attr = attrs
}

// isInline reports whether an element continues the text around it.
func isInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Code, atom.Data,
		atom.Del, atom.Dfn, atom.Em, atom.I, atom.Ins, atom.Kbd, atom.Mark, atom.Q,
		atom.S, atom.Samp, atom.Small, atom.Span, atom.Strong, atom.Sub, atom.Sup,
		atom.Time, atom.U, atom.Var, atom.Font, atom.Tt, atom.Strike, atom.Big:
		return true
	}
	return false
}

func resolve(ref string, base *url.URL) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", false
	}
	return base.ResolveReference(u).String(), true
}

// resolveSrcset resolves each "URL [descriptor]" candidate of a srcset,
// dropping those whose URL does not parse.
func resolveSrcset(srcset string, base *url.URL) string {
	var out []string
	for _, cand := range strings.Split(srcset, ",") {
		fields := strings.Fields(cand)
		if len(fields) == 0 {
			continue
		}
		u, ok := resolve(fields[0], base)
		if !ok {
			continue
		}
		fields[0] = u
		out = append(out, strings.Join(fields, " "))
	}
	return strings.Join(out, ", ")
}

// excerpt shortens text to at most excerptRunes runes, cutting at a space
// when there is one and marking the cut with an ellipsis.
func excerpt(text string) string {
	if utf8.RuneCountInString(text) <= excerptRunes {
		return text
	}
	n := 0
	for i := range text {
		if n == excerptRunes-1 { // leave room for the ellipsis
			s := text[:i]
			if sp := strings.LastIndexByte(s, ' '); sp > len(s)/2 {
				s = s[:sp]
			}
			return strings.TrimRight(s, " ,;:.") + "…"
		}
		n++
	}
	return text
}

// leadHTML is what the article page shows between the title and the body:
// the subtitle as a standfirst, a figure for each captioned picture, and
// the dateline, in that order. Every piece is plain text, escaped here;
// "" when the item has none of them.
func leadHTML(it Item) string {
	var b strings.Builder
	if s := cleanLine(it.Subtitle); s != "" {
		addBlock(&b, "<p><em>"+escapeHTMLText(s)+"</em></p>")
	}
	for _, f := range it.Figures {
		if c := figureCaption(cleanLine(f.Caption), cleanLine(f.Credit)); c != "" {
			addBlock(&b, "<figure><figcaption>"+escapeHTMLText(c)+"</figcaption></figure>")
		}
	}
	if s := cleanLine(it.Dateline); s != "" {
		addBlock(&b, "<p><strong>"+escapeHTMLText(s)+"</strong></p>")
	}
	return b.String()
}

// figureCaption joins a caption and its credit with a dash: the page sets
// the credit apart with its stylesheet, which a feed reader does not have,
// and run together "… the terminal. Chinedu Eze/AP" would read as one
// sentence.
func figureCaption(caption, credit string) string {
	switch {
	case caption == "":
		return credit
	case credit == "":
		return caption
	}
	return caption + " — " + credit
}

// addBlock appends an HTML block on its own line.
func addBlock(b *strings.Builder, block string) {
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(block)
}

// joinHTML puts two HTML fragments one after the other on separate lines,
// leaving out an empty one.
func joinHTML(first, second string) string {
	switch {
	case first == "":
		return second
	case second == "":
		return first
	}
	return first + "\n" + second
}
