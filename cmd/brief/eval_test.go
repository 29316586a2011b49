package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var duc2007 = flag.String("duc2007", "../../../shared/data/duc2007-update",
	"DUC 2007 update task; the tests that need it skip when absent")

const fixture = "../../eval/testdata/duc-update"

// evalJSON is the shape of brief eval --json.
type evalJSON struct {
	Layout string `json:"layout"`
	Words  int    `json:"words"`
	Peers  []struct {
		Peer string `json:"peer"`
		Rows []struct {
			Kind   string `json:"kind"`
			Sets   int    `json:"sets"`
			Evals  int    `json:"evals"`
			Scores map[string]struct {
				R, P, F   float64
				Low, High *struct{ R, P, F float64 }
			} `json:"scores"`
		} `json:"rows"`
	} `json:"peers"`
}

func TestEvalCommandPeer(t *testing.T) {
	out, stderr, code := runBrief(t, "eval", "--layout", "duc-update", "--peers", "7", "--samples", "0", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Peer 7's ROUGE-1 recall (see eval.TestJackknife): set A 0.75, set
	// B 0.5, all 0.625.
	for _, want := range []string{"peer 7", "ROUGE-1", "ROUGE-2", "ROUGE-SU4", "\nA ", "\nB ", "\nall "} {
		if !strings.Contains(out, want) {
			t.Errorf("brief eval --peers 7 output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "all" && f[2] != "0.62500" {
			t.Errorf("all: ROUGE-1 = %s, want 0.62500:\n%s", f[2], out)
		}
	}
}

func TestEvalCommandJSON(t *testing.T) {
	out, stderr, code := runBrief(t, "eval", "--peers", "7", "--json", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got evalJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	if got.Layout != "duc-update" || got.Words != 100 || len(got.Peers) != 1 || got.Peers[0].Peer != "7" {
		t.Fatalf("unexpected header: %+v", got)
	}
	var kinds []string
	for _, r := range got.Peers[0].Rows {
		kinds = append(kinds, r.Kind)
		r1 := r.Scores["ROUGE-1"]
		if r1.Low == nil || r1.High == nil || r1.Low.R > r1.R || r1.R > r1.High.R {
			t.Errorf("row %s: ROUGE-1 %+v lacks an ordered interval", r.Kind, r1)
		}
	}
	if strings.Join(kinds, " ") != "A B all" {
		t.Errorf("rows %q, want A B all", kinds)
	}
}

func TestEvalCommandAll(t *testing.T) {
	out, stderr, code := runBrief(t, "eval", "--layout", "duc-update", "--peers", "all", "--samples", "0", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var peers []string
	for _, line := range strings.Split(out, "\n")[3:] {
		if f := strings.Fields(line); len(f) > 0 {
			peers = append(peers, f[0])
		}
	}
	// Peer 7 and the models A and B (scored against each other), by
	// ROUGE-2: A and B share no bigram in set A ("alpha beta", "alpha
	// gamma") and all of set B ("delta epsilon"): 0.5 each; peer 7 has
	// 0.5 in set A (once of twice) and 0 in set B: 0.25.
	if strings.Join(peers, " ") != "A B 7" {
		t.Errorf("ranked peers %q, want [A B 7]:\n%s", peers, out)
	}
}

func TestEvalCommandErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{}, 2, "need one DATASET_DIR"},
		{[]string{"--layout", "tac", fixture}, 2, "--layout"},
		{[]string{"--words", "0", fixture}, 2, "--words"},
		{[]string{"--peers", "7", "--method", "lead", fixture}, 2, "--method"},
		{[]string{"--peers", "7", "no-such-dir"}, 1, "no-such-dir"},
		{[]string{"--peers", "99", fixture}, 1, `"99"`},
		{[]string{"--layout", "duc", "--peers", "7", fixture}, 1, "no documents"},
	}
	for _, tt := range tests {
		_, stderr, code := runBrief(t, append([]string{"eval"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("brief eval %q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestEvalCommandNIST checks brief eval --peers all --json against NIST's
// published jackknifed ROUGE-2 recall on DUC 2007 (see eval's
// TestNISTJackknife for the exact-match count).
func TestEvalCommandNIST(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: scores every DUC 2007 peer")
	}
	published := filepath.Join(*duc2007, "rouge2.jk.m.avg")
	f, err := os.Open(published)
	if err != nil {
		t.Skipf("DUC 2007 update data not available: %v", err)
	}
	defer f.Close()
	want := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var id string
		var r float64
		if _, err := fmt.Sscanf(sc.Text(), "%s %f", &id, &r); err != nil {
			t.Fatalf("%s: %q: %v", published, sc.Text(), err)
		}
		want[id] = r
	}
	out, stderr, code := runBrief(t, "eval", "--peers", "all", "--json", *duc2007)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got evalJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	exact := 0
	for _, p := range got.Peers {
		rows := p.Rows
		r := rows[len(rows)-1].Scores["ROUGE-2"].R
		w, ok := want[p.Peer]
		if !ok {
			t.Errorf("peer %s is not in %s", p.Peer, published)
			continue
		}
		if fmt.Sprintf("%.5f", r) == fmt.Sprintf("%.5f", w) {
			exact++
		}
		if d := r - w; d > 0.0003 || d < -0.0003 {
			t.Errorf("peer %s ROUGE-2 = %.5f, NIST published %.5f", p.Peer, r, w)
		}
	}
	if len(got.Peers) != len(want) {
		t.Errorf("scored %d peers, NIST published %d", len(got.Peers), len(want))
	}
	t.Logf("brief eval --peers all: %d/%d ROUGE-2 averages equal NIST's to 5 decimals", exact, len(want))
}
