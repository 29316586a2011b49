package cluster

import "github.com/briefnews/brief"

// BCubed returns the B-cubed precision, recall and F1 (Bagga and Baldwin
// 1998; Amigó et al. 2009) of the clustering pred against gold, both mapping
// item → cluster label.
//
// For an item e, precision is the share of the items in e's predicted
// cluster that share e's gold cluster, and recall the share of the items in
// e's gold cluster that share e's predicted cluster; P and R average these
// over the items of gold, and F is their harmonic mean. Items of gold missing
// from pred count as singletons; items only in pred are ignored. Labels are
// compared within one map only, so gold and pred may use unrelated names.
// With an empty gold all three are 0.
func BCubed(gold, pred map[string]string) (p, r, f float64) {
	if len(gold) == 0 {
		return 0, 0, 0
	}
	type cell struct{ g, p string }
	const single = "\x00single:" // label of an item missing from pred
	joint := make(map[cell]int)
	gsize := make(map[string]int)
	psize := make(map[string]int)
	for item, g := range gold {
		pl, ok := pred[item]
		if !ok {
			pl = single + item
		} else {
			pl = "\x01" + pl
		}
		joint[cell{g, pl}]++
		gsize[g]++
		psize[pl]++
	}
	// Each of the n items of a cell (g, p) has precision n/|p| and recall
	// n/|g|; summing over the cell's items gives n²/|p| and n²/|g|.
	for c, n := range joint {
		nn := float64(n) * float64(n)
		p += nn / float64(psize[c.p])
		r += nn / float64(gsize[c.g])
	}
	total := float64(len(gold))
	p /= total
	r /= total
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Labels returns the item → story map of events, keyed by article ID: the
// pred argument of BCubed.
func Labels(events []*brief.Event) map[string]string {
	m := make(map[string]string)
	for _, e := range events {
		for _, a := range e.Articles {
			m[a.ID] = e.ID
		}
	}
	return m
}

// Scores is the evaluation of a clustering against gold events.
type Scores struct {
	P, R, F   float64 // B-cubed precision, recall, F1
	Stories   int     // predicted stories holding at least one gold article
	Gold      int     // distinct gold events
	Articles  int     // gold articles
	Singleton int     // predicted stories of one article
}

// Evaluate clusters articles with c and scores the result against gold
// (article ID → event label) with BCubed. Articles not in gold take part in
// the clustering but not in the scores.
func Evaluate(c brief.Clusterer, articles []*brief.Article, gold map[string]string) Scores {
	events := c.Cluster(articles)
	pred := Labels(events)
	var s Scores
	s.P, s.R, s.F = BCubed(gold, pred)
	s.Articles = len(gold)
	g := make(map[string]bool)
	for _, l := range gold {
		g[l] = true
	}
	s.Gold = len(g)
	for _, e := range events {
		n := 0
		for _, a := range e.Articles {
			if _, ok := gold[a.ID]; ok {
				n++
			}
		}
		if n > 0 {
			s.Stories++
		}
		if n == 1 {
			s.Singleton++
		}
	}
	return s
}
