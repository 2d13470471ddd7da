package boilerplate

import "strings"

// lang indexes the stop-word lists. The page language decides which list a
// line's stop-word density is measured against: function words are what
// separate running prose from menus, and they differ per language.
type lang uint8

const (
	langEN lang = iota
	langPT
	langES
	langFR
	langDE
	langIT
	langNL
	langID
	langRU
	langKO
	numLangs
)

// Function words per language: articles, pronouns, prepositions,
// conjunctions, auxiliaries. Short on purpose: content words would make
// menus of nouns look like prose.
var stopWordLists = [numLangs]string{
	langEN: `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't could couldn't did didn't do does doesn't doing don't down during each few for from
further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's like many may me might more most much must
mustn't my myself no nor not now of off on once one only or other ought our ours ourselves out over own same shan't she
she'd she'll she's should shouldn't since so some still such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through to too under until up upon us very
was wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which while who who's
whom why why's will with without won't would wouldn't yet you you'd you'll you're you've your yours yourself
yourselves it’s don’t didn’t doesn’t isn’t wasn’t can’t won’t i’m we’re they’re you’re that’s there’s he’s she’s`,
	langPT: `a à ao aos as às até com como da das de dela dele deles do dos e é ela elas ele eles em entre era eram
essa esse esta está estão este eu foi foram há isso isto já lhe mais mas me mesmo meu minha muito na nas nem no nos
nós o os ou para pela pelas pelo pelos por porque quando que quem se sem ser seu seus sua suas só também te tem têm
ter um uma umas uns vai você vocês num numa sobre depois ainda onde`,
	langES: `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él ella ellas
ellos en entre era es esa ese eso esta está están este esto fue fueron ha han hay la las le les lo los más me mi muy
nada ni no nos o otra otro para pero poco por porque que quien se sea ser si sí sin sobre su sus también tan te tiene
todo tras tu un una uno unos y ya yo`,
	langFR: `à au aux avec ce ces cette dans de des du elle elles en est et été être eu il ils je la le les leur leurs
lui ma mais me même mes moi mon ne nos notre nous on ont ou où par pas plus pour qu que qui sa sans se ses son sont sur
ta te tes toi ton tu un une vos votre vous y c'est d'un d'une l'on qu'il n'est s'est`,
	langDE: `aber alle als also am an auch auf aus bei bin bis da damit dann das dass dem den denn der des die dies
diese dieser doch du durch ein eine einem einen einer eines er es für gegen hat hatte hier ich ihm ihn ihr im in ist
ja jedoch kann kein keine man mehr mich mit muss nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind so
soll über um und uns unter vom von vor war waren was weil wenn werden wie wieder wir wird wurde zu zum zur zwischen`,
	langIT: `a ad agli al alla alle allo anche ancora che chi ci come con da dal dalla dalle dei del della delle dello
di e è ed essere gli ha hanno i il in io la le lei lo loro lui ma mi molto ne nei nel nella nelle noi non o per perché
più quando quella quelle quello questa queste questo se si sia sono su sua sue suo suoi sul sulla tra tutto un una uno
anche stato stata fatto`,
	langNL: `aan al alle als bij dan dat de deze die dit door een en er had heb heeft het hij hoe hun ik in is je kan
maar me met mij na naar niet nog nu of om omdat onder ons ook op over te tot uit van veel voor want was wat we wel
werd wie wij worden zal ze zich zij zijn zo`,
	langID: `ada adalah agar akan aku anda antara atau bagi bahwa baik bisa dalam dan dapat dari dengan di dia ia ini
itu jadi jika juga kami kamu karena ke kepada ketika kita lain lebih masih mereka namun oleh pada para saat saja sangat
satu sebagai sebuah sedang sejak sekitar semua sendiri seperti setelah sudah tak telah tentang tersebut tetapi tidak
untuk yang hingga bukan`,
	langRU: `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его ее
её если есть еще ещё же за здесь и из или им их к как когда кто ли либо мне может мы на над надо наш не него нее неё
нет ни них но ну о об однако он она они оно от очень по под после при про с со так также такой там те тем то того
тоже той только том ты у уже хотя чего чей чем что чтобы эта эти это этого этой этом я`,
	langKO: `그 이 저 것 수 등 및 또 또는 그리고 하지만 그러나 더 및 때 중 때문에 위해 대한 통해 있는 있다 없다 한다
했다 된다 이다 한 할 하는 되는 같은 우리 그는 그녀는 이번 지난 있습니다 합니다 했습니다`,
}

// stopWords maps a lowercased word to the set of languages (one bit per
// lang) that count it as a function word. It is an open-addressing hash
// table rather than a map: it is probed once for every word of the page.
// Slots are small and hold the word's hash, so a probe for a word that is
// not there (most content words) reads one cache line of a table that
// fits in L1 and never touches the words themselves. Built once per
// process from constant lists and only read afterwards.
type stopWords struct {
	slots []stopSlot
	mask  uint32
	// arena holds the words back to back; slots point into it.
	arena string
	// packed holds again the words of at most eight ASCII letters and
	// digits, most function words of most pages, each keyed by its bytes
	// read as one little-endian word: a probe compares one integer, and
	// the key is read from the line without hashing byte by byte.
	packed     []packedSlot
	packedMask uint64
	// maxPlain is the length of the longest word of ASCII letters and
	// digits: a longer plain word is no function word.
	maxPlain int
	// long holds the plain function words longer than eight bytes, a
	// handful ("themselves"): a plain word of a line that long is
	// compared with each, without being copied and hashed.
	long []longWord
}

// longWord is a plain function word of more than eight bytes: its first
// eight as read by load64, and the rest.
type longWord struct {
	head  uint64
	tail  string
	langs uint16
}

type packedSlot struct {
	key   uint64 // 0 for an empty slot: no word packs to 0
	langs uint16
}

type stopSlot struct {
	hash  uint32
	off   uint16
	n     uint8 // 0 for an empty slot
	langs uint16
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashWord is 32-bit FNV-1a.
func hashWord(w []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range w {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

// lookup returns the languages that count w as a function word.
func (t *stopWords) lookup(w []byte) uint16 {
	if len(w) == 0 || len(w) > maxStopBytes {
		return 0
	}
	return t.lookupHash(w, hashWord(w))
}

// lookupHash is lookup for a word whose hashWord is already known.
func (t *stopWords) lookupHash(w []byte, h uint32) uint16 {
	if len(w) == 0 || len(w) > maxStopBytes {
		return 0
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.n == 0 {
			return 0
		}
		if s.hash == h && int(s.n) == len(w) && t.arena[s.off:int(s.off)+len(w)] == string(w) {
			return s.langs
		}
	}
}

// lookupString is lookupHash for a word already in lower case.
func (t *stopWords) lookupString(w string, h uint32) uint16 {
	if len(w) == 0 || len(w) > maxStopBytes {
		return 0
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.n == 0 {
			return 0
		}
		if s.hash == h && int(s.n) == len(w) && t.arena[s.off:int(s.off)+len(w)] == w {
			return s.langs
		}
	}
}

// lookupLong is lookup for w lowercased, a word of more than eight ASCII
// letters and digits (setting bit 5 lowercases them).
func (t *stopWords) lookupLong(w string) uint16 {
	head := load64(w, 0) | bytes20
next:
	for _, e := range t.long {
		if e.head != head || len(e.tail) != len(w)-8 {
			continue
		}
		for k := 0; k < len(e.tail); k++ {
			if w[8+k]|0x20 != e.tail[k] {
				continue next
			}
		}
		return e.langs
	}
	return 0
}

// packedHash spreads a packed word over the table (Fibonacci hashing).
func packedHash(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> 32 }

// lookupPacked returns the languages that count the word packed as k
// (see packWord) as a function word.
func (t *stopWords) lookupPacked(k uint64) uint16 {
	for i := packedHash(k) & t.packedMask; ; i = (i + 1) & t.packedMask {
		s := &t.packed[i]
		if s.key == k {
			return s.langs
		}
		if s.key == 0 {
			return 0
		}
	}
}

// packWord packs s[i:i+n], n <= 8 bytes of ASCII letters and digits,
// lowercased, into one word with s[i] in the low byte.
func packWord(s string, i, n int) uint64 {
	mask := uint64(1)<<(8*uint(n)) - 1
	if n == 8 {
		mask = ^uint64(0)
	}
	var k uint64
	if i+8 <= len(s) {
		k = load64(s, i)
	} else {
		for j := n - 1; j >= 0; j-- {
			k = k<<8 | uint64(s[i+j])
		}
	}
	// Setting bit 5 lowercases a letter and leaves a digit as it is.
	return (k | bytes20) & mask
}

// plainWord reports whether w is made of ASCII letters and digits only.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !asciiAlnum(w[i]) {
			return false
		}
	}
	return w != ""
}

// words calls fn for every function word and its languages.
func (t *stopWords) words(fn func(string, uint16)) {
	for _, s := range t.slots {
		if s.n != 0 {
			fn(t.arena[s.off:int(s.off)+int(s.n)], s.langs)
		}
	}
}

func buildStopWords() *stopWords {
	m := make(map[string]uint16, 1500)
	var order []string
	for l, list := range stopWordLists {
		for _, w := range strings.Fields(list) {
			if _, ok := m[w]; !ok {
				order = append(order, w)
			}
			m[w] |= 1 << uint(l)
		}
	}
	size := 1
	for size < 2*len(m) {
		size *= 2
	}
	t := &stopWords{slots: make([]stopSlot, size), mask: uint32(size - 1)}
	var arena strings.Builder
	for _, w := range order {
		h := hashWord([]byte(w))
		i := h & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = stopSlot{hash: h, off: uint16(arena.Len()), n: uint8(len(w)), langs: m[w]}
		arena.WriteString(w)
	}
	t.arena = arena.String()
	n := 0
	for _, w := range order {
		if plainWord(w) {
			t.maxPlain = max(t.maxPlain, len(w))
			if len(w) <= 8 {
				n++
			}
		}
	}
	size = 1
	for size < 2*n {
		size *= 2
	}
	for _, w := range order {
		if plainWord(w) && len(w) > 8 {
			t.long = append(t.long, longWord{head: load64(w, 0), tail: w[8:], langs: m[w]})
		}
	}
	t.packed = make([]packedSlot, size)
	t.packedMask = uint64(size - 1)
	for _, w := range order {
		if !plainWord(w) || len(w) > 8 {
			continue
		}
		k := packWord(w, 0, len(w))
		i := packedHash(k) & t.packedMask
		for t.packed[i].key != 0 {
			i = (i + 1) & t.packedMask
		}
		t.packed[i] = packedSlot{key: k, langs: m[w]}
	}
	return t
}
