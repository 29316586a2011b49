package summarize

import "github.com/briefnews/brief"

// Lead takes the first sentences of the articles, round-robin over articles
// in input order, skipping near-duplicates of sentences already taken, until
// the budget is full. PLACEHOLDER baseline until the real methods land.
type Lead struct{}

// Select implements Method.
func (Lead) Select(c *Cluster, b brief.Budget) []int {
	var out []int
	used, limit := 0, Limit(b)
	taken := map[int]bool{}
	for pos := 0; ; pos++ {
		any := false
		for i, s := range c.Sentences {
			if s.Position != pos {
				continue
			}
			any = true
			cost := c.Cost(i, b)
			if taken[s.Group] || used+cost > limit {
				continue
			}
			taken[s.Group] = true
			used += cost
			out = append(out, i)
		}
		if !any {
			return out
		}
	}
}
