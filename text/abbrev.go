package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrKind says how an abbreviation before a period affects a sentence
// boundary.
type abbrKind uint8

const (
	abbrNone      abbrKind = iota // not an abbreviation: the period ends the sentence
	abbrTitle                     // precedes a name: never ends a sentence ("Mr.", "Gen.")
	abbrContinue                  // never ends a sentence ("vs.", "e.g.")
	abbrNumber                    // precedes a number ("No. 10"); otherwise a word
	abbrTime                      // "a.m.", "p.m.": ends unless a zone, day or numeral follows
	abbrEtc                       // "etc.": ends before any capitalised word
	abbrAmbiguous                 // may end a sentence: decided by the next word
)

type abbr struct {
	kind abbrKind
	cap  bool // matches only when written with a capital first letter
}

// abbrevs maps the lower-case form of an abbreviation, without its final
// period, to its kind. Written for English news (AP style), with a few
// German, French and Spanish entries.
var abbrevs = func() map[string]abbr {
	m := map[string]abbr{}
	add := func(kind abbrKind, capital bool, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = abbr{kind, capital}
		}
	}
	add(abbrTitle, false, `mr mrs ms messrs mmes dr drs prof profs sen sens rep reps gov govs
		gen gens lt col cols sgt capt cmdr cmdt adm maj cpl pvt pfc spc brig ens
		rev hon pres supt insp det msgr atty amb sra srta dña sres mgr`)
	add(abbrContinue, false, `vs v e.g i.e cf viz approx ca z.b d.h bzw vgl sog ggf p.ej p.ex resp`)
	add(abbrNumber, true, `no nos nr art vol vols fig figs ch pp op`)
	add(abbrNumber, false, `p`)
	add(abbrTime, false, `a.m p.m`)
	add(abbrEtc, false, `etc usw`)
	add(abbrAmbiguous, true, `inc corp co ltd llc plc bros jr sr st ste mt ft dept univ assn
		ave blvd rd hwy est
		jan feb mar apr jun jul aug sep sept oct nov dec
		mon tue tues wed thu thur thurs fri sat sun
		ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
		miss mo mont neb nev okla ore pa tenn tex vt va wash wis wyo`)
	return m
}()

// classify returns the kind of abbreviation w is: a word of letters with
// single internal dots, without its final period.
func classify(w string) abbrKind {
	if len(w) > 16 {
		return abbrNone
	}
	var buf [64]byte
	lw := buf[:0]
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lw = append(lw, c)
	}
	first, _ := utf8.DecodeRuneInString(w)
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(first) {
		// An initial ("John F. Kennedy", "P. J. Crowley"), even where
		// the lower-case letter is an abbreviation ("p. 5", "v.").
		return abbrAmbiguous
	}
	var e abbr
	var ok bool
	if ascii {
		e, ok = abbrevs[string(lw)]
	} else {
		e, ok = abbrevs[strings.ToLower(w)]
	}
	if ok && (!e.cap || unicode.IsUpper(first)) {
		return e.kind
	}
	if strings.IndexByte(w, '.') >= 0 {
		// Dotted initials and acronyms: "U.S", "J.R.R", "Ph.D", "EE.UU".
		for part := range strings.SplitSeq(w, ".") {
			if utf8.RuneCountInString(part) > 2 {
				return abbrNone // a domain name or similar
			}
		}
		return abbrAmbiguous
	}
	return abbrNone
}

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// starters are capitalised words that commonly begin a sentence in news
// text; after an ambiguous abbreviation they signal a boundary.
var starters = wordSet(`The A An He She It They We I You His Her Its Their Our My Your
	This That These Those There Here But And Or Nor So Yet In On At For From With Without
	By To Of After Before When While Whereas If As Although Though Since Because Unless
	Meanwhile However Moreover Furthermore Nevertheless Still Then Now Also Thus Instead
	Other Others Some Many Most Much More Several Both Each Every All Any No None Not
	Neither Either Few What Who Whom Why How Where Which Whether Last Earlier Later Today
	Yesterday Tomorrow According Under During Despite Until Over About Among Against Such
	Only Even Just Another Asked Once Through
	Der Die Das Er Sie Es Wir Ich Il Elle Ils Nous Mais Pero Ella Ellos`)

// months are month names that follow a German ordinal day ("3. Oktober").
var months = wordSet(`Januar Jänner Februar März April Mai Juni Juli August September
	Oktober November Dezember January February March June July October December`)

// timeWords may follow "a.m." or "p.m." inside the same sentence.
var timeWords = wordSet(`EST EDT CST CDT MST MDT PST PDT ET CT MT PT GMT UTC BST CET CEST
	Eastern Central Mountain Pacific Monday Tuesday Wednesday Thursday Friday Saturday Sunday
	January February March April May June July August September October November December`)

// speechVerbs end a speech tag after a quoted question or exclamation.
var speechVerbs = wordSet(`said says asked asks told tells added adds wrote writes replied
	replies shouted shouts insisted insists continued explained recalled warned declared
	noted argued demanded wondered exclaimed cried answered responded tweeted quipped`)

// dangling are lower-case words that cannot end a headline or a sentence, so
// a line that ends in one continues on the next line.
var dangling = wordSet(`a an the of to in on at by for from with into onto than that and or
	but nor as is are was were be been has have had will would should could can may must
	not his her their its our my your this these those which who whose whom when where if
	because while`)
