package cluster

import (
	"cmp"
	"container/heap"
	"slices"
	"strconv"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// Agglomerative is the batch clusterer kept for comparison with SinglePass:
// average-link agglomerative clustering of a closed set of articles.
//
// Article similarity is the score of SinglePass without time decay, with idf
// from the whole set. Only blocked pairs are compared: two articles are a
// candidate pair when they share one of their TopTerms highest-weight terms
// or top names, keys shared by more than MaxPosting articles being too
// common to block on; exact and near-identical copies (as for SinglePass)
// are pairs of similarity 1. Other
// pairs count as similarity 0 in the average link
// S(A, B) = Σ sim(a, b) / (|A|·|B|). The two clusters of highest average
// link merge until it drops below Threshold. With the index the cost is about
// O(n·k·log n) for n articles and k candidates per article, not O(n²).
// The zero value is usable.
type Agglomerative struct {
	Threshold    float64       // least average link to merge (default 0.05)
	EntityWeight float64       // as Config.EntityWeight (default 0.25; negative: 0)
	TitleWeight  float64       // as Config.TitleWeight (default 0: off)
	TopTerms     int           // as Config.TopTerms (default 20)
	MaxPosting   int           // keys on more articles are not used for blocking (default 500)
	Window       time.Duration // articles further apart are never paired (default 0: no limit)
}

var _ brief.Clusterer = Agglomerative{}

// Cluster implements brief.Clusterer. Nil articles are skipped. Events are
// in order of their earliest article (by Published, then input order), with
// their articles in that order, and get IDs "s1", "s2", … in that order.
// The result is deterministic for a given input order.
func (ag Agglomerative) Cluster(articles []*brief.Article) []*brief.Event {
	arts := byTime(articles)
	if len(arts) == 0 {
		return nil
	}
	cfg := Config{Threshold: ag.Threshold, EntityWeight: ag.EntityWeight, TitleWeight: ag.TitleWeight, TopTerms: ag.TopTerms}.withDefaults()
	th := ag.Threshold
	if th == 0 {
		th = 0.05
	}
	maxPost := ag.MaxPosting
	if maxPost <= 0 {
		maxPost = 500
	}
	// Vectors with idf from the whole set.
	f := newFeaturizer(cfg.MaxTokens)
	raws := make([]raw, len(arts))
	var df vec.DF
	for i, a := range arts {
		raws[i] = f.raw(a)
		ids := make([]uint32, len(raws[i].counts))
		for j, e := range raws[i].counts {
			ids[j] = e.ID
		}
		df.Add(ids)
	}
	docs := make([]doc, len(arts))
	for i := range raws {
		docs[i] = f.weigh(raws[i], &df)
	}
	o := &Online{cfg: cfg} // for keys and score
	post := make(map[uint32][]int32)
	keys := make([][]uint32, len(docs))
	for i, d := range docs {
		keys[i] = o.keys(d)
		for _, k := range keys[i] {
			post[k] = append(post[k], int32(i))
		}
	}
	twins := make(map[uint64][]int32)
	for i, d := range docs {
		for _, h := range append(d.sketch[:], d.hash) {
			if h != 0 {
				twins[h] = append(twins[h], int32(i))
			}
		}
	}
	// Exact and near-identical copies form the starting clusters.
	n := len(docs)
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	shared := make(map[int32]int)
	for i, d := range docs {
		clear(shared)
		if d.hash != 0 {
			for _, j := range twins[d.hash] {
				if int(j) > i {
					shared[j] += twinMatches
				}
			}
		}
		for _, h := range d.sketch {
			if h == 0 {
				continue
			}
			for _, j := range twins[h] {
				if int(j) > i {
					shared[j]++
				}
			}
		}
		for j, c := range shared {
			if c >= twinMatches {
				a, b := find(int32(i)), find(j)
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	// Candidate pairs across starting clusters and their similarities,
	// summed per pair of clusters.
	nb := make([]map[int32]float64, n) // cluster → neighbour → Σ sim
	size := make([]int, n)
	members := make([][]int32, n)
	for i := range nb {
		r := find(int32(i))
		size[r]++
		members[r] = append(members[r], int32(i))
		if int(r) == i {
			nb[i] = make(map[int32]float64)
		}
	}
	mark := make([]int32, n)
	for i := range mark {
		mark[i] = -1
	}
	for i, d := range docs {
		ri := find(int32(i))
		for _, k := range keys[i] {
			p := post[k]
			if len(p) > maxPost {
				continue
			}
			for _, j := range p {
				if int(j) <= i || mark[j] == int32(i) {
					continue
				}
				mark[j] = int32(i)
				rj := find(j)
				if rj == ri {
					continue
				}
				if ag.Window > 0 && absDur(arts[j].Published.Sub(arts[i].Published)) > ag.Window {
					continue
				}
				if s := pairScore(o, d, docs[j]); s > 0 {
					nb[ri][rj] += s
					nb[rj][ri] += s
				}
			}
		}
	}
	// Average-link merging with a lazy max-heap of cluster pairs.
	ver := make([]int, n)
	h := &pairHeap{}
	for i := range nb {
		for j, s := range nb[i] {
			if avg := s / float64(size[i]*size[j]); int(j) > i && avg >= th {
				heap.Push(h, pair{avg, int32(i), j, 0, 0})
			}
		}
	}
	for h.Len() > 0 {
		top := heap.Pop(h).(pair)
		a, b := top.a, top.b
		if ver[a] != top.va || ver[b] != top.vb || size[a] == 0 || size[b] == 0 {
			continue
		}
		// Merge b into a.
		members[a] = append(members[a], members[b]...)
		members[b] = nil
		size[a] += size[b]
		size[b] = 0
		ver[a]++
		ver[b]++
		for c, s := range nb[b] {
			if c == a {
				continue
			}
			nb[a][c] += s
			delete(nb[c], b)
		}
		delete(nb[a], b)
		nb[b] = nil
		for c, s := range nb[a] {
			nb[c][a] = s
			if avg := s / float64(size[a]*size[c]); avg >= th {
				x, y := a, c
				if y < x {
					x, y = y, x
				}
				heap.Push(h, pair{avg, x, y, ver[x], ver[y]})
			}
		}
	}
	var groups [][]int32
	for i := range members {
		if size[i] > 0 {
			slices.Sort(members[i])
			groups = append(groups, members[i])
		}
	}
	slices.SortFunc(groups, func(x, y []int32) int { return cmp.Compare(x[0], y[0]) })
	out := make([]*brief.Event, len(groups))
	for gi, g := range groups {
		ga := make([]*brief.Article, len(g))
		for k, i := range g {
			ga[k] = arts[i]
		}
		out[gi] = event("s"+strconv.Itoa(gi+1), ga)
	}
	return out
}

// pairScore is the symmetric article-to-article score: weighted mean of the
// text, name and title cosines, each weight counting when both have the
// feature.
func pairScore(o *Online, a, b doc) float64 {
	num := vec.Dot(a.text, b.text)
	den := 1.0
	if len(a.ents) > 0 && len(b.ents) > 0 {
		num += o.cfg.EntityWeight * vec.Dot(a.ents, b.ents)
		den += o.cfg.EntityWeight
	}
	if len(a.title) > 0 && len(b.title) > 0 {
		num += o.cfg.TitleWeight * vec.Dot(a.title, b.title)
		den += o.cfg.TitleWeight
	}
	return num / den
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// pair is a candidate merge of clusters a < b with average link s, valid
// while their versions are va and vb.
type pair struct {
	s      float64
	a, b   int32
	va, vb int
}

type pairHeap []pair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].s != h[j].s {
		return h[i].s > h[j].s
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
