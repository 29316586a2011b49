package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/briefnews/brief/eval"
)

// rougeCommand is `brief rouge`: ROUGE-1.5.5 scores of one peer summary
// against model summaries, each a file with one sentence a line.
type rougeCommand struct {
	main *Main

	opt    eval.Options
	mode   string
	format string
	peer   string
	models []string
}

func (c *rougeCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("rouge")
	fs.IntVar(&c.opt.N, "n", 2, "compute ROUGE-1 to ROUGE-`N` (0: none)")
	fs.BoolVar(&c.opt.Stem, "m", false, "stem words with ROUGE-1.5.5's Porter stemmer")
	fs.BoolVar(&c.opt.Stopwords, "s", false, "remove the SMART common words")
	fs.IntVar(&c.opt.Words, "l", 0, "keep only the first `WORDS` words of each summary")
	fs.IntVar(&c.opt.Bytes, "b", 0, "keep only the first `BYTES` bytes of each summary")
	fs.IntVar(&c.opt.SkipGap, "2", 0, "compute skip-bigrams with at most `GAP` words between (ROUGE-S; < 0: any gap)")
	fs.BoolVar(&c.opt.SkipUni, "u", false, "with -2, count unigrams too (ROUGE-SU)")
	fs.BoolVar(&c.opt.NoLCS, "x", false, "do not compute ROUGE-L")
	fs.Float64Var(&c.opt.Weight, "w", 0, "compute ROUGE-W with `WEIGHT` (> 0)")
	fs.StringVar(&c.mode, "f", "A", "with several models: `A` averages over them, B takes the best")
	fs.Float64Var(&c.opt.Alpha, "p", 0.5, "F = 1/(`ALPHA`/P + (1-ALPHA)/R)")
	fs.StringVar(&c.format, "format", "text", "output `format`: text or json")
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief rouge [-n N] [-m] [-s] [-l WORDS | -b BYTES] [-2 GAP -u] [-f A|B] [-p ALPHA] [--format text|json] PEER MODEL...")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	c.opt.Skip = set["2"]
	switch {
	case fs.NArg() < 2:
		return usagef("brief rouge: need a PEER file and at least one MODEL file")
	case c.opt.N < 0:
		return usagef("brief rouge: -n must be 0 or more")
	case c.opt.Words < 0 || c.opt.Bytes < 0:
		return usagef("brief rouge: -l and -b must be positive")
	case c.opt.Words > 0 && c.opt.Bytes > 0:
		return usagef("brief rouge: give a limit in words (-l) or bytes (-b), not both")
	case c.opt.SkipUni && !c.opt.Skip:
		return usagef("brief rouge: -u needs -2")
	case c.opt.Weight < 0:
		return usagef("brief rouge: -w must be greater than 0")
	case c.opt.Alpha < 0 || c.opt.Alpha > 1:
		return usagef("brief rouge: -p must be between 0 and 1")
	case c.mode != "A" && c.mode != "B":
		return usagef("brief rouge: -f must be A or B")
	case c.format != "text" && c.format != "json":
		return usagef("brief rouge: --format must be text or json")
	}
	c.opt.Best = c.mode == "B"
	c.peer, c.models = fs.Arg(0), fs.Args()[1:]
	return nil
}

func (c *rougeCommand) Run(ctx context.Context) error {
	peer, err := readSummary(c.peer)
	if err != nil {
		return err
	}
	models := make([][]string, len(c.models))
	for i, path := range c.models {
		if models[i], err = readSummary(path); err != nil {
			return err
		}
	}
	scores := eval.ROUGE(peer, models, c.opt)
	if c.format == "json" {
		return writeScoresJSON(c.main.Stdout, scores)
	}
	for _, s := range scores {
		fmt.Fprintf(c.main.Stdout, "%s R:%.5f P:%.5f F:%.5f\n", s.Name, s.R, s.P, s.F)
	}
	return nil
}

// readSummary reads a summary file, one sentence a line. A file holding a
// NUL byte (binary, or UTF-16) is an error: scored as text it would only
// give a silent zero.
func readSummary(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("brief rouge: %w", err)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, fmt.Errorf("brief rouge: %s: not a text file (NUL byte at offset %d; UTF-16?)", path, i)
	}
	return eval.SplitLines(b), nil
}

// writeScoresJSON writes {"ROUGE-1":{"R":…,"P":…,"F":…},…} in the order
// of scores, with five decimals as ROUGE-1.5.5 prints them.
func writeScoresJSON(w io.Writer, scores []eval.Measure) error {
	var b strings.Builder
	b.WriteString("{")
	for i, s := range scores {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%q:{\"R\":%.5f,\"P\":%.5f,\"F\":%.5f}", s.Name, s.R, s.P, s.F)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}
