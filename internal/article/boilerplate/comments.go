package boilerplate

import (
	"strings"
	"unicode"
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

// maxStampLine bounds a comment stamp: a name, a date and a time.
const maxStampLine = 100

// maxStampWords and maxStampName bound the commenter's name before a
// stamp's date, in words and bytes.
const (
	maxStampWords = 5
	maxStampName  = 48
)

// isStampHeader reports whether s heads a comment in the systems that
// print no verb: the commenter's name, then the date and time of the
// comment ("Jane Roe June 28, 2015 at 10:25 pm", "photobix 11. Dezember
// 2012 um 11:07", "Julia 14.09.2022 um 21.11"). A date and time alone
// ("June 28, 2015 at 10:25 pm") is no stamp: a live blog's entries are
// headed that way too. The month before the day reads like a name, so a
// single word right before "D, YYYY" is taken for the month.
func isStampHeader(s string) bool {
	if len(s) < 10 || len(s) > maxStampLine {
		return false
	}
	rest := strings.TrimRight(s, " ")
	for _, suf := range []string{"a.m.", "p.m.", "am", "pm", "uhr", "h"} {
		if len(rest) > len(suf) && strings.EqualFold(rest[len(rest)-len(suf):], suf) {
			rest = strings.TrimRight(rest[:len(rest)-len(suf)], " ")
			break
		}
	}
	clock := clockStart(rest)
	if clock < 0 {
		return false
	}
	first := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if first <= 0 || first > maxStampName || !hasYear(rest[first:clock]) {
		return false
	}
	name := strings.Fields(s[:first])
	if len(name) == 0 || len(name) > maxStampWords {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(name[0]); !unicode.IsLetter(r) {
		return false
	}
	return len(name) > 1 || !dayThenYear(s[first:])
}

// clockStart returns where the time of day that ends s starts ("10:25",
// "21.11", "08h07", "12:01:03"), or -1.
func clockStart(s string) int {
	i := len(s)
	if trailingDigits(s[:i]) != 2 {
		return -1
	}
	i -= 2
	if i == 0 || !strings.ContainsRune(":.h", rune(s[i-1])) {
		return -1
	}
	i--
	n := trailingDigits(s[:i])
	if n == 2 && i > 3 && s[i-3] == ':' {
		// Those were the seconds.
		if h := trailingDigits(s[:i-3]); h >= 1 && h <= 2 {
			return i - 3 - h
		}
	}
	if n < 1 || n > 2 {
		return -1
	}
	return i - n
}

// trailingDigits counts the figures s ends with.
func trailingDigits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[len(s)-1-n]) {
		n++
	}
	return n
}

// hasYear reports a four-figure year (1900–2099) standing alone among
// the figures of s.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigits(s[i+2:i+4]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return true
		}
	}
	return false
}

// dayThenYear reports s opening with a day and then the year ("28, 2015",
// "3 2019"): the word before it was the month.
func dayThenYear(s string) bool {
	i := 0
	for i < len(s) && i < 2 && isDigit(s[i]) {
		i++
	}
	if i == 0 || i < len(s) && isDigit(s[i]) {
		return false
	}
	s = strings.TrimLeft(s[i:], ",. ")
	return len(s) >= 4 && isDigits(s[:4]) && (len(s) == 4 || !isDigit(s[4]))
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
