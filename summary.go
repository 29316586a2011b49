package brief

import "unicode"

// Budget is the length limit of a summary. Exactly one field should be
// positive; when all are zero the summarizer uses 100 words. The limit is hard:
// sentences are chosen to fit and never cut.
type Budget struct {
	Words     int // maximum number of words (whitespace-separated tokens)
	Bytes     int // maximum number of bytes, counting one newline between sentences
	Sentences int // maximum number of sentences
}

// DefaultBudget is the budget used when none is given: 100 words.
var DefaultBudget = Budget{Words: 100}

// Citation names one article that supports a summary sentence and where.
type Citation struct {
	ArticleID string `json:"article"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339, empty when unknown
	Start     int    `json:"start"`               // byte offset into the article's cleaned text
	End       int    `json:"end"`
}

// SummarySentence is one sentence of a summary: the text, where it was taken
// from, and the other articles that say the same or nearly the same.
type SummarySentence struct {
	Text   string     `json:"text"`
	Source Citation   `json:"source"`
	Also   []Citation `json:"also,omitempty"`
}

// Summary is an extractive summary of a set of articles.
type Summary struct {
	Method    string            `json:"method"`
	Sentences []SummarySentence `json:"sentences"`
}

// Words returns the number of whitespace-separated words in the summary.
func (s *Summary) Words() int {
	n := 0
	for _, ss := range s.Sentences {
		n += CountWords(ss.Text)
	}
	return n
}

// CountWords returns the number of words in s separated by white space (as
// unicode.IsSpace, the separators of strings.Fields), the unit of
// Budget.Words.
func CountWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// Fits reports whether sentences of the given total words, bytes (with one
// newline between sentences) and count fit in the budget. A zero budget
// means DefaultBudget.
func (b Budget) Fits(words, bytes, sentences int) bool {
	if b.Words <= 0 && b.Bytes <= 0 && b.Sentences <= 0 {
		b = DefaultBudget
	}
	if b.Words > 0 && words > b.Words {
		return false
	}
	if b.Bytes > 0 && bytes > b.Bytes {
		return false
	}
	if b.Sentences > 0 && sentences > b.Sentences {
		return false
	}
	return true
}

// Summarizer writes an extractive summary of a set of articles about one
// event under a budget. Implementations are total: bad or empty input yields
// an empty summary, never an error.
type Summarizer interface {
	Summarize(articles []*Article, b Budget) *Summary
}
