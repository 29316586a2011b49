package summarize

import (
	"math/rand/v2"
	"testing"

	"github.com/briefnews/brief"
)

// bruteForce returns the optimum of p by enumerating every subset.
func bruteForce(p *cover) float64 {
	best := 0.0
	n := len(p.items)
	for mask := 0; mask < 1<<n; mask++ {
		cost := 0
		groups := map[int]bool{}
		covered := map[int32]bool{}
		ok := true
		for i := range n {
			if mask&(1<<i) == 0 {
				continue
			}
			it := p.items[i]
			if groups[it.group] {
				ok = false
				break
			}
			groups[it.group] = true
			cost += it.cost
			for _, c := range it.concepts {
				covered[c] = true
			}
		}
		if !ok || cost > p.limit {
			continue
		}
		v := 0.0
		for c := range covered {
			v += p.weights[c]
		}
		best = max(best, v)
	}
	return best
}

func randomCover(rng *rand.Rand, items, concepts int) *cover {
	p := &cover{limit: 20 + rng.IntN(30)}
	for range concepts {
		p.weights = append(p.weights, float64(1+rng.IntN(5))+rng.Float64())
	}
	for i := range items {
		it := item{sentence: i, cost: 3 + rng.IntN(20), group: rng.IntN(items)}
		seen := map[int32]bool{}
		for range 1 + rng.IntN(6) {
			c := int32(rng.IntN(concepts))
			if !seen[c] {
				seen[c] = true
				it.concepts = append(it.concepts, c)
			}
		}
		sortInt32(it.concepts)
		p.items = append(p.items, it)
	}
	return p
}

func sortInt32(a []int32) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// TestCoverExact checks the branch and bound against enumeration on random
// problems with overlapping concepts and near-duplicate groups.
func TestCoverExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 300 {
		p := randomCover(rng, 4+rng.IntN(11), 5+rng.IntN(20))
		want := bruteForce(p)
		idx, st := p.solve(1 << 30)
		if !st.Optimal {
			t.Fatalf("trial %d: search did not finish", trial)
		}
		if d := st.Value - want; d > 1e-6 || d < -1e-6 {
			t.Fatalf("trial %d: solve value = %v, want %v", trial, st.Value, want)
		}
		// The returned sentences must realise the value and fit.
		cost, covered, v := 0, map[int32]bool{}, 0.0
		for _, s := range idx {
			for _, it := range p.items {
				if it.sentence == s {
					cost += it.cost
					for _, c := range it.concepts {
						if !covered[c] {
							covered[c] = true
							v += p.weights[c]
						}
					}
				}
			}
		}
		if cost > p.limit || v < want-1e-6 {
			t.Fatalf("trial %d: solution costs %d (limit %d) and covers %v, want %v", trial, cost, p.limit, v, want)
		}
	}
}

// TestCoverNodeLimit checks that a search cut short still returns a
// feasible solution at least as good as greedy, and says it is not optimal.
func TestCoverNodeLimit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 50 {
		p := randomCover(rng, 60, 40)
		_, full := p.solve(1 << 30)
		q := randomCoverCopy(p)
		_, cut := q.solve(1)
		if cut.Value > full.Value+1e-9 {
			t.Fatalf("cut search value %v above optimum %v", cut.Value, full.Value)
		}
		if cut.Optimal && cut.Nodes > 1 {
			t.Fatalf("cut search reports optimal after %d nodes", cut.Nodes)
		}
		if cut.Value <= 0 {
			t.Fatalf("cut search found nothing")
		}
	}
}

func randomCoverCopy(p *cover) *cover {
	q := &cover{limit: p.limit, weights: p.weights}
	q.items = append(q.items, p.items...)
	return q
}

func TestILPEmpty(t *testing.T) {
	for _, c := range []*Cluster{NewCluster(nil), NewCluster([]*brief.Article{{ID: "x"}})} {
		if got := (ILP{}).Select(c, brief.Budget{Words: 100}); len(got) != 0 {
			t.Errorf("ILP on an empty cluster = %v, want none", got)
		}
	}
}
