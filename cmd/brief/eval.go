package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/briefnews/brief/eval"
)

// evalCommand is `brief eval`: the ROUGE evaluation of brief's summaries, or
// of a participant's (--peers), on a DUC-style data set (NIST's jackknife)
// or the TAC 2011 MultiLing pilot's English part (its published settings).
type evalCommand struct {
	main *Main

	layout  string
	words   int
	method  string
	peers   string
	json    bool
	boot    eval.Bootstrap
	dataset string
}

func (c *evalCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("eval")
	fs.StringVar(&c.layout, "layout", eval.LayoutDUCUpdate, "data set `layout`: duc-update, duc, multiling (TAC 2011 MultiLing, English), or duc-cluster (B-cubed of brief's story clustering)")
	fs.IntVar(&c.words, "words", 100, "summary length in `N` words (ROUGE -l; multiling: 250 by default, brief's budget only: ROUGE has no limit there)")
	fs.StringVar(&c.method, "method", "", "summarization `method` of brief (default: brief's default)")
	fs.StringVar(&c.peers, "peers", "", "score the summaries of participant `ID` (or a model ID, or all) instead of brief's")
	fs.BoolVar(&c.json, "json", false, "print JSON instead of a table")
	fs.IntVar(&c.boot.Samples, "samples", eval.NISTBootstrap.Samples, "bootstrap resamples for confidence intervals (ROUGE -r; 0: none)")
	fs.Float64Var(&c.boot.Confidence, "confidence", eval.NISTBootstrap.Confidence, "confidence level in `percent` (ROUGE -c)")
	seed := fs.Uint("seed", 0, "added to the resamples' seeds (0 reproduces ROUGE-1.5.5)")
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief eval --layout duc-update|duc|multiling|duc-cluster [--words N] [--method NAME] [--peers ID|all] [--json] DATASET_DIR")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c.boot.Seed = uint32(*seed)
	if c.layout == eval.LayoutMultiling && !flagSet(fs, "words") {
		c.words = 250 // the MultiLing 2011 task's limit
	}
	switch {
	case fs.NArg() != 1:
		return usagef("brief eval: need one DATASET_DIR")
	case c.layout != eval.LayoutDUC && c.layout != eval.LayoutDUCUpdate && c.layout != eval.LayoutMultiling && c.layout != layoutDUCCluster:
		return usagef("brief eval: --layout must be duc-update, duc, multiling or duc-cluster")
	case c.words <= 0:
		return usagef("brief eval: --words must be positive")
	case c.boot.Confidence < 0 || c.boot.Confidence > 100:
		return usagef("brief eval: --confidence must be between 0 and 100")
	case c.method != "" && c.peers != "":
		return usagef("brief eval: --method scores brief's summaries; it cannot go with --peers")
	}
	c.dataset = fs.Arg(0)
	return nil
}

// peerResult is the averages of one peer.
type peerResult struct {
	Peer string     `json:"peer"`
	Rows []eval.Row `json:"-"`
}

func (c *evalCommand) Run(ctx context.Context) error {
	if c.layout == layoutDUCCluster {
		return c.runCluster(ctx)
	}
	// Each layout is scored as its published evaluation was: DUC with
	// NIST's jackknife, MultiLing with a plain model average.
	var ds *eval.Dataset
	var err error
	opt, score := eval.NISTOptions(c.words), eval.Scorer(eval.Jackknife)
	if c.layout == eval.LayoutMultiling {
		ds, err = eval.OpenMultiling(c.dataset)
		opt, score = eval.MultilingOptions(), eval.AllModels
	} else {
		ds, err = eval.Open(c.dataset, c.layout)
	}
	if err != nil {
		return fmt.Errorf("brief eval: %w", err)
	}
	var ids []string
	switch c.peers {
	case "":
	case "all":
		ids = ds.PeerIDs()
		seen := map[string]bool{}
		for _, id := range ids {
			seen[id] = true
		}
		for _, id := range ds.ModelIDs() {
			if !seen[id] {
				ids = append(ids, id)
			}
		}
	default:
		ids = []string{c.peers}
	}
	var results []peerResult
	if len(ids) == 0 {
		prog := c.newProgress(len(ds.Sets), "summarizing")
		inst, err := ds.EvalSystemWith(ctx, c.system(), opt, score, prog.step)
		prog.finish()
		if err != nil {
			return fmt.Errorf("brief eval: %w", err)
		}
		results = append(results, peerResult{Peer: "brief", Rows: eval.Summarize("brief", inst, c.boot)})
	} else {
		prog := c.newProgress(len(ds.Sets)*len(ids), "scoring")
		for _, id := range ids {
			inst, err := ds.EvalPeerWith(ctx, id, opt, score, prog.step)
			if err != nil {
				prog.finish()
				return fmt.Errorf("brief eval: %w", err)
			}
			results = append(results, peerResult{Peer: id, Rows: eval.Summarize(id, inst, c.boot)})
		}
		prog.finish()
	}
	if c.peers == "all" {
		sort.SliceStable(results, func(i, j int) bool {
			return overall(results[i], "ROUGE-2") > overall(results[j], "ROUGE-2")
		})
	}
	if c.json {
		return c.writeJSON(results)
	}
	if c.peers == "all" {
		return c.writeRanking(results)
	}
	return c.writeTable(results[0])
}

// system returns brief's summarizer as an eval.System.
func (c *evalCommand) system() eval.System {
	return func(ctx context.Context, set eval.DocSet) ([]string, error) {
		var after []string
		for _, e := range set.Earlier {
			after = append(after, e.Docs...)
		}
		return summarizeSet(ctx, set.Docs, after, c.words, c.method)
	}
}

// overall returns the recall of measure over all sets.
func overall(r peerResult, measure string) float64 {
	row := r.Rows[len(r.Rows)-1]
	for _, m := range row.Measures {
		if m.Name == measure {
			return m.R
		}
	}
	return 0
}

// settings describes the evaluation in ROUGE-1.5.5's terms.
func (c *evalCommand) settings() string {
	if c.layout == eval.LayoutMultiling {
		return fmt.Sprintf("model average, no jackknife; ROUGE-1.5.5 -n 2 -x -2 4 -u -c %g -r %d -f A -p 0.5 -t 0 (no stemming, no length limit)",
			c.boot.Confidence, c.boot.Samples)
	}
	return fmt.Sprintf("jackknife over models; ROUGE-1.5.5 -n 2 -x -m -2 4 -u -c %g -r %d -f A -p 0.5 -t 0 -l %d",
		c.boot.Confidence, c.boot.Samples, c.words)
}

func (c *evalCommand) ci(a eval.Average) string {
	if c.boot.Samples <= 0 {
		return fmt.Sprintf("%.5f", a.R)
	}
	return fmt.Sprintf("%.5f (%.5f - %.5f)", a.R, a.Low.R, a.High.R)
}

func (c *evalCommand) writeTable(r peerResult) error {
	w := tabwriter.NewWriter(c.main.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "%s (%s), peer %s\n", c.dataset, c.layout, r.Peer)
	fmt.Fprintf(w, "%s; recall", c.settings())
	if c.boot.Samples > 0 {
		fmt.Fprintf(w, " with %g%% confidence intervals", c.boot.Confidence)
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, "sets\tn")
	for _, m := range r.Rows[0].Measures {
		fmt.Fprintf(w, "\t%s", m.Name)
	}
	fmt.Fprintln(w)
	for _, row := range r.Rows {
		fmt.Fprintf(w, "%s\t%d", row.Kind, row.Sets)
		for _, m := range row.Measures {
			fmt.Fprintf(w, "\t%s", c.ci(m.Average))
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}

// writeRanking prints every peer's recall over all sets, best ROUGE-2
// first, as NIST's rouge*.jk.m.avg files rank them.
func (c *evalCommand) writeRanking(results []peerResult) error {
	w := tabwriter.NewWriter(c.main.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "%s (%s), all peers\n", c.dataset, c.layout)
	fmt.Fprintf(w, "%s; recall over all sets\n", c.settings())
	fmt.Fprint(w, "peer\tsets")
	for _, m := range results[0].Rows[0].Measures {
		fmt.Fprintf(w, "\t%s", m.Name)
	}
	fmt.Fprintln(w)
	for _, r := range results {
		row := r.Rows[len(r.Rows)-1]
		fmt.Fprintf(w, "%s\t%d", r.Peer, row.Sets)
		for _, m := range row.Measures {
			fmt.Fprintf(w, "\t%s", c.ci(m.Average))
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}

// jsonScore is a score with five decimals.
type jsonScore eval.Score

func (s jsonScore) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, `{"R":%.5f,"P":%.5f,"F":%.5f}`, s.R, s.P, s.F), nil
}

type jsonAverage struct {
	jsonScore
	Low  *jsonScore `json:"low,omitempty"`
	High *jsonScore `json:"high,omitempty"`
}

func (a jsonAverage) MarshalJSON() ([]byte, error) {
	b := fmt.Appendf(nil, `{"R":%.5f,"P":%.5f,"F":%.5f`, a.R, a.P, a.F)
	if a.Low != nil {
		b = fmt.Appendf(b, `,"low":{"R":%.5f,"P":%.5f,"F":%.5f},"high":{"R":%.5f,"P":%.5f,"F":%.5f}`,
			a.Low.R, a.Low.P, a.Low.F, a.High.R, a.High.P, a.High.F)
	}
	return append(b, '}'), nil
}

type jsonRow struct {
	Kind     string                 `json:"kind"`
	Sets     int                    `json:"sets"`
	Evals    int                    `json:"evals"`
	Measures map[string]jsonAverage `json:"scores"`
}

func (c *evalCommand) writeJSON(results []peerResult) error {
	type jsonPeer struct {
		Peer string    `json:"peer"`
		Rows []jsonRow `json:"rows"`
	}
	out := struct {
		Dataset    string     `json:"dataset"`
		Layout     string     `json:"layout"`
		Words      int        `json:"words"`
		Samples    int        `json:"samples"`
		Confidence float64    `json:"confidence"`
		Peers      []jsonPeer `json:"peers"`
	}{Dataset: c.dataset, Layout: c.layout, Words: c.words, Samples: c.boot.Samples, Confidence: c.boot.Confidence}
	for _, r := range results {
		p := jsonPeer{Peer: r.Peer}
		for _, row := range r.Rows {
			jr := jsonRow{Kind: row.Kind, Sets: row.Sets, Evals: row.Evals, Measures: map[string]jsonAverage{}}
			for _, m := range row.Measures {
				a := jsonAverage{jsonScore: jsonScore(m.Score)}
				if c.boot.Samples > 0 {
					lo, hi := jsonScore(m.Low), jsonScore(m.High)
					a.Low, a.High = &lo, &hi
				}
				jr.Measures[m.Name] = a
			}
			p.Rows = append(p.Rows, jr)
		}
		out.Peers = append(out.Peers, p)
	}
	enc := json.NewEncoder(c.main.Stdout)
	enc.SetEscapeHTML(false) // text as written: "<stdin>", "AT&T"
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// progress shows a progress bar on stderr once a run has taken more than a
// second, if stderr is a terminal.
type progress struct {
	w     io.Writer
	tty   bool
	desc  string
	total int
	done  int
	start time.Time
	bar   *progressbar.ProgressBar
}

func (c *evalCommand) newProgress(total int, desc string) *progress {
	p := &progress{w: c.main.Stderr, desc: desc, total: total, start: time.Now()}
	if f, ok := c.main.Stderr.(*os.File); ok {
		p.tty = term.IsTerminal(int(f.Fd()))
	}
	return p
}

func (p *progress) step() {
	p.done++
	switch {
	case p.bar != nil:
		_ = p.bar.Add(1)
	case p.tty && time.Since(p.start) > time.Second:
		p.bar = progressbar.NewOptions(p.total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(p.desc),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond))
		_ = p.bar.Set(p.done)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
