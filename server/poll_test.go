package server_test

import (
	"context"
	"log"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/sqlite"
)

// fakeFeed is a FeedFetcher over one feed whose revision the test sets: it
// answers a request with the stored revision's ETag as 304 (no articles),
// and records the feeds it is given.
type fakeFeed struct {
	mu   sync.Mutex
	rev  string                      // current ETag
	arts []*brief.Article            // the feed's articles at rev
	got  []brief.Feed                // the feeds FetchFeed was called with
	ret  func(brief.Feed) brief.Feed // overrides the returned feed
}

func (ff *fakeFeed) fetch(ctx context.Context, f brief.Feed) ([]*brief.Article, brief.Feed, error) {
	ff.mu.Lock()
	defer ff.mu.Unlock()
	ff.got = append(ff.got, f)
	if f.ETag == ff.rev {
		return nil, f, nil
	}
	next := f
	next.ETag, next.LastModified = ff.rev, "Tue, 03 Mar 2026 12:20:00 GMT"
	if ff.ret != nil {
		next = ff.ret(next)
	}
	var out []*brief.Article
	for _, a := range ff.arts {
		c := *a
		out = append(out, &c)
	}
	return out, next, nil
}

// TestPollPersists checks that the validators a FeedFetcher returns are
// stored with the check time, given back to it by the next poll, also by
// a server restarted on the same database, and that StoredURL hears of
// every stored article's URL, at Recover and at Ingest.
func TestPollPersists(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "brief.db")
	const feedURL = "https://news.example/rss"
	ff := &fakeFeed{rev: `"r1"`, arts: []*brief.Article{
		{Title: "Bridge reopens", Text: "The bridge reopened.", URL: "https://news.example/bridge"},
	}}
	start := func() (*server.Server, brief.Store, *[]string) {
		t.Helper()
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		s := &server.Server{Store: st, Assigner: keywordAssigner{}, FetchFeed: ff.fetch,
			StoredURL: func(u string) { urls = append(urls, u) }}
		if err := s.Recover(ctx); err != nil {
			t.Fatal(err)
		}
		return s, st, &urls
	}
	feed := func(st brief.Store) brief.Feed {
		t.Helper()
		feeds, err := st.Feeds(ctx)
		if err != nil || len(feeds) != 1 {
			t.Fatalf("Feeds = %v, %v; want 1", feeds, err)
		}
		return *feeds[0]
	}

	s, st, urls := start()
	if err := st.AddFeed(ctx, &brief.Feed{URL: feedURL}); err != nil {
		t.Fatal(err)
	}
	s.PollOnce(ctx)
	f := feed(st)
	if f.ETag != `"r1"` || f.LastModified == "" || f.Checked.IsZero() {
		t.Errorf("feed after the first poll = %+v, want ETag \"r1\", Last-Modified and Checked", f)
	}
	if want := []string{"https://news.example/bridge"}; !slices.Equal(*urls, want) {
		t.Errorf("StoredURL at Ingest heard %v, want %v", *urls, want)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// Restart: Recover reports the stored URL, the poll sends the stored
	// validators and the 304 keeps them while Checked moves on.
	s, st, urls = start()
	defer st.Close()
	if want := []string{"https://news.example/bridge"}; !slices.Equal(*urls, want) {
		t.Errorf("StoredURL at Recover heard %v, want %v", *urls, want)
	}
	s.PollOnce(ctx)
	if got := ff.got[len(ff.got)-1]; got.ETag != `"r1"` || got.LastModified != f.LastModified {
		t.Errorf("second run fetched with %+v, want the stored validators of %+v", got, f)
	}
	f2 := feed(st)
	if f2.ETag != `"r1"` || f2.LastModified != f.LastModified || !f2.Checked.After(f.Checked) {
		t.Errorf("feed after a 304 = %+v, want the validators of %+v and a later Checked", f2, f)
	}

	// A returned feed with another URL (here the zero Feed) keeps the
	// stored validators.
	ff.mu.Lock()
	ff.rev = `"r2"`
	ff.ret = func(brief.Feed) brief.Feed { return brief.Feed{} }
	ff.mu.Unlock()
	s.PollOnce(ctx)
	if f3 := feed(st); f3.ETag != `"r1"` {
		t.Errorf("zero returned feed: stored ETag %q, want \"r1\" kept", f3.ETag)
	}
	ff.ret = nil
	s.PollOnce(ctx)
	if f4 := feed(st); f4.ETag != `"r2"` {
		t.Errorf("changed feed: stored ETag %q, want \"r2\"", f4.ETag)
	}
	if len(*urls) != 1 {
		t.Errorf("StoredURL heard %v: the article stored again is not new", *urls)
	}
}

// failingPuts is a store whose PutArticles fails.
type failingPuts struct{ brief.Store }

func (failingPuts) PutArticles(context.Context, []*brief.Article) ([]brief.PutResult, error) {
	return nil, brief.ErrUnavailable
}

// TestPollIngestFails checks that a feed whose articles could not be
// stored keeps its old validators, so the next poll reads it in full.
func TestPollIngestFails(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	old := brief.Feed{URL: "https://news.example/rss", ETag: `"r0"`}
	if err := st.AddFeed(ctx, &old); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateFeed(ctx, &old); err != nil {
		t.Fatal(err)
	}
	ff := &fakeFeed{rev: `"r1"`, arts: []*brief.Article{{Title: "Bridge", Text: "The bridge reopened.", URL: "https://news.example/bridge"}}}
	var logs strings.Builder
	s := &server.Server{Store: failingPuts{st}, Assigner: keywordAssigner{}, FetchFeed: ff.fetch, Logger: log.New(&logs, "", 0)}
	if err := s.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	s.PollOnce(ctx)
	feeds, err := st.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].ETag != `"r0"` {
		t.Fatalf("feeds after a failed ingest = %v, %v; want ETag \"r0\" kept", feeds, err)
	}
	if !strings.Contains(logs.String(), "news.example/rss") {
		t.Errorf("log %q does not name the feed", logs.String())
	}
}
