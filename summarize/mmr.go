package summarize

// Constructor: MMR{}

import (
	"math"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// MMR is Maximal Marginal Relevance, Carbonell and Goldstein (1998), "The
// Use of MMR, Diversity-Based Reranking for Reordering Documents and
// Producing Summaries", SIGIR. It repeatedly takes the sentence
//
//	argmax_{D_i ∈ R∖S} [ λ Sim(D_i, Q) − (1−λ) max_{D_j ∈ S} Sim(D_i, D_j) ]
//
// among those that fit in what is left of the budget and are not
// near-duplicates (same Group) of a chosen one, until none fits; ties go to
// the lower index. Sim is the cosine of TF-IDF vectors of content terms, IDF
// over the cluster's sentences. Q is the cluster's query (Cluster.Query)
// when it has terms that occur in the cluster, else the centroid of the
// cluster (the sum of the sentences' unit vectors). Lambda defaults to 0.7,
// the relevance-leaning setting the paper suggests after a first,
// exploratory λ = 0.3 pass; it is not tuned. The zero value is ready to use
// and safe for concurrent use.
type MMR struct {
	Lambda float64 // λ in (0, 1]; 0 means 0.7
}

// Select implements Method.
func (m MMR) Select(c *Cluster, b brief.Budget) []int {
	n := len(c.Sentences)
	if n == 0 {
		return nil
	}
	lambda := m.Lambda
	if lambda <= 0 || lambda > 1 {
		lambda = 0.7
	}
	vecs := c.tfidfVectors()
	q := c.queryVector(vecs)
	rel := make([]float64, n)
	for i, v := range vecs {
		rel[i] = vec.Dot(v, q)
	}
	maxSim := make([]float64, n)
	sel := newSelection(c, b)
	for {
		best, bestScore := -1, math.Inf(-1)
		for i := range n {
			if !sel.open(i) {
				continue
			}
			if s := lambda*rel[i] - (1-lambda)*maxSim[i]; s > bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			return sel.out
		}
		sel.take(best)
		for i := range n {
			if !sel.closed[i] {
				maxSim[i] = max(maxSim[i], vec.Dot(vecs[i], vecs[best]))
			}
		}
	}
}

// queryVector returns the unit TF-IDF vector of c.Query when any of its
// terms occurs in the cluster, else the unit centroid of vecs.
func (c *Cluster) queryVector(vecs []vec.Vector) vec.Vector {
	if len(c.Query) > 0 {
		ids := c.termIDs()
		idf := sentenceIDF(c.termCounts(), len(c.vocab))
		m := map[uint32]float64{}
		for _, t := range c.Query {
			if id, ok := ids[t]; ok && !c.stop[id] {
				m[id] += idf[id]
			}
		}
		if q := vec.FromMap(m); len(q) > 0 {
			return vec.Normalize(q)
		}
	}
	m := map[uint32]float64{}
	for _, v := range vecs {
		for _, e := range v {
			m[e.ID] += e.W
		}
	}
	return vec.Normalize(vec.FromMap(m))
}
