// Package query splits the text queries of brief.Store.Search into words,
// the same way in every store, so that a query matches the same articles
// whichever store serves it.
package query

import (
	"strings"
	"unicode"
)

// Words returns the lower-case words of s: its maximal runs of letters and
// digits. Everything else, including the operators of full-text query
// languages ("*", "-", quotes, parentheses), separates words.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
