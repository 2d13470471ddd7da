package article

import (
	"strings"
	"time"
	"unicode"
)

// foreignMonth reads a month name of the languages other than English
// that news pages are written in, as lower-cased by lowerBytes: full
// names (Russian, Polish and Bulgarian in the genitive a date uses as
// well as the nominative) and the usual abbreviations. weak is true for
// an abbreviation that is also a common word elsewhere ("set", "out",
// "mag", "ago"): such a month counts only with a year beside it.
func foreignMonth(lw string) (mo time.Month, weak, ok bool) {
	switch lw {
	case "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "januari", "stycznia", "styczeń",
		"января", "январь", "януари", "ocak", "január", "tammikuuta", "janar", "يناير":
		return time.January, false, true
	case "februar", "feber", "février", "fevrier", "févr", "fév", "febrero", "fevereiro", "fev", "febbraio", "februari",
		"lutego", "luty", "февраля", "февраль", "февруари", "şubat", "február", "helmikuuta", "shkurt", "فبراير":
		return time.February, false, true
	case "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "maart", "mrt", "marts", "marca", "marzec",
		"марта", "март", "mart", "március", "maaliskuuta", "مارس":
		return time.March, false, true
	case "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "апреля", "апрель", "април", "nisan",
		"április", "huhtikuuta", "prill", "أبريل", "إبريل":
		return time.April, false, true
	case "mai", "mayo", "maio", "maggio", "mei", "maj", "maja", "мая", "май", "mayıs", "május", "toukokuuta", "مايو":
		return time.May, false, true
	case "juni", "juin", "junio", "junho", "giugno", "czerwca", "czerwiec", "июня", "июнь", "юни", "haziran", "június",
		"kesäkuuta", "qershor", "يونيو":
		return time.June, false, true
	case "juli", "juillet", "juil", "julio", "julho", "luglio", "lipca", "lipiec", "июля", "июль", "юли", "temmuz",
		"július", "heinäkuuta", "korrik", "يوليو":
		return time.July, false, true
	case "août", "aout", "agosto", "augustus", "augusti", "sierpnia", "sierpień", "августа", "август", "ağustos",
		"augusztus", "elokuuta", "gusht", "أغسطس":
		return time.August, false, true
	case "septembre", "septiembre", "setiembre", "setembro", "settembre", "września", "wrzesień", "сентября",
		"сентябрь", "септември", "eylül", "szeptember", "syyskuuta", "shtator", "سبتمبر":
		return time.September, false, true
	case "oktober", "okt", "octobre", "octubre", "outubro", "ottobre", "października", "październik", "октября",
		"октябрь", "октомври", "ekim", "október", "lokakuuta", "tetor", "أكتوبر":
		return time.October, false, true
	case "novembre", "noviembre", "novembro", "listopada", "listopad", "ноября", "ноябрь", "ноември", "kasım",
		"marraskuuta", "nëntor", "نوفمبر":
		return time.November, false, true
	case "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dezembro", "dicembre", "desember",
		"grudnia", "grudzień", "декабря", "декабрь", "декември", "aralık", "joulukuuta", "dhjetor", "ديسمبر":
		return time.December, false, true
	// Abbreviations that are words of their own in some language.
	case "gen":
		return time.January, true, true
	case "mag":
		return time.May, true, true
	case "giu":
		return time.June, true, true
	case "lug":
		return time.July, true, true
	case "ago":
		return time.August, true, true
	case "set":
		return time.September, true, true
	case "out", "ott":
		return time.October, true, true
	case "dic":
		return time.December, true, true
	}
	return otherMonth(lw)
}

// englishMonthWord reports whether the lower-cased word is an English
// month name or abbreviation, for which lower case is a sign that the
// word is not a month ("may", "march") rather than the language's usage.
func englishMonthWord(lw string) bool {
	switch lw {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// foreignWeekdays are the lower-cased weekday names of the languages of
// foreignMonth, which date lines put before the date. It is a map, not a
// switch, so that a caller holding the word as bytes looks it up without
// a copy.
var foreignWeekdays = map[string]bool{
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true, "samstag": true,
	"sonnabend": true, "sonntag": true, "lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true, "lunes": true, "martes": true, "miércoles": true,
	"miercoles": true, "jueves": true, "viernes": true, "sábado": true, "sabado": true, "domingo": true,
	"segunda-feira": true, "terça-feira": true, "quarta-feira": true, "quinta-feira": true, "sexta-feira": true,
	"lunedì": true, "martedì": true, "mercoledì": true, "giovedì": true, "venerdì": true, "sabato": true,
	"domenica": true, "maandag": true, "dinsdag": true, "woensdag": true, "donderdag": true, "vrijdag": true,
	"zaterdag": true, "zondag": true, "poniedziałek": true, "wtorek": true, "środa": true, "czwartek": true,
	"piątek": true, "sobota": true, "niedziela": true, "понедельник": true, "вторник": true, "среда": true,
	"четверг": true, "пятница": true, "суббота": true, "воскресенье": true,
}

// leadName reports whether the words before a date on a date line can
// be a name ("Reuters November 18, 2019"): a capital letter, as names
// in scripts with case have, and no colon, which ends a label
// ("Last updated:").
func leadName(s string) bool {
	if strings.ContainsAny(s, ":：") {
		return false
	}
	caseless := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			return true
		case unicode.IsLetter(r) && !unicode.IsLower(r):
			caseless++
		}
	}
	// A name in a script without case ("이용민 기자") is short.
	return caseless > 0 && caseless <= 8 && fieldCount(s) <= 2
}
