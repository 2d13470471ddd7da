package boilerplate

import (
	"strings"
	"unicode/utf8"
)

// commentVerbs are the verbs comment systems put after the commenter's
// name and date, in the corpus's languages: "Jane on May 3, 2019 at 5:20
// pm said:", "Max schreibt:", "Иван пишет:".
var commentVerbs = []string{
	"said", "says", "wrote", "writes", "replied", "commented", "dice", "disse", "diz", "escreveu", "comentou",
	"schreibt", "sagt", "scrive", "ha scritto", "пишет", "написал", "написала", "berkata", "menulis",
	"a écrit", "dit", "zegt", "schreef", "escribió", "comentó",
}

// maxCommentHeader bounds a comment header: a name, a date, a verb.
const maxCommentHeader = 160

// isCommentHeader reports whether s heads a comment: a short line that
// ends in one of commentVerbs and a colon, after a name and usually a
// date.
func isCommentHeader(s string) bool {
	if len(s) > maxCommentHeader || len(s) < 6 {
		return false
	}
	s = strings.TrimRight(s, " ")
	if !strings.HasSuffix(s, ":") {
		return false
	}
	s = strings.TrimRight(s[:len(s)-1], " ")
	for _, v := range commentVerbs {
		if len(s) <= len(v) || !strings.EqualFold(s[len(s)-len(v):], v) {
			continue
		}
		// The verb is a word of its own, after a name.
		r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(v)])
		return r == ' '
	}
	return false
}
