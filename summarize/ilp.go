package summarize

import (
	"slices"
	"time"

	"github.com/briefnews/brief"
)

// ILP is the concept-coverage model of Gillick and Favre (2009), "A
// Scalable Global Model for Summarization", NAACL-HLT Workshop on Integer
// Linear Programming for NLP. Concepts are the bigrams of word stems that
// are not both stopwords; the weight of a concept is the number of
// articles that contain it, so a fact repeated by several outlets counts as
// evidence once per outlet, while a summary gains it only once. ILP picks
// the sentences that maximise the total weight of the concepts they cover:
//
//	maximise Σ_i w_i c_i  subject to  Σ_j l_j s_j ≤ L,
//	s_j ≤ c_i for each concept i of sentence j,  c_i ≤ Σ_{j ∋ i} s_j,
//	c_i, s_j ∈ {0, 1},
//
// with at most one sentence of each near-duplicate group. Concepts found in
// fewer than MinDocs articles are dropped, as in the paper (lowered to 2, then
// 1, when the cluster is too small to have any). Terms of Cluster.Query double
// the weight of the concepts that contain them.
//
// The integer program is solved exactly by branch and bound (see cover), so
// the result is a true optimum whenever the search finishes within MaxNodes
// nodes; otherwise it is the best solution found, which is never worse than
// the greedy solution the search starts from. The zero value is ready to
// use and safe for concurrent use.
type ILP struct {
	MinDocs  int // minimum number of articles a concept must occur in; 0 means 3
	MaxNodes int // branch-and-bound node limit; 0 means 100000
}

// ILPStats describes one solve of ILP.
type ILPStats struct {
	Sentences int           // sentences with at least one concept: the variables s_j
	Concepts  int           // concepts kept: the variables c_i
	Nodes     int           // branch-and-bound nodes visited
	Optimal   bool          // the search finished: the solution is optimal
	Value     float64       // objective value of the solution
	Time      time.Duration // time to build and solve the problem
}

// Select implements Method.
func (m ILP) Select(c *Cluster, b brief.Budget) []int {
	idx, _ := m.Solve(c, b)
	return idx
}

// Solve returns the chosen sentences and how the solve went.
func (m ILP) Solve(c *Cluster, b brief.Budget) ([]int, ILPStats) {
	start := time.Now()
	minDocs := m.MinDocs
	if minDocs <= 0 {
		minDocs = xMinDocs
	}
	maxNodes := m.MaxNodes
	if maxNodes <= 0 {
		maxNodes = 100000
	}
	p := c.conceptProblem(minDocs, b)
	idx, st := p.solve(maxNodes)
	st.Time = time.Since(start)
	return idx, st
}

// conceptProblem builds the coverage problem of ILP: bigram concepts
// weighted by the number of articles containing them.
func (c *Cluster) conceptProblem(minDocs int, b brief.Budget) *cover {
	type stat struct {
		docs float64
		last int // last article counted
		id   int32
	}
	stats := map[uint64]*stat{}
	sentConcepts := make([][]uint64, len(c.Sentences))
	for i, s := range c.Sentences {
		var cs []uint64
		ws := s.words
		if xContent {
			ws = ws[:0:0]
			for _, w := range s.words {
				if !c.stop[w] {
					ws = append(ws, w)
				}
			}
		}
		if xUni {
			for _, a := range ws {
				if c.stop[a] {
					continue
				}
				key := uint64(a)<<32 | uint64(uint32(0xffffffff))
				st := stats[key]
				if st == nil {
					st = &stat{last: -1}
					stats[key] = st
				}
				if st.last != s.Article {
					st.last = s.Article
					st.docs += 1 + xPosBoost/float64(1+s.Position)
				}
				cs = append(cs, key)
			}
		}
		for k := 0; k+1 < len(ws); k++ {
			a, z := ws[k], ws[k+1]
			if c.stop[a] && c.stop[z] {
				continue
			}
			key := uint64(a)<<32 | uint64(uint32(z))
			st := stats[key]
			if st == nil {
				st = &stat{last: -1}
				stats[key] = st
			}
			if st.last != s.Article {
				st.last = s.Article
				st.docs += 1 + xPosBoost/float64(1+s.Position)
			}
			cs = append(cs, key)
		}
		sentConcepts[i] = cs
	}
	maxDocs := 0.0
	for _, st := range stats {
		maxDocs = max(maxDocs, st.docs)
	}
	minDocs = max(1, min(minDocs, int(maxDocs)))
	query := c.queryIDs()
	p := &cover{limit: Limit(b)}
	for i, cs := range sentConcepts {
		it := item{sentence: i, cost: c.Cost(i, b), group: c.Sentences[i].Group}
		for _, key := range cs {
			st := stats[key]
			if st.docs < float64(minDocs) {
				continue
			}
			if st.id == 0 {
				w := st.docs
				if query[int32(key>>32)] || uint32(key) != 0xffffffff && query[int32(uint32(key))] {
					w *= 2
				}
				p.weights = append(p.weights, w)
				st.id = int32(len(p.weights)) // 1-based so that 0 means unassigned
			}
			it.concepts = append(it.concepts, st.id-1)
		}
		slices.Sort(it.concepts)
		it.concepts = slices.Compact(it.concepts)
		if len(it.concepts) > 0 && it.cost <= p.limit {
			p.items = append(p.items, it)
		}
	}
	return p
}

// queryIDs returns the term IDs of the query's terms.
func (c *Cluster) queryIDs() map[int32]bool {
	if len(c.Query) == 0 {
		return nil
	}
	q := map[string]bool{}
	for _, t := range c.Query {
		q[t] = true
	}
	out := map[int32]bool{}
	for id, t := range c.vocab {
		if q[t] {
			out[int32(id)] = true
		}
	}
	return out
}
