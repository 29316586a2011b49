package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
	"github.com/briefnews/brief/summarize"
)

// clusterCommand is `brief cluster`: it groups the articles in PATH... into
// stories and prints, per article, the story it belongs to; with
// --summarize, each story with its summary instead.
type clusterCommand struct {
	main *Main

	format    string
	summarize bool
	budget    brief.Budget
	method    string
	paths     []string
}

func (c *clusterCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("cluster")
	fs.StringVar(&c.format, "format", "jsonl", "output `format`: jsonl or text")
	fs.BoolVar(&c.summarize, "summarize", false, "print each story with its summary")
	fs.IntVar(&c.budget.Words, "words", 0, "summary budget in `N` words (default 100), with --summarize")
	fs.StringVar(&c.method, "method", summarize.Default, "summarization `method`, with --summarize")
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief cluster [--format jsonl|text] [--summarize [--words N] [--method NAME]] PATH...  (PATH - reads stdin)")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c.paths = fs.Args()
	switch {
	case c.format != "jsonl" && c.format != "text":
		return usagef("brief cluster: unknown format %q (jsonl or text)", c.format)
	case summarize.Methods[c.method] == nil:
		return usagef("brief cluster: unknown method %q (have %s)", c.method, methodNames())
	case c.budget.Words < 0:
		return usagef("brief cluster: --words must be positive")
	case len(c.paths) == 0:
		return usagef("brief cluster: no PATH given")
	}
	return checkStdinOnce("cluster", c.paths)
}

// storyLine is one line of `brief cluster --format jsonl`.
type storyLine struct {
	Article string `json:"article"`
	Story   string `json:"story"`
}

// storySummary is one line of `brief cluster --summarize --format jsonl`.
type storySummary struct {
	Story    string         `json:"story"`
	Articles []string       `json:"articles"`
	Summary  *brief.Summary `json:"summary"`
}

func (c *clusterCommand) Run(ctx context.Context) error {
	articles, err := readArticles(ctx, c.main.Stdin, c.main.Stderr, c.paths)
	if err != nil {
		return err
	}
	events := cluster.SinglePass{}.Cluster(articles)
	enc := json.NewEncoder(c.main.Stdout)
	enc.SetEscapeHTML(false) // text as written: "<stdin>", "AT&T"
	p := newPipeline(&summarize.Summarizer{Method: summarize.Methods[c.method](), Name: c.method})
	for _, ev := range events {
		if !c.summarize {
			for _, a := range ev.Articles {
				if c.format == "text" {
					fmt.Fprintf(c.main.Stdout, "%s\t%s\n", ev.ID, a.ID)
				} else if err := enc.Encode(storyLine{Article: a.ID, Story: ev.ID}); err != nil {
					return err
				}
			}
			continue
		}
		sum, _ := p.Run(ev.Articles, c.budget)
		if c.format == "text" {
			fmt.Fprintf(c.main.Stdout, "== %s (%d articles)\n", ev.ID, len(ev.Articles))
			if err := writeSummary(c.main.Stdout, "text", sum); err != nil {
				return err
			}
			fmt.Fprintln(c.main.Stdout)
			continue
		}
		ids := make([]string, len(ev.Articles))
		for i, a := range ev.Articles {
			ids[i] = a.ID
		}
		if err := enc.Encode(storySummary{Story: ev.ID, Articles: ids, Summary: sum}); err != nil {
			return err
		}
	}
	return nil
}
