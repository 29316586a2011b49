// Package dedup folds near-duplicate articles, such as one wire story run by
// several outlets, into one article that remembers every outlet.
//
// Articles are compared by the one-permutation MinHash (Broder 1997; Li,
// Owen and Zhang 2012) of their word shingles; candidate pairs come from locality-sensitive hashing of the
// signatures in bands, so the cost is linear in the number of articles, and
// each candidate pair is confirmed by its estimated Jaccard similarity.
package dedup

import (
	"encoding/binary"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"

	"github.com/briefnews/brief"
)

// Deduper is a brief.Deduper. The zero value uses the defaults documented on
// each field. A Deduper is safe for concurrent use.
type Deduper struct {
	// Threshold is the estimated Jaccard similarity of two articles'
	// shingle sets above which they are the same story; 0 means 0.7.
	Threshold float64
	// Shingle is the number of words in a shingle; 0 means 5.
	Shingle int
}

var _ brief.Deduper = Deduper{}

const (
	numHashes = 128 // MinHash signature length
	numBands  = 32  // LSH bands of numHashes/numBands rows: candidates from Jaccard ≈ 0.42 up
)

// Dedup returns the articles with near-duplicates folded: of each group of
// duplicates the earliest published (then the first in input order) is kept,
// a copy of it with the other members' outlets appended to Outlets and their
// IDs to Duplicates (each outlet once, never the kept article's own).
// Groups come in the order of their first member in the input. The input
// articles are not modified.
func (d Deduper) Dedup(articles []*brief.Article) []*brief.Article {
	groups := d.Groups(articles)
	out := make([]*brief.Article, 0, len(groups))
	for _, g := range groups {
		keep := g[0]
		for _, i := range g[1:] {
			if earlier(articles[i], articles[keep]) {
				keep = i
			}
		}
		if len(g) == 1 {
			out = append(out, articles[keep])
			continue
		}
		a := *articles[keep]
		a.Outlets = append([]string(nil), a.Outlets...)
		a.Duplicates = append([]string(nil), a.Duplicates...)
		for _, i := range g {
			if i == keep {
				continue
			}
			o := articles[i]
			for _, name := range append([]string{outletName(o)}, o.Outlets...) {
				if name != "" && name != outletName(&a) && !contains(a.Outlets, name) {
					a.Outlets = append(a.Outlets, name)
				}
			}
			a.Duplicates = append(a.Duplicates, o.ID)
			a.Duplicates = append(a.Duplicates, o.Duplicates...)
		}
		out = append(out, &a)
	}
	return out
}

// Groups returns the duplicate groups as indices into articles: every index
// is in exactly one group, groups are ordered by their first member, and
// members in input order. A nil article, like one without text, is a group
// of its own.
func (d Deduper) Groups(articles []*brief.Article) [][]int {
	threshold := d.Threshold
	if threshold <= 0 {
		threshold = 0.7
	}
	k := d.Shingle
	if k <= 0 {
		k = 5
	}
	sigs := make([]*[numHashes]uint64, len(articles))
	parent := make([]int, len(articles))
	exact := map[uint64]int{}
	for i, a := range articles {
		parent[i] = i
		if a == nil {
			continue
		}
		words := normWords(a.Text)
		if len(words) == 0 {
			continue
		}
		h := xxh3.HashString(strings.Join(words, " "))
		if j, ok := exact[h]; ok {
			parent[i] = j
			continue
		}
		exact[h] = i
		sigs[i] = signature(words, k)
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	rows := numHashes / numBands
	buckets := make(map[uint64][]int)
	var key [8 * numHashes / numBands]byte
	for i, sig := range sigs {
		if sig == nil {
			continue
		}
		for b := 0; b < numBands; b++ {
			for r := 0; r < rows; r++ {
				binary.LittleEndian.PutUint64(key[8*r:], sig[b*rows+r])
			}
			bk := xxh3.Hash(key[:]) ^ uint64(b)*0x9E3779B97F4A7C15
			for _, j := range buckets[bk] {
				if find(i) != find(j) && similarity(sig, sigs[j]) >= threshold {
					ri, rj := find(i), find(j)
					if ri < rj {
						parent[rj] = ri
					} else {
						parent[ri] = rj
					}
				}
			}
			buckets[bk] = append(buckets[bk], i)
		}
	}
	index := map[int]int{}
	var groups [][]int
	for i := range articles {
		r := find(i)
		g, ok := index[r]
		if !ok {
			g = len(groups)
			index[r] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// Similarity returns the estimated Jaccard similarity of the k-word shingle
// sets of two texts, in [0, 1]; 0 when either has no words.
func Similarity(a, b string, k int) float64 {
	wa, wb := normWords(a), normWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	return similarity(signature(wa, k), signature(wb, k))
}

// empty marks a bin of a signature that no shingle fell into.
const empty = ^uint64(0)

// similarity estimates the Jaccard similarity of two one-permutation
// signatures: matching bins over the bins not empty in both (Li, Owen and
// Zhang 2012).
func similarity(a, b *[numHashes]uint64) float64 {
	same, used := 0, 0
	for i := range a {
		if a[i] == empty && b[i] == empty {
			continue
		}
		used++
		if a[i] == b[i] {
			same++
		}
	}
	if used == 0 {
		return 0
	}
	return float64(same) / float64(used)
}

// signature returns the one-permutation MinHash signature (Li, Owen and
// Zhang 2012) of the k-word shingles of words (one shingle of all words when
// there are fewer than k): each shingle's hash picks a bin by its top bits,
// and a bin keeps the least hash that fell into it. One hash per shingle
// instead of one per shingle and function.
func signature(words []string, k int) *[numHashes]uint64 {
	var sig [numHashes]uint64
	for i := range sig {
		sig[i] = empty
	}
	if len(words) < k {
		k = len(words)
	}
	var buf []byte
	for s := 0; s+k <= len(words); s++ {
		buf = buf[:0]
		for _, w := range words[s : s+k] {
			buf = append(buf, w...)
			buf = append(buf, ' ')
		}
		h := mix(xxh3.Hash(buf))
		bin := h >> (64 - binBits)
		if h < sig[bin] {
			sig[bin] = h
		}
	}
	return &sig
}

// binBits is log2(numHashes): the top bits of a hash that pick its bin.
const binBits = 7

// mix is the splitmix64 finaliser: a bijective 64-bit mixer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// normWords returns the lower-case words (letter and digit runs) of s.
func normWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func earlier(a, b *brief.Article) bool {
	if a.Published.IsZero() || b.Published.IsZero() {
		return false
	}
	return a.Published.Before(b.Published)
}

func outletName(a *brief.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return a.ID
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
