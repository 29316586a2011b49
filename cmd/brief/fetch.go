package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/briefnews/brief/fetch"
)

// fetchCommand is `brief fetch FEED_URL... --out DIR`: it downloads feeds
// and the articles they link to, appending one JSONL record per new article
// to DIR/articles.jsonl. DIR/.fetch-state.json remembers feed validators and
// fetched URLs, so a second run downloads only what is new.
type fetchCommand struct {
	main *Main

	out     string
	delay   time.Duration
	perHost int
	timeout time.Duration
	feeds   []string
}

func (c *fetchCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("fetch")
	fs.StringVar(&c.out, "out", "", "write articles.jsonl into `DIR` (required)")
	fs.DurationVar(&c.delay, "delay", time.Second, "minimum `time` between two requests to one host")
	fs.IntVar(&c.perHost, "per-host", 2, "maximum `N` requests in flight to one host")
	fs.DurationVar(&c.timeout, "timeout", 20*time.Second, "per-request `time` limit")
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief fetch --out DIR FEED_URL...")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c.feeds = fs.Args()
	if c.out == "" {
		return usagef("brief fetch: --out DIR is required")
	}
	if len(c.feeds) == 0 {
		return usagef("brief fetch: no FEED_URL given")
	}
	return nil
}

func (c *fetchCommand) Run(ctx context.Context) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return fmt.Errorf("brief fetch: %w", err)
	}
	statePath := filepath.Join(c.out, ".fetch-state.json")
	state, err := fetch.LoadState(statePath)
	if err != nil {
		return err
	}
	f := &fetch.Fetcher{Delay: c.delay, PerHost: c.perHost, Timeout: c.timeout, State: state}
	outPath := filepath.Join(c.out, "articles.jsonl")
	file, err := os.OpenFile(outPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("brief fetch: %w", err)
	}
	defer file.Close()
	enc := json.NewEncoder(file)
	enc.SetEscapeHTML(false) // text as written: "<stdin>", "AT&T"
	total, failed := 0, 0
	for _, feedURL := range c.feeds {
		recs, err := f.Feed(ctx, feedURL)
		for _, e := range unjoin(err) {
			if e != nil {
				failed++
				fmt.Fprintln(c.main.Stderr, "brief:", e)
			}
		}
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("brief fetch: %s: %w", outPath, err)
			}
		}
		total += len(recs)
	}
	if err := file.Sync(); err != nil {
		return fmt.Errorf("brief fetch: %s: %w", outPath, err)
	}
	if err := state.Save(statePath); err != nil {
		return err
	}
	fmt.Fprintf(c.main.Stderr, "brief fetch: %d new articles in %s, %d failures\n", total, outPath, failed)
	if total == 0 && failed > 0 {
		return errors.New("brief fetch: nothing fetched")
	}
	return nil
}
