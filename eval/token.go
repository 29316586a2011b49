package eval

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

// smartCommonWords is the SMART stop list that ROUGE-1.5.5 removes with -s.
//
//go:embed smart_common_words.txt
var smartCommonWords string

// stopwords is the set of words in smartCommonWords.
var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	sc := bufio.NewScanner(strings.NewReader(smartCommonWords))
	for sc.Scan() {
		w := sc.Text()
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		m[w] = true
	}
	return m
}()

// wordnetExceptions lists irregular forms and their base forms, which
// ROUGE-1.5.5's stemmer looks up before it applies the Porter rules.
//
//go:embed wordnet_exceptions.txt
var wordnetExceptions string

// exceptions maps an irregular form to its base form ("struck" to "strike").
var exceptions = func() map[string]string {
	m := make(map[string]string)
	sc := bufio.NewScanner(strings.NewReader(wordnetExceptions))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		m[f[0]] = f[1]
	}
	return m
}()

// IsStopword reports whether the lower-case word w is in the SMART stop
// list that ROUGE-1.5.5 removes with its -s option.
func IsStopword(w string) bool { return stopwords[w] }

// Stem returns the stem ROUGE-1.5.5 gives to the lower-case token w with
// its -m option: tokens of three bytes or fewer are kept as they are; a
// longer one that WordNet lists as an irregular form becomes its base form
// ("struck" becomes "strike"), any other goes through the Porter stemmer
// (so "news" becomes "new").
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	if base, ok := exceptions[w]; ok {
		return base
	}
	if st, ok := stemCache.Load(w); ok {
		return st.(string)
	}
	st := porterStem(w)
	stemCache.Store(w, st)
	return st
}

// stemCache memoizes porterStem, which is slow (regular expressions) and
// sees the same words again and again.
var stemCache sync.Map

// Tokens returns the ROUGE-1.5.5 tokens of one line of text: ASCII letters
// are lowered, every byte that is not an ASCII letter or digit separates
// tokens (so "U.S." is "u s" and "cruise-missile" is "cruise missile";
// bytes of non-ASCII characters are separators too, as in the Perl
// script, which reads bytes), stopwords are dropped when stop is set, and
// tokens longer than three bytes are stemmed when stem is set.
func Tokens(line string, stem, stop bool) []string {
	return appendTokens(nil, line, stem, stop, false)
}

// appendTokens appends the tokens of s to out, as Tokens does; duc selects
// the stems of NIST's DUC runs (see Options.DUCStems).
func appendTokens(out []string, s string, stem, stop, duc bool) []string {
	i := 0
	for i < len(s) {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		w := lowerASCII(s[i:j])
		i = j
		if stop && stopwords[w] {
			continue
		}
		switch {
		case stem && duc && w == "better":
			w = "well"
		case stem:
			w = Stem(w)
		}
		out = append(out, w)
	}
	return out
}

func isAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isPerlSpace reports whether b is matched by Perl's \s on a byte string.
func isPerlSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// perlWords splits s as Perl's split(/\s+/, s) does: a leading empty field
// when s starts with white space, no trailing empty fields.
func perlWords(s string) []string {
	var out []string
	i := 0
	for {
		j := i
		for j < len(s) && !isPerlSpace(s[j]) {
			j++
		}
		out = append(out, s[i:j])
		if j == len(s) {
			break
		}
		for j < len(s) && isPerlSpace(s[j]) {
			j++
		}
		i = j
		if i == len(s) {
			break
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// truncate applies ROUGE-1.5.5's -l (words > 0) or -b (bytes > 0) limit
// to the lines of a summary, as its readText does: empty lines are
// dropped; words are counted by splitting each line on white space (a
// leading space counts as an empty word), bytes without the separators
// between lines; the line that reaches the limit is cut to what is left
// and ends the summary.
func truncate(lines []string, words, bytes int) []string {
	var out []string
	total := 0
	for _, s := range lines {
		if s == "" {
			continue
		}
		switch {
		case words > 0:
			ws := perlWords(s)
			if total+len(ws) < words {
				out = append(out, s)
				total += len(ws)
				continue
			}
			out = append(out, strings.Join(ws[:words-total], " "))
			return out
		case bytes > 0:
			if total+len(s) < bytes {
				out = append(out, s)
				total += len(s)
				continue
			}
			out = append(out, s[:bytes-total])
			return out
		default:
			out = append(out, s)
		}
	}
	return out
}

// truncateLCS is ROUGE-1.5.5's readText_LCS, the truncation used for the
// sentences of ROUGE-L and ROUGE-W. With -l it keeps the same words as
// truncate. With -b it reproduces the script's omission of the running
// byte count: every line is measured alone, and the first line of
// bytes or more is cut to bytes and ends the summary.
func truncateLCS(lines []string, words, bytes int) []string {
	if words > 0 || bytes <= 0 {
		return truncate(lines, words, 0)
	}
	var out []string
	for _, s := range lines {
		if s == "" {
			continue
		}
		if len(s) < bytes {
			out = append(out, s)
			continue
		}
		out = append(out, s[:bytes])
		break
	}
	return out
}
