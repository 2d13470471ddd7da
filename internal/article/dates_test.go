package article

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestFindDate(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+1800)
	nyc := time.FixedZone("", -5*3600)
	ref := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in       string
		text     string // "" when no date must be found
		want     time.Time
		inferred bool
	}{
		{"March 25", "March 25", time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC), true},
		{"Match 25", "Match 25", time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC), true},
		{"Marhc 25", "Marhc 25", time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC), true},
		{"Febuary 3", "Febuary 3", time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC), true},
		{"Septembre 9, 2021", "Septembre 9, 2021", time.Date(2021, 9, 9, 0, 0, 0, 0, time.UTC), false},
		{"Jan. 5", "Jan. 5", time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), true},
		{"Sept. 30, 2019", "Sept. 30, 2019", time.Date(2019, 9, 30, 0, 0, 0, 0, time.UTC), false},
		{"5 January 2024", "5 January 2024", time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), false},
		{"25th of December", "25th of December", time.Date(2025, 12, 25, 0, 0, 0, 0, time.UTC), true},
		{"2024-01-05", "2024-01-05", time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), false},
		{"2024/01/05", "2024/01/05", time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), false},
		// A year glued to the day of the date after it ends the match:
		// the figures are the next date's, which the rest of the line
		// still holds.
		{"6. November 20236. November 2023", "6. November 2023", time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC), false},
		{"20 janvier 202020 janvier 2020", "20 janvier 2020", time.Date(2020, 1, 20, 0, 0, 0, 0, time.UTC), false},
		{"Nov 20 20194:29 AM", "Nov 20 20194:29 AM", time.Date(2019, 11, 20, 4, 29, 0, 0, time.UTC), false},
		{"Mar 3rd", "Mar 3rd", time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), true},
		{"Updated: March 3, 2024, 14:05 IST", "March 3, 2024, 14:05 IST", time.Date(2024, 3, 3, 14, 5, 0, 0, ist), false},
		{"2024-01-05T14:05:00Z", "2024-01-05T14:05:00Z", time.Date(2024, 1, 5, 14, 5, 0, 0, time.UTC), false},
		// A dot between hour and minutes where a zone, "Uhr" or am/pm
		// follows; without one the figures may be the next date's.
		{"Mon 18 Nov 2019 15.30 GMT", "18 Nov 2019 15.30 GMT", time.Date(2019, 11, 18, 15, 30, 0, 0, time.UTC), false},
		{"18.11.2019, 15.30 Uhr", "18.11.2019, 15.30", time.Date(2019, 11, 18, 15, 30, 0, 0, time.UTC), false},
		{"Tue 29 Nov 2016 07.46 EST", "29 Nov 2016 07.46 EST", time.Date(2016, 11, 29, 7, 46, 0, 0, nyc), false},
		{"18.11.2019 19.11.2019", "18.11.2019", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC), false},
		{"18 November 2019 at 15.30", "18 November 2019", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC), false},
		{"18 Nov 2019 3.30 p.m.", "18 Nov 2019 3.30 p.m.", time.Date(2019, 11, 18, 15, 30, 0, 0, time.UTC), false},
		{"March 3, 2024, 9:45 p.m", "March 3, 2024, 9:45 p.m", time.Date(2024, 3, 3, 21, 45, 0, 0, time.UTC), false},
		{"2024-01-05T14:05:06.5+05:30", "2024-01-05T14:05:06.5+05:30", time.Date(2024, 1, 5, 14, 5, 6, 5e8, ist), false},
		{"Posted on Nov. 18, 2019 at 11:03 p.m. EST", "Nov. 18, 2019 at 11:03 p.m. EST", time.Date(2019, 11, 18, 23, 3, 0, 0, nyc), false},
		{"Reuters November 18, 2019 11:03 PM", "November 18, 2019 11:03 PM", time.Date(2019, 11, 18, 23, 3, 0, 0, time.UTC), false},
		{"Jan 5, 2024 12:30 AM ET", "Jan 5, 2024 12:30 AM ET", time.Date(2024, 1, 5, 0, 30, 0, 0, nyc), false},
		{"July 4, 2024 9:00 ET", "July 4, 2024 9:00 ET", time.Date(2024, 7, 4, 13, 0, 0, 0, time.UTC), false},
		// The languages otherMonth adds, as their sites print their date
		// lines; then words that are months elsewhere but names or common
		// words here, which count only with a year.
		{"Опубліковано 19 листопада 2019, 14:05", "19 листопада 2019, 14:05", time.Date(2019, 11, 19, 14, 5, 0, 0, time.UTC), false}, // uk
		{"3 березня 2021", "3 березня 2021", time.Date(2021, 3, 3, 0, 0, 0, 0, time.UTC), false},                                     // uk
		{"Објављено: 7. новембра 2019.", "7. новембра 2019", time.Date(2019, 11, 7, 0, 0, 0, 0, time.UTC), false},                    // sr
		{"Objavljeno 12. ožujka 2020. u 10:15", "12. ožujka 2020. u 10:15", time.Date(2020, 3, 12, 10, 15, 0, 0, time.UTC), false},   // hr
		{"Sarajevo, 4. decembra 2019.", "4. decembra 2019", time.Date(2019, 12, 4, 0, 0, 0, 0, time.UTC), false},                     // bs
		{"19 ноября 2019 г. в 14:05", "19 ноября 2019 г. в 14:05", time.Date(2019, 11, 19, 14, 5, 0, 0, time.UTC), false},            // ru
		{"19 listopada 2019 o 14:05", "19 listopada 2019 o 14:05", time.Date(2019, 11, 19, 14, 5, 0, 0, time.UTC), false},            // pl
		{"23. junij 2018", "23. junij 2018", time.Date(2018, 6, 23, 0, 0, 0, 0, time.UTC), false},                                    // sl
		{"Vydáno 2. října 2019", "2. října 2019", time.Date(2019, 10, 2, 0, 0, 0, 0, time.UTC), false},                               // cs
		{"14. februára 2020", "14. februára 2020", time.Date(2020, 2, 14, 0, 0, 0, 0, time.UTC), false},                              // sk
		{"Publicat pe 8 octombrie 2019", "8 octombrie 2019", time.Date(2019, 10, 8, 0, 0, 0, 0, time.UTC), false},                    // ro
		{"17 de desembre de 2019", "17 de desembre de 2019", time.Date(2019, 12, 17, 0, 0, 0, 0, time.UTC), false},                   // ca
		{"Diposting pada Maret 30, 2015 oleh Admin", "Maret 30, 2015", time.Date(2015, 3, 30, 0, 0, 0, 0, time.UTC), false},          // id
		{"Selasa, 19 Agustus 2019 09:45 WIB", "19 Agustus 2019 09:45 WIB", time.Date(2019, 8, 19, 2, 45, 0, 0, time.UTC), false},     // id
		{"5 Ogos 2020", "5 Ogos 2020", time.Date(2020, 8, 5, 0, 0, 0, 0, time.UTC), false},                                           // ms
		{"Δημοσίευση: 19 Νοεμβρίου 2019", "19 Νοεμβρίου 2019", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},                 // el
		{"2 ΜΑΪΟΥ 2020", "2 ΜΑΪΟΥ 2020", time.Date(2020, 5, 2, 0, 0, 0, 0, time.UTC), false},                                         // el
		{"פורסם ב-19 בנובמבר 2019", "19 בנובמבר 2019", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},                         // he
		{"۱۹ نوامبر 2019", "۱۹ نوامبر 2019", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},                                   // fa
		{"منتشر شده در 19 نوامبر 2019", "19 نوامبر 2019", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},                      // fa
		{"نشر في 12 تموز 2020", "12 تموز 2020", time.Date(2020, 7, 12, 0, 0, 0, 0, time.UTC), false},                                 // ar
		{"الأحد 5 جويلية 2020", "5 جويلية 2020", time.Date(2020, 7, 5, 0, 0, 0, 0, time.UTC), false},                                 // ar
		{"अपडेट: 15 अप्रैल 2020", "15 अप्रैल 2020", time.Date(2020, 4, 15, 0, 0, 0, 0, time.UTC), false},                             // hi
		{"प्रकाशित 3 फ़रवरी 2021", "3 फ़रवरी 2021", time.Date(2021, 2, 3, 0, 0, 0, 0, time.UTC), false},                              // hi
		{"Նոյեմբեր 24, 2020", "Նոյեմբեր 24, 2020", time.Date(2020, 11, 24, 0, 0, 0, 0, time.UTC), false},                             // hy
		{"Paskelbta 2019 m. lapkričio 19 d.", "2019 m. lapkričio 19", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},          // lt
		{"12. märts 2021", "12. märts 2021", time.Date(2021, 3, 12, 0, 0, 0, 0, time.UTC), false},                                    // et
		{"Nobyembre 19, 2019", "Nobyembre 19, 2019", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},                           // tl
		{"نشر في 12 تشرين الأول 2020", "12 تشرين الأول 2020", time.Date(2020, 10, 12, 0, 0, 0, 0, time.UTC), false},
		{"3 كانون الثاني 2021 - 14:20", "3 كانون الثاني 2021 - 14:20", time.Date(2021, 1, 3, 14, 20, 0, 0, time.UTC), false},
		// Solar Hijri dates, read as the Gregorian day they are.
		{"دوشنبه ۲ تير ۱۳۹۹", "۲ تير ۱۳۹۹", time.Date(2020, 6, 22, 0, 0, 0, 0, time.UTC), false},
		{"الأربعاء، ٠٧ أكتوبر ٢٠٢٠", "٠٧ أكتوبر ٢٠٢٠", time.Date(2020, 10, 7, 0, 0, 0, 0, time.UTC), false},
		{"১৬ ফেব্রুয়ারি ২০২০", "১৬ ফেব্রুয়ারি ২০২০", time.Date(2020, 2, 16, 0, 0, 0, 0, time.UTC), false},
		{"२०२०-०४-१६", "२०२०-०४-१६", time.Date(2020, 4, 16, 0, 0, 0, 0, time.UTC), false},
		{"２０１９年１１月１９日", "２０１９年１１月１９日", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), false},
		{"دوشنبه 2 تير 1399", "2 تير 1399", time.Date(2020, 6, 22, 0, 0, 0, 0, time.UTC), false},
		{"11 بهمن 1357 - 10:30", "11 بهمن 1357 - 10:30", time.Date(1979, 1, 31, 10, 30, 0, 0, time.UTC), false},
		{"30 اسفند 1399", "30 اسفند 1399", time.Date(2021, 3, 20, 0, 0, 0, 0, time.UTC), false},
		{"30 اسفند 1400", "", time.Time{}, false}, // 1400 is no leap year
		{"30 اسفند 1403", "30 اسفند 1403", time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC), false},
		{"10 دی 2023", "", time.Time{}, false},                                                     // not a Solar Hijri year
		{"Marta 12 anos", "", time.Time{}, false},                                                  // pt
		{"des 12 travaux", "", time.Time{}, false},                                                 // fr
		{"Mac 10 review", "", time.Time{}, false},                                                  // en
		{"15. marta 2019.", "15. marta 2019", time.Date(2019, 3, 15, 0, 0, 0, 0, time.UTC), false}, // bs
		{"Monday, 3 June 2024 GMT+1", "3 June 2024", time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC), false},
		{"3 June 2024 10:00 UTC+5:30", "3 June 2024 10:00 UTC+5:30", time.Date(2024, 6, 3, 10, 0, 0, 0, ist), false},
		{"Feb 29", "Feb 29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), true},
		// Not dates.
		{"May I say something", "", time.Time{}, false},
		{"the march 2024 protests", "", time.Time{}, false},
		{"14 years later", "", time.Time{}, false},
		{"Mary 5", "", time.Time{}, false},
		{"Jun. 31", "", time.Time{}, false},
		{"2024-13-01", "", time.Time{}, false},
		{"February 30, 2024", "", time.Time{}, false},
		{"Matches 25", "", time.Time{}, false},
		{"Mar. 123", "", time.Time{}, false},
		{"", "", time.Time{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			m, ok := findDate(tc.in)
			if tc.text == "" {
				if ok {
					t.Fatalf("found %q, want no date", m.Text)
				}
				return
			}
			if !ok {
				t.Fatalf("no date found, want %q", tc.text)
			}
			if m.Text != tc.text || tc.in[m.Start:m.End] != m.Text {
				t.Errorf("text %q span [%d,%d), want %q", m.Text, m.Start, m.End, tc.text)
			}
			got, _, inferred, ok := m.resolve(ref, time.UTC)
			if !ok {
				t.Fatal("resolve failed")
			}
			if !got.Equal(tc.want) || inferred != tc.inferred {
				t.Errorf("resolve = %v (inferred %v), want %v (inferred %v)", got, inferred, tc.want, tc.inferred)
			}
		})
	}
}

func TestResolveYear(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	tests := []struct {
		name     string
		month    time.Month
		day      int
		ref      time.Time
		loc      *time.Location
		wantYear int
		ok       bool
	}{
		{"before ref in year", time.March, 25, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), nil, 2026, true},
		{"after ref goes back", time.March, 25, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), nil, 2025, true},
		{"same day counts", time.March, 25, time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC), nil, 2026, true},
		{"day after ref", time.March, 26, time.Date(2026, 3, 25, 23, 0, 0, 0, time.UTC), nil, 2025, true},
		{"ref read in location", time.March, 26, time.Date(2026, 3, 25, 23, 30, 0, 0, time.UTC), berlin, 2026, true},
		{"leap day", time.February, 29, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), nil, 2024, true},
		{"leap day on ref", time.February, 29, time.Date(2028, 2, 29, 12, 0, 0, 0, time.UTC), nil, 2028, true},
		{"zero ref", time.March, 25, time.Time{}, nil, 0, false},
		{"impossible day", time.April, 31, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), nil, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := dateMatch{Month: tc.month, Day: tc.day}
			got, year, inferred, ok := m.resolve(tc.ref, tc.loc)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if year != tc.wantYear || !inferred || got.Year() != tc.wantYear || got.Hour() != 0 {
				t.Errorf("got %v year %d inferred %v, want year %d", got, year, inferred, tc.wantYear)
			}
		})
	}
}

func TestMonthByName(t *testing.T) {
	tests := []struct {
		in     string
		dotted bool
		want   time.Month
	}{
		{"March", false, time.March}, {"MARCH", false, time.March}, {"Match", false, time.March},
		{"Mrach", false, time.March}, {"Marchh", false, time.March}, {"Mach", false, time.March},
		{"Jan", true, time.January}, {"Sept", false, time.September}, {"Sep", true, time.September},
		{"Juni", false, time.June}, {"Agust", false, time.August}, {"Novmber", false, time.November},
		{"May", false, time.May}, {"Decmber", false, time.December},
		{"Mat", false, 0}, {"Ma", false, 0}, {"Mayor", false, 0}, {"Mayo", false, time.May}, {"Dezember", false, time.December}, {"октября", false, time.October}, {"set", true, 0}, {"Jnu", true, 0},
		{"Marc", true, 0}, {"Junly", false, time.July}, {"Octobers", false, time.October},
	}
	for _, tc := range tests {
		got, ok := monthByName(tc.in, tc.dotted)
		if got != tc.want || ok != (tc.want != 0) {
			t.Errorf("monthByName(%q, %v) = %v, %v; want %v", tc.in, tc.dotted, got, ok, tc.want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"match", "march", true}, {"mrach", "march", true}, {"mach", "march", true},
		{"marchx", "march", true}, {"march", "march", false}, {"mtach", "march", false},
		{"ab", "ba", true}, {"abc", "cba", false}, {"", "a", true}, {"a", "abc", false},
		// Letters outside ASCII are compared as runes, not bytes.
		{"märz", "marz", true}, {"märz", "mörz", true}, {"aout", "août", true}, {"décembre", "decembre", true},
		{"décembre", "dcembre", true}, {"décembre", "dcembr", false}, {"éa", "aé", true}, {"é", "", true}, {"éé", "e", false}, {"мая", "маяа", true},
	}
	for _, tc := range tests {
		if got := oneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// tokenizeRef is tokenize decoding every character, the definition its
// ASCII path must agree with.
func tokenizeRef(s string) []token {
	var toks []token
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += size
			continue
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, token{tNum, i, j, s[i:j], space})
			i = j
		case unicode.IsDigit(r):
			j, text := foreignFigures(s, i)
			toks = append(toks, token{tNum, i, j, text, space})
			i = j
		case unicode.IsLetter(r):
			j := i + size
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				j += sz
			}
			toks = append(toks, token{tWord, i, j, s[i:j], space})
			i = j
		default:
			toks = append(toks, token{tPunct, i, i + size, s[i : i+size], space})
			i += size
		}
		space = false
	}
	return toks
}

func TestTokenizeMatchesReference(t *testing.T) {
	pieces := []string{"a", "Z", "q", "@", "[", "`", "{", "0", "9", "/", ":", ",", ".", " ", "\t", "\n", "\v", "\f", "\r",
		"\x1f", "\x7f", "\u00a0", "\u0085", "\u2009", "é", "É", "ß", "٣", "日", "\xff", "\xc3", "May", "2024", "12:30",
		"\u0940", "\u0301", "ज"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := randomText(r, pieces, 30)
		if got, want := tokenize(nil, s), tokenizeRef(s); !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) =\n%v, want\n%v", s, got, want)
		}
	}
	for c := range 256 {
		s := "ab" + string([]byte{byte(c)}) + "1 x"
		if got, want := tokenize(nil, s), tokenizeRef(s); !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) =\n%v, want\n%v", s, got, want)
		}
	}
}

func TestDigitValue(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want int
	}{
		{'٣', 3}, {'۹', 9}, {'०', 0}, {'৭', 7}, {'９', 9},
		// The mathematical digits: five sets of ten in one run.
		{'\U0001D7CE', 0}, {'\U0001D7D8', 0}, {'\U0001D7E1', 9}, {'\U0001D7FF', 9},
	} {
		if got := digitValue(tc.r); got != tc.want {
			t.Errorf("digitValue(%U) = %d, want %d", tc.r, got, tc.want)
		}
	}
}
