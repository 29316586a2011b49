package summarize

// Constructor: Centroid{}

import (
	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// Centroid is the centroid-based summarizer of Radev, Jing, Styś and Tam
// (2004), "Centroid-based summarization of multiple documents", Information
// Processing and Management 40(6) (the MEAD scorer). The centroid of the
// cluster gives each content term w the value
//
//	C_w = (occurrences of w in the cluster / number of articles) · idf(w)
//
// with idf computed over the cluster's sentences, log(N/sf(w)), as there is
// no background corpus. A sentence i of an article of n sentences, at
// position p (from 1), scores
//
//	score_i = C_i + Position · P_i + First · F_i
//	C_i = Σ C_w over the distinct terms w of sentence i
//	P_i = (n − p + 1)/n · C_max    (C_max: the largest C_i in the article)
//	F_i = tf_1 · tf_i              (term-count overlap with the article's first sentence)
//
// the paper's features with its default weights of 1. Sentences are then
// taken by Greedy with Redundancy, which replaces MEAD's cross-sentence
// overlap reranker. The zero value is ready to use and safe for concurrent
// use.
type Centroid struct {
	Position float64 // weight of P_i; 0 means 1, negative means 0
	First    float64 // weight of F_i; 0 means 1, negative means 0
	// Redundancy is Greedy.Redundancy; 0 means DefaultRedundancy.
	Redundancy float64
}

// Select implements Method.
func (m Centroid) Select(c *Cluster, b brief.Budget) []int {
	if len(c.Sentences) == 0 {
		return nil
	}
	return greedySelect(c, b, m.Rank(c), m.Redundancy)
}

// weight returns the weight a field stands for: 0 means 1, negative 0.
func weight(w float64) float64 {
	switch {
	case w == 0:
		return 1
	case w < 0:
		return 0
	}
	return w
}

// Rank implements Ranker with score_i.
func (m Centroid) Rank(c *Cluster) []float64 {
	n := len(c.Sentences)
	scores := make([]float64, n)
	if n == 0 {
		return scores
	}
	counts := c.termCounts()
	idf := sentenceIDF(counts, len(c.vocab))
	docs := 0
	seen := make([]bool, len(c.Articles))
	centroid := make([]float64, len(c.vocab))
	for i, v := range counts {
		if a := c.Sentences[i].Article; !seen[a] {
			seen[a] = true
			docs++
		}
		for _, e := range v {
			centroid[e.ID] += e.W
		}
	}
	for id := range centroid {
		centroid[id] *= idf[id] / float64(docs)
	}

	// Per article: its number of sentences, largest C_i and first sentence.
	length := make([]int, len(c.Articles))
	cmax := make([]float64, len(c.Articles))
	first := make([]int, len(c.Articles))
	for a := range first {
		first[a] = -1
	}
	ci := make([]float64, n)
	for i, v := range counts {
		for _, e := range v {
			ci[i] += centroid[e.ID]
		}
		s := c.Sentences[i]
		length[s.Article] = max(length[s.Article], s.Position+1)
		cmax[s.Article] = max(cmax[s.Article], ci[i])
		if f := first[s.Article]; f < 0 || s.Position < c.Sentences[f].Position {
			first[s.Article] = i
		}
	}
	wp, wf := weight(m.Position), weight(m.First)
	for i, s := range c.Sentences {
		a := s.Article
		nSent := float64(length[a])
		p := (nSent - float64(s.Position)) / nSent * cmax[a]
		f := vec.Dot(counts[first[a]], counts[i])
		scores[i] = ci[i] + wp*p + wf*f
	}
	return scores
}
