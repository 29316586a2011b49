package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

var dataDir = "../../../shared/data/duc2007-update"

func TestEvalDUCClusterFixture(t *testing.T) {
	out, stderr, code := runBrief(t, "eval", "--layout", "duc-cluster", "--json", "../../eval/testdata/duc-update")
	if code != 0 {
		t.Fatalf("eval duc-cluster: exit %d: %s", code, stderr)
	}
	var results []clusterResult
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	if len(results) != 8 {
		t.Fatalf("got %d results, want 4 clusterers × 2 gold definitions", len(results))
	}
	for _, r := range results {
		s := r.Scores
		if s.Articles == 0 || s.P < 0 || s.P > 1 || s.R < 0 || s.R > 1 || s.F < 0 || s.F > 1 || s.Stories == 0 {
			t.Errorf("%s/%s: implausible scores %+v", r.Clusterer, r.Gold, s)
		}
	}
}

// TestEvalDUCCluster checks the figures reported in docs/benchmarks.md on
// the DUC 2007 dev data: the online clusterer beats the single-threshold
// baseline on the topic-level gold.
func TestEvalDUCCluster(t *testing.T) {
	if _, err := os.Stat(filepath.Join(dataDir, "docs")); err != nil {
		t.Skipf("DUC 2007 data absent: %v", err)
	}
	out, stderr, code := runBrief(t, "eval", "--layout", "duc-cluster", "--json", dataDir)
	if code != 0 {
		t.Fatalf("eval duc-cluster: exit %d: %s", code, stderr)
	}
	var results []clusterResult
	json.Unmarshal([]byte(out), &results)
	f := map[string]float64{}
	for _, r := range results {
		f[r.Clusterer+"/"+r.Gold] = r.Scores.F
		if r.Scores.Articles != 250 {
			t.Errorf("%s: %d articles, want 250", r.Clusterer, r.Scores.Articles)
		}
	}
	if f["single-pass/topic"] <= f["baseline/topic"] {
		t.Errorf("single-pass F1 %.3f does not beat the baseline's %.3f", f["single-pass/topic"], f["baseline/topic"])
	}
}
