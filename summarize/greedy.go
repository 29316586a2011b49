package summarize

// Constructor: Greedy{Ranker: r} for any Ranker r.

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// Ranker scores the sentences of a cluster: it returns one finite score per
// sentence of c.Sentences, higher meaning more worth including.
// Implementations are total and deterministic and do not modify c.
type Ranker interface {
	Rank(c *Cluster) []float64
}

// RankerFunc adapts a function to the Ranker interface.
type RankerFunc func(c *Cluster) []float64

// Rank calls f(c).
func (f RankerFunc) Rank(c *Cluster) []float64 { return f(c) }

// DefaultRedundancy is the Greedy.Redundancy used when the field is zero.
// It is a conventional value, not tuned.
const DefaultRedundancy = 0.5

// Greedy is the Method that turns a Ranker into a summary: it takes the
// sentences in decreasing order of score (ties: lower index first) and keeps
// each one that fits in what is left of the budget, is not a near-duplicate
// of a kept sentence (same Group) and whose cosine similarity (TF-IDF of
// content terms, IDF over the cluster's sentences) to every kept sentence is
// at most Redundancy. A sentence that does not fit is skipped and shorter
// ones are tried: the budget is a hard limit and sentences are never cut.
// NaN scores rank last. Greedy is safe for concurrent use if its Ranker is.
type Greedy struct {
	Ranker Ranker // nil selects nothing
	// Redundancy is the largest cosine similarity allowed between two
	// chosen sentences; 0 or less means DefaultRedundancy, 1 or more
	// disables the check (near-duplicate groups are still skipped).
	Redundancy float64
}

// Select implements Method.
func (g Greedy) Select(c *Cluster, b brief.Budget) []int {
	if g.Ranker == nil || len(c.Sentences) == 0 {
		return nil
	}
	return greedySelect(c, b, g.Ranker.Rank(c), g.Redundancy)
}

// greedySelect implements Greedy for the given scores.
func greedySelect(c *Cluster, b brief.Budget, scores []float64, redundancy float64) []int {
	if redundancy <= 0 {
		redundancy = DefaultRedundancy
	}
	var vecs []vec.Vector
	if redundancy < 1 {
		vecs = c.tfidfVectors()
	}
	order := rankOrder(scores, len(c.Sentences))
	sel := newSelection(c, b)
next:
	for _, i := range order {
		if !sel.open(i) {
			continue
		}
		if vecs != nil {
			for _, j := range sel.out {
				if vec.Dot(vecs[i], vecs[j]) > redundancy {
					continue next
				}
			}
		}
		sel.take(i)
	}
	return sel.out
}

// selection is what a greedy method has chosen so far: the sentences in
// order, the budget they use and the near-duplicate groups they cover.
type selection struct {
	c      *Cluster
	b      brief.Budget
	t      tally
	groups map[int]bool
	closed []bool // sentences that can no longer be chosen
	out    []int
}

func newSelection(c *Cluster, b brief.Budget) *selection {
	return &selection{c: c, b: b, groups: map[int]bool{}, closed: make([]bool, len(c.Sentences))}
}

// open reports whether sentence i can still be chosen: it is not chosen,
// its group is not covered, and it fits in what is left of the budget. A
// sentence found closed stays closed, since the budget only shrinks.
func (s *selection) open(i int) bool {
	if s.closed[i] {
		return false
	}
	if s.groups[s.c.Sentences[i].Group] || !s.t.fits(s.c, i, s.b) {
		s.closed[i] = true
		return false
	}
	return true
}

// take chooses sentence i.
func (s *selection) take(i int) {
	s.closed[i] = true
	s.groups[s.c.Sentences[i].Group] = true
	s.t.add(s.c, i)
	s.out = append(s.out, i)
}

// rankOrder returns the indices 0..n-1 by decreasing score, ties and NaN
// (last) broken by index. Missing scores count as NaN.
func rankOrder(scores []float64, n int) []int {
	order := make([]int, n)
	key := make([]float64, n)
	for i := range order {
		order[i] = i
		key[i] = math.Inf(-1)
		if i < len(scores) && !math.IsNaN(scores[i]) {
			key[i] = scores[i]
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return key[order[x]] > key[order[y]] })
	return order
}

// tally is the part of a budget already used by chosen sentences.
type tally struct{ words, bytes, n int }

// fits reports whether sentence i fits in b next to the tallied ones.
func (t tally) fits(c *Cluster, i int, b brief.Budget) bool {
	s := &c.Sentences[i]
	bytes := t.bytes + len(s.Text)
	if t.n > 0 {
		bytes++ // newline between sentences
	}
	return b.Fits(t.words+s.Words, bytes, t.n+1)
}

// add counts sentence i as chosen.
func (t *tally) add(c *Cluster, i int) {
	s := &c.Sentences[i]
	if t.n > 0 {
		t.bytes++
	}
	t.words += s.Words
	t.bytes += len(s.Text)
	t.n++
}

// termCounts returns, for each sentence, its content term IDs with their
// counts, sorted by ID.
func (c *Cluster) termCounts() []vec.Vector {
	out := make([]vec.Vector, len(c.Sentences))
	for i, s := range c.Sentences {
		var v vec.Vector
		for _, id := range s.words {
			if c.stop[id] {
				continue
			}
			v = append(v, vec.Entry{ID: uint32(id), W: 1})
		}
		slices.SortFunc(v, func(x, y vec.Entry) int { return cmp.Compare(x.ID, y.ID) })
		k := 0
		for _, e := range v {
			if k > 0 && v[k-1].ID == e.ID {
				v[k-1].W++
				continue
			}
			v[k] = e
			k++
		}
		out[i] = v[:k:k]
	}
	return out
}

// sentenceIDF returns the inverse sentence frequency log(N/sf) of every term
// ID, where N is the number of sentences and sf the number containing the
// term (0 for terms in no sentence).
func sentenceIDF(counts []vec.Vector, vocab int) []float64 {
	sf := make([]int, vocab)
	for _, v := range counts {
		for _, e := range v {
			sf[e.ID]++
		}
	}
	idf := make([]float64, vocab)
	n := float64(len(counts))
	for id, f := range sf {
		if f > 0 {
			idf[id] = math.Log(n / float64(f))
		}
	}
	return idf
}

// tfidfVectors returns the unit-length TF-IDF vectors of the sentences'
// content terms, IDF over the cluster's sentences. A sentence whose terms all
// occur in every sentence has the empty vector.
func (c *Cluster) tfidfVectors() []vec.Vector {
	counts := c.termCounts()
	idf := sentenceIDF(counts, len(c.vocab))
	for i, v := range counts {
		k := 0
		for _, e := range v {
			if w := e.W * idf[e.ID]; w > 0 {
				v[k] = vec.Entry{ID: e.ID, W: w}
				k++
			}
		}
		counts[i] = vec.Normalize(v[:k:k])
	}
	return counts
}

// termIDs maps the stems of c's vocabulary to their IDs.
func (c *Cluster) termIDs() map[string]uint32 {
	ids := make(map[string]uint32, len(c.vocab))
	for id, t := range c.vocab {
		ids[t] = uint32(id)
	}
	return ids
}
