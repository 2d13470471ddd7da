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
