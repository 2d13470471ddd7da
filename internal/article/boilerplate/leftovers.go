package boilerplate

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kinds of the leftovers pass: boilerplate that sits inside the article's
// own run of lines, where the classifier's model, trained on whole pages,
// reads it as prose.
const (
	KindDisclosure       = "disclosure"        // affiliate and sponsorship disclosures
	KindDisclaimer       = "disclaimer"        // "the views expressed are the author's own"
	KindPressBoilerplate = "press_boilerplate" // "About <company>", forward-looking statements, media contacts
	KindReaderPrompt     = "reader_prompt"     // "Did you make this recipe?", "Like this story? Share it"
	KindPullQuote        = "pull_quote"        // a body sentence shown again on its own
	KindCaption          = "caption"           // "Image source, ...", "Image caption, ..."
)

// Line families of the leftovers pass, each a list of lowercase phrases
// looked for anywhere in a short line. They are the stock wording of the
// web in several languages, not the lines of any one site.
var (
	disclosurePhrases = []string{
		"affiliate link", "affiliate partnership", "affiliate commission", "affiliate program",
		"may earn a commission", "may earn commission", "may receive a commission", "earn a small commission",
		"earn a commission", "qualifying purchases", "as an amazon associate", "may contain affiliate",
		"may receive compensation", "receive compensation when", "receives compensation", "may be compensated",
		"one or more of our advertisers",
		"contains affiliate", "sponsored post", "this post is sponsored", "this article is sponsored",
		"affiliate-link", "provisionslink", "werbelink", "enthält werbung", "links de afiliado",
		"links afiliados", "enlaces de afiliado", "enlaces afiliados", "liens d'affiliation", "liens affiliés",
		"link di affiliazione", "link affiliati", "партнерские ссылки", "партнёрские ссылки",
		"アフィリエイト", "제휴 링크", "쿠팡 파트너스",
	}
	// disclaimerPhrases name an opinion disclaimer on their own;
	// opinionPhrases only with a word about the author beside them
	// (disclaimerCues), since reporting may speak of views expressed.
	disclaimerPhrases = []string{
		"views are the author", "views are his own", "views are her own", "views are their own", "views are my own",
		"are those of the author", "views of the author", "not necessarily reflect", "not necessarily those of",
		"do not necessarily represent", "does not necessarily represent", "author's own", "author’s own",
		"authors' own", "authors’ own", "meinung des autors", "meinung der autorin", "nicht unbedingt die meinung",
		"no reflejan necesariamente", "no refleja necesariamente", "não refletem necessariamente",
		"não reflete necessariamente", "n'engagent que leur auteur", "n’engagent que leur auteur",
		"n'engage que son auteur", "n’engage que son auteur", "non riflettono necessariamente",
		"мнение редакции может не совпадать", "точка зрения автора может не совпадать",
	}
	opinionPhrases = []string{
		"views expressed", "opinions expressed", "opiniones expresadas",
		"opiniões expressas", "opinions exprimées", "opinioni espresse",
	}
	disclaimerCues = []string{"author", "writer", "own", "alone", "necessarily", "autor", "auteur", "autore", "propia", "própria"}
	promptPhrases  = []string{
		"did you make this", "did you try this", "have you made this", "have you tried this", "made this recipe",
		"tried this recipe", "rate this recipe", "rate the recipe", "leave a rating", "leave a star rating",
		"like this story? share", "like this article? share", "enjoyed this article", "enjoy this article? share",
		"found this article helpful", "was this article helpful", "was this helpful", "share your thoughts with",
		"hast du dieses rezept", "rezept ausprobiert", "¿hiciste esta receta", "hiciste esta receta",
		"fez esta receita", "fizeste esta receita", "avez-vous essayé cette recette", "vous avez testé cette recette",
		"hai provato questa ricetta", "вы приготовили этот рецепт",
	}
	// newsletterPhrases are sign-up calls; a line holding one is dropped
	// only when it is short or starts with the call (see newsletterLine).
	newsletterPhrases = []string{
		"subscribe to continue", "subscribe to keep reading", "subscribe to read", "subscribe now",
		"subscribe to our", "subscribe to the", "subscribe for", "sign up for", "sign up to", "sign up now",
		"sign up:", "join our newsletter", "get our newsletter", "our newsletter", "newsletter sign",
		"to your inbox", "in your inbox", "click to subscribe", "already a subscriber", "opt-in box",
		"successfully subscribed", "succesfully subscribed", "activate your subscription",
		"newsletter abonnieren", "zum newsletter", "unseren newsletter", "jetzt anmelden",
		"suscríbete", "suscribete", "nuestro boletín", "nuestra newsletter", "assine nossa", "assine a nossa",
		"inscreva-se", "nossa newsletter", "abonnez-vous", "inscrivez-vous", "notre newsletter", "notre lettre",
		"iscriviti", "nostra newsletter", "подпишитесь", "подписывайтесь", "нашу рассылку",
		"berlangganan", "뉴스레터", "ニュースレター", "メルマガ",
	}
	// captionLabels open the hidden labels some sites put before a
	// picture's credit or caption, in the languages they publish in.
	captionLabels = []string{
		"image source", "image caption", "image copyright", "media caption", "photo caption", "picture caption",
		"fonte da imagem", "legenda da foto", "legenda da imagem", "crédito da foto", "fuente de la imagen",
		"pie de foto", "bildquelle", "bildunterschrift", "source de l'image", "légende de l'image",
		"légende de la photo", "fonte dell'immagine", "didascalia", "источник изображения", "подпись к фото",
		"автор фото", "sumber gambar", "keterangan gambar", "画像提供", "画像説明", "사진 출처", "사진 설명",
	}
	// topicHeadings head a list of topic links after the article.
	topicHeadings = []string{
		"related topics", "topics", "more on this story", "more on this topic", "explore more on these topics",
		"themen", "verwandte themen", "temas relacionados", "temas", "tópicos", "tópicos relacionados", "assuntos",
		"sujets", "sujets associés", "argomenti", "argomenti correlati", "темы", "по теме", "topik terkait",
		"トピック", "関連トピック", "관련 주제",
	}
	// pressHeadings open the closing sections of a press release.
	pressHeadings = []string{
		"forward-looking statements", "forward looking statements", "safe harbor statement",
		"cautionary statement", "cautionary note", "media contact", "media contacts", "press contact",
		"investor contact", "investor relations contact", "for more information, contact", "contact:", "contacts:",
		"zukunftsgerichtete aussagen", "pressekontakt", "declaraciones prospectivas", "contacto de prensa",
		"declarações prospectivas", "contato para imprensa", "déclarations prospectives", "contact presse",
		"dichiarazioni previsionali", "contatti stampa", "контакты для прессы",
	}
	// aboutWords open an "About <company>" heading.
	aboutWords = []string{
		"about ", "über ", "à propos de ", "a propos de ", "à propos d'", "à propos d’", "a propos d'", "a propos d’",
		"acerca de ", "sobre a ", "sobre o ", "sobre ", "informazioni su ", "о компании ", "tentang ",
	}
	// nameArticles may stand before a company's name, in an "About"
	// heading ("Über die Hafen AG") and in the line under it ("Die Hafen
	// AG betreibt …").
	nameArticles = map[string]bool{
		"the": true, "der": true, "die": true, "das": true, "den": true, "dem": true, "la": true, "le": true, "les": true,
		"el": true, "los": true, "las": true, "il": true, "lo": true, "gli": true,
	}
	// shareWordsWide are the word for share, and the share buttons, of
	// sites writing in scripts socialWords does not cover.
	shareWordsWide = map[string]bool{
		"поделиться": true, "поделитесь": true, "поділитися": true, "вконтакте": true, "одноклассники": true,
		"твиттер": true, "фейсбук": true, "телеграм": true, "отправить": true, "распечатать": true, "печать": true,
		"شارك": true, "مشاركة": true, "شارك:": true, "فيسبوك": true, "تويتر": true, "واتساب": true, "تيليجرام": true,
		"طباعة": true, "شاركها": true, "שתף": true, "שתפו": true, "שיתוף": true, "κοινοποίηση": true,
		"μοιραστείτε": true, "シェア": true, "シェアする": true, "ツイート": true, "はてブ": true, "送る": true,
		"lineで送る": true, "ブックマーク": true, "共有": true, "分享": true, "分享到": true, "微博": true, "微信": true,
		"공유": true, "공유하기": true, "카카오톡": true, "카카오스토리": true, "페이스북": true, "트위터": true,
		"네이버": true, "밴드": true, "인쇄": true, "แชร์": true, "शेयर": true, "साझा": true, "paylaş": true,
		"udostępnij": true, "sdílet": true, "megosztás": true,
	}
)

// Bounds of the leftovers pass.
const (
	// maxLeftoverRunes bounds a line that a phrase alone can drop: longer
	// lines are prose that may quote the phrase.
	maxLeftoverRunes = 400
	// maxCallRunes bounds a sign-up call found inside a line rather than
	// at its start.
	maxCallRunes = 160
	// minPullQuoteWords is the least a pull quote holds: shorter repeats
	// are subheadings and names.
	minPullQuoteWords = 8
	// pullQuoteWindow is how far from its source, in lines, a pull
	// quote is looked for.
	pullQuoteWindow = 5
)

// leftovers names the boilerplate inside the article's body lines
// [body, end) that the classifier kept: disclosures, disclaimers,
// sign-up calls, reader prompts, picture labels, topic lists, share rows
// in other scripts, press-release endings and pull quotes. It runs after
// scoring and changes no score or run bound, only kinds of kept lines.
// It is on the hot path of every page: phrases are matched without
// lowercasing the lines, and only short lines are ever lowercased.
func (p *page) leftovers(kinds []string, body, end int) {
	m := leftoverSet()
	for i := body; i < end; i++ {
		if kinds[i] != "" || p.feats[i].runes > maxLeftoverRunes {
			continue
		}
		if k := lineLeftover(p.lines[i], p.feats[i], m); k != "" {
			kinds[i] = k
		}
	}
	p.topicLists(kinds, body, end)
	p.pressBlocks(kinds, body, end)
	p.pullQuotes(kinds, body, end)
}

// lowerShort is s lowercased when it is at most n bytes long, else "".
func lowerShort(s string, n int) string {
	if len(s) > n {
		return ""
	}
	return strings.ToLower(s)
}

// lineLeftover is the kind of a line that its own words condemn, or "".
func lineLeftover(line string, f feat, m *leftoverMatcher) string {
	n := int(f.runes)
	var found [numFamilies]int
	m.scan(line, &found)
	switch {
	case found[famDisclosure] > 0:
		return KindDisclosure
	case (found[famDisclaimer] > 0 || found[famOpinion] > 0 && hasWord(strings.ToLower(line), disclaimerCues)) && n <= 300:
		return KindDisclaimer
	case found[famPrompt] > 0 && n <= 250:
		return KindReaderPrompt
	case found[famNewsletter] > 0 && newsletterLine(line, n, found[famNewsletter]-1):
		return KindNewsletter
	case m.captionLabel(line):
		return KindCaption
	case len(line) <= maxShareRowBytes && !f.endsSent && f.words <= 12 && !asciiOnly(line) && wideShareRow(strings.ToLower(line)):
		return KindShare
	}
	return ""
}

// scanHead and scanTail are the bytes of a long line the phrase scan
// reads, at its start and at its end.
const (
	scanHead = 240
	scanTail = 160
)

// maxShareRowBytes bounds a share row.
const maxShareRowBytes = 200

// Phrase families the matcher looks for.
const (
	famDisclosure = iota
	famDisclaimer
	famPrompt
	famNewsletter
	famOpinion
	numFamilies
)

// leftoverMatcher finds the phrases of the families in one pass over a
// line, ignoring case: at each word start, the first two bytes (ASCII
// letters lowercased) index a table of the phrases that start with them,
// and the next two bytes are compared as a number before a phrase is
// compared in full.
type leftoverMatcher struct {
	// pairs has a bit for each first byte pair of a phrase: 8 KiB that
	// stay in cache, where first is 128 KiB that would not.
	pairs [1 << 16 / 64]uint64
	first [1 << 16]uint16 // 1 + index in lists, 0 for none
	lists [][]familyPhrase
	// labelHeads are head4 of each caption label, so that most lines
	// skip the label comparisons.
	// The second head is that of the label with its first letter
	// capitalized, which outside ASCII changes its bytes.
	labelHeads [][2]uint32
}

type familyPhrase struct {
	text   string
	head   uint32 // the first four bytes, ASCII letters lowercased
	family int
}

var leftoverSet = sync.OnceValue(func() *leftoverMatcher {
	m := &leftoverMatcher{}
	add := func(key string, fp familyPhrase) {
		fp.head = head4(key)
		k := uint16(key[0])<<8 | uint16(key[1])
		if m.first[k] == 0 {
			m.lists = append(m.lists, nil)
			m.first[k] = uint16(len(m.lists))
			m.pairs[k>>6] |= 1 << (k & 63)
		}
		l := &m.lists[m.first[k]-1]
		for _, old := range *l {
			if old == fp {
				return
			}
		}
		*l = append(*l, fp)
	}
	for _, l := range captionLabels {
		r, size := utf8.DecodeRuneInString(l)
		m.labelHeads = append(m.labelHeads, [2]uint32{head4(l), head4(string(unicode.ToUpper(r)) + l[size:])})
	}
	for fam, list := range [numFamilies][]string{
		famDisclosure: disclosurePhrases, famDisclaimer: disclaimerPhrases,
		famPrompt: promptPhrases, famNewsletter: newsletterPhrases, famOpinion: opinionPhrases,
	} {
		for _, p := range list {
			fp := familyPhrase{text: p, family: fam}
			add(p, fp)
			// A phrase opening a sentence has its first letter
			// capitalized; outside ASCII that changes its bytes.
			if r, size := utf8.DecodeRuneInString(p); r >= utf8.RuneSelf {
				add(string(unicode.ToUpper(r))+p[size:], fp)
			}
		}
	}
	return m
})

// head4 is the first four bytes of s (all phrases are longer), ASCII
// letters lowercased, as one number.
func head4(s string) uint32 {
	return uint32(asciiLower(s[0])) | uint32(asciiLower(s[1]))<<8 | uint32(asciiLower(s[2]))<<16 | uint32(asciiLower(s[3]))<<24
}

func asciiLower(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// scan records in found, for each family, one more than the byte offset
// of the first phrase of it that line holds at a word start (0 for none).
func (m *leftoverMatcher) scan(line string, found *[numFamilies]int) {
	// A long line is looked at only near its ends, where disclosures,
	// disclaimers and sign-up calls sit in the lines that hold them.
	skipFrom, skipTo := len(line), len(line)
	if len(line) > scanHead+scanTail {
		skipFrom, skipTo = scanHead, len(line)-scanTail
	}
	n := len(line)
	i := 0
	for i < n && !wordByte(line[i]) {
		i++
	}
	for i+3 < n {
		// i is a word start.
		k := uint16(asciiLower(line[i]))<<8 | uint16(asciiLower(line[i+1]))
		if m.pairs[k>>6]&(1<<(k&63)) != 0 {
			li := m.first[k]
			h := head4(line[i:])
			for _, p := range m.lists[li-1] {
				if p.head == h && found[p.family] == 0 && n-i >= len(p.text) && strings.EqualFold(line[i:i+len(p.text)], p.text) {
					found[p.family] = i + 1
				}
			}
		}
		for i < n && wordByte(line[i]) {
			i++
		}
		if i >= skipFrom && i < skipTo {
			i = skipTo
			for i < n && wordByte(line[i]) {
				i++
			}
		}
		for i < n && !wordByte(line[i]) {
			i++
		}
	}
}

// wordByte reports whether b continues a word: an ASCII letter or digit,
// or any byte of a character outside ASCII.
func wordByte(b byte) bool {
	return b >= 0x80 || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z'
}

// hasWord reports whether s holds one of words as a whole word.
func hasWord(s string, words []string) bool {
	for _, w := range words {
		for i := strings.Index(s, w); i >= 0; {
			e := i + len(w)
			if (i == 0 || !wordByte(s[i-1])) && (e == len(s) || !wordByte(s[e])) {
				return true
			}
			j := strings.Index(s[i+1:], w)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// newsletterLine reports whether a line holding a sign-up call at byte j
// is one: short, or opening a sentence with the call ("Subscribe to our
// newsletter for ..."), since prose that mentions a newsletter is longer
// and starts otherwise.
func newsletterLine(low string, n, j int) bool {
	return n <= maxCallRunes || j == 0 || sentenceStartAt(low, j) && n <= 300
}

// sentenceStartAt reports whether a sentence starts at byte j of s.
func sentenceStartAt(s string, j int) bool {
	t := strings.TrimRight(s[:j], " \"'“‘«(")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == '|'
}

// captionLabel reports whether a line opens with a picture label followed
// by a comma, a colon or a space and more words: "Image source, Agency";
// or glued to a capital, where the label was a hidden element of its own
// ("Media captionWho is …").
// Labels are compared in full only when their first four bytes match.
func (m *leftoverMatcher) captionLabel(line string) bool {
	if len(line) < 5 {
		return false
	}
	h := head4(line)
	for k, l := range captionLabels {
		if m.labelHeads[k][0] != h && m.labelHeads[k][1] != h || len(line) <= len(l)+1 || !strings.EqualFold(line[:len(l)], l) {
			continue
		}
		if c := line[len(l)]; c == ',' || c == ':' || c == ' ' {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(line[len(l):]); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// maxCaptionRunes bounds the text under a bare caption label: longer is
// the story's prose.
const maxCaptionRunes = 300

// captionBlocks marks the picture labels of the header as captions, as
// leftovers does in the body: a label with its text on its line ("Image
// source, Agency"); and, in the header and the body, a label alone
// (isLabel: "Image caption,") with the line under it, its text ("The old
// bridge at dusk"), where the page's hidden label and the text were two
// elements. In the header such a caption stood where a standfirst does.
func (p *page) captionBlocks(kinds []string, start, body, end int) {
	m := leftoverSet()
	for i := start; i < end; i++ {
		if kinds[i] != "" && kinds[i] != KindCaption {
			continue
		}
		if !isLabel(p.lines[i], captionLabels) {
			if i < body && kinds[i] == "" && p.feats[i].runes <= maxLeftoverRunes && m.captionLabel(p.lines[i]) {
				kinds[i] = KindCaption
			}
			continue
		}
		kinds[i] = KindCaption
		if j := i + 1; j < end && kinds[j] == "" && p.feats[j].runes <= maxCaptionRunes {
			kinds[j] = KindCaption
			i++
		}
	}
}

// wideShareRow reports whether a short line is made only of share-button
// words, at least one of them outside the Latin script: a share row in
// Russian, Arabic or Japanese, which socialWords alone do not name.
func wideShareRow(low string) bool {
	if len(low) > 200 {
		return false
	}
	words := strings.FieldsFunc(low, func(r rune) bool {
		return unicode.IsSpace(r) || r == '|' || r == '·' || r == '•' || r == '/' || r == ','
	})
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	wide := false
	for _, w := range words {
		switch {
		case shareWordsWide[w]:
			wide = true
		case socialWords[w]:
		default:
			return false
		}
	}
	return wide
}

// topicLists names a topic list: a topics heading in the body, and the
// short lines of links under it.
func (p *page) topicLists(kinds []string, body, end int) {
	lines := p.lines
	for i := body; i < end; i++ {
		if kinds[i] != "" && kinds[i] != KindRelated || p.feats[i].runes > 40 || p.feats[i].endsSent {
			continue
		}
		if !isOneOf(strings.TrimRight(lowerShort(lines[i], 64), " :"), topicHeadings) {
			continue
		}
		kinds[i] = KindTags
		for j := i + 1; j < end && kinds[j] == "" && linkShaped(lines[j]); j++ {
			kinds[j] = KindTags
		}
	}
}

func isOneOf(s string, list []string) bool {
	for _, l := range list {
		if s == l {
			return true
		}
	}
	return false
}

// linkShaped reports whether a line reads like a link's label: a few
// words and no sentence end.
func linkShaped(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 60 || len(strings.Fields(s)) > 6 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !isSentenceEnd(r)
}

// pressBlocks names the closing sections of a press release in the body's
// last half: an "About <company>" heading whose next line speaks of the
// same company, and a forward-looking-statements or media-contact heading,
// each with the lines under it up to the next heading. A paragraph that
// states the forward-looking caveat without a heading is named too.
func (p *page) pressBlocks(kinds []string, body, end int) {
	lines := p.lines
	half := body + (end-body)/2
	for i := half; i < end; i++ {
		if kinds[i] != "" {
			continue
		}
		low := ""
		if f := p.feats[i]; f.runes <= 80 && !f.endsSent {
			low = strings.ToLower(lines[i])
		}
		switch {
		case forwardLooking(lines[i]):
			kinds[i] = KindPressBoilerplate
			continue
		case low == "":
			continue
		case isOneOf(strings.TrimRight(low, " :"), pressHeadings) || strings.HasPrefix(low, "for more information, contact"):
		case aboutHeading(lines, low, i, end):
		default:
			continue
		}
		kinds[i] = KindPressBoilerplate
		for j := i + 1; j < end && (kinds[j] == "" || kinds[j] == KindPressBoilerplate); j++ {
			if sectionHeading(lines[j]) && !strings.HasPrefix(lines[j], "###") {
				break
			}
			kinds[j] = KindPressBoilerplate
		}
	}
}

// forwardLooking reports whether a paragraph is the safe-harbour caveat of
// a press release: it names forward-looking statements and their risks.
func forwardLooking(line string) bool {
	// The hyphen is rare in text, which makes this test cheap on the
	// many lines it rejects.
	if !strings.Contains(line, "-looking") && !strings.Contains(line, "-Looking") && !strings.Contains(line, "-LOOKING") {
		return false
	}
	low := strings.ToLower(line)
	if !strings.Contains(low, "forward-looking statement") && !strings.Contains(low, "forward looking statement") {
		return false
	}
	return strings.Contains(low, "risk") || strings.Contains(low, "uncertaint") || strings.Contains(low, "undertake") ||
		strings.Contains(low, "safe harbor") || strings.Contains(low, "no obligation")
}

// aboutHeading reports whether line i is "About <Name>" (a few words, no
// sentence end) and the line after it speaks of Name: it starts with the
// name's first word, as a boilerplate company description does.
func aboutHeading(lines []string, low string, i, end int) bool {
	if i+1 >= end || !sectionHeading(lines[i]) {
		return false
	}
	for _, a := range aboutWords {
		if !strings.HasPrefix(low, a) {
			continue
		}
		name := withoutArticle(strings.Fields(lines[i][len(a):]))
		if len(name) == 0 || len(name) > 6 {
			return false
		}
		first := strings.Trim(name[0], ",.:;\"'’“”")
		r, _ := utf8.DecodeRuneInString(first)
		if len(first) < 2 || !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		next := withoutArticle(strings.Fields(lines[i+1]))
		return len(next) > 0 && strings.HasPrefix(next[0], first)
	}
	return false
}

// withoutArticle returns words without an article first, when more
// words follow it.
func withoutArticle(words []string) []string {
	if len(words) > 1 && nameArticles[strings.ToLower(words[0])] {
		return words[1:]
	}
	return words
}

// sectionHeading reports whether a line is shaped like a section heading:
// at most eight words, no sentence end.
func sectionHeading(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 80 || len(strings.Fields(s)) > 8 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != '.' && r != '!' && r != '?' && r != '。'
}

// pullQuotes names a line that repeats, on its own, a sentence of a longer
// body paragraph near it: the pull quote is dropped, the paragraph keeps
// its sentence. A candidate is one sentence or one quotation; its words
// after the first (whose case may differ in the source) are looked for in
// the lines near it, and a hit is confirmed on the whole of it as written
// (quotation marks, final punctuation and a quote-tweet label aside).
// Pull quotes sit within a few paragraphs of their source, and
// looking only there keeps this pass cheap on long texts.
func (p *page) pullQuotes(kinds []string, body, end int) {
	for i := body; i < end; i++ {
		f := p.feats[i]
		if kinds[i] != "" || f.words < minPullQuoteWords || f.runes > maxLeftoverRunes || f.dup > 1 || f.sentences > 1 {
			continue
		}
		line := p.lines[i]
		// A pull quote is a sentence or a quotation; a repeated name
		// or heading is not one.
		if r, _ := utf8.DecodeRuneInString(line); !f.endsSent && !isQuoteMark(r) {
			continue
		}
		needle := quoteNeedle(line)
		if needle == "" {
			continue
		}
		for j := max(body, i-pullQuoteWindow); j < min(end, i+pullQuoteWindow+1); j++ {
			if j == i || kinds[j] != "" || p.feats[j].runes <= f.runes || !strings.Contains(p.lines[j], needle) {
				continue
			}
			if strings.Contains(p.lines[j], quoteCore(line)) {
				kinds[i] = KindPullQuote
				break
			}
		}
	}
}

// needleBytes is how much of a candidate pull quote is looked for as it
// is written.
const needleBytes = 24

// quoteNeedle is the raw text of a candidate pull quote from its second
// word on, cut to needleBytes at most and at a character boundary; "" when
// too little follows the first word.
func quoteNeedle(s string) string {
	i := quoteStart(s)
	sp := strings.IndexByte(s[i:], ' ')
	if sp < 0 {
		return ""
	}
	rest := s[i+sp+1:]
	if len(rest) <= needleBytes {
		return ""
	}
	n := needleBytes
	for n > 0 && !utf8.RuneStart(rest[n]) {
		n--
	}
	return rest[:n]
}

// quoteStart is where a pull quote's own words start: after opening
// quotation marks, an ellipsis and spaces.
func quoteStart(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isQuoteMark(r) && r != '…' && r != '.' && r != ' ' {
			break
		}
		i += size
	}
	return i
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‘', '\'', '「', '『':
		return true
	}
	return false
}

// tweetSuffixes are the labels a quote-tweet widget appends to its quote.
var tweetSuffixes = []string{"Click To Tweet", "Click to Tweet", "Tweet This", "Tweet this"}

// quoteCore is a candidate pull quote from its second word on, without
// the closing quotation mark, final punctuation or quote-tweet label that
// its source does not have at the same place.
func quoteCore(s string) string {
	i := quoteStart(s)
	if sp := strings.IndexByte(s[i:], ' '); sp >= 0 {
		s = s[i+sp+1:]
	}
	for _, t := range tweetSuffixes {
		s = strings.TrimSuffix(s, t)
	}
	return strings.TrimRightFunc(s, func(r rune) bool {
		return isQuoteMark(r) || r == '.' || r == '!' || r == '?' || r == '…' || r == ' '
	})
}
