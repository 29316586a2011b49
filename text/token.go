package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word of a text with its byte offsets: Text == s[Start:End].
type Token struct {
	Text       string // the word as written
	Start, End int
}

// Tokens returns the words of s with their byte offsets, in order.
//
// A word is a run of letters, digits and combining marks (Unicode-aware),
// which also keeps:
//   - an apostrophe (' ’ ʼ) between two letters: "don't", "Russia’s";
//   - a hyphen between two letters or digits: "cruise-missile", "2017-04-12";
//     a double hyphen "--" separates words;
//   - a period or comma between two digits: "3.5", "12,000";
//   - the periods of dotted single-letter initialisms, including the final
//     one: "U.S.", "a.m.", "J.R.R.".
//
// Everything else (punctuation, symbols, white space, invalid UTF-8)
// separates words and is dropped. Token texts are substrings of s; Tokens
// allocates only the result.
func Tokens(s string) []Token {
	out := make([]Token, 0, len(s)/5+1)
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == len(s) {
			return out
		}
		out = append(out, Token{s[start:end], start, end})
		i = end
	}
}

// nextWord returns the bounds of the first word of s that starts at or
// after byte i, or start == end == len(s) when there is none.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++
			continue
		}
		r, n := decodeRune(s, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		return i, wordEnd(s, i)
	}
	return len(s), len(s)
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// wordEnd returns the end of the word that starts at s[i].
func wordEnd(s string, i int) int {
	j := i
	var prev rune  // last word rune
	partLen := 0   // word runes since the start or the last initialism dot
	dotted := true // the word is so far an initialism: single letters and dots
	for j < len(s) {
		if asciiWord[s[j]] {
			k := j + 1
			for k < len(s) && asciiWord[s[k]] {
				k++
			}
			partLen += k - j
			prev = rune(s[k-1])
			j = k
			continue
		}
		r, n := decodeRune(s, j)
		if isWordRune(r) {
			prev = r
			partLen++
			j += n
			continue
		}
		next, nn := rune(-1), 0
		if j+n < len(s) {
			next, nn = decodeRune(s, j+n)
		}
		switch {
		case isApostrophe(r) && isLetter(prev) && isLetter(next):
		case (r == '-' || r == '‐') && isWordRune(next):
		case (r == '.' || r == ',') && isDigit(prev) && isDigit(next):
		case r == '.' && dotted && partLen == 1 && isLetter(prev):
			if isLetter(next) && j+n+nn < len(s) && s[j+n+nn] == '.' {
				partLen = 0 // "U.|S." continues
				j += n
				continue
			}
			if strings.IndexByte(s[i:j], '.') >= 0 {
				return j + n // the final period of "U.S."
			}
			return j
		default:
			return j
		}
		dotted = false
		partLen = 0
		j += n
	}
	return j
}

// Words returns the normalised texts of the Tokens of s (see Normalize).
func Words(s string) []string {
	toks := Tokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Normalize(t.Text)
	}
	return out
}

// Normalize returns w in lower case with typographic apostrophes (’ ‘ ʼ)
// folded to ' and typographic hyphens (‐ ‑) folded to -. It returns w itself,
// without allocating, when w is already normal.
func Normalize(w string) string {
	if ascii(w) {
		for i := 0; i < len(w); i++ {
			if 'A' <= w[i] && w[i] <= 'Z' {
				return strings.ToLower(w)
			}
		}
		return w
	}
	if !strings.ContainsFunc(w, needsFold) {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch r {
		case '’', '‘', 'ʼ':
			r = '\''
		case '‐', '‑':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsFold(r rune) bool {
	switch r {
	case '’', '‘', 'ʼ', '‐', '‑':
		return true
	}
	return unicode.ToLower(r) != r
}

// Terms returns the index terms of s in language lang: the normalised words
// that are not stopwords, stemmed (see Tokens, Normalize, IsStopword and
// Stem). Bigram concepts are pairs of consecutive terms. Terms returns nil
// when s has no terms.
func Terms(lang, s string) []string {
	stop := stopwords(lang)
	st := stemmerFor(lang)
	var out []string
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start == len(s) {
			return out
		}
		w := Normalize(s[start:end])
		i = end
		if _, ok := stop[w]; ok {
			continue
		}
		if out == nil {
			out = make([]string, 0, len(s)/12+1)
		}
		out = append(out, st.word(w))
	}
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
