package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefnews/brief/eval"
)

var multiling = flag.String("multiling", "../../../shared/data/tac2011-multiling-en",
	"TAC 2011 MultiLing pilot (English); the tests that need it skip when absent")

const multilingFixture = "../../eval/testdata/multiling"

// evalMultiling runs brief eval --layout multiling --json with args and
// decodes its output.
func evalMultiling(t *testing.T, args ...string) evalJSON {
	t.Helper()
	out, stderr, code := runBrief(t, append([]string{"eval", "--layout", "multiling", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("brief eval --layout multiling %q: exit %d: %s", args, code, stderr)
	}
	var got evalJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	return got
}

// TestEvalMultilingPeers scores the fixture's participants and models and
// checks the averages against eval's AllModels: each summary against all
// the topic's models at once (no jackknife), with no stemming.
func TestEvalMultilingPeers(t *testing.T) {
	ds, err := eval.OpenMultiling(multilingFixture)
	if err != nil {
		t.Fatal(err)
	}
	got := evalMultiling(t, "--peers", "all", "--samples", "0", multilingFixture)
	if got.Layout != "multiling" || got.Words != 250 {
		t.Errorf("layout %q, words %d; want multiling and the task's 250", got.Layout, got.Words)
	}
	var peers []string
	for _, p := range got.Peers {
		peers = append(peers, p.Peer)
		inst, err := ds.EvalPeerWith(context.Background(), p.Peer, eval.MultilingOptions(), eval.AllModels, nil)
		if err != nil {
			t.Fatal(err)
		}
		row := eval.Summarize(p.Peer, inst, eval.Bootstrap{})[0]
		gotRow := p.Rows[len(p.Rows)-1]
		if gotRow.Sets != row.Sets || gotRow.Evals != row.Sets {
			t.Errorf("peer %s: %d sets, %d evaluations; want %d of each (one per set)", p.Peer, gotRow.Sets, gotRow.Evals, row.Sets)
		}
		for _, m := range row.Measures {
			if s := gotRow.Scores[m.Name]; s.R != m.R || s.P != m.P || s.F != m.F {
				t.Errorf("peer %s %s = %v %v %v, want AllModels' %v", p.Peer, m.Name, s.R, s.P, s.F, m.Score)
			}
		}
	}
	sort.Strings(peers)
	if strings.Join(peers, " ") != "A B C ID1 ID2" {
		t.Errorf("scored peers %q, want the participants ID1, ID2 and the models A, B, C", peers)
	}
}

// TestEvalMultilingSystem summarizes the fixture's topics with brief.
func TestEvalMultilingSystem(t *testing.T) {
	got := evalMultiling(t, "--method", "lead", "--samples", "0", multilingFixture)
	row := got.Peers[0].Rows[len(got.Peers[0].Rows)-1]
	if got.Peers[0].Peer != "brief" || row.Sets != 2 || row.Evals != 2 {
		t.Fatalf("peer %s, %d sets, %d evaluations; want brief, 2, 2", got.Peers[0].Peer, row.Sets, row.Evals)
	}
	// The articles' first sentences share words with every model.
	if r := row.Scores["ROUGE-1"].R; r <= 0 || r > 1 {
		t.Errorf("ROUGE-1 recall %v, want in (0, 1]", r)
	}
}

func TestEvalMultilingErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"not a MultiLing directory", []string{"--layout", "multiling", "--peers", "ID1", fixture}, 1, "SourceTexts"},
		{"unknown peer", []string{"--layout", "multiling", "--peers", "ID9", multilingFixture}, 1, `"ID9"`},
		{"usage names the layout", []string{"--layout", "tac", multilingFixture}, 2, "multiling"},
	}
	for _, tt := range tests {
		_, stderr, code := runBrief(t, append([]string{"eval"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: brief eval %q: exit %d, stderr %q; want exit %d and %q", tt.name, tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestEvalMultilingPublished checks brief eval --peers against the
// published ROUGE figures of two participants (CLASSY, ID2, and JRC, ID3)
// on the English MultiLing 2011 pilot. Without resampling brief eval
// prints the plain mean over topics; it must equal the mean of the
// published per-topic scores to five decimals. The published averages are
// means of 1000 bootstrap resamples taken in the published run's own
// order of topics, so they differ from the plain mean by up to 0.0005.
// (eval's TestMultilingPublished reproduces them exactly, order included.)
func TestEvalMultilingPublished(t *testing.T) {
	detailed := filepath.Join(*multiling, "PublishedEvaluation", "AutomaticEvaluation", "ROUGE", "Detailed", "englishDetailed.txt")
	f, err := os.Open(detailed)
	if err != nil {
		t.Skipf("MultiLing 2011 data not available: %v", err)
	}
	defer f.Close()
	type key struct{ peer, measure string }
	sum, n := map[key]float64{}, map[key]int{}
	averages := map[key]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		var r float64
		switch {
		case len(fs) == 7 && fs[2] == "Eval":
			if _, err := fmt.Sscanf(fs[4], "R:%f", &r); err != nil {
				t.Fatalf("%s: %q: %v", detailed, sc.Text(), err)
			}
			sum[key{fs[0], fs[1]}] += r
			n[key{fs[0], fs[1]}]++
		case len(fs) >= 4 && fs[2] == "Average_R:":
			if _, err := fmt.Sscanf(fs[3], "%f", &r); err != nil {
				t.Fatalf("%s: %q: %v", detailed, sc.Text(), err)
			}
			averages[key{fs[0], fs[1]}] = r
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, peer := range []string{"ID2", "ID3"} {
		got := evalMultiling(t, "--peers", peer, "--samples", "0", *multiling)
		row := got.Peers[0].Rows[len(got.Peers[0].Rows)-1]
		for _, m := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-SU4"} {
			k := key{peer, m}
			if n[k] != 10 {
				t.Fatalf("%s: %d topics for %s %s, want 10", detailed, n[k], peer, m)
			}
			mean := fmt.Sprintf("%.5f", sum[k]/10)
			r := row.Scores[m].R
			if fmt.Sprintf("%.5f", r) != mean {
				t.Errorf("%s %s recall %.5f, mean of the published topics' %s", peer, m, r, mean)
			}
			if d := r - averages[k]; d > 0.0005 || d < -0.0005 {
				t.Errorf("%s %s recall %.5f, published bootstrap average %.5f", peer, m, r, averages[k])
			}
		}
	}
}
