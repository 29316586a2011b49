package brief

import (
	"context"
	"time"
)

// Story is a stored story: a set of articles about one event with its
// current title and summary. Updated is the time of its latest change (an
// article added or the summary rewritten), which orders the story list.
type Story struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Summary  *Summary  `json:"summary"`
	Updated  time.Time `json:"updated"`
	Articles []string  `json:"articles"` // article IDs, in the order they joined
}

// Feed is a subscription to an RSS or Atom feed, with the validators of the
// last successful fetch for conditional requests.
type Feed struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Added        time.Time `json:"added"`
	Checked      time.Time `json:"checked,omitempty"` // zero until the first fetch
}

// PutResult is the outcome of storing one article: the ID it is stored
// under and whether it was new. An article whose ID or URL was already
// stored is not stored again; ID is then the ID of the stored copy.
type PutResult struct {
	ID  string `json:"id"`
	New bool   `json:"new"`
}

// SearchResult holds the articles and stories that match a text query.
type SearchResult struct {
	Articles []*Article `json:"articles"`
	Stories  []*Story   `json:"stories"`
}

// Store keeps articles, stories and feed subscriptions. Every method takes
// a context and returns errors wrapping one of the kinds of this package:
// ErrNotFound for a missing article, story or feed, ErrInvalid for a bad
// argument, ErrUnavailable for a storage failure. Implementations are safe
// for concurrent use by multiple goroutines.
type Store interface {
	// PutArticles stores articles in one transaction, all or none, and
	// returns one PutResult per article in order. Articles must have an
	// ID. Storing is idempotent by ID and by non-empty URL. When
	// PutArticles returns nil the articles are durable.
	PutArticles(ctx context.Context, articles []*Article) ([]PutResult, error)
	// Article returns the article with the given ID.
	Article(ctx context.Context, id string) (*Article, error)
	// ScanArticles calls fn with every article in the order they were
	// first stored, stopping at fn's first error, which it returns.
	ScanArticles(ctx context.Context, fn func(*Article) error) error

	// PutStory creates or replaces the story with s.ID.
	PutStory(ctx context.Context, s *Story) error
	// Story returns the story with the given ID.
	Story(ctx context.Context, id string) (*Story, error)
	// Stories returns up to limit stories, most recently updated first (ties
	// by descending ID), starting after cursor ("" for the first page), and
	// the cursor of the next page, "" after the last. A malformed cursor is
	// ErrInvalid.
	Stories(ctx context.Context, limit int, cursor string) ([]*Story, string, error)

	// Search returns up to limit articles and limit stories that contain
	// every word of q (articles in their title or text, stories in their
	// title or summary). Words are runs of letters and digits, compared
	// ignoring case; everything else separates them, so no query is a
	// syntax error. A query without words ("", "*") is ErrInvalid.
	Search(ctx context.Context, q string, limit int) (*SearchResult, error)

	// AddFeed subscribes to a feed; adding a URL twice keeps the first.
	AddFeed(ctx context.Context, f *Feed) error
	// Feeds returns every subscription in the order they were added.
	Feeds(ctx context.Context) ([]*Feed, error)
	// UpdateFeed records the validators and check time of f.URL.
	UpdateFeed(ctx context.Context, f *Feed) error

	// Close releases the store. It is safe to call more than once.
	Close() error
}
