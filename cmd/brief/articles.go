package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
	"github.com/briefnews/brief/dedup"
	"github.com/briefnews/brief/ingest"
)

// readArticles reads the articles in paths; a path of "-" reads stdin (see
// ingest.Reader.Stdin; nil stdin makes "-" a file name). Bad inputs are
// reported on stderr, one line each naming the input, and the good ones are
// kept; it fails only when no article at all could be read, or when ctx ends
// before every path was read (the job would run on part of its input).
func readArticles(ctx context.Context, stdin io.Reader, stderr io.Writer, paths []string) ([]*brief.Article, error) {
	r := ingest.Reader{Stdin: stdin}
	articles, err := r.Paths(ctx, paths)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("brief: reading %s: %w", quotePaths(paths), err)
	}
	if err != nil {
		for _, e := range unjoin(err) {
			fmt.Fprintln(stderr, "brief:", e)
		}
	}
	if len(articles) == 0 {
		return nil, fmt.Errorf("brief: %w in %s", errNoArticles, quotePaths(paths))
	}
	return articles, nil
}

// quotePaths returns paths quoted and separated by commas.
func quotePaths(paths []string) string {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = strconv.Quote(p)
	}
	return strings.Join(quoted, ", ")
}

// checkStdinOnce returns a usage error of the command cmd when the path
// lists give "-", standard input, more than once: it can be read only once.
func checkStdinOnce(cmd string, lists ...[]string) error {
	n := 0
	for _, paths := range lists {
		for _, p := range paths {
			if p == "-" {
				n++
			}
		}
	}
	if n > 1 {
		return usagef("brief %s: standard input (-) given %d times; it can be read only once", cmd, n)
	}
	return nil
}

// unjoin returns the errors joined in err by errors.Join, or err itself.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}

// readEarlier reads the articles of an update summary's --after paths and
// cleans them as the pipeline cleans the articles summarized, so both are
// compared on the same text.
func readEarlier(ctx context.Context, stdin io.Reader, stderr io.Writer, paths []string) ([]*brief.Article, error) {
	articles, err := readArticles(ctx, stdin, stderr, paths)
	if err != nil {
		return nil, err
	}
	return (&clean.Cleaner{}).Clean(articles), nil
}

// newPipeline returns the pipeline every command uses to summarize one
// event: clean, fold wire copies, then summarize with s.
func newPipeline(s brief.Summarizer) *brief.Pipeline {
	return &brief.Pipeline{Cleaner: &clean.Cleaner{}, Deduper: dedup.Deduper{}, Summarizer: s}
}
