package article

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A blog's comment section is headed by a line that quotes the post's
// title, printed by the blog software in the reader's language: "12
// thoughts on “Title”", "Ein Gedanke zu „Titel“", "3 réflexions sur «
// Titre »", "“タイトル” への3件のフィードバック". A wiki's footer names
// the page in the address it was retrieved from ("Retrieved from
// "https://…/index.php?title=Page_name&oldid=123""). These are the places
// a whole-page scrape names its own headline, and they do so wherever the
// headline stands, also far from the body start, where no candidate is
// looked for.

// commentHeadPhrases are what stands between the count and the quoted
// title, lower-cased, with single spaces.
var commentHeadPhrases = []string{
	// English
	"thoughts on", "thought on", "comments on", "comment on", "responses to",
	"response to", "replies to", "reply to", "replies on", "reply on",
	"responses on", "comments to",
	// German
	"gedanken zu", "gedanke zu", "kommentare zu", "kommentar zu", "antworten zu",
	"antwort zu", "reaktionen zu",
	// French
	"réflexions sur", "réflexion sur", "commentaires sur", "commentaire sur",
	"réponses à", "réponse à", "pensées sur", "pensée sur",
	// Spanish
	"comentarios en", "comentario en", "comentarios sobre", "comentario sobre",
	"respuestas a", "respuesta a", "pensamientos sobre", "pensamiento sobre",
	// Italian
	"pensieri su", "pensiero su", "commenti su", "commento su", "risposte a", "risposta a",
	// Portuguese
	"comentários em", "comentário em", "comentários sobre", "comentário sobre",
	"respostas para", "resposta para", "respostas a", "resposta a",
	"pensamentos sobre", "pensamento sobre",
	// Dutch
	"gedachten over", "gedachte over", "reacties op", "reactie op",
	// Polish
	"myśli na temat", "komentarzy do", "komentarze do", "komentarz do",
	// Russian
	"комментариев к", "комментария к", "комментарий к", "мыслей о", "мысли о",
	"мысль о", "ответов на", "ответа на", "ответ на",
}

// countWords stand for a count of one before a comment head's phrase.
var countWords = map[string]bool{
	"one": true, "ein": true, "eine": true, "une": true, "un": true, "uno": true,
	"una": true, "um": true, "uma": true, "één": true, "een": true, "jeden": true,
	"jedna": true, "jedno": true, "один": true, "одна": true, "одно": true, "no": true,
}

// headOpenQuotes and headCloseQuotes are the marks a comment head may quote a
// title in. They are not openQuotes and closeQuotes (kickerCut's): those
// leave out ‘ and ’, an apostrophe in the headlines kickerCut cuts.
const (
	headOpenQuotes  = "“„«\"‘‚「『‹"
	headCloseQuotes = "”“»\"’‘」』›"
)

// maxCommentHead bounds the length of a comment head, title included.
const maxCommentHead = 400

// commentHeadTitle returns the title a comment section's head line p
// quotes, and whether p is one.
func commentHeadTitle(p string) (string, bool) {
	if len(p) > maxCommentHead || len(p) < 8 {
		return "", false
	}
	if last, _ := utf8.DecodeLastRuneInString(p); strings.ContainsRune(headCloseQuotes, last) {
		return quotedAfterCount(p)
	}
	return quotedBeforeCount(p)
}

// quotedAfterCount reads "12 thoughts on “Title”": a count (a number or
// a word for one, maybe after an icon's glyph), a phrase of
// commentHeadPhrases, and the title in quotes up to the line's end.
func quotedAfterCount(p string) (string, bool) {
	// An icon font's glyph or a sign may stand before the count.
	s := strings.TrimLeftFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(p)-len(s) > 4 {
		return "", false
	}
	count, rest, ok := strings.Cut(s, " ")
	if !ok || !(allDigits(count) || countWords[strings.ToLower(count)]) {
		return "", false
	}
	q := strings.IndexAny(rest, headOpenQuotes)
	if q < 0 {
		return "", false
	}
	phrase := strings.ToLower(collapseSpace(rest[:q]))
	known := false
	for _, h := range commentHeadPhrases {
		if phrase == h {
			known = true
			break
		}
	}
	if !known {
		return "", false
	}
	_, n := utf8.DecodeRuneInString(rest[q:])
	_, m := utf8.DecodeLastRuneInString(rest)
	if q+n > len(rest)-m {
		// The line's one quote mark both opens and ends it.
		return "", false
	}
	return quotedTitle(rest[q+n : len(rest)-m])
}

// quotedBeforeCount reads the Japanese head, the title first:
// "“タイトル” への3件のフィードバック", "「タイトル」への1件のコメント".
func quotedBeforeCount(p string) (string, bool) {
	first, n := utf8.DecodeRuneInString(p)
	if !strings.ContainsRune(headOpenQuotes, first) {
		return "", false
	}
	i := strings.LastIndex(p, "への")
	if i < 0 {
		return "", false
	}
	tail := strings.TrimSpace(p[i+len("への"):])
	digits := strings.TrimLeftFunc(tail, unicode.IsDigit)
	if len(digits) == len(tail) {
		return "", false
	}
	switch strings.TrimSpace(digits) {
	case "件のフィードバック", "件のコメント", "件の返信", "件のレスポンス":
	default:
		return "", false
	}
	head := strings.TrimRightFunc(p[:i], unicode.IsSpace)
	last, m := utf8.DecodeLastRuneInString(head)
	if !strings.ContainsRune(headCloseQuotes, last) || len(head)-m < n {
		// Or the head's one quote mark both opens and ends it.
		return "", false
	}
	return quotedTitle(head[n : len(head)-m])
}

// quotedTitle returns the text between a comment head's quotes when it
// can be a title.
func quotedTitle(t string) (string, bool) {
	t = collapseSpace(t)
	if t == "" || !utf8.ValidString(t) {
		return "", false
	}
	return t, true
}

// namedTitle returns the title the page's comment head names, and
// whether exactly one title is named (a page that quotes two is a list of
// posts, whose heads name theirs).
func (tr *textReader) namedTitle() (string, bool) {
	var title string
	for _, p := range tr.paras {
		if len(p) < 8 || len(p) > maxCommentHead {
			continue
		}
		t, ok := wikiFooterTitle(p)
		if !ok {
			// Every comment head ends with a quote or with a Japanese
			// count's noun; other lines are passed over at the cost of
			// one rune's read.
			last, _ := utf8.DecodeLastRuneInString(p)
			if !strings.ContainsRune(headCloseQuotes, last) && last != 'ク' && last != 'ト' && last != '信' && last != 'ス' {
				continue
			}
			if t, ok = commentHeadTitle(p); !ok {
				continue
			}
		}
		if title != "" && !strings.EqualFold(title, t) {
			return "", false
		}
		title = t
	}
	return title, title != ""
}

// namedHeadline returns the line that is the title the page's comment
// head names (namedTitle): among cands first, else the first line above
// the body start (body) that reads the same. ok is false when the page
// names none, or no line is it.
func (tr *textReader) namedHeadline(cands []headCand, body int) (headCand, bool) {
	title, ok := tr.namedTitle()
	if !ok {
		return headCand{}, false
	}
	for _, c := range cands {
		if sameTitle(c.text(tr.paras), title) || c.part == "" && sameTitle(tr.withoutSite(tr.paras[c.i], c.i), title) {
			return c, true
		}
	}
	// Below the body start a copy of the title is no headline to take:
	// a line there would restart the body (readHeader).
	for i, p := range tr.paras[:min(body, len(tr.paras))] {
		if tr.roles[i] != roleBody && sameTitle(p, title) {
			return headCand{i: i}, true
		}
	}
	return headCand{}, false
}

// sameTitle reports whether line p is title t, but for spacing and case
// (a theme may print its headlines in capitals).
func sameTitle(p, t string) bool {
	return len(p) >= len(t)-8 && len(p) <= len(t)+8 && strings.EqualFold(collapseSpace(p), t)
}

// wikiFooterTitle returns the page name a wiki's "Retrieved from" footer
// line p names in its address, and whether p is one: a MediaWiki
// address of a revision, "…/index.php?title=Page_name&oldid=123" or
// "…/wiki/Page_name?oldid=123", with its underscores read as spaces.
func wikiFooterTitle(p string) (string, bool) {
	if len(p) > maxCommentHead || strings.IndexByte(p, '=') < 0 {
		return "", false
	}
	k := strings.Index(p, "oldid=")
	if k < 0 {
		return "", false
	}
	from := strings.LastIndex(p[:k], "http")
	if from < 0 {
		return "", false
	}
	to := strings.IndexFunc(p[k:], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(headCloseQuotes, r) || r == '\'' || r == '<' || r == '>'
	})
	if to < 0 {
		to = len(p) - k
	}
	u, err := url.Parse(p[from : k+to])
	if err != nil {
		return "", false
	}
	q := u.Query()
	if q.Get("oldid") == "" {
		return "", false
	}
	name := q.Get("title")
	if name == "" {
		i := strings.LastIndex(u.Path, "/wiki/")
		if i < 0 {
			return "", false
		}
		name = u.Path[i+len("/wiki/"):]
	}
	return quotedTitle(strings.ReplaceAll(name, "_", " "))
}
