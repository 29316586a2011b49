package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
	"github.com/briefnews/brief/cluster"
	"github.com/briefnews/brief/fetch"
	"github.com/briefnews/brief/ingest"
	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/postgres"
	"github.com/briefnews/brief/store/sqlite"
	"github.com/briefnews/brief/summarize"
)

// serveCommand is `brief serve`: the HTTP API and web page over a SQLite
// file or a PostgreSQL database, until interrupted.
type serveCommand struct {
	main *Main

	addr   string
	db     string
	load   []string
	poll   time.Duration
	budget brief.Budget
	method string
	// allowPrivate lets the poller fetch feeds and pages on loopback,
	// private and link-local addresses (--allow-private-feeds).
	allowPrivate bool

	store brief.Store
	srv   *server.Server
}

func (c *serveCommand) ParseFlags(args []string) error {
	fs := c.main.newFlagSet("serve")
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "listen on `host:port`")
	fs.StringVar(&c.db, "db", "brief.db", "SQLite database `file`, or a postgres:// URL for PostgreSQL")
	fs.Func("load", "ingest the articles in `PATH` (file or directory) at start; repeatable", func(p string) error {
		c.load = append(c.load, p)
		return nil
	})
	fs.DurationVar(&c.poll, "poll", 15*time.Minute, "fetch the subscribed feeds every `interval`; 0 disables polling")
	fs.BoolVar(&c.allowPrivate, "allow-private-feeds", false, "let --poll fetch feeds and pages on loopback, private and link-local addresses (off: a feed an API client subscribes cannot reach this machine or its network)")
	fs.IntVar(&c.budget.Words, "words", 0, "summary budget in `N` words (default 100)")
	fs.StringVar(&c.method, "method", summarize.Default, "summarization `method`")
	fs.Usage = func() {
		fmt.Fprintln(c.main.Stderr, "usage: brief serve [--addr 127.0.0.1:8080] [--db PATH|postgres://…] [--load PATH]... [--poll 15m] [--allow-private-feeds]")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	c.load = append(c.load, fs.Args()...)
	switch {
	case c.db == "":
		return usagef("brief serve: --db must not be empty")
	case c.budget.Words < 0:
		return usagef("brief serve: --words must not be negative (0 means the default)")
	case c.poll < 0:
		return usagef("brief serve: --poll must not be negative")
	case summarize.Methods[c.method] == nil:
		return usagef("brief serve: unknown method %q (have %s)", c.method, methodNames())
	}
	return nil
}

// openStore opens the store named by --db.
func (c *serveCommand) openStore(ctx context.Context) (brief.Store, error) {
	if strings.HasPrefix(c.db, "postgres://") || strings.HasPrefix(c.db, "postgresql://") {
		return postgres.Open(ctx, c.db)
	}
	return sqlite.Open(ctx, c.db)
}

func (c *serveCommand) Run(ctx context.Context) error {
	st, err := c.openStore(ctx)
	if err != nil {
		return fmt.Errorf("brief serve: %w", err)
	}
	c.store = st
	logger := log.New(c.main.Stderr, "brief serve: ", log.LstdFlags)
	c.srv = &server.Server{
		Store:      st,
		Summarizer: &summarize.Summarizer{Method: summarize.Methods[c.method](), Name: c.method},
		Assigner:   cluster.NewOnline(cluster.Config{}),
		Cleaner:    &clean.Cleaner{},
		Budget:     c.budget,
		Async:      true,
		Addr:       c.addr,
		Logger:     logger,
	}
	if c.poll > 0 {
		pollWith(c.srv, c.fetcher())
		c.srv.PollInterval = c.poll
	}
	if err := c.srv.Open(ctx); err != nil {
		return fmt.Errorf("brief serve: %w", err)
	}
	if len(c.load) > 0 {
		arts, err := ingest.Paths(ctx, c.load)
		for _, e := range unjoin(err) {
			if e != nil {
				logger.Print(e)
			}
		}
		for _, a := range arts {
			if a.ID == a.Source { // a file path: let the server hash it
				a.ID = ""
			}
		}
		if len(arts) > 0 {
			if _, err := c.srv.Ingest(ctx, arts); err != nil {
				return fmt.Errorf("brief serve: --load: %w", err)
			}
		}
		logger.Printf("loaded %d articles from %s", len(arts), strings.Join(c.load, " "))
	}
	logger.Printf("listening on %s", c.srv.URL())
	<-ctx.Done()
	return nil
}

// fetcher is the Fetcher that polls the feeds API clients subscribe: it
// connects only to public addresses (fetch.Fetcher.PublicOnly), so that a
// client cannot make the server fetch http://127.0.0.1:5432/ or a cloud
// metadata address, unless --allow-private-feeds.
func (c *serveCommand) fetcher() *fetch.Fetcher {
	return &fetch.Fetcher{PublicOnly: !c.allowPrivate}
}

// pollWith makes srv poll its feeds with f, keeping what the poller must
// remember in srv's store so that it survives a restart: each feed's
// validators (ETag, Last-Modified) are read from the store before the
// request and stored after it (server.FeedFetcher), and f.State, a new
// in-memory State, is seeded with the URL of every stored article
// (server.StoredURL, at Recover and at each ingest), so that a link to an
// article already stored is not downloaded again. Call it before srv
// recovers.
func pollWith(srv *server.Server, f *fetch.Fetcher) {
	state := &fetch.State{}
	f.State = state
	srv.FetchFeed = feedFetcher(f)
	srv.StoredURL = state.MarkSeen
}

// feedFetcher adapts a fetch.Fetcher to the server's feed polling: it
// fetches with the validators of the stored feed and returns the feed with
// the validators FeedSince gives back. Records without text are dropped.
func feedFetcher(f *fetch.Fetcher) server.FeedFetcher {
	return func(ctx context.Context, feed brief.Feed) ([]*brief.Article, brief.Feed, error) {
		recs, v, err := f.FeedSince(ctx, feed.URL, fetch.Validators{ETag: feed.ETag, LastModified: feed.LastModified})
		feed.ETag, feed.LastModified = v.ETag, v.LastModified
		arts := make([]*brief.Article, 0, len(recs))
		for _, r := range recs {
			a := &brief.Article{URL: r.URL, Outlet: r.Outlet, Title: r.Title, Author: r.Author, Language: r.Language, Text: r.Text, Source: r.Feed}
			if t, perr := time.Parse(time.RFC3339, r.Published); perr == nil {
				a.Published = t
			}
			if strings.TrimSpace(a.Text) != "" {
				arts = append(arts, a)
			}
		}
		return arts, feed, err
	}
}

// Close stops the server and closes the store.
func (c *serveCommand) Close() error {
	var errs []error
	if c.srv != nil {
		errs = append(errs, c.srv.Close())
		c.srv = nil
	}
	if c.store != nil {
		errs = append(errs, c.store.Close())
		c.store = nil
	}
	return errors.Join(errs...)
}
