package summarize

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
	"github.com/briefnews/brief/text"
)

// Sentence is a candidate summary sentence with the features methods use.
type Sentence struct {
	brief.Sentence
	Article  int      // index of its article in Cluster.Articles
	Position int      // index of the sentence in its article, from 0, counting sentences that are not candidates
	Words    int      // number of words, as brief.CountWords
	Terms    []string // lower-case stems of its content words (stopwords removed), in order
	Group    int      // near-duplicate group: sentences with the same Group say the same thing

	// words holds the term IDs of all its words in order, stopwords
	// included; Cluster.stop tells which IDs are stopwords.
	words []int32
}

// Cluster is a set of articles about one event, split into candidate
// sentences. Methods read it and must not modify it.
type Cluster struct {
	Articles  []*brief.Article
	Sentences []Sentence
	// Groups lists, for each near-duplicate group, the indices of its
	// sentences in Cluster.Sentences, first occurrence first.
	Groups [][]int
	// Query holds the stemmed terms of an optional focus query.
	Query []string

	vocab []string // term ID → stem
	stop  []bool   // term ID → is a stopword
}

// MinWords is the length below which a sentence is not a candidate: short
// sentences of news are mostly fragments, captions and quotes that say
// little out of context.
const MinWords = 8

// NewCluster splits the articles into sentences, keeps the candidates and
// computes their terms and near-duplicate groups. Articles with empty text
// contribute nothing. Language-specific stemming and stopwords follow
// Article.Language.
//
// A sentence is a candidate unless it is shorter than MinWords words, is a
// quotation without context (it opens with a quotation mark, so the words
// come before or without their speaker, or sits inside a quotation that
// spans sentences) or has no final punctuation
// (headlines, captions, bylines). When that leaves no candidate, every
// sentence is one. A leading dateline ("WASHINGTON (AP) --") is cut from a
// sentence when what follows starts like a sentence; Start moves past it,
// so Text is always the article's Text[Start:End].
func NewCluster(articles []*brief.Article) *Cluster {
	return newCluster(articles, nil)
}

// newCluster is NewCluster for an update summary: the articles in after were
// read before, so sentences that repeat one of theirs are not candidates.
func newCluster(articles, after []*brief.Article) *Cluster {
	c := &Cluster{Articles: articles}
	ids := map[string]int32{}
	words := map[string]map[string]int32{} // language → word as written → term ID
	var all []Sentence
	var ok []bool
	for ai, a := range articles {
		if a == nil {
			continue
		}
		inQuote, prevEnd := false, 0
		for pos, sp := range text.Sentences(a.Text) {
			if strings.Contains(a.Text[prevEnd:sp.Start], "\n\n") {
				inQuote = false // a quotation does not run on past its paragraph
			}
			prevEnd = sp.End
			start := sp.Start + datelineLen(a.Text[sp.Start:sp.End])
			s := a.Text[start:sp.End]
			if !utf8.ValidString(s) {
				continue
			}
			var bare bool
			bare, inQuote = quoteState(s, inQuote)
			all = append(all, Sentence{
				Sentence: brief.Sentence{ArticleID: a.ID, Index: pos, Start: start, End: sp.End, Text: s},
				Article:  ai,
				Position: pos,
				Words:    brief.CountWords(s),
			})
			ok = append(ok, !bare && endsSentence(s))
		}
	}
	any := false
	for i := range all {
		ok[i] = ok[i] && all[i].Words >= MinWords
		any = any || ok[i]
	}
	for i, s := range all {
		if any && !ok[i] {
			continue
		}
		lang := articles[s.Article].Language
		s.Terms, s.words = c.terms(lang, s.Text, ids, words)
		c.Sentences = append(c.Sentences, s)
	}
	if len(after) > 0 {
		c.forget(after, ids, words)
	}
	c.group()
	return c
}

// forget drops the candidates that repeat a sentence of the earlier
// articles: those holding repeatOverlap of their distinct terms in one
// earlier sentence. Discounting the concepts the earlier articles covered,
// as update summarizers often do, lowered ROUGE-2 on the DUC 2007 B and C
// sets (docs/benchmarks.md), so only repeated sentences go.
func (c *Cluster) forget(after []*brief.Article, ids map[string]int32, words map[string]map[string]int32) {
	var oldSets [][]int32
	postings := map[int32][]int{}
	for _, a := range after {
		if a == nil {
			continue
		}
		for _, sp := range text.Sentences(a.Text) {
			s := a.Text[sp.Start:sp.End]
			if !utf8.ValidString(s) {
				continue
			}
			_, ws := c.terms(a.Language, s, ids, words)
			set := c.contentSet(ws)
			if len(set) >= 4 {
				for _, t := range set {
					postings[t] = append(postings[t], len(oldSets))
				}
				oldSets = append(oldSets, set)
			}
		}
	}
	kept := c.Sentences[:0]
	for _, s := range c.Sentences {
		if !c.repeats(c.contentSet(s.words), oldSets, postings) {
			kept = append(kept, s)
		}
	}
	c.Sentences = kept
}

// repeats reports whether an earlier sentence holds repeatOverlap of the
// term set, looked up through the postings of its two terms with
// the shortest lists.
func (c *Cluster) repeats(set []int32, oldSets [][]int32, postings map[int32][]int) bool {
	if len(set) < 4 {
		return false
	}
	keys := append([]int32(nil), set...)
	slices.SortFunc(keys, func(a, b int32) int {
		if d := len(postings[a]) - len(postings[b]); d != 0 {
			return d
		}
		return int(a - b)
	})
	for _, t := range keys[:2] {
		for _, j := range postings[t] {
			if overlapAtLeast(set, oldSets[j], repeatOverlap) {
				return true
			}
		}
	}
	return false
}

// contentSet returns the distinct content term IDs of words, sorted.
func (c *Cluster) contentSet(words []int32) []int32 {
	set := make([]int32, 0, len(words))
	for _, id := range words {
		if !c.stop[id] {
			set = append(set, id)
		}
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// terms returns the content stems of s and the term IDs of all its words.
// langWords caches, per language, the term ID of each normalised word (-1
// when it has no stem); ids maps stems to term IDs.
func (c *Cluster) terms(lang, s string, ids map[string]int32, langWords map[string]map[string]int32) ([]string, []int32) {
	known := langWords[lang]
	if known == nil {
		known = map[string]int32{}
		langWords[lang] = known
	}
	toks := text.Tokens(s)
	terms := make([]string, 0, len(toks))
	words := make([]int32, 0, len(toks))
	for _, t := range toks {
		id, seen := known[t.Text]
		if !seen {
			w := text.Normalize(t.Text)
			stop := text.IsStopword(lang, w)
			st := w
			if !stop {
				st = text.Stem(lang, w)
			}
			id = -1
			if st != "" {
				var ok bool
				if id, ok = ids[st]; !ok {
					id = int32(len(c.vocab))
					ids[st] = id
					c.vocab = append(c.vocab, st)
					c.stop = append(c.stop, stop)
				}
			}
			known[t.Text] = id
		}
		if id < 0 {
			continue
		}
		words = append(words, id)
		if !c.stop[id] {
			terms = append(terms, c.vocab[id])
		}
	}
	return terms, words
}

// Terms returns the lower-case stems of the content words of s in language
// lang, in order: the unit every method compares sentences by.
func Terms(lang, s string) []string {
	toks := text.Tokens(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		w := text.Normalize(t.Text)
		if text.IsStopword(lang, w) {
			continue
		}
		if st := text.Stem(lang, w); st != "" {
			out = append(out, st)
		}
	}
	return out
}

// repeatOverlap is the share of a sentence's distinct terms that an earlier
// sentence (Summarizer.After) must hold for the sentence to count as said
// before. Chosen on the DUC 2007 B and C sets among 0.6–0.9 (0.7 best there,
// within noise of 0.6 and 0.8).
const repeatOverlap = 0.7

// duplicateOverlap is the share of the shorter sentence's distinct terms that
// the longer one must contain for the two to count as near-duplicates.
const duplicateOverlap = 0.8

// group assigns near-duplicate groups. Two sentences from different articles
// with at least 4 distinct terms each are near-duplicates when the longer
// contains duplicateOverlap of the shorter's distinct terms; sentences of
// the same article are grouped only when their text is identical.
// Candidates come from an inverted index looked up under each sentence's two
// rarest terms (see maxPostings), so the cost stays close to linear.
func (c *Cluster) group() {
	n := len(c.Sentences)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	sets := make([][]int32, n) // distinct content term IDs, sorted
	df := make([]int, len(c.vocab))
	for i, s := range c.Sentences {
		set := c.contentSet(s.words)
		sets[i] = set
		for _, id := range set {
			df[id]++
		}
	}
	// Every sentence is listed under all its terms, and looked up under
	// its two rarest: when the shorter of two near-duplicates shares most of
	// its terms with the longer, the longer almost always holds one of the
	// shorter's two rarest, and rare terms have short lists.
	// Copies of one sentence (wire copies, or a sentence an article
	// repeats) form one group directly; only the first takes part in the
	// search, which keeps a text of many repeated sentences linear.
	copied := make([]bool, n)
	first := map[string]int{}
	for i, set := range sets {
		if len(set) < 4 {
			continue
		}
		if j, ok := first[c.Sentences[i].Text]; ok {
			parent[find(i)] = find(j)
			copied[i] = true
		} else {
			first[c.Sentences[i].Text] = i
		}
	}
	postings := make([][]int32, len(c.vocab))
	for i, set := range sets {
		if len(set) >= 4 && !copied[i] {
			for _, t := range set {
				postings[t] = append(postings[t], int32(i))
			}
		}
	}
	keys := make([]int32, 0, 64)
	for i, set := range sets {
		if len(set) < 4 || copied[i] {
			continue
		}
		keys = append(keys[:0], set...)
		slices.SortFunc(keys, func(a, b int32) int {
			if df[a] != df[b] {
				return df[a] - df[b]
			}
			return int(a - b)
		})
		for _, t := range keys[:2] {
			if len(postings[t]) > maxPostings {
				continue // too common to be a rare term: no search
			}
			for _, j32 := range postings[t] {
				j := int(j32)
				if c.Sentences[j].Article == c.Sentences[i].Article || find(i) == find(j) {
					continue
				}
				if nearDuplicate(set, sets[j]) {
					parent[find(i)] = find(j)
				}
			}
		}
	}
	ids := map[int]int{}
	for i := range c.Sentences {
		r := find(i)
		g, ok := ids[r]
		if !ok {
			g = len(c.Groups)
			ids[r] = g
			c.Groups = append(c.Groups, nil)
		}
		c.Sentences[i].Group = g
		c.Groups[g] = append(c.Groups[g], i)
	}
}

// maxPostings bounds the candidates group compares a sentence with under one
// term. A sentence whose rarest terms each occur in more sentences than this
// is not searched for near-duplicates (its exact copies are still grouped),
// so a pathological input (thousands of near-identical sentences) costs
// O(n·maxPostings), not O(n²).
const maxPostings = 2000

// nearDuplicate reports whether the longer of the sorted term sets a and b
// holds duplicateOverlap of the shorter's terms.
func nearDuplicate(a, b []int32) bool { return overlapAtLeast(a, b, duplicateOverlap) }

// overlapAtLeast reports whether the longer of the sorted term sets a and b
// holds the share min of the shorter's terms.
func overlapAtLeast(a, b []int32, min float64) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return float64(vec.Common(a, b)) >= min*float64(len(a))
}

// Fits reports whether the sentences with the given indices fit in budget b.
func (c *Cluster) Fits(idx []int, b brief.Budget) bool {
	words, bytes := 0, 0
	for k, i := range idx {
		words += c.Sentences[i].Words
		bytes += len(c.Sentences[i].Text)
		if k > 0 {
			bytes++ // newline between sentences
		}
	}
	return b.Fits(words, bytes, len(idx))
}

// Cost returns the budget cost of sentence i in the unit of b: words,
// bytes (with its newline) or 1 per sentence.
func (c *Cluster) Cost(i int, b brief.Budget) int {
	switch {
	case b.Words > 0:
		return c.Sentences[i].Words
	case b.Bytes > 0:
		return len(c.Sentences[i].Text) + 1
	case b.Sentences > 0:
		return 1
	}
	return c.Sentences[i].Words
}

// Limit returns the budget's limit in the unit of Cost. For bytes it counts
// the newline Cost adds to the last sentence too.
func Limit(b brief.Budget) int {
	switch {
	case b.Words > 0:
		return b.Words
	case b.Bytes > 0:
		return b.Bytes + 1
	case b.Sentences > 0:
		return b.Sentences
	}
	return brief.DefaultBudget.Words
}
