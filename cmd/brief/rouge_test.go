package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rougeGolden = flag.String("rouge-golden", "../../../shared/rouge/golden.jsonl",
	"ROUGE-1.5.5 golden cases; the test that needs them skips when absent")

// runBrief runs brief with args and an empty standard input, and returns
// stdout, stderr and the exit
// status.
func runBrief(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runBriefIn(t, strings.NewReader(""), args...)
}

// runBriefIn is runBrief with stdin as the standard input.
func runBriefIn(t *testing.T, stdin io.Reader, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	m := &Main{Stdin: stdin, Stdout: &stdout, Stderr: &stderr}
	err := m.ParseFlags(args)
	if err == nil {
		err = m.Run(context.Background())
		if cerr := m.Close(); err == nil {
			err = cerr
		}
	}
	m.report(err)
	return stdout.String(), stderr.String(), exitCode(err)
}

// writeFile writes lines, one a line, to name in dir and returns the path.
func writeFile(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRougeCommand(t *testing.T) {
	dir := t.TempDir()
	peer := writeFile(t, dir, "peer", "The cat sat on the mat.")
	model := writeFile(t, dir, "model", "the cat lay on the mat")
	other := writeFile(t, dir, "other", "a dog barked")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			// 5 of 6 unigrams, 3 of 5 bigrams, LCS 5 of 6.
			name: "defaults",
			args: []string{peer, model},
			want: "ROUGE-1 R:0.83333 P:0.83333 F:0.83333\nROUGE-2 R:0.60000 P:0.60000 F:0.60000\nROUGE-L R:0.83333 P:0.83333 F:0.83333\n",
		},
		{
			// -f B picks model (recall 5/6) over other (0).
			name: "best of two",
			args: []string{"-n", "1", "-x", "-f", "B", peer, other, model},
			want: "ROUGE-1 R:0.83333 P:0.83333 F:0.83333\n",
		},
		{
			// -f A: hits 5+0 over 6+3 model unigrams, 6+6 peer unigrams.
			name: "average of two",
			args: []string{"-n", "1", "-x", peer, model, other},
			want: "ROUGE-1 R:0.55556 P:0.41667 F:0.47619\n",
		},
		{
			// SU4 units: 5 unigrams (the last "mat" is not counted) and
			// 5+4+3+2+1 skip-bigrams each, 20. Shared: the×2 cat on, and
			// the skip-bigrams without sat/lay: the-cat the-on the-the
			// the-mat×2 cat-on cat-the cat-mat on-the on-mat (10): 14/20.
			name: "skip-bigrams",
			args: []string{"--n", "0", "-x", "-2", "4", "-u", peer, model},
			want: "ROUGE-SU4 R:0.70000 P:0.70000 F:0.70000\n",
		},
		{
			name: "word limit",
			args: []string{"-n", "1", "-x", "-l", "2", peer, model},
			want: "ROUGE-1 R:1.00000 P:1.00000 F:1.00000\n",
		},
	}
	for _, tt := range tests {
		out, stderr, code := runBrief(t, append([]string{"rouge"}, tt.args...)...)
		if code != 0 || out != tt.want {
			t.Errorf("%s: brief rouge %q = exit %d, %q (stderr %q), want %q", tt.name, tt.args, code, out, stderr, tt.want)
		}
	}
}

func TestRougeCommandJSON(t *testing.T) {
	dir := t.TempDir()
	peer := writeFile(t, dir, "peer", "The cat sat on the mat.")
	model := writeFile(t, dir, "model", "the cat lay on the mat")
	out, stderr, code := runBrief(t, "rouge", "--format", "json", "-2", "4", "-u", peer, model)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]map[string]float64
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("invalid JSON %q: %v", out, err)
	}
	want := map[string]float64{"ROUGE-1": 0.83333, "ROUGE-2": 0.6, "ROUGE-L": 0.83333, "ROUGE-SU4": 0.7}
	for name, r := range want {
		if got[name]["R"] != r {
			t.Errorf("%s R = %v, want %v (in %s)", name, got[name]["R"], r, out)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got measures %v, want %v", got, want)
	}
	if i, j := strings.Index(out, "ROUGE-2"), strings.Index(out, "ROUGE-L"); i < 0 || j < i {
		t.Errorf("measures out of order in %s", out)
	}
}

func TestRougeCommandErrors(t *testing.T) {
	dir := t.TempDir()
	peer := writeFile(t, dir, "peer", "a b")
	missing := filepath.Join(dir, "missing-model")
	utf16 := filepath.Join(dir, "utf16-model")
	if err := os.WriteFile(utf16, []byte("a\x00 \x00b\x00\n\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{peer}, 2, "need a PEER file and at least one MODEL"},
		{[]string{"-u", peer, peer}, 2, "-u needs -2"},
		{[]string{"-l", "10", "-b", "10", peer, peer}, 2, "not both"},
		{[]string{"-f", "C", peer, peer}, 2, "-f must be A or B"},
		{[]string{"-p", "1.5", peer, peer}, 2, "-p must be between 0 and 1"},
		{[]string{"--format", "xml", peer, peer}, 2, "--format"},
		{[]string{"-q", peer, peer}, 2, "not defined"},
		{[]string{peer, missing}, 1, "missing-model"},
		{[]string{peer, utf16}, 1, "utf16-model: not a text file (NUL byte at offset 1"},
		{[]string{utf16, peer}, 1, "utf16-model: not a text file"},
	}
	for _, tt := range tests {
		_, stderr, code := runBrief(t, append([]string{"rouge"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("brief rouge %q: exit %d, stderr %q; want exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

// TestRougeCommandGolden runs every golden case of ROUGE-1.5.5 through the
// command line, files and flags included.
func TestRougeCommandGolden(t *testing.T) {
	f, err := os.Open(*rougeGolden)
	if err != nil {
		t.Skipf("golden cases not available: %v", err)
	}
	defer f.Close()
	dir := t.TempDir()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	rows, match := 0, 0
	for sc.Scan() {
		var c struct {
			Case, Options, Args string
			Peer                []string
			Models              [][]string
			Scores              map[string]map[string]float64
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		rows++
		args := append([]string{"rouge"}, strings.Fields(c.Args)...)
		args = append(args, writeFile(t, dir, "peer", c.Peer...))
		for i, m := range c.Models {
			args = append(args, writeFile(t, dir, fmt.Sprintf("model%d", i), m...))
		}
		out, stderr, code := runBrief(t, args...)
		if code != 0 {
			t.Fatalf("%s/%s: brief %q: exit %d: %s", c.Case, c.Options, args, code, stderr)
		}
		want := ""
		for _, name := range []string{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L", "ROUGE-SU4"} {
			if s, ok := c.Scores[name]; ok {
				want += fmt.Sprintf("%s R:%.5f P:%.5f F:%.5f\n", name, s["R"], s["P"], s["F"])
			}
		}
		if out != want {
			t.Errorf("%s/%s: brief %q printed\n%swant\n%s", c.Case, c.Options, c.Args, out, want)
			continue
		}
		match++
	}
	t.Logf("brief rouge: %d/%d golden cases print ROUGE-1.5.5's numbers", match, rows)
}
