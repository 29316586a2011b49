package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

// summarizeCommand is `brief summarize`: a cited extractive summary of the
// articles found in PATH... .
type summarizeCommand struct {
	main *Main

	budget brief.Budget
	method string
	format string
	query  string
	after  []string
	paths  []string
}

func (c *summarizeCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("summarize")
	fs.IntVar(&c.budget.Words, "words", 0, "budget: at most `N` words (default 100)")
	fs.IntVar(&c.budget.Bytes, "bytes", 0, "budget: at most `N` bytes, one newline between sentences")
	fs.IntVar(&c.budget.Sentences, "sentences", 0, "budget: at most `N` sentences")
	fs.StringVar(&c.method, "method", summarize.Default, "summarization `method`: "+methodNames())
	fs.StringVar(&c.format, "format", "text", "output `format`: text, json or markdown")
	fs.StringVar(&c.query, "query", "", "focus the summary on this `text`")
	fs.Func("after", "leave out what the articles in `PATH` already said (repeatable; - for stdin)", func(s string) error {
		c.after = append(c.after, s)
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief summarize [--words N | --bytes N | --sentences N] [--method NAME] [--format text|json|markdown] PATH...  (PATH - reads stdin)")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c.paths = fs.Args()
	return c.validate()
}

func (c *summarizeCommand) validate() error {
	set := 0
	for _, v := range []int{c.budget.Words, c.budget.Bytes, c.budget.Sentences} {
		if v < 0 {
			return usagef("brief summarize: budget must be positive")
		}
		if v > 0 {
			set++
		}
	}
	if set > 1 {
		return usagef("brief summarize: give only one of --words, --bytes, --sentences")
	}
	if set == 0 {
		c.budget = brief.DefaultBudget
	}
	if _, ok := summarize.Methods[c.method]; !ok {
		return usagef("brief summarize: unknown method %q (have %s)", c.method, methodNames())
	}
	switch c.format {
	case "text", "json", "markdown":
	default:
		return usagef("brief summarize: unknown format %q (text, json or markdown)", c.format)
	}
	if len(c.paths) == 0 {
		return usagef("brief summarize: no PATH given")
	}
	return checkStdinOnce("summarize", c.paths, c.after)
}

func (c *summarizeCommand) Run(ctx context.Context) error {
	articles, err := readArticles(ctx, c.main.Stdin, c.main.Stderr, c.paths)
	if err != nil {
		return err
	}
	s := &summarize.Summarizer{Method: summarize.Methods[c.method](), Name: c.method, Query: c.query}
	if len(c.after) > 0 {
		if s.After, err = readEarlier(ctx, c.main.Stdin, c.main.Stderr, c.after); err != nil {
			return err
		}
	}
	sum, _ := newPipeline(s).Run(articles, c.budget)
	if len(sum.Sentences) == 0 {
		fmt.Fprintf(c.main.Stderr, "brief summarize: no sentence of %d articles fits the budget (%s)\n", len(articles), budgetString(c.budget))
	}
	return writeSummary(c.main.Stdout, c.format, sum)
}

// budgetString names the limit of b as the flag that set it.
func budgetString(b brief.Budget) string {
	switch {
	case b.Bytes > 0:
		return fmt.Sprintf("--bytes %d", b.Bytes)
	case b.Sentences > 0:
		return fmt.Sprintf("--sentences %d", b.Sentences)
	}
	return fmt.Sprintf("--words %d", b.Words)
}

// writeSummary prints sum in format: text (one sentence per line), json, or
// markdown (a list with the sources of each sentence).
func writeSummary(w io.Writer, format string, sum *brief.Summary) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false) // text as written: "<stdin>", "AT&T"
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	case "markdown":
		var b strings.Builder
		for _, s := range sum.Sentences {
			fmt.Fprintf(&b, "- %s %s\n", oneLine(s.Text), markdownSources(s))
		}
		_, err := io.WriteString(w, b.String())
		return err
	default:
		var b strings.Builder
		for _, s := range sum.Sentences {
			b.WriteString(oneLine(s.Text))
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
}

func markdownSources(s brief.SummarySentence) string {
	var parts []string
	for _, c := range append([]brief.Citation{s.Source}, s.Also...) {
		name := c.Outlet
		if name == "" {
			name = c.ArticleID
		}
		if c.URL != "" {
			parts = append(parts, fmt.Sprintf("[%s](%s)", name, c.URL))
		} else {
			parts = append(parts, fmt.Sprintf("[%s]", name))
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// oneLine folds the white space runs of s into single spaces, so a sentence
// prints on one line. It never adds words or bytes.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func methodNames() string {
	names := make([]string, 0, len(summarize.Methods))
	for name := range summarize.Methods {
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// errNoArticles is returned when no input yielded an article.
var errNoArticles = errors.New("no articles found")
