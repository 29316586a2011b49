package story

import (
	"github.com/briefnews/brief"
)

// Quote kinds.
const (
	Direct   = "direct"   // words in quotation marks
	Reported = "reported" // indirect speech: "X said that …", "according to X"
)

// View is the story view of a set of articles about one event. Slices are
// never nil, so the JSON form always has all four fields.
type View struct {
	Quotes        []Quote         `json:"quotes"`
	Disagreements []Disagreement  `json:"disagreements"`
	Entities      []Entity        `json:"entities"`
	Timeline      []TimelineEntry `json:"timeline"`
}

// Cite is a span of one article's Text: Text == article.Text[Start:End].
type Cite struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Quote is something a speaker said, as reported by one or more articles.
// When several articles report the same words they are grouped: Sources
// lists every article and Cites every occurrence.
//
// Speaker is the canonical name of the entity who said it. It is empty when
// the text does not make the speaker clear (an unresolvable "he", "the
// report"); then Resolved is false and Mention holds the words as written.
type Quote struct {
	Speaker  string   `json:"speaker"`
	Text     string   `json:"text"`
	Kind     string   `json:"kind"` // Direct or Reported
	Sources  []string `json:"sources"`
	Mention  string   `json:"mention,omitempty"` // the speaker as written ("he", "the foreign minister")
	Resolved bool     `json:"resolved"`
	Cites    []Cite   `json:"cites"` // each occurrence: the quoted words' span
}

// Disagreement is a set of incompatible statements about one topic, split
// into sides. Statements on one side agree with each other and conflict with
// every other side.
type Disagreement struct {
	Topic string `json:"topic"`
	// Kind says what made the statements incompatible: "negation" (one
	// denies what the other asserts), "opposite" (antonymous verbs),
	// "agent" (different doers of the same act) or "number".
	Kind  string `json:"kind"`
	Sides []Side `json:"sides"`
}

// Side is one position in a Disagreement.
type Side struct {
	Speakers  []string `json:"speakers"` // canonical speaker names; empty for the outlets' own voice
	Sentences []Cite   `json:"sentences"`
	Sources   []string `json:"sources"` // article IDs
}

// Entity is a person, organisation, country or place named in the articles.
type Entity struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"` // "person", "organization", "country", "place" or "other"
	Mentions int      `json:"mentions"`
	Articles []string `json:"articles"`
	Aliases  []string `json:"aliases,omitempty"` // other surface forms merged into Name
	Titles   []string `json:"titles,omitempty"`  // titles seen before a person's name, lower case
}

// TimelineEntry is one dated sentence. Date is "YYYY-MM-DD"; Precision says
// whether it names a "day" or the first day of a "week".
type TimelineEntry struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Article   string `json:"article"`
	Sentence  string `json:"sentence"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	// Basis is "published" for an article's own date (Sentence is then its
	// first sentence) or the date expression found in the sentence.
	Basis string `json:"basis"`
}

// Config tunes Build. The zero value is ready to use.
type Config struct {
	// MaxTimelinePerArticle limits the dated sentences taken from one
	// article, besides its publication entry; zero means 5.
	MaxTimelinePerArticle int
	// MaxSideSentences limits the sentences listed per side of a
	// disagreement; zero means 6.
	MaxSideSentences int
}

// Build returns the story view of articles with the zero Config.
func Build(articles []*brief.Article) *View { return Config{}.Build(articles) }

// Build returns the story view of articles. It is deterministic (the same
// input gives the same output, whatever the order of equal items), does not
// modify the articles, and is safe for concurrent use. Nil articles and
// articles with empty or invalid UTF-8 text are skipped.
func (c Config) Build(articles []*brief.Article) *View {
	if c.MaxTimelinePerArticle <= 0 {
		c.MaxTimelinePerArticle = 5
	}
	if c.MaxSideSentences <= 0 {
		c.MaxSideSentences = 6
	}
	cl := analyze(articles)
	v := &View{
		Quotes:        cl.quotes(),
		Disagreements: cl.disagreements(c.MaxSideSentences),
		Entities:      cl.entityList(),
		Timeline:      cl.timeline(c.MaxTimelinePerArticle),
	}
	return v
}
