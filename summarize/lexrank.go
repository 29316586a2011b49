package summarize

// Constructor: LexRank{}

import (
	"math"
	"slices"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// LexRank is the graph-based ranker of Erkan and Radev (2004), "LexRank:
// Graph-based Lexical Centrality as Salience in Text Summarization", JAIR 22.
// Sentences are the nodes of a graph whose edges weigh the idf-modified
// cosine of the sentences, that is the cosine of their TF-IDF vectors of
// content terms, with IDF computed over the cluster's sentences, log(N/sf),
// as there is no background corpus. A sentence's score is its stationary
// probability in the random walk that follows an edge with probability
// proportional to its weight, or jumps to a random sentence with probability
// Damping:
//
//	p(u) = d/N + (1−d) Σ_v cos(u,v) / Σ_z cos(z,v) · p(v)
//
// computed by power iteration until the L1 change is below 1e-6. With
// Threshold zero this is continuous LexRank (the paper's best variant on
// DUC); with Threshold positive, edges of weight 1 join the sentences of
// cosine at least Threshold (LexRank with threshold; the paper found 0.1
// best). Self-similarities are part of the graph, as in the paper. Sentences
// are then taken by Greedy with Redundancy. The zero value is ready to use
// and safe for concurrent use.
type LexRank struct {
	Damping   float64 // jump probability d; 0 means 0.15, the paper's value
	Threshold float64 // 0: continuous LexRank; > 0: binary edges with cosine ≥ Threshold
	// Redundancy is Greedy.Redundancy; 0 means DefaultRedundancy.
	Redundancy float64
}

// Select implements Method.
func (m LexRank) Select(c *Cluster, b brief.Budget) []int {
	if len(c.Sentences) == 0 {
		return nil
	}
	return greedySelect(c, b, m.Rank(c), m.Redundancy)
}

// Rank implements Ranker. The scores sum to 1.
func (m LexRank) Rank(c *Cluster) []float64 {
	d := m.Damping
	if d <= 0 || d > 1 {
		d = 0.15
	}
	vecs := c.tfidfVectors()
	g := newGraph(len(vecs), dotRow(vecs), m.Threshold)
	return g.pageRank(d, 1e-6)
}

// postings is an inverted index: for each term ID, the sentences holding
// it and the term's weight there.
type postings [][]posting

type posting struct {
	sentence int32
	w        float64
}

// newPostings indexes vectors by term.
func newPostings(vecs []vec.Vector) postings {
	var maxID uint32
	for _, v := range vecs {
		if len(v) > 0 {
			maxID = max(maxID, v[len(v)-1].ID)
		}
	}
	p := make(postings, maxID+1)
	for i, v := range vecs {
		for _, e := range v {
			p[e.ID] = append(p[e.ID], posting{int32(i), e.W})
		}
	}
	return p
}

// dotRow returns the rowFunc of the dot products of the vectors (cosines
// for unit vectors), computed through their inverted index.
func dotRow(vecs []vec.Vector) rowFunc {
	index := newPostings(vecs)
	return func(i int, acc []float64, touched []int32) []int32 {
		for _, e := range vecs[i] {
			for _, p := range index[e.ID] {
				if acc[p.sentence] == 0 {
					touched = append(touched, p.sentence)
				}
				acc[p.sentence] += e.W * p.w
			}
		}
		return touched
	}
}

// rowFunc adds into acc the weights of the edges of node i, appending to
// touched every node whose acc entry it makes non-zero, and returns touched.
type rowFunc func(i int, acc []float64, touched []int32) []int32

// graph is a weighted undirected graph in compressed sparse rows: the
// weight of edge (i, j) is stored in row i and in row j.
type graph struct {
	start []int     // row i is col[start[i]:start[i+1]]
	col   []int32   // neighbour
	w     []float32 // weight, halved in size for the bandwidth of pageRank
}

// newGraph builds the graph on n nodes whose row i is given by row. With
// threshold > 0 an edge of weight 1 replaces every weight ≥ threshold and
// smaller weights are dropped; otherwise non-positive weights are dropped.
func newGraph(n int, row rowFunc, threshold float64) *graph {
	g := &graph{start: make([]int, n+1)}
	acc := make([]float64, n)
	var touched []int32
	for i := range n {
		touched = row(i, acc, touched[:0])
		if len(touched) > n/16 {
			// Dense row: a scan is cheaper than a sort.
			touched = touched[:0]
			for j, w := range acc {
				if w != 0 {
					touched = append(touched, int32(j))
				}
			}
		} else {
			slices.Sort(touched)
		}
		for _, j := range touched {
			w := acc[j]
			acc[j] = 0
			if threshold > 0 {
				if w < threshold-1e-12 {
					continue
				}
				w = 1
			}
			if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) {
				continue
			}
			g.col = append(g.col, j)
			g.w = append(g.w, float32(w))
		}
		g.start[i+1] = len(g.col)
		if i == 15 && n > 64 {
			// Grow once to the size the first rows predict.
			want := len(g.col) * n / 16
			g.col = slices.Grow(g.col, want-len(g.col))
			g.w = slices.Grow(g.w, want-len(g.w))
		}
	}
	return g
}

// pageRank returns the stationary distribution of the random walk on g that
// jumps to a uniformly random node with probability jump and otherwise
// follows an edge with probability proportional to its weight; a node
// without edges always jumps. Power iteration stops when the L1 change is
// below tol, or after 200 rounds.
func (g *graph) pageRank(jump, tol float64) []float64 {
	n := len(g.start) - 1
	p := make([]float64, n)
	if n == 0 {
		return p
	}
	deg := make([]float64, n)
	for i := range n {
		for k := g.start[i]; k < g.start[i+1]; k++ {
			deg[i] += float64(g.w[k])
		}
	}
	for i := range p {
		p[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	q := make([]float64, n) // p(v)/deg(v), what v passes along each unit of weight
	for range 200 {
		dangling := 0.0
		for v := range n {
			q[v] = 0
			if deg[v] == 0 {
				dangling += p[v]
			} else {
				q[v] = (1 - jump) * p[v] / deg[v]
			}
		}
		// g is symmetric, so u receives along its own row.
		for u := range n {
			x := 0.0
			for k := g.start[u]; k < g.start[u+1]; k++ {
				x += float64(g.w[k]) * q[g.col[k]]
			}
			next[u] = x
		}
		base := (jump + (1-jump)*dangling) / float64(n)
		diff, sum := 0.0, 0.0
		for i := range next {
			next[i] += base
			sum += next[i]
		}
		for i := range next {
			next[i] /= sum // keep the total at 1 despite rounding
			diff += math.Abs(next[i] - p[i])
		}
		p, next = next, p
		if diff < tol {
			break
		}
	}
	return p
}
