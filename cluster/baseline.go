package cluster

import (
	"strconv"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// Baseline is the textbook single-pass clusterer kept for comparison: each
// article, in publication order, gets a tf-idf vector (idf from the articles
// seen so far) and joins the story whose centroid is most cosine-similar when
// the cosine reaches Threshold, else starts a story. It uses no names, titles,
// time or index: every article is compared with every story, so its cost is
// O(articles × stories). The zero value is usable.
type Baseline struct {
	// Threshold is the least cosine to join a story (default 0.2, tuned
	// like the other clusterers on the dev data).
	Threshold float64
}

var _ brief.Clusterer = Baseline{}

// Cluster implements brief.Clusterer. Nil articles are skipped; story IDs
// are "s1", "s2", … in order of creation.
func (b Baseline) Cluster(articles []*brief.Article) []*brief.Event {
	th := b.Threshold
	if th == 0 {
		th = 0.2
	}
	f := newFeaturizer(0)
	type group struct {
		arts []*brief.Article
		sum  vec.Vector
		norm float64
	}
	var groups []*group
	for _, a := range byTime(articles) {
		d := f.add(a)
		var best *group
		bestScore := th
		for _, g := range groups {
			if c := cosTo(d.text, g.sum, g.norm); c >= bestScore && (best == nil || c > bestScore) {
				best, bestScore = g, c
			}
		}
		if best == nil {
			best = &group{}
			groups = append(groups, best)
		}
		best.arts = append(best.arts, a)
		best.sum = vec.Add(best.sum, d.text, 1)
		best.norm = vec.Norm(best.sum)
	}
	var out []*brief.Event
	for i, g := range groups {
		out = append(out, event("s"+strconv.Itoa(i+1), g.arts))
	}
	return out
}
