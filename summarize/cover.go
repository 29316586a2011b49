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
	excluded []bool    // for each item, whether the current path rules it out
	holders  [][]int32 // for each concept, the items that hold it
	gain     []float64 // for each item, the weight it would add now
	covered  []int32   // for each concept, how many chosen items cover it
	group    []int32   // for each item, its group renumbered from 0
	taken    []bool    // for each group, whether an item of it is chosen
	chosen   []int     // items on the current path
	value    float64   // weight covered by chosen
	used     int       // cost of chosen
	best     []int     // best solution found
	bestVal  float64
	nodes    int
	maxNodes int
	top      []ratio // scratch for the bound
	minCost  int     // smallest positive item cost
	total    float64 // weight of all concepts
}

type ratio struct {
	r    float64
	gain float64
	cost int
}

// solve maximises coverage exactly by depth-first branch and bound, and
// returns the chosen sentences. Each node branches on the open item of
// largest marginal gain per cost, "take" first. A node is pruned when its
// bound — the covered weight plus the optimum of the fractional knapsack
// over the undecided items, each valued at its marginal gain given the items
// chosen so far — cannot beat the best solution. Because coverage is submodular,
// the gain of a set of items is at most the sum of their marginal gains, so
// the bound is valid and the search exact. The search starts from the
// greedy solution, improved by swaps, and stops after maxNodes nodes,
// returning the best solution found (Optimal false).
func (p *cover) solve(maxNodes int) ([]int, ILPStats) {
	p.prune()
	st := ILPStats{Sentences: len(p.items), Concepts: len(p.weights)}
	if len(p.items) == 0 {
		st.Optimal = true
		return nil, st
	}
	s := &solver{
		p:        p,
		holders:  make([][]int32, len(p.weights)),
		gain:     make([]float64, len(p.items)),
		covered:  make([]int32, len(p.weights)),
		group:    make([]int32, len(p.items)),
		maxNodes: maxNodes,
	}
	for _, w := range p.weights {
		s.total += w
	}
	groups := map[int]int32{}
	s.excluded = make([]bool, len(p.items))
	for i, it := range p.items {
		g, ok := groups[it.group]
		if !ok {
			g = int32(len(groups))
			groups[it.group] = g
		}
		s.group[i] = g
		for _, c := range it.concepts {
			s.gain[i] += p.weights[c]
			s.holders[c] = append(s.holders[c], int32(i))
		}
	}
	s.taken = make([]bool, len(groups))
	s.minCost = p.limit + 1
	for _, it := range p.items {
		if it.cost > 0 {
			s.minCost = min(s.minCost, it.cost)
		}
	}
	s.best, s.bestVal = s.greedy()
	s.best, s.bestVal = s.improve(s.best)
	s.fix()
	s.search()
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

// improve applies swaps to sol while one raises its value: replacing a
// chosen item by another (or by nothing, then adding the best item that
// fits), the best swap first. It returns the improved solution and its
// value; the solver is left with nothing chosen.
func (s *solver) improve(sol []int) ([]int, float64) {
	for _, i := range sol {
		s.take(i)
	}
	for pass := 0; pass < 10; pass++ {
		cur := s.value
		bestOut, bestIn, bestVal := -1, -1, cur
		for k := range s.chosen {
			out := s.chosen[k]
			// Move out to the end of chosen so that drop can pop it.
			last := len(s.chosen) - 1
			s.chosen[k], s.chosen[last] = s.chosen[last], s.chosen[k]
			s.drop(out)
			for j := range s.p.items {
				if j != out && s.open(j) && s.value+s.gain[j] > bestVal+eps {
					bestOut, bestIn, bestVal = out, j, s.value+s.gain[j]
				}
			}
			s.take(out)
			last = len(s.chosen) - 1
			s.chosen[k], s.chosen[last] = s.chosen[last], s.chosen[k]
		}
		if bestIn < 0 {
			break
		}
		k := slices.Index(s.chosen, bestOut)
		last := len(s.chosen) - 1
		s.chosen[k], s.chosen[last] = s.chosen[last], s.chosen[k]
		s.drop(bestOut)
		s.take(bestIn)
		// Fill what room is left greedily.
		for {
			bi, br := -1, 0.0
			for i, it := range s.p.items {
				if s.open(i) {
					if r := s.gain[i] / float64(max(it.cost, 1)); bi < 0 || r > br {
						bi, br = i, r
					}
				}
			}
			if bi < 0 {
				break
			}
			s.take(bi)
		}
	}
	out, val := slices.Clone(s.chosen), s.value
	for len(s.chosen) > 0 {
		s.drop(s.chosen[len(s.chosen)-1])
	}
	return out, val
}

// fix rules out, before the search, every item that cannot be part of a
// solution better than the incumbent: one whose gain plus the fractional
// knapsack optimum of the other items (at their full weights, in the room it
// leaves) is no more than the incumbent's value. This is the bound of the
// search applied at the root to each item forced in, so the optimum is
// unchanged.
func (s *solver) fix() {
	order := make([]int, len(s.p.items))
	rs := make([]float64, len(s.p.items))
	for i, it := range s.p.items {
		order[i] = i
		rs[i] = s.gain[i] / float64(max(it.cost, 1))
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case rs[a] > rs[b]:
			return -1
		case rs[a] < rs[b]:
			return 1
		}
		return a - b
	})
	for j, it := range s.p.items {
		room := s.p.limit - it.cost
		ub := s.gain[j]
		for _, i := range order {
			if room <= 0 && s.p.items[i].cost > 0 {
				break
			}
			if i == j {
				continue
			}
			c := s.p.items[i].cost
			if c <= room {
				ub += s.gain[i]
				room -= c
			} else {
				ub += rs[i] * float64(room)
				room = 0
			}
		}
		if ub <= s.bestVal+eps {
			s.excluded[j] = true
		}
	}
}

// open reports whether item i can still be added.
func (s *solver) open(i int) bool {
	return s.gain[i] > 0 && !s.excluded[i] && s.p.items[i].cost <= s.p.limit-s.used && !s.taken[s.group[i]]
}

func (s *solver) take(i int) {
	it := &s.p.items[i]
	for _, c := range it.concepts {
		if s.covered[c] == 0 {
			w := s.p.weights[c]
			s.value += w
			for _, j := range s.holders[c] {
				s.gain[j] -= w
			}
		}
		s.covered[c]++
	}
	s.used += it.cost
	s.taken[s.group[i]] = true
	s.chosen = append(s.chosen, i)
}

func (s *solver) drop(i int) {
	it := &s.p.items[i]
	for _, c := range it.concepts {
		s.covered[c]--
		if s.covered[c] == 0 {
			w := s.p.weights[c]
			s.value -= w
			for _, j := range s.holders[c] {
				s.gain[j] += w
			}
		}
	}
	s.used -= it.cost
	s.taken[s.group[i]] = false
	s.chosen = s.chosen[:len(s.chosen)-1]
}

// greedy returns the solution that adds, while something fits, the item
// of largest marginal gain per cost, or the best single item if that is
// better (Khuller, Moss and Naor 1999), and its value.
func (s *solver) greedy() ([]int, float64) {
	for {
		bi, br := -1, 0.0
		for i, it := range s.p.items {
			if !s.open(i) {
				continue
			}
			r := s.gain[i] / float64(max(it.cost, 1))
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
	for i, it := range s.p.items {
		if g := s.gain[i]; g > val && it.cost <= s.p.limit {
			sol, val = []int{i}, g
		}
	}
	return sol, val
}

// bound returns an upper bound on the value reachable from the current
// node — the fractional knapsack optimum of the open items' gains — and the
// open item of largest gain per cost, or -1 when no item is open. The
// knapsack takes items by decreasing gain per cost until the room is full;
// since every item costs at least minCost, it never reaches past the first
// room/minCost + 1 of them, so only those are kept, in a small sorted
// buffer.
func (s *solver) bound() (float64, int) {
	room := s.p.limit - s.used
	k := room/s.minCost + 1
	top := s.top[:0]
	ub := s.value
	pick, maxR := -1, 0.0
	for i, it := range s.p.items {
		if !s.open(i) {
			continue
		}
		g, c := s.gain[i], it.cost
		r := g / float64(max(c, 1))
		if pick < 0 || r > maxR {
			pick, maxR = i, r
		}
		if c == 0 {
			ub += g
			continue
		}
		if len(top) == k {
			if r <= top[k-1].r {
				continue
			}
			top = top[:k-1]
		}
		j := len(top)
		top = append(top, ratio{})
		for j > 0 && top[j-1].r < r {
			top[j] = top[j-1]
			j--
		}
		top[j] = ratio{r, g, c}
	}
	s.top = top
	for _, t := range top {
		if room <= 0 {
			break
		}
		if t.cost <= room {
			ub += t.gain
			room -= t.cost
		} else {
			ub += t.r * float64(room)
			room = 0
		}
	}
	return min(ub, s.total), pick
}

const eps = 1e-9

// search explores the subtree of the current node: it branches on the open
// item of largest gain per cost, first taking it, then ruling it out.
func (s *solver) search() {
	s.nodes++
	if s.nodes > s.maxNodes {
		return
	}
	if s.value > s.bestVal+eps {
		s.best, s.bestVal = slices.Clone(s.chosen), s.value
	}
	ub, i := s.bound()
	if i < 0 || ub <= s.bestVal+eps {
		return
	}
	s.take(i)
	s.search()
	s.drop(i)
	if s.nodes > s.maxNodes {
		return
	}
	s.excluded[i] = true
	s.search()
	s.excluded[i] = false
}

// prune drops the items that an optimal solution never needs: an item
// whose concepts are a subset of those of another item of its near-duplicate
// group that costs no more (of two equal items, the later). Since at most one
// item per group is taken, swapping in the dominating item never lowers the
// value, so the optimum is unchanged.
func (p *cover) prune() {
	byGroup := map[int][]int{}
	for i, it := range p.items {
		byGroup[it.group] = append(byGroup[it.group], i)
	}
	drop := make([]bool, len(p.items))
	for _, members := range byGroup {
		for _, j := range members {
			for _, i := range members {
				if i == j || drop[i] {
					continue
				}
				a, b := &p.items[i], &p.items[j]
				if a.cost > b.cost || !subset(b.concepts, a.concepts) {
					continue
				}
				if a.cost < b.cost || len(a.concepts) > len(b.concepts) || i < j {
					drop[j] = true
					break
				}
			}
		}
	}
	kept := p.items[:0]
	for i, it := range p.items {
		if !drop[i] {
			kept = append(kept, it)
		}
	}
	p.items = kept
}

// subset reports whether the sorted set a is a subset of the sorted set b.
func subset(a, b []int32) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
		j++
	}
	return true
}
