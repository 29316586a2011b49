package summarize

import (
	"math"

	"github.com/briefnews/brief"
)

// Submodular is the summarizer of Lin and Bilmes (2011), "A Class of
// Submodular Functions for Document Summarization", ACL. It greedily
// maximises, under the budget, the monotone submodular objective
//
//	F(S) = L(S) + λ R(S)
//	L(S) = Σ_{i∈V} min(C_i(S), α C_i(V)),   C_i(S) = Σ_{j∈S} w_ij
//	R(S) = Σ_k sqrt(Σ_{j∈P_k∩S} r_j),       r_j = (1/N) Σ_{i∈V} w_ij
//
// where w_ij is the cosine similarity of the TF-IDF vectors of sentences
// i and j, L rewards covering every sentence of the cluster until it is
// saturated, and R rewards diversity by picking from different clusters
// P_k of a k-means partition of the sentences (K = N/5). The greedy step
// takes the sentence of largest gain divided by cost^Scale, and the result
// is compared with the best single sentence, which gives the paper's
// constant-factor guarantee. Zero fields take the paper's values for DUC:
// α = 5/N, λ = 6, Scale = 0.3. At most one sentence of each near-duplicate
// group is taken. It ignores Cluster.Query. The zero value is ready to use
// and safe for concurrent use.
type Submodular struct {
	A      float64 // saturation: α = A/N; 0 means 5
	Lambda float64 // weight of diversity R; 0 means 6
	Scale  float64 // cost exponent r of the greedy step; 0 means 0.3
}

// Select implements Method.
func (m Submodular) Select(c *Cluster, b brief.Budget) []int {
	n := len(c.Sentences)
	if n == 0 {
		return nil
	}
	a, lambda, scale := m.A, m.Lambda, m.Scale
	if a <= 0 {
		a = 5
	}
	if lambda <= 0 {
		lambda = 6
	}
	if scale <= 0 {
		scale = 0.3
	}
	vecs := c.tfidf()
	w := similarities(vecs, len(c.vocab))
	alpha := a / float64(n)
	sat := make([]float64, n) // α C_i(V)
	r := make([]float64, n)   // r_j
	for i := range n {
		row := w[i*n : (i+1)*n]
		sum := 0.0
		for _, x := range row {
			sum += x
		}
		sat[i] = alpha * sum
		r[i] = sum / float64(n) // w is symmetric
	}
	part := kmeans(vecs, len(c.vocab), max(1, (n+2)/5))
	k := 0
	for _, p := range part {
		k = max(k, p+1)
	}

	cov := make([]float64, n)   // C_i(S)
	parts := make([]float64, k) // Σ r_j over S ∩ P_k
	gain := func(j int) float64 {
		g := 0.0
		row := w[j*n : (j+1)*n]
		for i, x := range row {
			if x == 0 || cov[i] >= sat[i] {
				continue
			}
			g += min(cov[i]+x, sat[i]) - cov[i]
		}
		p := parts[part[j]]
		return g + lambda*(math.Sqrt(p+r[j])-math.Sqrt(p))
	}
	limit, used := Limit(b), 0
	dropped := make([]bool, n)
	groups := map[int]bool{}
	var out []int
	for {
		best, bestScore := -1, 0.0
		for j := range n {
			if dropped[j] {
				continue
			}
			cost := c.Cost(j, b)
			if used+cost > limit || groups[c.Sentences[j].Group] {
				dropped[j] = true
				continue
			}
			s := gain(j) / math.Pow(float64(max(cost, 1)), scale)
			if best < 0 || s > bestScore {
				best, bestScore = j, s
			}
		}
		if best < 0 {
			break
		}
		dropped[best] = true
		groups[c.Sentences[best].Group] = true
		used += c.Cost(best, b)
		out = append(out, best)
		row := w[best*n : (best+1)*n]
		for i, x := range row {
			cov[i] += x
		}
		parts[part[best]] += r[best]
	}
	// Compare with the best single sentence that fits.
	value := func(set []int) float64 {
		for i := range cov {
			cov[i] = 0
		}
		for i := range parts {
			parts[i] = 0
		}
		v := 0.0
		for _, j := range set {
			v += gain(j)
			row := w[j*n : (j+1)*n]
			for i, x := range row {
				cov[i] += x
			}
			parts[part[j]] += r[j]
		}
		return v
	}
	fOut := value(out)
	value(nil)
	single, fSingle := -1, 0.0
	for j := range n {
		if c.Cost(j, b) <= limit {
			if g := gain(j); g > fSingle {
				single, fSingle = j, g
			}
		}
	}
	if single >= 0 && fSingle > fOut {
		return []int{single}
	}
	return out
}

// tfidf returns the L2-normalised TF-IDF vectors of the sentences' content
// terms, with IDF computed over the sentences of the cluster.
func (c *Cluster) tfidf() [][]termWeight {
	df := make([]int, len(c.vocab))
	vecs := make([][]termWeight, len(c.Sentences))
	for i, s := range c.Sentences {
		var v []termWeight
		for _, id := range s.words {
			if c.stop[id] {
				continue
			}
			found := false
			for k := range v {
				if v[k].id == id {
					v[k].w++
					found = true
					break
				}
			}
			if !found {
				v = append(v, termWeight{id, 1})
				df[id]++
			}
		}
		vecs[i] = v
	}
	n := float64(len(c.Sentences))
	for _, v := range vecs {
		norm := 0.0
		for k := range v {
			v[k].w *= math.Log(n / float64(df[v[k].id]))
			norm += v[k].w * v[k].w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v {
				v[k].w /= norm
			}
		}
	}
	return vecs
}

type termWeight struct {
	id int32
	w  float64
}

// similarities returns the dense n×n matrix of cosine similarities of the
// normalised vectors, computed through an inverted index.
func similarities(vecs [][]termWeight, vocab int) []float64 {
	n := len(vecs)
	postings := make([][]termWeight, vocab) // id field holds the sentence
	for i, v := range vecs {
		for _, e := range v {
			if e.w != 0 {
				postings[e.id] = append(postings[e.id], termWeight{int32(i), e.w})
			}
		}
	}
	w := make([]float64, n*n)
	for _, p := range postings {
		for _, x := range p {
			row := w[int(x.id)*n : int(x.id)*n+n]
			for _, y := range p {
				row[y.id] += x.w * y.w
			}
		}
	}
	return w
}

// kmeans partitions the normalised vectors into at most k clusters by
// spherical k-means (cosine), seeded deterministically with evenly spaced
// vectors, for at most 10 rounds. It returns each vector's cluster.
func kmeans(vecs [][]termWeight, vocab, k int) []int {
	n := len(vecs)
	k = min(k, n)
	part := make([]int, n)
	cent := make([]float64, k*vocab)
	for c := range k {
		for _, e := range vecs[c*n/k] {
			cent[c*vocab+int(e.id)] = e.w
		}
	}
	for round := range 10 {
		changed := false
		for i, v := range vecs {
			best, bestDot := 0, -1.0
			for c := range k {
				d := 0.0
				row := cent[c*vocab : (c+1)*vocab]
				for _, e := range v {
					d += row[e.id] * e.w
				}
				if d > bestDot {
					best, bestDot = c, d
				}
			}
			if round == 0 || part[i] != best {
				changed = true
				part[i] = best
			}
		}
		if !changed {
			break
		}
		clear(cent)
		for i, v := range vecs {
			row := cent[part[i]*vocab : (part[i]+1)*vocab]
			for _, e := range v {
				row[e.id] += e.w
			}
		}
		for c := range k {
			row := cent[c*vocab : (c+1)*vocab]
			norm := 0.0
			for _, x := range row {
				norm += x * x
			}
			if norm > 0 {
				norm = math.Sqrt(norm)
				for j := range row {
					row[j] /= norm
				}
			}
		}
	}
	return part
}
