package main

import (
	"context"
	"errors"
)

// errNoSummarizer is returned by summarizeSet until brief's summarizer is
// wired in.
var errNoSummarizer = errors.New("brief's summarizer is not wired into eval yet (use --peers ID to score a participant)")

// summarizeSet summarizes the documents in docs (file paths) as brief
// summarize would, in at most words words with the given method, leaving
// out what the documents in after already said. It returns the summary's
// sentences in order.
//
// TODO(lead): read docs and after with ingest.Paths and run
// summarize.Summarizer{Method: method, …} with a words budget.
func summarizeSet(ctx context.Context, docs []string, after []string, words int, method string) ([]string, error) {
	return nil, errNoSummarizer
}
