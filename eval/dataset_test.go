package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestOpenDUCUpdate(t *testing.T) {
	dir := filepath.Join("testdata", "duc-update")
	ds, err := Open(dir, LayoutDUCUpdate)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Sets) != 2 {
		t.Fatalf("Open(%s) found %d sets, want 2", dir, len(ds.Sets))
	}
	a, b := ds.Sets[0], ds.Sets[1]
	checks := []struct{ name, got, want string }{
		{"A.ID", a.ID, "T0001-A"}, {"A.Topic", a.Topic, "T0001"}, {"A.Kind", a.Kind, "A"},
		{"A.EvalBase", a.EvalBase, "T0001-A.M.100.X"},
		{"A.Dir", a.Dir, filepath.Join(dir, "docs", "T0001X", "T0001X-A")},
		{"B.ID", b.ID, "T0001-B"}, {"B.Kind", b.Kind, "B"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if want := []string{filepath.Join(dir, "docs", "T0001X", "T0001X-B", "DOC2")}; !reflect.DeepEqual(b.Docs, want) {
		t.Errorf("B.Docs = %q, want %q", b.Docs, want)
	}
	if len(a.Earlier) != 0 || len(b.Earlier) != 1 || b.Earlier[0].ID != "T0001-A" {
		t.Errorf("Earlier: A has %d sets, B has %v; want none and [T0001-A]", len(a.Earlier), b.Earlier)
	}
	if ids := summaryIDs(a.Models); !reflect.DeepEqual(ids, []string{"A", "B"}) {
		t.Errorf("A.Models = %q, want [A B]", ids)
	}
	if ids := summaryIDs(b.Peers); !reflect.DeepEqual(ids, []string{"7"}) {
		t.Errorf("B.Peers = %q, want [7]", ids)
	}
	if ids := ds.PeerIDs(); !reflect.DeepEqual(ids, []string{"7"}) {
		t.Errorf("PeerIDs() = %q, want [7]", ids)
	}
}

func TestOpenDUC(t *testing.T) {
	dir := filepath.Join("testdata", "duc")
	ds, err := Open(dir, LayoutDUC)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Sets) != 1 {
		t.Fatalf("Open(%s) found %d sets, want 1", dir, len(ds.Sets))
	}
	s := ds.Sets[0]
	if s.ID != "D0001" || s.Topic != "D0001" || s.Kind != "" || s.EvalBase != "D0001.M.100.T" {
		t.Errorf("set = %q %q %q %q, want D0001 D0001 \"\" D0001.M.100.T", s.ID, s.Topic, s.Kind, s.EvalBase)
	}
	if want := []string{filepath.Join(dir, "docs", "d0001t", "DOC1")}; !reflect.DeepEqual(s.Docs, want) {
		t.Errorf("Docs = %q, want %q", s.Docs, want)
	}
	if ids := summaryIDs(s.Models); !reflect.DeepEqual(ids, []string{"A", "B"}) {
		t.Errorf("Models = %q, want [A B]", ids)
	}
}

func summaryIDs(fs []SummaryFile) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	return ids
}

func TestOpenErrors(t *testing.T) {
	tmp := t.TempDir()
	bad := filepath.Join(tmp, "bad")
	for _, d := range []string{"docs/T1/T1-A", "models"} {
		if err := os.MkdirAll(filepath.Join(bad, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(bad, "models", "summary.txt"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir, layout, want string
	}{
		{"missing dir", filepath.Join(tmp, "nope"), LayoutDUC, "nope"},
		{"unknown layout", filepath.Join("testdata", "duc"), "tac", `unknown layout "tac"`},
		{"bad model name", bad, LayoutDUCUpdate, "summary.txt"},
		{"no documents", filepath.Join("testdata", "duc-update"), LayoutDUC, "no documents for set T0001-A"},
	}
	for _, tt := range tests {
		_, err := Open(tt.dir, tt.layout)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Open(%s, %s) error = %v, want one naming %q", tt.name, tt.dir, tt.layout, err, tt.want)
		}
	}
}

func TestJackknife(t *testing.T) {
	ds, err := Open(filepath.Join("testdata", "duc-update"), LayoutDUCUpdate)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{N: 1, NoLCS: true, Alpha: 0.5}
	inst, err := ds.EvalPeer(context.Background(), "7", opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Set A: "alpha beta" against B "alpha gamma" (A left out): 1/2;
	// against A "alpha beta": 1. Set B: "delta zeta" against "delta
	// epsilon" twice: 1/2.
	want := map[string]float64{
		"T0001-A.M.100.X-A": 0.5, "T0001-A.M.100.X-B": 1,
		"T0001-B.M.100.X-A": 0.5, "T0001-B.M.100.X-B": 0.5,
	}
	got := map[string]float64{}
	for _, in := range inst {
		got[in.EvalID] = in.Measures[0].R
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("peer 7 ROUGE-1 recall by eval = %v, want %v", got, want)
	}
	rows := Summarize("7", inst, Bootstrap{})
	var kinds []string
	var r1 []float64
	for _, r := range rows {
		kinds = append(kinds, r.Kind)
		r1 = append(r1, r.Measures[0].R)
	}
	if !reflect.DeepEqual(kinds, []string{"A", "B", "all"}) || !reflect.DeepEqual(r1, []float64{0.75, 0.5, 0.625}) {
		t.Errorf("Summarize rows %q recall %v, want [A B all] [0.75 0.5 0.625]", kinds, r1)
	}

	// A model as a peer is scored only against the other models.
	inst, err = ds.EvalPeer(context.Background(), "A", opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(inst) != 2 || inst[0].EvalID != "T0001-A.M.100.X-A" || inst[0].Measures[0].R != 0.5 {
		t.Errorf("model A as peer: %+v, want 2 evals, the first T0001-A.M.100.X-A with recall 0.5", inst)
	}

	lone := DocSet{ID: "S", EvalBase: "S.M.100.X", Models: []SummaryFile{{ID: "A"}}}
	models := map[string][]string{"A": {"alpha beta"}}
	if got := Jackknife(lone, []string{"alpha"}, models, "A", opt); got != nil {
		t.Errorf("Jackknife of a lone model against itself = %+v, want nil", got)
	}
	if got := Jackknife(lone, []string{"alpha"}, models, "7", opt); len(got) != 1 || got[0].EvalID != "S.M.100.X" || got[0].Measures[0].R != 0.5 {
		t.Errorf("Jackknife with one model = %+v, want one eval S.M.100.X with recall 0.5", got)
	}

	if _, err := ds.EvalPeer(context.Background(), "99", opt, nil); err == nil || !strings.Contains(err.Error(), `"99"`) {
		t.Errorf("EvalPeer(99) error = %v, want one naming the peer", err)
	}
}

func TestEvalSystem(t *testing.T) {
	ds, err := Open(filepath.Join("testdata", "duc-update"), LayoutDUCUpdate)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	sys := func(ctx context.Context, set DocSet) ([]string, error) {
		seen = append(seen, set.ID+":"+strings.Join(summaryDocs(set.Earlier), ","))
		return []string{"Alpha beta delta."}, nil
	}
	calls := 0
	inst, err := ds.EvalSystem(context.Background(), sys, Options{N: 1, NoLCS: true, Alpha: 0.5}, func() { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"T0001-A:", "T0001-B:DOC1"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("system saw sets %q, want %q", seen, want)
	}
	if len(inst) != 4 || calls != 2 {
		t.Errorf("EvalSystem: %d instances and %d progress calls, want 4 and 2", len(inst), calls)
	}

	boom := errors.New("boom")
	_, err = ds.EvalSystem(context.Background(), func(context.Context, DocSet) ([]string, error) { return nil, boom }, Options{}, nil)
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "T0001-A") {
		t.Errorf("EvalSystem with a failing system: error = %v, want boom naming the set", err)
	}
}

func summaryDocs(sets []DocSet) []string {
	var out []string
	for _, s := range sets {
		for _, d := range s.Docs {
			out = append(out, filepath.Base(d))
		}
	}
	return out
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a\n", []string{"a"}},
		{"a\nb", []string{"a", "b"}},
		{"a\r\n\nb\n", []string{"a\r", "", "b"}},
	}
	for _, tt := range tests {
		if got := SplitLines([]byte(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
