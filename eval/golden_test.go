package eval

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

var goldenPath = flag.String("rouge-golden", "../../shared/rouge/golden.jsonl",
	"ROUGE-1.5.5 golden cases (JSON lines); the test is skipped when the file is absent")

type goldenCase struct {
	Case    string                        `json:"case"`
	Options string                        `json:"options"`
	Args    string                        `json:"args"`
	Peer    []string                      `json:"peer"`
	Models  [][]string                    `json:"models"`
	Scores  map[string]map[string]float64 `json:"scores"`
}

// parseArgs turns ROUGE-1.5.5 command-line options into Options.
func parseArgs(args string) (Options, error) {
	opt := DefaultOptions()
	opt.N = 0
	f := strings.Fields(args)
	for i := 0; i < len(f); i++ {
		next := func() (string, error) {
			if i+1 >= len(f) {
				return "", fmt.Errorf("%s: missing value", f[i])
			}
			i++
			return f[i], nil
		}
		var err error
		var v string
		switch f[i] {
		case "-m":
			opt.Stem = true
		case "-s":
			opt.Stopwords = true
		case "-u":
			opt.SkipUni = true
		case "-x":
			opt.NoLCS = true
		case "-n", "-l", "-b", "-2":
			if v, err = next(); err == nil {
				var n int
				n, err = strconv.Atoi(v)
				switch f[i-1] {
				case "-n":
					opt.N = n
				case "-l":
					opt.Words = n
				case "-b":
					opt.Bytes = n
				case "-2":
					opt.Skip, opt.SkipGap = true, n
				}
			}
		case "-p":
			if v, err = next(); err == nil {
				opt.Alpha, err = strconv.ParseFloat(v, 64)
			}
		case "-f":
			if v, err = next(); err == nil {
				opt.Best = v == "B"
			}
		default:
			err = fmt.Errorf("unknown option %q", f[i])
		}
		if err != nil {
			return opt, err
		}
	}
	return opt, nil
}

func TestGoldenROUGE155(t *testing.T) {
	f, err := os.Open(*goldenPath)
	if err != nil {
		t.Skipf("golden cases not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	rows, match := 0, 0
	for sc.Scan() {
		var c goldenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s line %d: %v", *goldenPath, rows+1, err)
		}
		rows++
		opt, err := parseArgs(c.Args)
		if err != nil {
			t.Fatalf("%s/%s: %v", c.Case, c.Options, err)
		}
		got := map[string]Score{}
		for _, m := range ROUGE(c.Peer, c.Models, opt) {
			got[m.Name] = m.Score
		}
		ok := len(got) == len(c.Scores)
		for name, want := range c.Scores {
			g, found := got[name]
			w := Score{want["R"], want["P"], want["F"]}
			if !found || g != w {
				ok = false
				t.Errorf("%s/%s (%s) %s = %+v, want %+v", c.Case, c.Options, c.Args, name, g, w)
			}
		}
		if ok {
			match++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d/%d golden rows match ROUGE-1.5.5 to 5 decimals", match, rows)
}
