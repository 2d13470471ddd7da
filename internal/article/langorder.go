package article

import "strings"

// Day and month order a page's language gives to a date in figures
// ("02/10/2020"), for when the page's own dates do not settle it.
const (
	orderUnknown    int8 = 0
	orderMonthFirst int8 = 1
	orderDayFirst   int8 = -1
)

// langDayOrder is the order of day and month in dates written in figures
// for the language tag of a page (<html lang="en-GB">): month first in
// American English, day first in the English of other regions and in
// the languages that write the day first. Plain "en" names no region,
// and the languages that write the year first say nothing.
func langDayOrder(tag string) int8 {
	// A Content-Language may list several; the first is the page's.
	tag, _, _ = strings.Cut(tag, ",")
	sub := strings.Split(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")), "-")
	lang, region := sub[0], ""
	for _, s := range sub[1:] {
		// The region is the first subtag of two letters; a script
		// ("zh-Hant-TW") may stand before it.
		if len(s) == 2 {
			region = s
			break
		}
	}
	switch lang {
	case "":
		return orderUnknown
	case "en":
		switch region {
		case "", "ca":
			// Canada writes both orders.
			return orderUnknown
		case "us", "ph", "um", "pr", "gu", "as", "vi", "mp", "fm", "mh":
			return orderMonthFirst
		}
		return orderDayFirst
	case "zh", "ja", "ko", "hu", "lt", "mn", "sv", "fa", "eu", "fil", "tl", "und", "mul", "zxx":
		// Year first ("2020/10/02"), no single habit, or no language
		// named ("und", "mul", "zxx").
		return orderUnknown
	}
	if len(lang) < 2 || len(lang) > 3 {
		return orderUnknown
	}
	return orderDayFirst
}

// spellingWords are words English spells two ways, each with the order
// of day and month the spelling's regions write dates in: British
// spelling (Britain, Ireland, Australia, New Zealand, India, South
// Africa) with the day first, American with the month first. Only
// spellings that are one region's: "-ize" is also Oxford spelling, and
// "program", "license", "meter", "check" and "tire" are words of both.
var spellingWords = spellings(map[int8]string{
	orderDayFirst: `colour colours coloured favour favourite favourites behaviour behaviours labour
		neighbour neighbours neighbourhood honour humour rumour rumours harbour centre centres
		theatre theatres metre metres litre litres fibre defence offence offences
		organise organised organising organisation organisations realise realised recognise recognised
		apologise criticise criticised emphasise prioritise analyse analysed
		travelled travelling cancelled labelled modelling jewellery programme programmes whilst amongst
		catalogue cheque aluminium tyre tyres mum grey ageing pyjamas manoeuvre
		paediatric anaemia sceptical mould`,
	orderMonthFirst: `color colors colored favor favorite favorites behavior behaviors labor
		neighbor neighbors neighborhood honor humor rumor rumors harbor center centers
		theater theaters liter liters fiber defense offense offenses
		traveled traveling canceled labeled modeling jewelry catalog aluminum mom gray
		aging pajamas maneuver pediatric anemia skeptical mold`,
})

// spellings maps each word of the lists to its order.
func spellings(lists map[int8]string) map[string]int8 {
	m := map[string]int8{}
	for order, words := range lists {
		for w := range strings.FieldsSeq(words) {
			m[w] = order
		}
	}
	return m
}

// minSpellings is how many words of one spelling a text needs, and how
// many times those of the other, before its spelling names its region.
const minSpellings = 2

// spellingOrder is the order of day and month that the spelling of an
// English text gives ("colour", "organised", "centre" against "color",
// "center", "traveled"), orderUnknown when it spells too few such words
// or both ways. Only words in lower case count. It reads a bounded
// prefix of paras.
func spellingOrder(paras []string) int8 {
	var first, month int // words spelled the day-first and the month-first way
	for w := range prefixWords(paras, 16<<10) {
		w = strings.TrimFunc(w, func(r rune) bool { return !isLetter(r) })
		if len(w) < 3 || len(w) > 13 || w[0] < 'a' || w[0] > 'z' {
			// A name keeps its own spelling: "Lincoln Center" in a
			// British story, "Earl Grey" in an American one.
			continue
		}
		switch spellingWords[w] {
		case orderDayFirst:
			first++
		case orderMonthFirst:
			month++
		}
	}
	switch {
	case first >= minSpellings && first >= minSpellings*month:
		return orderDayFirst
	case month >= minSpellings && month >= minSpellings*first:
		return orderMonthFirst
	}
	return orderUnknown
}
