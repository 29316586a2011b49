// Package server is the HTTP server of brief: a JSON API to post articles,
// read stories, search and subscribe to feeds, and a web page that shows
// each story's summary with every sentence linked to its source.
//
// Articles posted to the server are stored, assigned to a story by an
// online clusterer, and each story they touch gets a new summary. The
// clustering state lives in memory and is rebuilt from the store when the
// server starts, so an article acknowledged by the API survives a crash.
// The feed poller keeps its memory in the store too: each feed's cache
// validators (see FeedFetcher), and the URLs of the stored articles, which
// StoredURL hands to the fetcher so that a restart downloads neither the
// unchanged feeds nor the articles already stored.
package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
	"github.com/briefnews/brief/summarize"
)

// Assigner assigns each article to a story as it arrives and returns the
// story's ID. Given the same articles in the same order it must return the
// same IDs: the server replays the stored articles through a new Assigner
// when it starts. The server calls Add one call at a time, in the order the
// articles are stored, so an Assigner need not be safe for concurrent use.
// *cluster.Online is an Assigner.
type Assigner interface {
	Add(a *brief.Article) string
}

var _ Assigner = (*cluster.Online)(nil)

// Fetcher reads the current articles of a feed. It is the older form of
// FeedFetcher: the server gives it only the URL, so it must remember the
// feed's validators itself and forgets them at a restart.
type Fetcher func(ctx context.Context, url string) ([]*brief.Article, error)

// FeedFetcher reads the new articles of a feed with a conditional request.
// f is the feed as stored, with the validators (ETag, LastModified) of its
// last successful fetch, empty before the first. It returns the articles
// read and the feed with the validators to send next time: the new ones
// after the feed was read, f's own after an HTTP 304 (no articles, no
// error) or after a failure for which the feed should be read again in
// full. The server stores the returned ETag and LastModified when the
// returned feed has f's URL; any other feed, such as the zero Feed, keeps
// the stored validators. An error may come with the articles read
// before it, which are ingested.
type FeedFetcher func(ctx context.Context, f brief.Feed) ([]*brief.Article, brief.Feed, error)

// Server serves the API and the web page over a Store. Set the fields, then
// call Open (or Recover and Handler, to serve it yourself), and Close when
// done. Fields must not change after Open.
type Server struct {
	Store      brief.Store      // required
	Summarizer brief.Summarizer // nil means &summarize.Summarizer{}
	Assigner   Assigner         // nil means cluster.NewOnline(cluster.Config{})
	Cleaner    brief.Cleaner    // applied to each posted batch before storing; nil keeps the text
	Budget     brief.Budget     // summary length; zero means brief.DefaultBudget

	// MaxSummaryArticles caps the articles a summary and a story view are
	// written from: the story's latest ones. Zero means 50. It bounds the
	// cost of an update and of a page when stories grow long.
	MaxSummaryArticles int

	// FetchFeed, when set, is called for every subscribed feed every
	// PollInterval (zero means 15 minutes) with the feed as stored; its
	// articles are ingested like posted ones, then the feed's new
	// validators and check time are stored, so that a restarted server
	// polls with conditional requests. Fetch is the older form, used when
	// FetchFeed is nil: it gets only the URL and the server stores only the
	// check time. Both nil disables polling.
	FetchFeed    FeedFetcher
	Fetch        Fetcher
	PollInterval time.Duration

	// StoredURL, when set, is called with the URL of every article in the
	// store, once each: by Recover for the stored articles and by Ingest
	// for the new ones (articles without a URL are skipped). A fetcher
	// marks them seen so that it does not download them again, across
	// restarts too. It is called with the server's commit lock held, one
	// call at a time, so it must be quick and must not call the Server.
	StoredURL func(url string)

	// Async, with Open, moves story updates to a background goroutine:
	// Ingest returns once the articles are stored and assigned, and the
	// updates of a busy story are coalesced. Summaries then lag the
	// articles by the time of an update. Without Open (Recover and Handler
	// only) updates stay synchronous.
	Async bool

	Addr         string      // address Open listens on; "" means 127.0.0.1:8080
	MaxBodyBytes int64       // largest POST body; zero means 32 MiB
	Logger       *log.Logger // nil means log.Default()

	mu      sync.Mutex // serialises commits: store, assign, summarise
	pendMu  sync.Mutex // guards pending
	pending []*call    // Ingest calls waiting for the next commit

	async      bool                // story updates go to the summarise goroutine
	dirtyMu    sync.Mutex          // guards dirty and dirtyOrder
	dirty      map[string][]string // story ID → articles to add
	dirtyOrder []string            // the keys of dirty in order of arrival
	wake       chan struct{}
	sumCancel  context.CancelFunc
	sumDone    chan struct{}
	assign     Assigner
	ln         net.Listener
	srv        *http.Server
	handler    http.Handler
	once       sync.Once
	cancel     context.CancelFunc
	done       chan struct{}
	now        func() time.Time
}

// DefaultMaxBodyBytes is the default limit on the size of a POST body.
const DefaultMaxBodyBytes = 32 << 20

func (s *Server) logger() *log.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return log.Default()
}

func (s *Server) summarizer() brief.Summarizer {
	if s.Summarizer != nil {
		return s.Summarizer
	}
	return &summarize.Summarizer{}
}

func (s *Server) maxSummaryArticles() int {
	if s.MaxSummaryArticles > 0 {
		return s.MaxSummaryArticles
	}
	return 50
}

func (s *Server) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now().UTC()
}

// Recover rebuilds the clustering state by replaying every stored article
// through the Assigner, in the order they were stored, and repairs the
// stories whose stored article list differs from the replay (after a crash
// between storing articles and updating their story). Open calls it.
func (s *Server) Recover(ctx context.Context) error {
	if s.Store == nil {
		return fmt.Errorf("server: no Store: %w", brief.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.assign = s.Assigner
	if s.assign == nil {
		s.assign = cluster.NewOnline(cluster.Config{})
	}
	members := map[string][]string{}
	var order []string
	err := s.Store.ScanArticles(ctx, func(a *brief.Article) error {
		s.stored(a)
		id := s.add(a)
		if _, ok := members[id]; !ok {
			order = append(order, id)
		}
		members[id] = append(members[id], a.ID)
		return nil
	})
	if err != nil {
		return fmt.Errorf("server: recover: %w", err)
	}
	var stale []string
	titles := map[string]string{}
	for _, id := range order {
		st, err := s.Store.Story(ctx, id)
		if err != nil && !errors.Is(err, brief.ErrNotFound) {
			return fmt.Errorf("server: recover: %w", err)
		}
		if st == nil || !slices.Equal(st.Articles, members[id]) {
			stale = append(stale, id)
			if st != nil {
				titles[id] = st.Title
			}
		}
	}
	for _, id := range stale {
		if err := s.updateStory(ctx, id, members[id], titles[id]); err != nil {
			return fmt.Errorf("server: recover: %w", err)
		}
	}
	if len(stale) > 0 {
		s.logger().Printf("server: rebuilt %d stories", len(stale))
	}
	return nil
}

// stored reports the URL of a stored article to StoredURL.
func (s *Server) stored(a *brief.Article) {
	if s.StoredURL != nil && a.URL != "" {
		s.StoredURL(a.URL)
	}
}

// add assigns a to a story. The Assigner gets a copy whose Text is dropped
// after the call: assigners read the text once but may keep the pointer,
// and the store already holds the text.
func (s *Server) add(a *brief.Article) string {
	c := *a
	id := s.assign.Add(&c)
	c.Text = ""
	return id
}

// Ingest stores articles, assigns the new ones to stories and updates the
// summaries of the stories they join. Articles without an ID get one from
// their URL, or else from their outlet, title and text. It returns the
// stored ID of each article; when it returns without error the articles are
// durable, even if updating a story failed (that is logged and repaired at
// the next start).
//
// Concurrent calls are committed together (group commit): one transaction
// stores the articles of every waiting call, and each story they touch is
// summarised once. A failed group is retried call by call, so one call's
// failure is not another's. Ingest is safe for concurrent use.
func (s *Server) Ingest(ctx context.Context, articles []*brief.Article) ([]brief.PutResult, error) {
	for _, a := range articles {
		if a.ID == "" {
			a.ID = articleID(a)
		}
	}
	if s.Cleaner != nil {
		articles = s.Cleaner.Clean(articles)
	}
	c := &call{ctx: ctx, articles: articles}
	s.pendMu.Lock()
	s.pending = append(s.pending, c)
	s.pendMu.Unlock()

	s.mu.Lock()
	defer s.mu.Unlock()
	if !c.done {
		s.pendMu.Lock()
		group := s.pending
		s.pending = nil
		s.pendMu.Unlock()
		s.commit(group)
	}
	return c.res, c.err
}

// call is one Ingest call waiting for its group to commit.
type call struct {
	ctx      context.Context
	articles []*brief.Article
	res      []brief.PutResult
	err      error
	done     bool
}

// commit stores, assigns and summarises the articles of a group of calls;
// s.mu is held.
func (s *Server) commit(group []*call) {
	defer func() {
		for _, c := range group {
			c.done = true
		}
	}()
	if s.assign == nil {
		for _, c := range group {
			c.err = fmt.Errorf("server: ingest before Recover: %w", brief.ErrUnavailable)
		}
		return
	}
	var live []*call
	var all []*brief.Article
	for _, c := range group {
		if err := c.ctx.Err(); err != nil {
			c.err = err
			continue
		}
		live = append(live, c)
		all = append(all, c.articles...)
	}
	if len(live) == 0 {
		return
	}
	res, err := s.Store.PutArticles(live[0].ctx, all)
	if err == nil {
		for _, c := range live {
			c.res, res = res[:len(c.articles)], res[len(c.articles):]
		}
	} else if len(live) == 1 {
		live[0].err = err
	} else {
		for _, c := range live {
			c.res, c.err = s.Store.PutArticles(c.ctx, c.articles)
		}
	}
	// The stored articles are durable from here; story updates that fail
	// are rebuilt by Recover.
	ctx := context.WithoutCancel(live[0].ctx)
	touched := map[string][]string{}
	var order []string
	for _, c := range live {
		if c.err != nil {
			continue
		}
		for i, a := range c.articles {
			if !c.res[i].New {
				continue
			}
			s.stored(a)
			id := s.add(a)
			if _, ok := touched[id]; !ok {
				order = append(order, id)
			}
			touched[id] = append(touched[id], a.ID)
		}
	}
	if s.async {
		s.dirtyMu.Lock()
		for _, id := range order {
			if _, ok := s.dirty[id]; !ok {
				s.dirtyOrder = append(s.dirtyOrder, id)
			}
			s.dirty[id] = append(s.dirty[id], touched[id]...)
		}
		s.dirtyMu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
		return
	}
	s.applyStories(ctx, order, touched)
}

// applyStories adds the articles in added to their stories, in order, and
// rewrites each story's title and summary.
func (s *Server) applyStories(ctx context.Context, order []string, added map[string][]string) {
	for _, id := range order {
		var members []string
		var title string
		st, err := s.Store.Story(ctx, id)
		switch {
		case err == nil:
			members, title = st.Articles, st.Title
		case !errors.Is(err, brief.ErrNotFound):
			s.logger().Printf("server: story %s: %v", id, err)
			continue
		}
		members = append(members, added[id]...)
		if err := s.updateStory(ctx, id, members, title); err != nil {
			s.logger().Printf("server: story %s: %v", id, err)
		}
	}
}

// summarise applies the pending story updates whenever woken, until ctx is
// done; then it applies what is left and returns.
func (s *Server) summarise(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	for {
		stop := false
		select {
		case <-s.wake:
		case <-ctx.Done():
			stop = true
		}
		s.dirtyMu.Lock()
		order, added := s.dirtyOrder, s.dirty
		s.dirtyOrder, s.dirty = nil, map[string][]string{}
		s.dirtyMu.Unlock()
		s.applyStories(context.Background(), order, added)
		if stop {
			return
		}
	}
}

// articleID returns a stable ID for an article that has none: a hash of
// its URL, or of its outlet, title and text.
func articleID(a *brief.Article) string {
	h := sha256.New()
	if a.URL != "" {
		h.Write([]byte("url\x00" + a.URL))
	} else {
		h.Write([]byte("text\x00" + a.Outlet + "\x00" + a.Title + "\x00" + a.Text))
	}
	return "a" + hex.EncodeToString(h.Sum(nil))[:20]
}

// updateStory rewrites the story id with the given member articles: title,
// summary and update time. The title is that of the earliest article read;
// once a story outgrows MaxSummaryArticles it keeps prevTitle, if any.
func (s *Server) updateStory(ctx context.Context, id string, members []string, prevTitle string) error {
	max := s.maxSummaryArticles()
	latest := members
	if len(latest) > max {
		latest = latest[len(latest)-max:]
	}
	arts, err := s.articles(ctx, latest)
	if err != nil {
		return err
	}
	sum := s.summarizer().Summarize(arts, s.Budget)
	title := storyTitle(arts)
	if len(members) > max && prevTitle != "" {
		title = prevTitle // the first articles, which named the story, are no longer read
	}
	st := &brief.Story{ID: id, Title: title, Summary: sum, Updated: s.clock(), Articles: members}
	return s.Store.PutStory(ctx, st)
}

// articles loads the articles with the given IDs, skipping missing ones.
func (s *Server) articles(ctx context.Context, ids []string) ([]*brief.Article, error) {
	arts := make([]*brief.Article, 0, len(ids))
	for _, id := range ids {
		a, err := s.Store.Article(ctx, id)
		if errors.Is(err, brief.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, nil
}

// storyTitle is the title of the earliest published article that has one.
func storyTitle(arts []*brief.Article) string {
	title := ""
	var when time.Time
	for _, a := range arts {
		if a.Title == "" {
			continue
		}
		if title == "" || (!a.Published.IsZero() && (when.IsZero() || a.Published.Before(when))) {
			title, when = a.Title, a.Published
		}
	}
	if title == "" {
		return "Untitled story"
	}
	return title
}

// Open recovers the clustering state, listens on Addr and serves in the
// background; it also starts polling feeds when FetchFeed or Fetch is set.
func (s *Server) Open(ctx context.Context) error {
	if err := s.Recover(ctx); err != nil {
		return err
	}
	addr := s.Addr
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          s.logger(),
	}
	go s.srv.Serve(ln)
	if s.Async {
		s.mu.Lock()
		s.async, s.dirty, s.wake = true, map[string][]string{}, make(chan struct{}, 1)
		s.mu.Unlock()
		sctx, cancel := context.WithCancel(context.Background())
		s.sumCancel, s.sumDone = cancel, make(chan struct{})
		go s.summarise(sctx, s.sumDone)
	}
	pctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.done = cancel, make(chan struct{})
	go s.poll(pctx)
	return nil
}

// URL returns the base URL the server listens on, after Open.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Close stops polling, shuts the HTTP server down, waiting up to 10
// seconds for requests in flight, and applies the pending story updates.
// It does not close the Store.
func (s *Server) Close() error {
	if s.cancel != nil {
		s.cancel()
		<-s.done
		s.cancel = nil
	}
	var err error
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err = s.srv.Shutdown(ctx)
		s.srv = nil
	}
	if s.sumCancel != nil {
		s.sumCancel()
		<-s.sumDone
		s.sumCancel = nil
	}
	return err
}

// polling reports whether a fetcher is set.
func (s *Server) polling() bool { return s.FetchFeed != nil || s.Fetch != nil }

// poll ingests the articles of every subscribed feed every PollInterval
// until ctx is done.
func (s *Server) poll(ctx context.Context) {
	defer close(s.done)
	if !s.polling() {
		return
	}
	every := s.PollInterval
	if every <= 0 {
		every = 15 * time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		s.PollOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// PollOnce fetches every subscribed feed once, with FetchFeed or else
// Fetch, ingests the articles and records the feed's check time and, with
// FetchFeed, its new validators, logging failures. The feeds are read from
// the Store first, so each request is conditional on the validators stored
// by the last poll, of this process or an earlier one. A feed whose
// articles could not be stored keeps its old validators, so the next poll
// reads it again. It does nothing when both are nil.
func (s *Server) PollOnce(ctx context.Context) {
	if !s.polling() {
		return
	}
	feeds, err := s.Store.Feeds(ctx)
	if err != nil {
		s.logger().Printf("server: feeds: %v", err)
		return
	}
	for _, f := range feeds {
		if ctx.Err() != nil {
			return
		}
		var arts []*brief.Article
		next := *f
		if s.FetchFeed != nil {
			var got brief.Feed
			arts, got, err = s.FetchFeed(ctx, *f)
			if got.URL == f.URL {
				next.ETag, next.LastModified = got.ETag, got.LastModified
			}
		} else {
			arts, err = s.Fetch(ctx, f.URL)
		}
		if err != nil {
			s.logger().Printf("server: feed %s: %v", f.URL, err)
		}
		if len(arts) > 0 {
			if _, err := s.Ingest(ctx, arts); err != nil {
				s.logger().Printf("server: feed %s: %v", f.URL, err)
				continue
			}
		}
		next.Checked = s.clock()
		if err := s.Store.UpdateFeed(ctx, &next); err != nil {
			s.logger().Printf("server: feed %s: %v", f.URL, err)
		}
	}
}
