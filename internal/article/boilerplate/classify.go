// Package boilerplate finds the article in the lines of a plain-text web
// page and says why every other line is dropped.
//
// It is a scored classification of lines in their context, in the spirit of
// jusText (Pomikálek 2011) adapted to text that has lost its markup: each
// line gets a soft score from its length, sentence punctuation, share of
// function words in the page's language, repetition on the page and known
// boilerplate wording; the article is the maximum-sum run of those scores,
// cut at the start of a comment section; boilerplate inside the run is then
// named line by line.
package boilerplate

// Result is what Classify found.
type Result struct {
	// Start is the first line of the article: its headline when one is
	// found in the few short lines just before the body, else the first
	// body line. End is one past the last body line. Both are 0 when the
	// page has no article.
	Start, End int
	// Body is the first line of the body proper, Start <= Body <= End.
	// lines[Start:Body] is the article's header as far as Classify can
	// tell: headline, standfirst, byline, date and captions. Header lines
	// have kind "" unless they are boilerplate (share rows, repeated
	// captions), so the caller can read title, byline and dateline there.
	Body int
	// Kinds has one entry per input line: "" for a line of the article to
	// keep as it is, otherwise the reason the line is dropped (one of the
	// Kind constants; "outside" for anything before Start or after End
	// that matched no more specific kind).
	Kinds []string
}

// Classify scores the lines (paragraphs) of a plain-text page and finds the
// article in it. Lines are taken as they are: callers split the page into
// paragraphs and trim them first. It runs in time linear in the input.
func Classify(lines []string) Result {
	res := Result{Kinds: make([]string, len(lines))}
	if len(lines) == 0 {
		return res
	}
	p := pagePool.Get().(*page)
	defer p.release()
	p.init(lines)
	p.score()
	start, body, end := p.findArticle()
	res.Start, res.Body, res.End = start, body, end
	p.label(res.Kinds, start, body, end)
	p.leftovers(res.Kinds, body, end)
	p.captionBlocks(res.Kinds, start, body, end)
	return res
}
