package boilerplate

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Boilerplate kinds reported in Result.Kinds.
const (
	KindOutside     = "outside"
	KindShare       = "share_widget"
	KindAuthorBox   = "author_box"
	KindCommentForm = "comment_form"
	KindDuplicate   = "duplicate"
	KindRelated     = "related"
	KindReadMore    = "read_more"
	KindNewsletter  = "newsletter"
	KindAdvert      = "advertisement"
	KindCookie      = "cookie_notice"
	KindTags        = "tags"
	KindCopyright   = "copyright"
	KindNavigation  = "navigation"
)

// lineKind is a boilerplate kind as a small number, kindNone for none. A
// page holds one feat per line: with the kind a string there, the
// collector scanned every feat for pointers.
type lineKind uint8

const (
	kindNone lineKind = iota
	kindShare
	kindAuthorBox
	kindCommentForm
	kindRelated
	kindReadMore
	kindNewsletter
	kindAdvert
	kindCookie
	kindTags
	kindCopyright
	kindNavigation
	numKinds
)

// kindNames are the kinds' names in Result.Kinds.
var kindNames = [numKinds]string{
	kindNone:        "",
	kindShare:       KindShare,
	kindAuthorBox:   KindAuthorBox,
	kindCommentForm: KindCommentForm,
	kindRelated:     KindRelated,
	kindReadMore:    KindReadMore,
	kindNewsletter:  KindNewsletter,
	kindAdvert:      KindAdvert,
	kindCookie:      KindCookie,
	kindTags:        KindTags,
	kindCopyright:   KindCopyright,
	kindNavigation:  KindNavigation,
}

func (k lineKind) String() string { return kindNames[k] }

// kindNamed is the lineKind of a phraseTable key (TestPhraseTable checks
// that every key has one).
func kindNamed(name string) (lineKind, bool) {
	for k, n := range kindNames {
		if k != int(kindNone) && n == name {
			return lineKind(k), true
		}
	}
	return kindNone, false
}

// phraseTable lists the wording sites use for each kind of boilerplate, in
// the languages of the corpus. Syntax of an entry:
//
//	"text"    the whole line (lowercased, trimmed of punctuation) is text
//	"text*"   the line starts with text
//	"*text*"  the line contains text (checked on lines under 400 bytes)
//	"!..."    as above, and the line opens a comment section
//
// These are generic phrases of the web, not strings of one site; they feed
// a score, they do not decide alone (a long prose line is never dropped for
// containing one, except where noted in classify).
var phraseTable = map[string][]string{
	KindShare: {
		"spread the love", "share this*", "share on*", "share via*", "share the story", "share article",
		"click to share*", "*(opens in new window)*", "*opens in a new window*", "share", "shares", "sharing",
		"tweet", "tweet this", "pin it", "email this", "copy link", "copy url", "link copied*", "print this*",
		"compartilhe*", "compartilhar*", "teilen*", "artikel teilen", "condividi*", "bagikan*", "поделиться*",
		"partager*", "compartir*", "공유*", "シェア*", "follow us*", "like us on facebook", "follow on twitter",
		"siga-nos*", "folgen sie uns*", "seguici*", "ikuti kami*", "подписывайтесь*", "whatsapp me*",
		"report this post", "report this article", "report this comment", "report abuse",
	},
	KindAuthorBox: {
		"about the author*", "about author", "about the writer", "about this author", "more by this author",
		"more from this author", "more articles by*", "view all posts by*", "all posts by*", "posts by*",
		"sobre o autor*", "über den autor*", "über die autorin*", "sull'autore*", "l'autore*", "об авторе*",
		"tentang penulis*", "sobre el autor*", "à propos de l'auteur*", "author bio*", "author profile",
	},
	KindCommentForm: {
		"!leave a reply*", "!leave a comment*", "!join the conversation*", "!comments", "!comment", "!responses",
		"!post a comment*", "!add a comment*", "!add your comment*", "!reader comments*", "!show comments*",
		"!view comments*", "!load comments*", "!see comments*", "!conversation", "!discussion", "!what do you think*",
		"!deixe um comentário*", "!deixe seu comentário*", "!comentários", "!comentarios", "!kommentare",
		"!kommentar schreiben*", "!commenti", "!lascia un commento*", "!komentar", "!tinggalkan balasan*",
		"!tinggalkan komentar*", "!комментарии", "!оставить комментарий*", "!добавить комментарий*", "!commentaires",
		"!laisser un commentaire*", "!reacties", "!댓글*", "!コメント*", "!thoughts on*", "!one thought on*",
		"!one response to*", "!responses to*", "!replies to*", "!replies", "!the discussion*", "!comments are closed*",
		"your email address will not be published*", "*required fields are marked*", "save my name*",
		"notify me of*", "cancel reply", "post comment", "submit comment", "you must be logged in*",
		"*akismet to reduce spam*", "log in to comment*", "sign in to comment*", "name *", "email *", "comment *",
		"website", "o seu endereço de email não será publicado*", "o seu endereço de e-mail não será publicado*",
		"ihre e-mail-adresse wird nicht veröffentlicht*", "il tuo indirizzo email non sarà pubblicato*",
		"alamat email anda tidak akan dipublikasikan*", "ваш адрес email не будет опубликован*",
		"comments are moderated*", "we welcome your comments*", "commenting policy*", "community guidelines*",
		"!kommentar verfassen*", "!schreibe einen kommentar*", "!hinterlasse einen kommentar*", "!deja una respuesta*",
		"!deja un comentario*", "!laisser une réponse*", "!lascia una risposta*", "!deixe uma resposta*",
		"!geef een reactie*", "!laat een reactie achter*", "antwort abbrechen", "annuler la réponse",
		"cancelar la respuesta", "cancelar respuesta", "annulla risposta", "cancelar resposta", "reactie annuleren",
		"enter your comment here*", "gib hier deinen kommentar ein*", "saisissez votre commentaire ici*",
		"introduce aquí tu comentario*", "escribe aquí tu comentario*", "inserisci qui il tuo commento*",
		"digite seu comentário aqui*", "vul hier je reactie in*",
		// WordPress.com's comment form in its translations: the e-mail
		// field's label, the prompt above the fields, the signed-in line.
		"*(address never made public*", "*(adresse wird niemals veröffentlicht*", "*(adresse jamais rendue publique*",
		"*(la dirección no se hará pública*", "*(o endereço nunca será tornado público*", "*(indirizzo non verrà mai pubblicato*",
		"fill in your details below or click an icon to log in*", "trage deine daten unten ein oder klicke ein icon um dich einzuloggen*",
		"entrez vos coordonnées ci-dessous ou cliquez sur une icône pour vous connecter*",
		"introduce tus datos o haz clic en un icono para iniciar sesión*", "you are commenting using your*",
		"du kommentierst mit deinem*", "vous commentez à l’aide de votre compte*", "vous commentez à l'aide de votre compte*",
		"estás comentando usando tu cuenta*",
	},
	KindRelated: {
		"you may also like*", "you might also like*", "you may like", "related", "related posts*", "related articles*",
		"related stories*", "related content*", "related coverage*", "related news*", "related topics*", "more stories*",
		"more news*", "more from*", "more in*", "more on*", "recommended*", "recommended for you*", "popular*",
		"most popular*", "most read*", "most viewed*", "trending*", "top stories*", "latest news*", "latest stories*",
		"latest posts*", "recent posts*", "editor's picks*", "editors' picks*", "editor’s picks*", "don't miss*",
		"don’t miss*", "what to read next*", "up next*", "next article*", "previous article*", "next post*",
		"previous post*", "sponsored stories*", "around the web*", "from the web*", "more to explore*",
		"leia também*", "veja também*", "mais lidas*", "notícias relacionadas*", "auch interessant*",
		"das könnte sie auch interessieren*", "weitere artikel*", "mehr zum thema*", "читайте также*",
		"по теме*", "похожие статьи*", "leggi anche*", "potrebbe interessarti*", "articoli correlati*",
		"baca juga*", "berita terkait*", "artikel terkait*", "terpopuler*", "te puede interesar*", "noticias relacionadas*",
		"à lire aussi*", "sur le même sujet*", "관련기사*", "많이 본 뉴스*", "関連記事*", "人気記事*",
		"você pode gostar*", "você também pode gostar*", "talvez você goste*", "te puede gustar*",
		"también te puede interesar*", "ti potrebbe interessare*", "potrebbe piacerti*", "vous aimerez aussi*",
		"vous pourriez aimer*", "das könnte dich auch interessieren*", "anda mungkin suka*", "вам может понравиться*",
	},
	KindReadMore: {
		"also read*", "read also*", "read more*", "read next*", "see also*", "related:*", "more:*", "continue reading*",
		"read the full*", "read full*", "click here*", "read the rest*", "read our*", "read this next*",
		"recommended reading*", "further reading*", "also see*", "also on*", "watch:*", "watch now*", "listen:*",
		"leia mais*", "weiterlesen*", "mehr lesen*", "leggi di più*", "continua a leggere*", "baca selengkapnya*",
		"читать далее*", "подробнее*", "lire la suite*", "leer más*", "더보기*", "続きを読む*", "view gallery*",
		"hier klicken*", "klicken sie hier*", "cliquez ici*", "clique aqui*", "haga clic aquí*", "haz clic aquí*",
	},
	KindNewsletter: {
		"subscribe*", "sign up*", "*newsletter*", "enter your email*", "your email address", "email address",
		"*delivered to your inbox*", "*to your inbox*", "*straight to your inbox*", "get the latest*", "get our*", "join our mailing*",
		"*mailing list*", "inscreva-se*", "assine*", "abonnieren*", "jetzt abonnieren*", "iscriviti*", "berlangganan*",
		"подписаться*", "подпишитесь*", "s'abonner*", "abonnez-vous*", "suscríbete*", "구독*", "購読*",
		"*sign up for*", "*subscribe to*", "already a subscriber*", "already have an account*", "log in", "login",
		"sign in", "register", "create an account*", "create a free account*", "subscriber*",
	},
	KindAdvert: {
		"advertisement", "advertisements", "ad", "ads", "advert", "sponsored", "sponsored content*", "paid content*",
		"promoted*", "*continues below advertisement*", "*continues below*", "continue reading below*",
		"*story continues below*", "advertise with us*", "advertise", "ad choices", "adchoices", "publicidade",
		"publicidad", "anzeige", "werbung", "реклама", "pubblicità", "iklan", "publicité", "광고", "広告",
		"scroll to continue*", "report this ad*", "this article is sponsored*", "partner content*",
	},
	KindCookie: {
		"*we use cookies*", "*this site uses cookies*", "*this website uses cookies*", "*use of cookies*",
		"*cookie policy*", "*cookie settings*", "*cookies policy*", "*accept cookies*", "*accept all cookies*",
		"accept", "accept all", "i accept", "i agree", "agree", "got it", "ok, got it", "manage preferences*",
		"*uses cookies*", "*utilizamos cookies*", "*usamos cookies*", "*verwendet cookies*", "*wir verwenden cookies*",
		"*utilizziamo i cookie*", "*questo sito utilizza*", "*menggunakan cookie*", "*использует cookie*",
		"*используем cookie*", "*utilise des cookies*", "*by continuing to use*", "*by using this site*",
		"*by using our site*", "*privacy policy and terms*", "*consent to*", "*your privacy choices*",
		"*do not sell my*", "*we and our partners*", "*personalised ads*", "*personalized ads*",
	},
	KindTags: {
		"tags:*", "tags", "tag:*", "tagged:*", "tagged with*", "tagged in*", "topics:*", "topics", "filed under*",
		"categories:*", "category:*", "categories", "posted in*", "etiquetas*", "schlagwörter*", "schlagworte*",
		"themen:*", "теги*", "метки*", "tag", "argomenti*", "topik*", "label:*", "mots-clés*", "태그*", "タグ*",
	},
	KindCopyright: {
		"©*", "*© *", "*©2*", "copyright*", "*all rights reserved*", "(c) 1*", "(c) 2*",
		"*todos os direitos reservados*", "*alle rechte vorbehalten*", "*все права защищены*",
		"*tutti i diritti riservati*", "*hak cipta*", "*tous droits réservés*", "*todos los derechos reservados*",
		"(c)", "(c) *", "powered by*", "proudly powered by*",
	},
	KindNavigation: {
		"terms of use*", "terms of service*", "terms and conditions*", "privacy policy*", "privacy notice*",
		"privacy", "contact us*", "about us*", "site map", "sitemap", "accessibility*", "careers", "*customer service*",
		"help center*", "faq", "faqs", "back to top*", "scroll to top*", "skip to *", "jump to*", "go to*", "home", "menu", "search", "close", "open menu*", "toggle*",
		"main menu*", "navigation*", "you are here*", "breadcrumb*", "page not found*", "next", "previous", "prev",
		"load more*", "show more*", "see more*", "see all*", "view all*", "view more*", "more", "all", "top",
		"início", "startseite", "главная", "beranda", "accueil", "inicio", "홈", "ホーム",
		"zum inhalt springen*",
		"zur navigation springen*", "zum hauptinhalt springen*", "direkt zum inhalt*", "aller au contenu*",
		"saltar al contenido*", "vai al contenuto*", "ir para o conteúdo*", "naar de inhoud springen*",
		"wechseln zu:*", "aller à :*", "saltar a:*", "*browser is out of date*", "*outdated browser*",
		"*browser ist veraltet*", "*browser ist leider veraltet*", "*navigateur est obsolète*",
		"*navegador está desactualizado*", "*navegador está desatualizado*", "*update your browser*",
		"*upgrade your browser*", "*newer browser*", "*neueren browser*", "*browser aktualisieren*",
	},
}

// socialWords are the words a row of share buttons is made of. A line made
// only of them is a share widget whatever order they come in.
var socialWords = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "whatsapp": true, "tweet": true, "linkedin": true,
	"pinterest": true, "reddit": true, "email": true, "e-mail": true, "mail": true, "print": true,
	"share": true, "telegram": true, "messenger": true, "sms": true, "flipboard": true, "pocket": true,
	"tumblr": true, "vk": true, "ok": true, "google+": true, "google": true, "copy": true, "link": true,
	"instagram": true, "youtube": true, "rss": true, "feed": true, "snapchat": true, "tiktok": true,
	"viber": true, "line": true, "weibo": true, "wechat": true, "mix": true, "digg": true, "stumbleupon": true,
	"buffer": true, "skype": true, "pin": true, "save": true, "comment": true, "comments": true, "share:": true,
	"on": true, "via": true, "tumblr.": true, "more": true, "threads": true, "bluesky": true, "mastodon": true,
	"gmail": true, "yahoo": true, "outlook": true, "naver": true, "kakaotalk": true, "kakao": true, "hatena": true,
}

type phrase struct {
	text     string
	kind     lineKind
	prefix   bool
	contains bool
	comment  bool
}

// phrases is phraseTable compiled for lookup: exact lines in a map,
// prefixes bucketed by first byte, contains patterns in one short list.
type phrases struct {
	exact  map[string]phrase
	prefix [256][]phrase
	// contains is keyed by the first byte of the pattern; patterns are
	// only looked for at the start of a word of the line.
	contains [256][]phrase
	// pairs has a bit for the first two bytes of every contains
	// pattern, so most word starts are passed over with one test.
	pairs [1 << 16 / 64]uint64
	// maxExact is the longest exact phrase key, maxPrefix the longest
	// prefix.
	maxExact, maxPrefix int
}

func pairBit(a, b byte) (int, uint64) {
	k := int(a)<<8 | int(b)
	return k >> 6, 1 << (k & 63)
}

var phraseSet = sync.OnceValue(compilePhrases)

func compilePhrases() *phrases {
	p := &phrases{exact: make(map[string]phrase, 512)}
	// Kinds in a fixed order, so that the same line gets the same kind in
	// every process: ranging over the map directly made the prefix lists'
	// order, and so the kind of a line two prefixes match, change from one
	// run to the next.
	for _, kind := range slices.Sorted(maps.Keys(phraseTable)) {
		for _, e := range phraseTable[kind] {
			id, _ := kindNamed(kind)
			ph := phrase{kind: id}
			if strings.HasPrefix(e, "!") {
				ph.comment = true
				e = e[1:]
			}
			if strings.HasPrefix(e, "*") && strings.HasSuffix(e, "*") && len(e) > 2 {
				ph.contains = true
				ph.text = e[1 : len(e)-1]
				p.contains[ph.text[0]] = append(p.contains[ph.text[0]], ph)
				if len(ph.text) >= 2 { // TestPhraseTable checks that all are
					w, bit := pairBit(ph.text[0], ph.text[1])
					p.pairs[w] |= bit
				}
				continue
			}
			if strings.HasSuffix(e, "*") && e != "name *" && e != "email *" && e != "comment *" {
				ph.prefix = true
				ph.text = e[:len(e)-1]
				p.maxPrefix = max(p.maxPrefix, len(ph.text))
				p.prefix[ph.text[0]] = append(p.prefix[ph.text[0]], ph)
				continue
			}
			ph.text = e
			var key keyBuf
			k := normalizeKey(e, &key, maxKeyBytes)
			p.exact[string(k)] = ph
			p.maxExact = max(p.maxExact, len(k))
		}
	}
	// Where two prefixes match a line, the longer one says more about it
	// ("continue reading below" is an advert break, "continue reading" a
	// link): longer prefixes are tried first.
	for _, list := range p.prefix {
		slices.SortStableFunc(list, func(a, b phrase) int { return cmp.Compare(len(b.text), len(a.text)) })
	}
	return p
}

// maxKeyBytes bounds how much of a line phrase matching looks at: the
// phrases that matter sit at the start of a line.
const maxKeyBytes = 160

// maxContainsLine: lines this long are prose or data, and a phrase met
// inside them ("consent to", "newsletter") is part of what they say; only
// a phrase they start with counts.
const maxContainsLine = 200

const prefixSlack = 16

// maxPhraseLine is the longest line phrase matching looks at at all: longer
// lines are prose or data, and no phrase rule applies to them.
const maxPhraseLine = 1200

// normalizeKey lowercases s, trims bullets, punctuation and digits around
// it and folds inner whitespace, so "  Share this: " and "share this" meet.
// Leading counts ("12 Comments") and trailing counts ("Comments (12)") go
// too: the count is never what makes a line boilerplate. The key is built
// in buf, which is reused from line to line; limit is at most maxKeyBytes
// (TestKeyLimits checks the callers' limits).
func normalizeKey(s string, buf *keyBuf, limit int) []byte {
	limit = min(limit, maxKeyBytes)
	if len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	s = trimKey(s)
	b := buf[:]
	n := 0
	space := false
	for i := 0; i < len(s); {
		// Eight bytes of ASCII without a tab or two spaces in a row,
		// most of a key, are lowercased and copied at once; a space
		// they end with is left pending, as the byte loop leaves it.
		if i+8 <= len(s) {
			x := load64(s, i)
			// Without high bits, adding 0x7F to a byte sets its high
			// bit unless it is zero, and carries into no other byte:
			// the masks are exact.
			const bytes7F = 0x7F * bytes01
			spaces := ^((x ^ bytes20) + bytes7F) & bytes80
			tabs := ^((x ^ (bytes01 * '\t')) + bytes7F) & bytes80
			if x&bytes80 == 0 && tabs == 0 && spaces&(spaces<<8) == 0 && !(space && byte(x) == ' ') {
				if space {
					b[n] = ' '
					n++
					space = false
				}
				// Adding the distance from 'A' to 0x80 sets the high
				// bit from 'A' up, adding the one from 'Z'+1 from
				// past 'Z'.
				upper := (x + bytes01*(0x80-'A')) &^ (x + bytes01*(0x80-'Z'-1)) & bytes80
				binary.LittleEndian.PutUint64(b[n:], x|upper>>2)
				n += 8
				if byte(x>>56) == ' ' {
					n--
					space = true
				}
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' {
				space = true
				continue
			}
			if space {
				b[n] = ' '
				n++
				space = false
			}
			if c-'A' < 26 {
				c += 'a' - 'A'
			}
			b[n] = c
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b[n] = ' '
			n++
			space = false
		}
		n += utf8.EncodeRune(b[n:], unicode.ToLower(r))
	}
	return b[:n]
}

// keyBuf holds a phrase key of a line cut to maxKeyBytes. A byte of the
// key grows to at most three (an invalid byte becomes U+FFFD): with that
// much room it is written without bounds to check. A fixed array, rather
// than a slice that normalizeKey could grow, lets the caller keep it on
// its stack.
type keyBuf [3*maxKeyBytes + utf8.UTFMax]byte

// trimKey trims what surrounds the words of a key: punctuation, bullets,
// digits, spaces; it keeps "©", "*" and "+" at either end and "(" at the
// start ("(c) 2019", "Name *", "Google+").
func trimKey(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			if (c|0x20)-'a' < 26 || c == '*' || c == '(' || c == '+' {
				break
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if r == '©' || (unicode.IsLetter(r) && !unicode.IsDigit(r)) {
			break
		}
		s = s[size:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if (c|0x20)-'a' < 26 || c == '*' || c == '+' {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if r == '©' || (unicode.IsLetter(r) && !unicode.IsDigit(r)) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// match returns the boilerplate phrase that line s is, starts with or
// contains, if any.
func (p *phrases) match(s string, buf *keyBuf) (phrase, bool) {
	if len(s) > maxPhraseLine {
		return phrase{}, false
	}
	if len(s) >= maxContainsLine {
		// Only a prefix can match a line this long: its key needs no
		// more than the longest prefix, with room for leading counts
		// and bullets and for the character that ends the word. Most
		// such lines are prose that no prefix starts like, which the
		// key of their first bytes tells. When those bytes are ASCII,
		// that key is a prefix of the longer one (trimming and
		// lowercasing ASCII do not depend on what follows), so no
		// phrase it rules out could match the longer key.
		if asciiHead(s, quickKeyBytes) {
			if kb := normalizeKey(s, buf, quickKeyBytes); len(kb) > 0 && !p.mayStartPrefix(kb) {
				return phrase{}, false
			}
		}
		kb := normalizeKey(s, buf, p.maxPrefix+prefixSlack)
		if len(kb) == 0 {
			return phrase{}, false
		}
		return p.matchPrefix(kb)
	}
	kb := normalizeKey(s, buf, maxKeyBytes)
	if len(kb) == 0 {
		return phrase{}, false
	}
	if len(kb) <= p.maxExact {
		if ph, ok := p.exact[string(kb)]; ok {
			return ph, true
		}
	}
	if ph, ok := p.matchPrefix(kb); ok {
		return ph, true
	}
	if bytes.IndexByte(kb, 0xC2) < 0 {
		// Patterns are looked for at word starts: jump from space to
		// space.
		for j := 0; j+1 < len(kb); {
			if ph, ok := p.containsAt(kb, j); ok {
				return ph, true
			}
			k := bytes.IndexByte(kb[j:], ' ')
			if k < 0 {
				break
			}
			j += k + 1
		}
	} else {
		// 0xC2 opens "©", which may be glued to the word before it.
		for j := 0; j+1 < len(kb); j++ {
			if j > 0 && kb[j-1] != ' ' && kb[j] != 0xC2 {
				continue
			}
			if ph, ok := p.containsAt(kb, j); ok {
				return ph, true
			}
		}
	}
	if onlySocial(kb) {
		return phrase{kind: kindShare}, true
	}
	return phrase{}, false
}

// containsAt finds a contains pattern that starts at kb[j].
func (p *phrases) containsAt(kb []byte, j int) (phrase, bool) {
	if j+1 >= len(kb) {
		return phrase{}, false
	}
	if w, bit := pairBit(kb[j], kb[j+1]); p.pairs[w]&bit == 0 {
		return phrase{}, false
	}
	for _, ph := range p.contains[kb[j]] {
		if len(kb)-j >= len(ph.text) && string(kb[j:j+len(ph.text)]) == ph.text {
			return ph, true
		}
	}
	return phrase{}, false
}

// quickKeyBytes is how much of a long line match reads first to rule out
// every prefix phrase.
const quickKeyBytes = 16

// asciiHead reports whether the first n bytes of s (s is longer) are
// ASCII.
func asciiHead(s string, n int) bool {
	for i := 0; i < n; i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// mayStartPrefix reports whether some prefix phrase agrees with kb, a
// prefix of a line's key, as far as both go: whether the whole key could
// start with it.
func (p *phrases) mayStartPrefix(kb []byte) bool {
	for _, ph := range p.prefix[kb[0]] {
		m := min(len(ph.text), len(kb))
		if string(kb[:m]) == ph.text[:m] {
			return true
		}
	}
	return false
}

// matchPrefix finds the phrase key kb starts with.
func (p *phrases) matchPrefix(kb []byte) (phrase, bool) {
	for _, ph := range p.prefix[kb[0]] {
		t := ph.text
		if len(kb) < len(t) || (len(t) > 1 && kb[1] != t[1]) {
			continue // most candidates differ in the second byte already
		}
		if string(kb[:len(t)]) == t && wordBoundary(kb, len(t), t) {
			return ph, true
		}
	}
	return phrase{}, false
}

// wordBoundary reports whether a prefix match of text ends at a word
// boundary of key, so "related" matches "Related: ..." but not
// "Relatedness of ...".
func wordBoundary(key []byte, n int, text string) bool {
	if n >= len(key) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	if !unicode.IsLetter(last) {
		return true
	}
	next, _ := utf8.DecodeRune(key[n:])
	return !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

// onlySocial reports whether every word of key is the name of a social
// network or a share action ("Facebook Twitter WhatsApp Email").
func onlySocial(key []byte) bool {
	n := 0
	for len(key) > 0 {
		i := bytes.IndexByte(key, ' ')
		if i < 0 {
			i = len(key)
		}
		w := trimSocial(key[:i])
		if i < len(key) {
			key = key[i+1:]
		} else {
			key = nil
		}
		if len(w) == 0 {
			continue
		}
		if !socialWords[string(w)] {
			return false
		}
		n++
	}
	return n > 0
}

// trimSocial trims the punctuation that separates share buttons from
// around w: , . : ; | / - ( ) and · • – —.
func trimSocial(w []byte) []byte {
	for len(w) > 0 {
		if n := socialPunct(w); n > 0 {
			w = w[n:]
			continue
		}
		break
	}
	for len(w) > 0 {
		_, size := utf8.DecodeLastRune(w)
		if socialPunct(w[len(w)-size:]) == size {
			w = w[:len(w)-size]
			continue
		}
		break
	}
	return w
}

// socialPunct returns the byte length of the separator that w starts
// with, or 0.
func socialPunct(w []byte) int {
	switch w[0] {
	case ',', '.', ':', ';', '|', '/', '-', '(', ')':
		return 1
	}
	r, size := utf8.DecodeRune(w)
	switch r {
	case '·', '•', '–', '—':
		return size
	}
	return 0
}
