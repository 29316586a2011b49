package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
	"github.com/briefnews/brief/eval"
)

// layoutDUCCluster is `brief eval --layout duc-cluster`: every document set
// of a DUC-style data set is a gold event; all articles are mixed in date
// order and clustered, and the clusters are scored with B-cubed.
const layoutDUCCluster = "duc-cluster"

// clusterResult is one clusterer scored against one gold definition.
type clusterResult struct {
	Clusterer string         `json:"clusterer"`
	Gold      string         `json:"gold"` // "topic" or "set"
	Scores    cluster.Scores `json:"scores"`
}

// runCluster evaluates the clusterers on the data set: B-cubed precision,
// recall and F1, and the number of stories found against the gold events,
// under two gold definitions: one event per document set, and one per
// topic (the A, B and C sets of an update topic are one story over time).
func (c *evalCommand) runCluster(ctx context.Context) error {
	ds, err := eval.Open(c.dataset, eval.LayoutDUCUpdate)
	if err != nil {
		if ds, err = eval.Open(c.dataset, eval.LayoutDUC); err != nil {
			return fmt.Errorf("brief eval: %w", err)
		}
	}
	var docs []string
	for _, set := range ds.Sets {
		docs = append(docs, set.Docs...)
	}
	all, err := readArticles(ctx, nil, io.Discard, docs)
	if err != nil {
		return err
	}
	bySet, byTopic := map[string]string{}, map[string]string{}
	var articles []*brief.Article
	seen := map[string]bool{}
	for _, set := range ds.Sets {
		inSet := map[string]bool{}
		for _, d := range set.Docs {
			inSet[d] = true
		}
		for _, a := range all {
			if inSet[sourceFile(a.Source)] && !seen[a.ID] {
				seen[a.ID] = true
				bySet[a.ID], byTopic[a.ID] = set.ID, set.Topic
				articles = append(articles, a)
			}
		}
	}
	sort.SliceStable(articles, func(i, j int) bool { return articles[i].Published.Before(articles[j].Published) })
	// DUC topics span months to years with long quiet gaps, so the online
	// clusterer runs here without its time window and decay, which are
	// meant for a dense live stream.
	noWindow := cluster.Config{Window: -1, HalfLife: -1}
	clusterers := []struct {
		name string
		c    brief.Clusterer
	}{
		{"single-pass", cluster.SinglePass{Config: noWindow}},
		{"single-pass (72h window)", cluster.SinglePass{}},
		{"agglomerative", cluster.Agglomerative{}},
		{"baseline", cluster.Baseline{}},
	}
	var results []clusterResult
	for _, cl := range clusterers {
		for _, g := range []struct {
			name string
			gold map[string]string
		}{{"topic", byTopic}, {"set", bySet}} {
			results = append(results, clusterResult{cl.name, g.name, cluster.Evaluate(cl.c, articles, g.gold)})
		}
	}
	if c.json {
		enc := json.NewEncoder(c.main.Stdout)
		enc.SetEscapeHTML(false) // text as written: "<stdin>", "AT&T"
		enc.SetIndent("", "  ")
		return enc.Encode(results)
	}
	fmt.Fprintf(c.main.Stdout, "%s (%s): %d articles, B-cubed (Amigó et al. 2009)\n", c.dataset, layoutDUCCluster, len(articles))
	tw := tabwriter.NewWriter(c.main.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "clusterer\tgold\tP\tR\tF1\tstories\tgold events")
	for _, r := range results {
		s := r.Scores
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\n", r.Clusterer, r.Gold, s.P, s.R, s.F, s.Stories, s.Gold)
	}
	return tw.Flush()
}

// sourceFile returns the file part of an Article.Source ("path#3" → "path").
func sourceFile(source string) string {
	for i := len(source) - 1; i >= 0; i-- {
		switch source[i] {
		case '#':
			return source[:i]
		case '/':
			return source
		}
	}
	return source
}
