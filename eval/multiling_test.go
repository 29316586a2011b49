package eval

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

var multiling = flag.String("multiling", "../../shared/data/tac2011-multiling-en",
	"TAC 2011 MultiLing pilot (English) directory; tests that need it are skipped when it is absent")

func TestOpenMultiling(t *testing.T) {
	dir := filepath.Join("testdata", "multiling")
	ds, err := OpenMultiling(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Sets) != 2 {
		t.Fatalf("OpenMultiling(%s) found %d sets, want 2", dir, len(ds.Sets))
	}
	a, b := ds.Sets[0], ds.Sets[1]
	src := filepath.Join(dir, "SourceTexts")
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"A.ID", a.ID, "M000"},
		{"A.Topic", a.Topic, "M000"},
		{"A.EvalBase", a.EvalBase, "M000"},
		{"A.Kind", a.Kind, ""},
		{"A.Docs (French ignored)", a.Docs, []string{filepath.Join(src, "M0000.english"), filepath.Join(src, "M0001.english")}},
		{"A.Models", summaryIDs(a.Models), []string{"A", "B", "C"}},
		{"A.Models[2].Path", a.Models[2].Path, filepath.Join(dir, "Model Summaries", "English", "M000.C.250")},
		{"A.Peers (French ignored)", summaryIDs(a.Peers), []string{"ID1", "ID2"}},
		{"A.Peers[1].Path", a.Peers[1].Path, filepath.Join(dir, "correctedSubmissions", "ID2", "English", "M000")},
		{"B.ID", b.ID, "M001"},
		{"B.Docs", b.Docs, []string{filepath.Join(src, "M0010.english"), filepath.Join(src, "M0011.english")}},
		{"B.Models", summaryIDs(b.Models), []string{"A", "B"}},
		{"B.Peers", summaryIDs(b.Peers), []string{"ID1"}},
		{"PeerIDs", ds.PeerIDs(), []string{"ID1", "ID2"}},
		{"ModelIDs", ds.ModelIDs(), []string{"A", "B", "C"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestOpenMultilingErrors(t *testing.T) {
	// mk makes a data set directory holding the given files (path: text).
	mk := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, text := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	const model = "Model Summaries/English/"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no source texts", map[string]string{model + "M000.A.250": "x\n"}, "SourceTexts"},
		{"no model directory", map[string]string{"SourceTexts/M0000.english": "x\n"}, "Model Summaries"},
		{"no model summaries", map[string]string{"SourceTexts/M0000.english": "x\n", model + ".keep": ""}, "no model summaries"},
		{"bad model name", map[string]string{"SourceTexts/M0000.english": "x\n", model + "M000.A.txt": "x\n"}, "M000.A.txt"},
		{"bad article name", map[string]string{"SourceTexts/M000x.english": "x\n", model + "M000.A.250": "x\n"}, "M000x.english"},
		{"no documents", map[string]string{"SourceTexts/M0010.english": "x\n", model + "M000.A.250": "x\n"}, "no documents for set M000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mk(t, tt.files)
			if _, err := OpenMultiling(dir); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("OpenMultiling error = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

func TestMultilingAllModels(t *testing.T) {
	ds, err := OpenMultiling(filepath.Join("testdata", "multiling"))
	if err != nil {
		t.Fatal(err)
	}
	set := ds.Sets[0]
	models, err := ReadModels(set)
	if err != nil {
		t.Fatal(err)
	}
	peer, err := ReadSummary(set.Peers[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	opt := MultilingOptions()
	all := [][]string{models["A"], models["B"], models["C"]}
	tests := []struct {
		name      string
		set       DocSet
		peer      []string
		peerModel string
		want      []Instance
	}{
		{"system: one evaluation against every model", set, peer, "",
			[]Instance{{EvalID: "M000", Set: "M000", Measures: ROUGE(peer, all, opt)}}},
		{"model: against the others", set, models["B"], "B",
			[]Instance{{EvalID: "M000", Set: "M000", Measures: ROUGE(models["B"], [][]string{models["A"], models["C"]}, opt)}}},
		{"lone model: nothing to score against", DocSet{ID: "X", EvalBase: "X", Models: set.Models[:1]}, models["A"], "A", nil},
	}
	for _, tt := range tests {
		got := AllModels(tt.set, tt.peer, models, tt.peerModel, opt)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: AllModels = %+v, want %+v", tt.name, got, tt.want)
		}
	}
	// Averaging over all models at once is not the jackknife: the two
	// must differ on this set, or AllModels would be needless.
	jk := Summarize("ID1", Jackknife(set, peer, models, "", opt), Bootstrap{})
	am := Summarize("ID1", AllModels(set, peer, models, "", opt), Bootstrap{})
	if reflect.DeepEqual(jk[0].Measures, am[0].Measures) {
		t.Errorf("AllModels and Jackknife agree on %v; the fixture no longer tells them apart", am[0].Measures)
	}
}

func TestEvalPeerWithMultiling(t *testing.T) {
	ds, err := OpenMultiling(filepath.Join("testdata", "multiling"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	opt := MultilingOptions()
	tests := []struct {
		peer     string
		wantSets []string
	}{
		{"ID1", []string{"M000", "M001"}},
		{"ID2", []string{"M000"}},
		{"C", []string{"M000"}},         // model C wrote only M000
		{"A", []string{"M000", "M001"}}, // scored against B (and C)
	}
	for _, tt := range tests {
		calls := 0
		inst, err := ds.EvalPeerWith(ctx, tt.peer, opt, AllModels, func() { calls++ })
		if err != nil {
			t.Errorf("EvalPeerWith(%s): %v", tt.peer, err)
			continue
		}
		var sets []string
		for _, in := range inst {
			sets = append(sets, in.Set)
			if len(in.Measures) != 3 || in.Measures[0].R <= 0 {
				t.Errorf("EvalPeerWith(%s) set %s: measures %v, want 3 with ROUGE-1 recall > 0", tt.peer, in.Set, in.Measures)
			}
		}
		if !reflect.DeepEqual(sets, tt.wantSets) || calls != len(ds.Sets) {
			t.Errorf("EvalPeerWith(%s) scored sets %q with %d progress calls, want %q and %d", tt.peer, sets, calls, tt.wantSets, len(ds.Sets))
		}
	}
	if _, err := ds.EvalPeerWith(ctx, "ID3", opt, AllModels, nil); err == nil || !strings.Contains(err.Error(), `"ID3"`) {
		t.Errorf("EvalPeerWith(ID3) error = %v, want one naming the peer (it has no English summaries)", err)
	}
	// A system that copies a model scores 1 against it alone.
	copyA := func(_ context.Context, set DocSet) ([]string, error) {
		m, err := ReadModels(set)
		return m["A"], err
	}
	inst, err := ds.EvalSystemWith(ctx, copyA, opt, func(set DocSet, peer []string, models map[string][]string, _ string, opt Options) []Instance {
		return []Instance{{EvalID: set.EvalBase, Set: set.ID, Measures: ROUGE(peer, [][]string{models["A"]}, opt)}}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inst {
		for _, m := range in.Measures {
			if m.Score != (Score{1, 1, 1}) {
				t.Errorf("EvalSystemWith: set %s %s = %v, want 1 1 1", in.Set, m.Name, m.Score)
			}
		}
	}
}

// publishedEval is one line of the MultiLing 2011 detailed ROUGE results:
// "ID1 ROUGE-1 Eval 1.ID1 R:0.36230 P:0.49362 F:0.41789".
type publishedEval struct {
	peer, measure, eval string
	score               string // "R P F" as printed
}

// publishedAverage is one line of them: "ID1 ROUGE-1 Average_R: 0.40524
// (95%-conf.int. 0.37197 - 0.44134)".
type publishedAverage struct {
	peer, measure, kind string // kind: "R", "P" or "F"
	avg, low, high      string
}

func readPublished(t *testing.T, path string) ([]publishedEval, []publishedAverage) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var evals []publishedEval
	var avgs []publishedAverage
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		switch {
		case len(fields) == 7 && fields[2] == "Eval":
			evals = append(evals, publishedEval{peer: fields[0], measure: fields[1], eval: strings.TrimSuffix(fields[3], "."+fields[0]),
				score: strings.Join([]string{fields[4][2:], fields[5][2:], fields[6][2:]}, " ")})
		case len(fields) >= 3 && strings.HasPrefix(fields[2], "Average_"):
			a := publishedAverage{peer: fields[0], measure: fields[1], kind: strings.TrimSuffix(strings.TrimPrefix(fields[2], "Average_"), ":")}
			rest := strings.NewReplacer("(", " ", ")", " ").Replace(strings.Join(fields[3:], " "))
			if _, err := fmt.Sscanf(rest, "%s 95%%-conf.int. %s - %s", &a.avg, &a.low, &a.high); err != nil {
				t.Fatalf("%s: %q: %v", path, line, err)
			}
			avgs = append(avgs, a)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return evals, avgs
}

func scoreText(s Score) string { return fmt.Sprintf("%.5f %.5f %.5f", s.R, s.P, s.F) }

// TestMultilingPublished scores every participant of the English MultiLing
// 2011 pilot and compares the result with the published ROUGE figures:
// each topic's R, P and F must be the published ones to the printed five
// decimals. The published run numbered its evaluations 1…10 in an order
// of its own (not the topics' order); once each topic is given the number
// of the published evaluation with its scores, the averages and 95%
// intervals (which depend on that order through the resampling) must be
// the published ones too.
func TestMultilingPublished(t *testing.T) {
	detailed := filepath.Join(*multiling, "PublishedEvaluation", "AutomaticEvaluation", "ROUGE", "Detailed", "englishDetailed.txt")
	if _, err := os.Stat(detailed); err != nil {
		t.Skipf("MultiLing 2011 data not available: %v", err)
	}
	ds, err := OpenMultiling(*multiling)
	if err != nil {
		t.Fatal(err)
	}
	evals, avgs := readPublished(t, detailed)
	published := map[string]map[string]string{} // peer → "<measure> <eval>" → score
	var peers []string
	for _, e := range evals {
		if published[e.peer] == nil {
			published[e.peer] = map[string]string{}
			peers = append(peers, e.peer)
		}
		published[e.peer][e.measure+" "+e.eval] = e.score
	}
	if len(peers) != 10 || len(avgs) != 90 {
		t.Fatalf("%s: %d peers and %d averages, want 10 and 90", detailed, len(peers), len(avgs))
	}
	sort.Strings(peers)
	got := map[string]string{} // "<peer> <measure> <R|P|F>" → "avg low high"
	for _, peer := range peers {
		inst, err := ds.EvalPeerWith(context.Background(), peer, MultilingOptions(), AllModels, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Find each topic's published evaluation: the one whose nine
		// numbers (R, P, F of three measures) are the topic's.
		byScores := map[string][]string{}
		for _, ev := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"} {
			var k []string
			for _, m := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-SU4"} {
				k = append(k, published[peer][m+" "+ev])
			}
			key := strings.Join(k, " | ")
			byScores[key] = append(byScores[key], ev)
		}
		for i, in := range inst {
			var k []string
			for _, m := range in.Measures {
				k = append(k, scoreText(m.Score))
			}
			key := strings.Join(k, " | ")
			evs := byScores[key]
			if len(evs) != 1 {
				t.Errorf("%s %s: scores %s match published evaluations %q, want exactly one", peer, in.Set, key, evs)
				continue
			}
			inst[i].EvalID = evs[0]
			delete(byScores, key)
		}
		for _, row := range Summarize(peer, inst, NISTBootstrap) {
			for _, m := range row.Measures {
				got[peer+" "+m.Name+" R"] = fmt.Sprintf("%.5f %.5f %.5f", m.R, m.Low.R, m.High.R)
				got[peer+" "+m.Name+" P"] = fmt.Sprintf("%.5f %.5f %.5f", m.P, m.Low.P, m.High.P)
				got[peer+" "+m.Name+" F"] = fmt.Sprintf("%.5f %.5f %.5f", m.F, m.Low.F, m.High.F)
			}
		}
	}
	for _, a := range avgs {
		key := a.peer + " " + a.measure + " " + a.kind
		if want := a.avg + " " + a.low + " " + a.high; got[key] != want {
			t.Errorf("%s: average and interval %s, published %s", key, got[key], want)
		}
	}
}
