package eval

import (
	"regexp"
	"strings"
)

// The Porter (1980) stemmer as ROUGE-1.5.5 runs it for its -m option: the
// Perl "Release 1" rendering of the algorithm (tartarus.org), with its known
// departures from the paper (step 2 maps "bli" to "ble" and "logi" to
// "log"; the m>0/m=1/m>1 and *o conditions are the regular expressions
// below, in which y counts as a vowel when it follows a consonant), and
// Chin-Yew Lin's 2004 change to step 4: a word ending in "-ement" is tried
// against "-ement" first and then, independently, against "-ment" and
// "-ent". ROUGE-1.5.5 only stems tokens longer than three bytes (see
// stemToken); porterStem itself leaves words shorter than three alone.

// Building blocks of the measure conditions: c a consonant, v a vowel, C a
// consonant sequence, V a vowel sequence.
const (
	pc = `[^aeiou]`
	pv = `[aeiouy]`
	pC = pc + `[^aeiouy]*`
	pV = pv + `[aeiou]*`
)

var (
	mgr0 = regexp.MustCompile(`^(` + pC + `)?` + pV + pC)                    // [C]VC... is m>0
	meq1 = regexp.MustCompile(`^(` + pC + `)?` + pV + pC + `(` + pV + `)?$`) // [C]VC[V] is m=1
	mgr1 = regexp.MustCompile(`^(` + pC + `)?` + pV + pC + pV + pC)          // [C]VCVC... is m>1
	hasV = regexp.MustCompile(`^(` + pC + `)?` + pv)                         // vowel in stem
	cvc  = regexp.MustCompile(`^` + pC + pv + `[^aeiouwxy]$`)                // *o, whole word
)

// step2, step3 and step4 list suffixes with their replacements. A rule
// applies to the longest listed suffix the word ends with, and only to it.
var step2 = map[string]string{
	"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance",
	"izer": "ize", "bli": "ble", "alli": "al", "entli": "ent", "eli": "e",
	"ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate",
	"alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous",
	"aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}

var step3 = map[string]string{
	"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic",
	"ful": "", "ness": "",
}

var step4 = map[string]string{
	"al": "", "ance": "", "ence": "", "er": "", "ic": "", "able": "",
	"ible": "", "ant": "", "ement": "", "ou": "", "ism": "", "ate": "",
	"iti": "", "ous": "", "ive": "", "ize": "",
}

// longestSuffix returns the longest key of rules that w ends with.
func longestSuffix(w string, rules map[string]string) (string, bool) {
	best, ok := "", false
	for suf := range rules {
		if len(suf) > len(best) && strings.HasSuffix(w, suf) {
			best, ok = suf, true
		}
	}
	return best, ok
}

// porterStem returns the Porter stem of the lower-case word w.
func porterStem(w string) string {
	if len(w) < 3 {
		return w
	}
	initialY := w[0] == 'y'
	if initialY {
		w = "Y" + w[1:] // an initial y is a consonant
	}

	// Step 1a.
	switch {
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ies"):
		w = w[:len(w)-2]
	case len(w) >= 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
		w = w[:len(w)-1]
	}

	// Step 1b.
	if strings.HasSuffix(w, "eed") {
		if mgr0.MatchString(w[:len(w)-3]) {
			w = w[:len(w)-1]
		}
	} else if suf := suffixOf(w, "ed", "ing"); suf != "" {
		stem := w[:len(w)-len(suf)]
		if hasV.MatchString(stem) {
			w = stem
			switch {
			case suffixOf(w, "at", "bl", "iz") != "":
				w += "e"
			case doubleConsonant(w):
				w = w[:len(w)-1]
			case cvc.MatchString(w):
				w += "e"
			}
		}
	}

	// Step 1c.
	if strings.HasSuffix(w, "y") {
		stem := w[:len(w)-1]
		if hasV.MatchString(stem) {
			w = stem + "i"
		}
	}

	// Steps 2 and 3.
	for _, rules := range []map[string]string{step2, step3} {
		if suf, ok := longestSuffix(w, rules); ok {
			stem := w[:len(w)-len(suf)]
			if mgr0.MatchString(stem) {
				w = stem + rules[suf]
			}
		}
	}

	// Step 4, as modified in ROUGE-1.5.5.
	if suf, ok := longestSuffix(w, step4); ok {
		if stem := w[:len(w)-len(suf)]; mgr1.MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ment") {
		if stem := w[:len(w)-4]; mgr1.MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ent") {
		if stem := w[:len(w)-3]; mgr1.MatchString(stem) {
			w = stem
		}
	} else if suffixOf(w, "sion", "tion") != "" {
		if stem := w[:len(w)-3]; mgr1.MatchString(stem) {
			w = stem
		}
	}

	// Step 5.
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if mgr1.MatchString(stem) || (meq1.MatchString(stem) && !cvc.MatchString(stem)) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ll") && mgr1.MatchString(w) {
		w = w[:len(w)-1]
	}

	if initialY {
		w = "y" + w[1:]
	}
	return w
}

// suffixOf returns the first of sufs that w ends with, or "".
func suffixOf(w string, sufs ...string) string {
	for _, s := range sufs {
		if strings.HasSuffix(w, s) {
			return s
		}
	}
	return ""
}

// doubleConsonant reports whether w ends with a doubled letter other than
// a vowel, y, l, s or z (Perl: /([^aeiouylsz])\1$/).
func doubleConsonant(w string) bool {
	n := len(w)
	if n < 2 || w[n-1] != w[n-2] {
		return false
	}
	return !strings.ContainsRune("aeiouylsz", rune(w[n-1]))
}
