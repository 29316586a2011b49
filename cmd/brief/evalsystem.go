package main

import (
	"context"
	"io"
	"strings"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

// summarizeSet summarizes the documents in docs (file paths) as brief
// summarize would, in at most words words with the given method, and
// returns the summary's sentences in order. Bad documents are skipped
// silently: eval reports scores, not inputs.
//
// after names the documents of the earlier sets of an update task: the
// summary leaves out what they said (summarize --after).
func summarizeSet(ctx context.Context, docs []string, after []string, words int, method string) ([]string, error) {
	articles, err := readArticles(ctx, nil, io.Discard, docs)
	if err != nil {
		return nil, err
	}
	if method == "" {
		method = summarize.Default
	}
	newMethod, ok := summarize.Methods[method]
	if !ok {
		return nil, usagef("brief eval: unknown method %q (have %s)", method, methodNames())
	}
	s := &summarize.Summarizer{Method: newMethod(), Name: method}
	if len(after) > 0 {
		if s.After, err = readEarlier(ctx, nil, io.Discard, after); err != nil {
			return nil, err
		}
	}
	sum, _ := newPipeline(s).Run(articles, brief.Budget{Words: words})
	out := make([]string, len(sum.Sentences))
	for i, ss := range sum.Sentences {
		out[i] = strings.Join(strings.Fields(ss.Text), " ")
	}
	return out, nil
}
