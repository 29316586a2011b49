package story_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

type pair struct {
	label string // "disagree", "agree" or "unrelated"
	a, b  string
}

func readPairs(t testing.TB, path string) []pair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open pairs: %v", err)
	}
	defer f.Close()
	var out []pair
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s:%d: want 3 tab-separated fields, got %d", path, n, len(f))
		}
		out = append(out, pair{f[0], f[1], f[2]})
	}
	return out
}

// pairDisagrees reports whether Build, given the two sentences as two
// articles of one story, finds a disagreement between them.
func pairDisagrees(p pair) bool {
	day := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	v := story.Build([]*brief.Article{
		{ID: "a", Text: p.a, Published: day},
		{ID: "b", Text: p.b, Published: day},
	})
	for _, d := range v.Disagreements {
		if len(d.Sides) == 2 && len(d.Sides[0].Sources) > 0 && len(d.Sides[1].Sources) > 0 {
			return true
		}
	}
	return false
}

// TestDisagreementPairs measures disagreement detection on labelled pairs
// and fails when precision or recall drop below the floor recorded in
// docs/benchmarks.md.
func TestDisagreementPairs(t *testing.T) {
	pairs := readPairs(t, "testdata/pairs.tsv")
	if len(pairs) < 30 {
		t.Fatalf("only %d pairs", len(pairs))
	}
	held := readPairs(t, "testdata/pairs_heldout.tsv")
	tp, fp, fn := scorePairs(t, "tuning", pairs)
	htp, hfp, hfn := scorePairs(t, "held-out", held)
	tp, fp, fn = tp+htp, fp+hfp, fn+hfn
	prec := float64(tp) / float64(max(1, tp+fp))
	rec := float64(tp) / float64(max(1, tp+fn))
	t.Logf("disagreement pairs, all: n=%d tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", len(pairs)+len(held), tp, fp, fn, prec, rec)
	if prec < 0.8 || rec < 0.3 {
		t.Errorf("precision %.3f recall %.3f, want >= 0.8 and >= 0.3", prec, rec)
	}
}

func scorePairs(t *testing.T, name string, pairs []pair) (tp, fp, fn int) {
	for _, p := range pairs {
		got := pairDisagrees(p)
		want := p.label == "disagree"
		switch {
		case got && want:
			tp++
		case got:
			fp++
			t.Logf("false disagreement (%s):\n  %s\n  %s", p.label, p.a, p.b)
		case want:
			fn++
			t.Logf("missed disagreement:\n  %s\n  %s", p.a, p.b)
		}
	}
	t.Logf("disagreement pairs, %s: n=%d tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", name, len(pairs), tp, fp, fn,
		float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn)))
	return tp, fp, fn
}
