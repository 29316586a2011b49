// Package text splits news text into sentences and words, and normalises
// words (lower case, stems, stopwords) for the stages that compare them.
//
// Every function is total: it does no I/O, returns no error, never panics
// (also not on invalid UTF-8), keeps byte offsets into its input, and is safe
// for concurrent use by multiple goroutines.
package text

// Span is a half-open byte range [Start, End) of a string.
type Span struct {
	Start, End int
}
