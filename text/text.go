// Package text splits news text into sentences and words, and normalises
// words (lower case, stems, stopwords) for the stages that compare them.
//
// Sentences and Tokens return byte offsets into their input. Normalize,
// Words, Stem, IsStopword and Terms turn words into comparable terms: Terms
// is the usual entry point for bag-of-words and bigram-concept features.
//
// Every function is total: it does no I/O, returns no error, never panics
// (also not on invalid UTF-8), and is safe for concurrent use by multiple
// goroutines.
package text

// Span is a half-open byte range [Start, End) of a string.
type Span struct {
	Start, End int
}
