package summarize

import (
	"slices"
)

// cover is a budgeted weighted maximum coverage problem: choose items of
// total cost at most limit, at most one per group, to maximise the total
// weight of the concepts they cover. It is the integer program of ILP.
type cover struct {
	weights []float64 // concept weights, all > 0
	items   []item
	limit   int
}

type item struct {
	sentence int     // index in Cluster.Sentences
	cost     int     // > 0 except for empty sentences under a sentence budget
	group    int     // near-duplicate group
	concepts []int32 // distinct concept indices, sorted
}

// solver holds the state of the branch and bound.
type solver struct {
	p        *cover
	order    []int   // items by decreasing weight per cost
	covered  []int32 // for each concept, how many chosen items cover it
	groups   map[int]bool
	chosen   []int   // items on the current path
	value    float64 // weight covered by chosen
	used     int     // cost of chosen
	best     []int   // best solution found
	bestVal  float64
	nodes    int
	maxNodes int
	buf      [][]ratio // per-depth scratch for the bound
	total    float64   // weight of all concepts
}

type ratio struct {
	r    float64
	gain float64
	cost int
}

// solve maximises coverage exactly by depth-first branch and bound, and
// returns the chosen sentences. Items are branched on in decreasing order of
// weight per cost, "take" first. A node is pruned when its bound — the
// covered weight plus the optimum of the fractional knapsack over the
// undecided items, each valued at its marginal gain given the items chosen
// so far — cannot beat the best solution. Because coverage is submodular,
// the gain of a set of items is at most the sum of their marginal gains, so
// the bound is valid and the search exact. The search starts from the
// greedy solution and stops after maxNodes nodes, returning the best
// solution found (Optimal false).
func (p *cover) solve(maxNodes int) ([]int, ILPStats) {
	st := ILPStats{Sentences: len(p.items), Concepts: len(p.weights)}
	if len(p.items) == 0 {
		st.Optimal = true
		return nil, st
	}
	s := &solver{
		p:        p,
		covered:  make([]int32, len(p.weights)),
		groups:   map[int]bool{},
		maxNodes: maxNodes,
		buf:      make([][]ratio, len(p.items)+1),
	}
	for _, w := range p.weights {
		s.total += w
	}
	s.order = make([]int, len(p.items))
	static := make([]float64, len(p.items))
	for i, it := range p.items {
		s.order[i] = i
		for _, c := range it.concepts {
			static[i] += p.weights[c]
		}
		static[i] /= float64(max(it.cost, 1))
	}
	slices.SortStableFunc(s.order, func(a, b int) int {
		switch {
		case static[a] > static[b]:
			return -1
		case static[a] < static[b]:
			return 1
		}
		return 0
	})
	s.best, s.bestVal = s.greedy()
	s.search(0)
	st.Nodes = s.nodes
	st.Optimal = s.nodes <= maxNodes
	st.Value = s.bestVal
	out := make([]int, len(s.best))
	for k, i := range s.best {
		out[k] = p.items[i].sentence
	}
	slices.Sort(out)
	return out, st
}

// gain returns the weight item i would add to the covered concepts.
func (s *solver) gain(i int) float64 {
	g := 0.0
	for _, c := range s.p.items[i].concepts {
		if s.covered[c] == 0 {
			g += s.p.weights[c]
		}
	}
	return g
}

func (s *solver) take(i int) {
	it := &s.p.items[i]
	for _, c := range it.concepts {
		if s.covered[c] == 0 {
			s.value += s.p.weights[c]
		}
		s.covered[c]++
	}
	s.used += it.cost
	s.groups[it.group] = true
	s.chosen = append(s.chosen, i)
}

func (s *solver) drop(i int) {
	it := &s.p.items[i]
	for _, c := range it.concepts {
		s.covered[c]--
		if s.covered[c] == 0 {
			s.value -= s.p.weights[c]
		}
	}
	s.used -= it.cost
	delete(s.groups, it.group)
	s.chosen = s.chosen[:len(s.chosen)-1]
}

// greedy returns the solution that adds, while something fits, the item
// of largest marginal gain per cost, or the best single item if that is
// better (Khuller, Moss and Naor 1999), and its value.
func (s *solver) greedy() ([]int, float64) {
	for {
		bi, br := -1, 0.0
		for i, it := range s.p.items {
			if s.used+it.cost > s.p.limit || s.groups[it.group] {
				continue
			}
			g := s.gain(i)
			if g <= 0 {
				continue
			}
			r := g / float64(max(it.cost, 1))
			if bi < 0 || r > br {
				bi, br = i, r
			}
		}
		if bi < 0 {
			break
		}
		s.take(bi)
	}
	sol, val := slices.Clone(s.chosen), s.value
	for len(s.chosen) > 0 {
		s.drop(s.chosen[len(s.chosen)-1])
	}
	for i := range s.p.items {
		if g := s.gain(i); g > val {
			sol, val = []int{i}, g
		}
	}
	return sol, val
}

// bound returns an upper bound on the value reachable from the current
// node, where the items order[k:] are undecided.
func (s *solver) bound(k int) float64 {
	room := s.p.limit - s.used
	rs := s.buf[k][:0]
	free := 0.0 // gain of zero-cost items
	for _, i := range s.order[k:] {
		it := &s.p.items[i]
		if it.cost > room || s.groups[it.group] {
			continue
		}
		g := s.gain(i)
		if g <= 0 {
			continue
		}
		if it.cost == 0 {
			free += g
			continue
		}
		rs = append(rs, ratio{g / float64(it.cost), g, it.cost})
	}
	s.buf[k] = rs
	slices.SortFunc(rs, func(a, b ratio) int {
		switch {
		case a.r > b.r:
			return -1
		case a.r < b.r:
			return 1
		}
		return 0
	})
	ub := s.value + free
	for _, r := range rs {
		if r.cost <= room {
			ub += r.gain
			room -= r.cost
			continue
		}
		ub += r.r * float64(room)
		break
	}
	return min(ub, s.total)
}

const eps = 1e-9

func (s *solver) search(k int) {
	s.nodes++
	if s.nodes > s.maxNodes {
		return
	}
	if s.value > s.bestVal+eps {
		s.best, s.bestVal = slices.Clone(s.chosen), s.value
	}
	// Skip items that cannot be taken here.
	for k < len(s.order) {
		it := &s.p.items[s.order[k]]
		if it.cost <= s.p.limit-s.used && !s.groups[it.group] && s.gain(s.order[k]) > 0 {
			break
		}
		k++
	}
	if k == len(s.order) || s.bound(k) <= s.bestVal+eps {
		return
	}
	i := s.order[k]
	s.take(i)
	s.search(k + 1)
	s.drop(i)
	if s.nodes > s.maxNodes {
		return
	}
	s.search(k + 1)
}
