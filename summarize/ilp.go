package summarize

import (
	"slices"
	"time"

	"github.com/briefnews/brief"
)

// ILP is the concept-coverage model of Gillick and Favre (2009), "A
// Scalable Global Model for Summarization", NAACL-HLT Workshop on Integer
// Linear Programming for NLP. Concepts are, as in the paper, the bigrams of
// word stems that are not both stopwords, and also the content-word stems
// themselves. The weight of a concept is the number of articles that contain
// it, so a fact repeated by several outlets counts as evidence once per
// outlet while a summary gains it only once; each article's count is raised
// by up to 1 when the concept appears early in it (positionWeight). ILP picks
// the sentences that maximise the total weight of the concepts they cover:
//
//	maximise Σ_i w_i c_i  subject to  Σ_j l_j s_j ≤ L,
//	s_j ≤ c_i for each concept i of sentence j,  c_i ≤ Σ_{j ∋ i} s_j,
//	c_i, s_j ∈ {0, 1},
//
// with at most one sentence of each near-duplicate group. Concepts of weight
// below MinDocs are dropped, as in the paper (the threshold is lowered to the
// largest weight when no concept reaches it). Concepts that contain a term of
// Cluster.Query are always kept, and their weight is raised by the largest
// weight of any concept, so that the summary covers the query first.
//
// The integer program is solved exactly by branch and bound (see cover), so
// the result is a true optimum whenever the search finishes within MaxNodes
// nodes; otherwise it is the best solution found, which is never worse than
// the greedy solution the search starts from. The zero value is ready to
// use and safe for concurrent use.
type ILP struct {
	MinDocs  int // minimum evidence (weight) of a kept concept, in articles; 0 means 3
	MaxNodes int // branch-and-bound node limit; 0 means 3000
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

// Select implements Method. When the optimum leaves room in the budget (in
// a cluster of a few articles, few concepts reach MinDocs), it is filled
// greedily with the sentences that add the most weight per cost of the
// concepts below the threshold. When no sentence holds a concept (say, text of
// stopwords only), it takes the sentences in input order while they fit, so
// that the summary is empty only when no sentence fits.
func (m ILP) Select(c *Cluster, b brief.Budget) []int {
	idx, _ := m.Solve(c, b)
	idx = c.fill(idx, b)
	if len(idx) == 0 {
		used, limit := 0, Limit(b)
		taken := map[int]bool{}
		for i, s := range c.Sentences {
			if cost := c.Cost(i, b); used+cost <= limit && !taken[s.Group] {
				used += cost
				taken[s.Group] = true
				idx = append(idx, i)
			}
		}
	}
	return idx
}

// Solve returns the chosen sentences and how the solve went.
func (m ILP) Solve(c *Cluster, b brief.Budget) ([]int, ILPStats) {
	start := time.Now()
	minDocs := m.MinDocs
	if minDocs <= 0 {
		minDocs = 3
	}
	maxNodes := m.MaxNodes
	if maxNodes <= 0 {
		maxNodes = 3000
	}
	p := c.conceptProblem(minDocs, b)
	idx, st := p.solve(maxNodes)
	st.Time = time.Since(start)
	return idx, st
}

// conceptProblem builds the coverage problem of ILP: unigram and bigram
// concepts weighted by the articles containing them, lead sentences
// counting more.
func (c *Cluster) conceptProblem(minDocs int, b brief.Budget) *cover {
	type stat struct {
		key    uint64  // conceptKey of the concept
		docs   int     // number of articles containing the concept
		weight float64 // Σ over those articles of positionWeight
		last   int     // last article counted
		id     int32   // 1 + index in cover.weights; 0 when not yet kept
	}
	// Unigram concepts are stats[0:len(vocab)], by term ID; bigrams follow.
	stats := make([]stat, len(c.vocab), 4*len(c.vocab))
	for id := range stats {
		stats[id] = stat{key: conceptKey(int32(id), unigram), last: -1}
	}
	bigrams := make(map[uint64]int32, 2*len(c.vocab))
	sentConcepts := make([][]int32, len(c.Sentences))
	see := func(k int32, s *Sentence) {
		st := &stats[k]
		if st.last != s.Article {
			st.last = s.Article
			st.docs++
			st.weight += positionWeight(s.Position)
		}
	}
	for i := range c.Sentences {
		s := &c.Sentences[i]
		cs := make([]int32, 0, 2*len(s.words))
		for k, a := range s.words {
			if !c.stop[a] {
				see(a, s)
				cs = append(cs, a)
			}
			if k+1 == len(s.words) {
				break
			}
			if z := s.words[k+1]; !c.stop[a] || !c.stop[z] {
				key := conceptKey(a, z)
				j, ok := bigrams[key]
				if !ok {
					j = int32(len(stats))
					bigrams[key] = j
					stats = append(stats, stat{key: key, last: -1})
				}
				see(j, s)
				cs = append(cs, j)
			}
		}
		sentConcepts[i] = cs
	}
	maxWeight := 0.0
	for _, st := range stats {
		maxWeight = max(maxWeight, st.weight)
	}
	minWeight := min(float64(minDocs), maxWeight)
	query := c.queryIDs()
	p := &cover{limit: Limit(b)}
	for i, cs := range sentConcepts {
		it := item{sentence: i, cost: c.Cost(i, b), group: c.Sentences[i].Group}
		for _, k := range cs {
			st := &stats[k]
			a, z := conceptTerms(st.key)
			queried := query[a] || z != unigram && query[z]
			if st.weight < minWeight && !queried {
				continue
			}
			if st.id == 0 {
				w := st.weight
				if queried {
					w += maxWeight
				}
				p.weights = append(p.weights, w)
				st.id = int32(len(p.weights))
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

// unigram stands for the missing second term of a one-word concept.
const unigram int32 = -1

func conceptKey(a, z int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(z)) }

func conceptTerms(key uint64) (a, z int32) { return int32(uint32(key >> 32)), int32(uint32(key)) }

// positionWeight is the evidence one article gives a concept whose first
// mention in it is in sentence pos: 1, plus 1/(1+pos), so that what an
// article puts in its lead counts up to twice. Newswire states the main facts
// first (the inverted pyramid), which makes position the strongest single
// feature of sentence importance in news (Edmundson 1969; Nenkova 2005).
func positionWeight(pos int) float64 { return 1 + 1/float64(1+pos) }

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

// fill adds to the sentences idx, while the budget has room, the sentence of
// a group not yet taken that covers the most weight of still uncovered
// concepts per unit of cost, counting every concept (MinDocs 1).
func (c *Cluster) fill(idx []int, b brief.Budget) []int {
	used, limit := 0, Limit(b)
	for _, i := range idx {
		used += c.Cost(i, b)
	}
	p := c.conceptProblem(1, b)
	covered := make([]bool, len(p.weights))
	taken := map[int]bool{}
	chosen := map[int]bool{}
	for _, i := range idx {
		chosen[i] = true
		taken[c.Sentences[i].Group] = true
	}
	for _, it := range p.items {
		if chosen[it.sentence] {
			for _, k := range it.concepts {
				covered[k] = true
			}
		}
	}
	for {
		best, bestRatio := -1, 0.0
		for j, it := range p.items {
			if taken[it.group] || used+it.cost > limit || it.cost <= 0 {
				continue
			}
			gain := 0.0
			for _, k := range it.concepts {
				if !covered[k] {
					gain += p.weights[k]
				}
			}
			if r := gain / float64(it.cost); r > bestRatio {
				best, bestRatio = j, r
			}
		}
		if best < 0 {
			return idx
		}
		it := p.items[best]
		idx = append(idx, it.sentence)
		used += it.cost
		taken[it.group] = true
		for _, k := range it.concepts {
			covered[k] = true
		}
	}
}
