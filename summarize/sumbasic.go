package summarize

// Constructor: SumBasic{}

import (
	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// SumBasic is the frequency-based summarizer of Nenkova and Vanderwende
// (2005), "The Impact of Frequency on Summarization", Microsoft Research
// MSR-TR-2005-101. With p(w) the share of the content terms (stemmed,
// stopwords removed) of the cluster's candidate sentences that are w, it
// repeats until no sentence fits:
//
//  1. weight every sentence by the average p(w) of its terms;
//  2. among the sentences that contain the term of highest p, take the one
//     of highest weight;
//  3. square p(w) for every term w of the chosen sentence, so that what it
//     said counts less afterwards.
//
// Only sentences that fit in what is left of the budget and are not
// near-duplicates (same Group) of a chosen one are considered; when none of
// them contains a term, they are taken by index. Ties go to the lower term
// ID (first seen) and the lower sentence index. The zero value is ready to
// use and safe for concurrent use.
type SumBasic struct{}

// Select implements Method.
func (SumBasic) Select(c *Cluster, b brief.Budget) []int {
	n := len(c.Sentences)
	if n == 0 {
		return nil
	}
	counts := c.termCounts()
	p := make([]float64, len(c.vocab))
	total := 0.0
	for _, v := range counts {
		for _, e := range v {
			p[e.ID] += e.W
			total += e.W
		}
	}
	if total > 0 {
		for id := range p {
			p[id] /= total
		}
	}
	sel := newSelection(c, b)
	for {
		// The term of highest probability among the available sentences.
		top, topP := -1, -1.0
		for i := range n {
			if !sel.open(i) {
				continue
			}
			for _, e := range counts[i] {
				if p[e.ID] > topP || (p[e.ID] == topP && int(e.ID) < top) {
					top, topP = int(e.ID), p[e.ID]
				}
			}
		}
		best, bestW := -1, -1.0
		for i := range n {
			if sel.closed[i] || (top >= 0 && !hasTerm(counts[i], top)) {
				continue
			}
			w, k := 0.0, 0.0
			for _, e := range counts[i] {
				w += e.W * p[e.ID]
				k += e.W
			}
			if k > 0 {
				w /= k
			}
			if w > bestW {
				best, bestW = i, w
			}
		}
		if best < 0 {
			return sel.out
		}
		sel.take(best)
		for _, e := range counts[best] {
			p[e.ID] *= p[e.ID]
		}
	}
}

// hasTerm reports whether the sorted term vector v holds term id.
func hasTerm(v vec.Vector, id int) bool {
	lo, hi := 0, len(v)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case int(v[m].ID) < id:
			lo = m + 1
		case int(v[m].ID) > id:
			hi = m
		default:
			return true
		}
	}
	return false
}
