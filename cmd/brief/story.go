package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
	"github.com/briefnews/brief/summarize"
)

// storyCommand is `brief story`: the whole view of one event — the cited
// summary, quotes by speaker, disagreements, entities and timeline.
type storyCommand struct {
	main *Main

	format string
	budget brief.Budget
	method string
	paths  []string
}

func (c *storyCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("story")
	fs.StringVar(&c.format, "format", "json", "output `format`: json, markdown or text")
	fs.IntVar(&c.budget.Words, "words", 0, "summary budget in `N` words (default 100)")
	fs.StringVar(&c.method, "method", summarize.Default, "summarization `method`")
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief story [--format json|markdown|text] [--words N] [--method NAME] PATH...  (PATH - reads stdin)")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c.paths = fs.Args()
	switch {
	case c.format != "json" && c.format != "markdown" && c.format != "text":
		return usagef("brief story: unknown format %q (json, markdown or text)", c.format)
	case summarize.Methods[c.method] == nil:
		return usagef("brief story: unknown method %q (have %s)", c.method, methodNames())
	case c.budget.Words < 0:
		return usagef("brief story: --words must be positive")
	case len(c.paths) == 0:
		return usagef("brief story: no PATH given")
	}
	return checkStdinOnce("story", c.paths)
}

// storyView is the JSON of `brief story --format json`: the summary beside
// the fields of story.View.
type storyView struct {
	Summary *brief.Summary `json:"summary"`
	*story.View
}

func (c *storyCommand) Run(ctx context.Context) error {
	articles, err := readArticles(ctx, c.main.Stdin, c.main.Stderr, c.paths)
	if err != nil {
		return err
	}
	p := newPipeline(&summarize.Summarizer{Method: summarize.Methods[c.method](), Name: c.method})
	sum, cleaned := p.Run(articles, c.budget)
	v := storyView{Summary: sum, View: story.Build(cleaned)}
	switch c.format {
	case "json":
		enc := json.NewEncoder(c.main.Stdout)
		enc.SetEscapeHTML(false) // text as written: "<stdin>", "AT&T"
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	default:
		return writeStory(c.main.Stdout, c.format == "markdown", v)
	}
}

// writeStory prints the view for people, as markdown or plain text.
func writeStory(w io.Writer, md bool, v storyView) error {
	var b strings.Builder
	head := func(s string) {
		if md {
			fmt.Fprintf(&b, "\n## %s\n\n", s)
		} else {
			fmt.Fprintf(&b, "\n%s\n%s\n", strings.ToUpper(s), strings.Repeat("-", len(s)))
		}
	}
	item := func(format string, args ...any) {
		if md {
			b.WriteString("- ")
		} else {
			b.WriteString("  ")
		}
		fmt.Fprintf(&b, format+"\n", args...)
	}
	head("Summary")
	for _, s := range v.Summary.Sentences {
		n := 1 + len(s.Also)
		item("%s [%s%s]", oneLine(s.Text), s.Source.ArticleID, plural(n-1, " +%d more"))
	}
	head("Who said what")
	for _, q := range v.Quotes {
		speaker := q.Speaker
		switch {
		case speaker == "" && q.Mention != "":
			speaker = "(unresolved: " + q.Mention + ")"
		case speaker == "":
			speaker = "(unattributed)"
		}
		text := oneLine(q.Text)
		if q.Kind == story.Direct {
			text = "“" + text + "”"
		}
		item("%s: %s [%s]", speaker, text, strings.Join(q.Sources, ", "))
	}
	head("Where the sources disagree")
	if len(v.Disagreements) == 0 {
		item("no disagreement found")
	}
	for _, d := range v.Disagreements {
		item("%s (%s)", d.Topic, d.Kind)
		for _, s := range d.Sides {
			who := strings.Join(s.Speakers, ", ")
			if who == "" {
				who = "reports"
			}
			for _, sen := range s.Sentences {
				item("    %s: %s [%s]", who, oneLine(sen.Text), sen.Article)
			}
		}
	}
	head("Entities")
	for _, e := range v.Entities {
		item("%s (%s): %d mentions in %d articles", e.Name, e.Kind, e.Mentions, len(e.Articles))
	}
	head("Timeline")
	for _, t := range v.Timeline {
		item("%s %s [%s]", t.Date, oneLine(t.Sentence), t.Article)
	}
	_, err := io.WriteString(w, strings.TrimLeft(b.String(), "\n"))
	return err
}

func plural(n int, format string) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf(format, n)
}
