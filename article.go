package brief

import "time"

// Article is one news report. Text is the cleaned main text of the report;
// every Sentence and Citation offset points into it.
type Article struct {
	ID        string    // stable identifier: a path, "path:line", or a content hash
	Title     string    // headline, when known
	Outlet    string    // publisher or site name, when known
	URL       string    // canonical URL, when known
	Author    string    // byline, when known
	Published time.Time // publication time; zero when unknown
	Language  string    // ISO 639-1 code such as "en"; empty when unknown
	Text      string    // cleaned main text, paragraphs separated by blank lines
	Source    string    // where it was read from (file, file:line or URL)

	// Outlets lists other outlets that published the same text (wire
	// copies folded into this article by deduplication).
	Outlets []string
	// Duplicates lists the IDs of the articles folded into this one.
	Duplicates []string
}

// Sentence is a span of an article's Text. Start and End are byte offsets
// with Text[Start:End] equal to the sentence.
type Sentence struct {
	ArticleID string
	Index     int // position of the sentence in its article, from 0
	Start     int // byte offset of the first byte in Article.Text
	End       int // byte offset one past the last byte
	Text      string
}
