// Package text splits news text into sentences and words, and normalises
// words (lower case, stems, stopwords) for the stages that compare them.
//
// Every function is total: it does no I/O, returns no error, and keeps byte
// offsets into its input.
package text

import (
	"strings"
	"unicode"
)

// Span is a half-open byte range [Start, End) of a string.
type Span struct {
	Start, End int
}

// Sentences returns the sentences of s as byte spans, in order, not
// overlapping, each trimmed of surrounding white space.
// PLACEHOLDER: naive splitter, to be replaced.
func Sentences(s string) []Span {
	var out []Span
	start := -1
	for i, r := range s {
		if start < 0 {
			if !unicode.IsSpace(r) {
				start = i
			}
			continue
		}
		if r == '.' || r == '!' || r == '?' || r == '\n' {
			end := i + 1
			if r == '\n' {
				end = i
			}
			out = append(out, Span{start, end})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(strings.TrimRightFunc(s, unicode.IsSpace))})
	}
	return out
}

// Token is a word of a text with its byte offsets.
type Token struct {
	Text       string // the word as written
	Start, End int
}

// Tokens returns the words of s (runs of letters and digits) with offsets.
// PLACEHOLDER.
func Tokens(s string) []Token {
	var out []Token
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			out = append(out, Token{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Token{s[start:], start, len(s)})
	}
	return out
}

// Stem returns the Snowball stem of the lower-case word w in language lang
// (ISO 639-1; English when empty or unknown). PLACEHOLDER.
func Stem(lang, w string) string { return w }

// IsStopword reports whether the lower-case word w is a stopword of language
// lang (English when empty or unknown). PLACEHOLDER.
func IsStopword(lang, w string) bool {
	switch w {
	case "the", "a", "an", "of", "to", "in", "and", "or", "is", "was", "on", "for", "that", "said", "by", "with", "at", "as", "it":
		return true
	}
	return false
}
