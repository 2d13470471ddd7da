package article

import (
	"strings"
	"time"
	"unicode/utf8"
)

// otherMonth reads the month names of the languages foreignMonth's main
// table leaves out, which news pages are written in too: Ukrainian,
// Serbian and Macedonian (Cyrillic), Croatian, Serbian and Bosnian
// (Latin), Slovene, Czech, Slovak, Romanian, Catalan, Galician,
// Lithuanian, Estonian, Indonesian and Malay, Filipino, Greek, Hebrew,
// Persian, Arabic as written in the Levant and the Maghreb, Hindi,
// Marathi, Bengali and Armenian; full names in the forms a date uses (mostly the
// genitive) and the usual abbreviations. Croatian "listopad" is October,
// but Polish and Czech, which write far more pages, take it for
// November, as foreignMonth does.
func otherMonth(lw string) (mo time.Month, weak, ok bool) {
	if lw == "" {
		return 0, false, false
	}
	if r, _ := utf8.DecodeRuneInString(lw); r >= 0x370 && r <= 0x3FF || r >= 0x1F00 && r <= 0x1FFF {
		lw = foldGreek(lw)
	} else if strings.HasPrefix(lw, "ב") && len(lw) > len("ב")+4 {
		// Hebrew writes "in" before the month: "19 בנובמבר 2019".
		if mo, ok := otherMonths[lw[len("ב"):]]; ok {
			return mo.month, mo.weak, true
		}
	}
	m, ok := otherMonths[lw]
	return m.month, m.weak, ok
}

// foldGreek drops the accents of a lower-case Greek word and writes its
// final sigma as any other, so that "Νοεμβρίου", "ΝΟΕΜΒΡΙΟΥ" and
// "Μάρτιος" match the table's plain forms.
func foldGreek(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ά':
			return 'α'
		case 'έ':
			return 'ε'
		case 'ή':
			return 'η'
		case 'ί', 'ϊ', 'ΐ':
			return 'ι'
		case 'ό':
			return 'ο'
		case 'ύ', 'ϋ', 'ΰ':
			return 'υ'
		case 'ώ':
			return 'ω'
		case 'ς':
			return 'σ'
		}
		return r
	}, w)
}

// monthEntry is otherMonths' entry: the month, and whether the word is
// also a common word or a name ("marta", "des"), which then counts as a
// month only with a year beside it.
type monthEntry struct {
	month time.Month
	weak  bool
}

var otherMonths = func() map[string]monthEntry {
	// Left out: the names of foreignMonth's table, and those one edit
	// from an English name ("novembar", "januara", "augusta"), which
	// englishMonth's tolerance for misspellings reads first.
	names := [12]string{
		// January
		"січня січень јануар јануара јануари siječnja siječanj ledna leden januára ianuarie gener xaneiro " +
			"sausio sausis jaanuar ιανουαριου ιανουαριοσ ιαν ינואר ژانویه جانفي جانفييه " +
			"जनवरी जानेवारी জানুয়ারি հունվարի հունվար",
		// February
		"лютого лютий фебруар фебруара veljače veljača února únor februára februarie febrer " +
			"febreiro vasario vasaris veebruar pebruari pebrero φεβρουαριου φεβρουαριοσ φεβ פברואר فوریه فيفري شباط " +
			"फ़रवरी फरवरी फेब्रुवारी ফেব্রুয়ারি փետրվարի փետրվար",
		// March
		"березня березень ožujka ožujak března březen marec martie març maret marso μαρτιου μαρτιοσ μαρ מרץ " +
			"מרס آذار اذار मार्च মার্চ մարտի մարտ kovo kovas märts",
		// April
		"квітня квітень априла travnja travanj dubna duben apríla aprilie απριλιου " +
			"απριλιοσ απρ אפריל آوریل أفريل افريل ابريل نيسان अप्रैल अप्रेल एप्रिल এপ্রিল ապրիլի ապրիլ balandžio balandis",
		// May
		"травня травень мај маја svibnja svibanj května květen mája máj maig μαιου μαιοσ μαι מאי أيار ايار " +
			"मई मे মে մայիսի մայիս gegužės gegužė",
		// June
		"червня червень јун јуна јуни lipnja lipanj junij června červen júna jún iunie juny xuño hunyo ιουνιου " +
			"ιουνιοσ ιουν יוני ژوئن جوان يونيه حزيران जून জুন հունիսի հունիս birželio birželis juuni",
		// July
		"липня липень јул јула јули srpnja srpanj julij července červenec júla júl iulie juliol xullo hulyo " +
			"julai ιουλιου ιουλιοσ ιουλ יולי ژوئیه ژوئیهٔ جولای جويلية يوليه تموز जुलाई जुलै জুলাই հուլիսի հուլիս liepos " +
			"juuli",
		// August
		"серпня серпень kolovoza kolovoz avgusta srpna srpen agost agustus agu agt ogos " +
			"αυγουστου αυγουστοσ αυγ אוגוסט اوت آگوست أوت اغسطس غشت अगस्त ऑगस्ट আগস্ট օգոստոսի օգոստոս rugpjūčio " +
			"rugpjūtis",
		// September
		"вересня вересень септембар септембра rujna rujan septembra září septembrie setembre " +
			"setyembre σεπτεμβριου σεπτεμβριοσ σεπ σεπτ ספטמבר سپتامبر أيلول ايلول شتنبر सितंबर सितम्बर सप्टेंबर সেপ্টেম্বর " +
			"սեպտեմբերի սեպտեմբեր rugsėjo rugsėjis",
		// October
		"жовтня жовтень октобар октобра oktobar oktobra října říjen októbra octombrie oktubre οκτωβριου " +
			"οκτωβριοσ οκτ אוקטובר اکتبر اكتوبر अक्टूबर अक्तूबर ऑक्टोबर অক্টোবর հոկտեմբերի հոկտեմբեր spalio spalis oktoober",
		// November
		"листопада листопад новембар новембра studenoga studenog novembra listopadu noiembrie " +
			"nobyembre νοεμβριου νοεμβριοσ νοε נובמבר نوامبر نونبر नवंबर नवम्बर नोव्हेंबर নভেম্বর " +
			"նոյեմբերի նոյեմբեր lapkričio lapkritis",
		// December
		"грудня грудень децембар децембра prosinca prosinac decembra prosince prosinec decembrie desembre " +
			"decembro disember disyembre δεκεμβριου δεκεμβριοσ δεκ דצמבר دسامبر دجنبر दिसंबर दिसम्बर डिसेंबर ডিসেম্বর " +
			"դեկտեմբերի դեկտեմբեր gruodžio gruodis detsember",
	}
	// Words that are also common words or names elsewhere.
	weak := map[string]time.Month{
		"marta": time.March, "des": time.December, "mac": time.March, "noi": time.November, "ian": time.January, "studeni": time.November,
		"září": time.September, "مه": time.May, "آب": time.August, "ماي": time.May, "liepa": time.July, "मे": time.May, "মে": time.May,
	}
	m := map[string]monthEntry{}
	for k, list := range names {
		for _, w := range strings.Fields(list) {
			m[w] = monthEntry{month: time.Month(k + 1)}
		}
	}
	for w, mo := range weak {
		m[w] = monthEntry{month: mo, weak: true}
	}
	return m
}()

// jalaliMonths are the months of the Solar Hijri calendar that Iranian
// and Afghan pages date their stories in ("۲ تیر ۱۳۹۹"), spelt with the
// Persian and the Arabic forms of yeh and kaf.
var jalaliMonths = func() map[string]int {
	m := map[string]int{}
	for k, list := range [12]string{
		"فروردین فروردين", "اردیبهشت ارديبهشت", "خرداد", "تیر تير", "مرداد امرداد", "شهریور شهريور",
		"مهر", "آبان", "آذر", "دی دي", "بهمن", "اسفند",
	} {
		for _, w := range strings.Fields(list) {
			m[w] = k + 1
		}
	}
	return m
}()

// jalaliDate reads day d of Solar Hijri month name in year y (1300 to
// 1499, the years a page of today is dated in) as a Gregorian date.
func jalaliDate(d int, name string, y int) (time.Month, int, int, bool) {
	jm, ok := jalaliMonths[name]
	if !ok || y < 1300 || y > 1499 || d < 1 || d > 31 || jm > 6 && d > 30 {
		return 0, 0, 0, false
	}
	days := jalaliDays(y, jm, d)
	if jm == 12 && d == 30 && days == jalaliDays(y+1, 1, 1) {
		return 0, 0, 0, false // Esfand has 30 days in leap years only
	}
	g := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	return g.Month(), g.Day(), g.Year(), true
}

// jalaliDays counts the days from 1 January of the year 0 (day 0) to day
// d of month m of Solar Hijri year y, by the arithmetic calendar (eight
// leap years in every 33). Iran's calendar is astronomical; the two give
// the same days for the dates checked in the tests (1357 to 1403, the
// leap years 1399 and 1403), and may differ by one around a Nowruz that
// falls close to noon.
func jalaliDays(y, m, d int) int {
	jy := y + 1595
	days := -355668 + 365*jy + jy/33*8 + (jy%33+3)/4 + d
	if m < 7 {
		return days + (m-1)*31
	}
	return days + (m-7)*30 + 186
}

// levantMonth reads the two-word month names of Arabic as the Levant and
// Iraq write it: "تشرين الأول" (October), "تشرين الثاني" (November),
// "كانون الأول" (December), "كانون الثاني" (January).
func levantMonth(w, next string) (time.Month, bool) {
	var first bool
	switch next {
	case "الأول", "الاول":
		first = true
	case "الثاني":
	default:
		return 0, false
	}
	switch {
	case w == "تشرين" && first:
		return time.October, true
	case w == "تشرين":
		return time.November, true
	case w == "كانون" && first:
		return time.December, true
	case w == "كانون":
		return time.January, true
	}
	return 0, false
}
