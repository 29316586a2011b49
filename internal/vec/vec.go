// Package vec holds sparse term vectors, cosine similarity, a term
// dictionary and incremental document frequencies, shared by the stages that
// compare texts.
//
// Terms are interned as dense uint32 IDs by a Dict; a Vector is a slice of
// (ID, weight) entries sorted by ID, so that dot products are a merge.
package vec

import (
	"cmp"
	"math"
	"slices"
)

// Entry is one non-zero component of a Vector.
type Entry struct {
	ID uint32  // term ID from a Dict
	W  float64 // weight
}

// Vector is a sparse vector: entries sorted by strictly increasing ID, no
// zero weights. The zero value (nil) is the empty vector.
type Vector []Entry

// FromMap returns the Vector holding the non-zero weights of m, sorted by ID.
func FromMap(m map[uint32]float64) Vector {
	v := make(Vector, 0, len(m))
	for id, w := range m {
		if w != 0 {
			v = append(v, Entry{id, w})
		}
	}
	slices.SortFunc(v, func(a, b Entry) int { return cmpID(a.ID, b.ID) })
	return v
}

func cmpID(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Dot returns the dot product of a and b.
func Dot(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			s += a[i].W * b[j].W
			i++
			j++
		}
	}
	return s
}

// Norm returns the Euclidean norm of v.
func Norm(v Vector) float64 {
	var s float64
	for _, e := range v {
		s += e.W * e.W
	}
	return math.Sqrt(s)
}

// Cosine returns the cosine of the angle between a and b, in [-1, 1], or 0
// when either is empty or zero.
func Cosine(a, b Vector) float64 {
	na, nb := Norm(a), Norm(b)
	if na == 0 || nb == 0 {
		return 0
	}
	c := Dot(a, b) / (na * nb)
	return math.Max(-1, math.Min(1, c))
}

// Normalize scales v in place to unit norm and returns it. A zero vector is
// returned unchanged.
func Normalize(v Vector) Vector {
	n := Norm(v)
	if n == 0 {
		return v
	}
	for i := range v {
		v[i].W /= n
	}
	return v
}

// Top returns a new Vector with the k entries of v of largest weight (ties
// broken by smaller ID), sorted by ID. It returns a copy of v when
// len(v) <= k, and nil when k <= 0.
func Top(v Vector, k int) Vector {
	if k <= 0 {
		return nil
	}
	if len(v) <= k {
		return slices.Clone(v)
	}
	// The k-th largest weight is the cut; entries above it are kept, and
	// entries equal to it in ID order while room is left.
	ws := make([]float64, len(v))
	for i, e := range v {
		ws[i] = e.W
	}
	slices.Sort(ws)
	cut := ws[len(ws)-k]
	above := 0
	for _, w := range ws[len(ws)-k:] {
		if w > cut {
			above++
		}
	}
	ties := k - above
	out := make(Vector, 0, k)
	for _, e := range v {
		switch {
		case e.W > cut:
			out = append(out, e)
		case e.W == cut && ties > 0:
			out = append(out, e)
			ties--
		}
	}
	return out
}

// Heaviest returns the k entries of v of largest weight (ties broken by
// smaller ID) sorted by decreasing weight, or all of them when len(v) <= k.
// It does not modify v and costs O(len(v)) plus O(k·log k).
func Heaviest(v Vector, k int) []Entry {
	if k <= 0 || len(v) == 0 {
		return nil
	}
	out := Top(v, k)
	slices.SortFunc(out, byWeight)
	return out
}

func byWeight(a, b Entry) int {
	switch {
	case a.W > b.W:
		return -1
	case a.W < b.W:
		return 1
	}
	return cmpID(a.ID, b.ID)
}

// Add returns a + f·b as a new Vector.
func Add(a, b Vector, f float64) Vector {
	out := make(Vector, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].ID < b[j].ID):
			out = append(out, a[i])
			i++
		case i == len(a) || a[i].ID > b[j].ID:
			if w := f * b[j].W; w != 0 {
				out = append(out, Entry{b[j].ID, w})
			}
			j++
		default:
			if w := a[i].W + f*b[j].W; w != 0 {
				out = append(out, Entry{a[i].ID, w})
			}
			i++
			j++
		}
	}
	return out
}

// Dict interns terms as dense IDs 0, 1, 2, … in order of first sight.
// The zero value is ready to use. A Dict is not safe for concurrent use.
type Dict struct {
	ids   map[string]uint32
	terms []string
}

// ID returns the ID of term, assigning the next free one on first sight.
func (d *Dict) ID(term string) uint32 {
	if id, ok := d.ids[term]; ok {
		return id
	}
	if d.ids == nil {
		d.ids = make(map[string]uint32)
	}
	id := uint32(len(d.terms))
	d.ids[term] = id
	d.terms = append(d.terms, term)
	return id
}

// Lookup returns the ID of term and whether it has been seen.
func (d *Dict) Lookup(term string) (uint32, bool) {
	id, ok := d.ids[term]
	return id, ok
}

// Term returns the term of id, or "" when id was never assigned.
func (d *Dict) Term(id uint32) string {
	if int(id) >= len(d.terms) {
		return ""
	}
	return d.terms[id]
}

// Len returns the number of distinct terms.
func (d *Dict) Len() int { return len(d.terms) }

// DF counts document frequencies incrementally: how many of the documents
// seen so far contain each term. The zero value is ready to use. A DF is not
// safe for concurrent use.
type DF struct {
	n  int
	df []uint32
}

// Add records one document containing the distinct term IDs ids (each ID
// must appear once).
func (d *DF) Add(ids []uint32) {
	d.n++
	for _, id := range ids {
		if int(id) >= len(d.df) {
			d.df = append(d.df, make([]uint32, int(id)+1-len(d.df))...)
		}
		d.df[id]++
	}
}

// Docs returns the number of documents added.
func (d *DF) Docs() int { return d.n }

// Count returns the number of documents containing id.
func (d *DF) Count(id uint32) int {
	if int(id) >= len(d.df) {
		return 0
	}
	return int(d.df[id])
}

// IDF returns the smoothed inverse document frequency
// ln((1+N)/(1+df)) + 1 of id, where N is Docs(); it is ≥ 1 and finite,
// including for unseen terms and before any document.
func (d *DF) IDF(id uint32) float64 {
	return math.Log(float64(1+d.n)/float64(1+d.Count(id))) + 1
}

// Common returns the number of elements two sorted slices without repeats
// have in common, in one merge.
func Common[T cmp.Ordered](a, b []T) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
