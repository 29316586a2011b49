package summarize

// Constructor: TextRank{}

import (
	"math"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// TextRank is the sentence ranker of Mihalcea and Tarau (2004), "TextRank:
// Bringing Order into Texts", EMNLP. Sentences are the nodes of an
// undirected graph without self-loops whose edges weigh the paper's
// similarity, the content overlap normalised by the sentence lengths:
//
//	sim(S_i, S_j) = |{w : w ∈ S_i and w ∈ S_j}| / (log |S_i| + log |S_j|)
//
// where the words are the sentences' content terms (stemmed, stopwords
// removed) and |S| counts them; pairs whose denominator is not positive (two
// one-word sentences) get no edge. The score is weighted PageRank,
//
//	WS(V_i) = (1−d) + d Σ_j w_ji / Σ_k w_jk · WS(V_j)
//
// with the paper's damping d = 0.85, divided by the number of sentences so
// that the scores sum to 1 (the order is the same; a sentence without edges
// spreads its score evenly, which changes only the scale), computed by power
// iteration until the L1 change is below 1e-6. Sentences are then taken by
// Greedy with Redundancy. The zero value is ready to use and safe for
// concurrent use.
type TextRank struct {
	Damping float64 // d; 0 means 0.85
	// Redundancy is Greedy.Redundancy; 0 means DefaultRedundancy.
	Redundancy float64
}

// Select implements Method.
func (m TextRank) Select(c *Cluster, b brief.Budget) []int {
	if len(c.Sentences) == 0 {
		return nil
	}
	return greedySelect(c, b, m.Rank(c), m.Redundancy)
}

// Rank implements Ranker. The scores sum to 1.
func (m TextRank) Rank(c *Cluster) []float64 {
	d := m.Damping
	if d <= 0 || d >= 1 {
		d = 0.85
	}
	counts := c.termCounts()
	logLen := make([]float64, len(counts))
	sets := make([]vec.Vector, len(counts)) // distinct terms, weight 1
	for i, v := range counts {
		if k := len(c.Sentences[i].Terms); k > 0 {
			logLen[i] = math.Log(float64(k))
		}
		set := make(vec.Vector, len(v))
		for k, e := range v {
			set[k] = vec.Entry{ID: e.ID, W: 1}
		}
		sets[i] = set
	}
	overlap := dotRow(sets) // dot products of sets count shared terms
	row := func(i int, acc []float64, touched []int32) []int32 {
		touched = overlap(i, acc, touched)
		for _, j := range touched {
			den := logLen[i] + logLen[j]
			if int(j) == i || den <= 0 {
				acc[j] = 0
				continue
			}
			acc[j] /= den
		}
		return touched
	}
	return newGraph(len(counts), row, 0).pageRank(1-d, 1e-6)
}
