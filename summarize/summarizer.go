package summarize

import (
	"sort"
	"time"

	"github.com/briefnews/brief"
)

// Method chooses the sentences of a summary: it returns indices into
// c.Sentences whose total fits the budget. Implementations are total and
// deterministic, and never return an index twice.
type Method interface {
	Select(c *Cluster, b brief.Budget) []int
}

// MethodFunc adapts a function to the Method interface.
type MethodFunc func(c *Cluster, b brief.Budget) []int

// Select calls f(c, b).
func (f MethodFunc) Select(c *Cluster, b brief.Budget) []int { return f(c, b) }

// Summarizer is a brief.Summarizer. Its zero value uses the default method
// and no query. A Summarizer is safe for concurrent use if its Method is.
type Summarizer struct {
	// Method selects sentences; nil means Methods[Default]().
	Method Method
	// Name is reported as Summary.Method; empty means the key of Method in
	// Methods when known, else "custom".
	Name string
	// Query is an optional focus text for query-focused summaries.
	Query string
	// After holds articles the reader has already seen. When set, the
	// summary is an update: it leaves out the sentences that repeat one of
	// theirs (70% of its distinct terms in one earlier sentence); every
	// method then chooses among the rest.
	After []*brief.Article
}

var _ brief.Summarizer = (*Summarizer)(nil)

// Summarize returns the summary of articles under budget b (zero budget:
// 100 words). Sentences come in reading order: by publication date of their
// article (unknown dates last, in input order), then by position. Each cites
// its article and byte span, and lists in Also the other articles with a
// near-identical sentence. Empty input gives an empty summary.
func (s *Summarizer) Summarize(articles []*brief.Article, b brief.Budget) *brief.Summary {
	if b.Words <= 0 && b.Bytes <= 0 && b.Sentences <= 0 {
		b = brief.DefaultBudget
	}
	m, name := s.Method, s.Name
	if m == nil {
		m = Methods[Default]()
		if name == "" {
			name = Default
		}
	}
	if name == "" {
		name = "custom"
	}
	c := newCluster(articles, s.After)
	if s.Query != "" {
		c.Query = Terms("", s.Query)
	}
	idx := m.Select(c, b)
	return c.Summary(name, Order(c, idx))
}

// Order sorts sentence indices into reading order: article date (unknown
// last), then article order in the input, then position.
func Order(c *Cluster, idx []int) []int {
	out := append([]int(nil), idx...)
	date := func(i int) time.Time { return c.Articles[c.Sentences[i].Article].Published }
	sort.SliceStable(out, func(x, y int) bool {
		a, b := c.Sentences[out[x]], c.Sentences[out[y]]
		da, db := date(out[x]), date(out[y])
		if !da.Equal(db) {
			if da.IsZero() || db.IsZero() {
				return db.IsZero()
			}
			return da.Before(db)
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.Position < b.Position
	})
	return out
}

// Summary builds the brief.Summary of the sentences idx, in the given order,
// with citations.
func (c *Cluster) Summary(method string, idx []int) *brief.Summary {
	sum := &brief.Summary{Method: method, Sentences: []brief.SummarySentence{}}
	for _, i := range idx {
		s := c.Sentences[i]
		ss := brief.SummarySentence{Text: s.Text, Source: c.citation(i)}
		seen := map[int]bool{s.Article: true}
		for _, j := range c.Groups[s.Group] {
			if a := c.Sentences[j].Article; !seen[a] {
				seen[a] = true
				ss.Also = append(ss.Also, c.citation(j))
			}
		}
		sum.Sentences = append(sum.Sentences, ss)
	}
	return sum
}

func (c *Cluster) citation(i int) brief.Citation {
	s := c.Sentences[i]
	a := c.Articles[s.Article]
	cit := brief.Citation{
		ArticleID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL,
		Start: s.Start, End: s.End,
	}
	if !a.Published.IsZero() {
		cit.Published = a.Published.Format(time.RFC3339)
	}
	return cit
}
