// Package memory is a brief.Store held in maps, for tests and for runs
// that need no persistence.
package memory

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/store/internal/cursor"
	"github.com/briefnews/brief/store/internal/query"
)

var _ brief.Store = (*Store)(nil)

// Store is a brief.Store in memory. The zero value is not ready: use New.
// It is safe for concurrent use. Values are copied in and out, so callers
// may modify what they pass or receive.
type Store struct {
	mu       sync.RWMutex
	articles map[string]*brief.Article
	byURL    map[string]string
	order    []string
	stories  map[string]*brief.Story
	feeds    []*brief.Feed
	closed   bool
}

// New returns an empty Store.
func New() *Store {
	return &Store{
		articles: make(map[string]*brief.Article),
		byURL:    make(map[string]string),
		stories:  make(map[string]*brief.Story),
	}
}

func (s *Store) check(ctx context.Context) error {
	if s.closed {
		return fmt.Errorf("memory store closed: %w", brief.ErrUnavailable)
	}
	return ctx.Err()
}

// PutArticles implements brief.Store.
func (s *Store) PutArticles(ctx context.Context, articles []*brief.Article) ([]brief.PutResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	for i, a := range articles {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("put article %d: no ID: %w", i, brief.ErrInvalid)
		}
	}
	out := make([]brief.PutResult, len(articles))
	for i, a := range articles {
		if _, ok := s.articles[a.ID]; ok {
			out[i] = brief.PutResult{ID: a.ID}
			continue
		}
		if id, ok := s.byURL[a.URL]; ok && a.URL != "" {
			out[i] = brief.PutResult{ID: id}
			continue
		}
		s.articles[a.ID] = copyArticle(a)
		if a.URL != "" {
			s.byURL[a.URL] = a.ID
		}
		s.order = append(s.order, a.ID)
		out[i] = brief.PutResult{ID: a.ID, New: true}
	}
	return out, nil
}

// Article implements brief.Store.
func (s *Store) Article(ctx context.Context, id string) (*brief.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	a, ok := s.articles[id]
	if !ok {
		return nil, fmt.Errorf("article %q: %w", id, brief.ErrNotFound)
	}
	return copyArticle(a), nil
}

// ScanArticles implements brief.Store. fn runs without the store's lock
// held, on a snapshot of the article list.
func (s *Store) ScanArticles(ctx context.Context, fn func(*brief.Article) error) error {
	s.mu.RLock()
	if err := s.check(ctx); err != nil {
		s.mu.RUnlock()
		return err
	}
	list := make([]*brief.Article, len(s.order))
	for i, id := range s.order {
		list[i] = copyArticle(s.articles[id])
	}
	s.mu.RUnlock()
	for _, a := range list {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// PutStory implements brief.Store.
func (s *Store) PutStory(ctx context.Context, st *brief.Story) error {
	if st == nil || st.ID == "" {
		return fmt.Errorf("put story: no ID: %w", brief.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	s.stories[st.ID] = copyStory(st)
	return nil
}

// Story implements brief.Store.
func (s *Store) Story(ctx context.Context, id string) (*brief.Story, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	st, ok := s.stories[id]
	if !ok {
		return nil, fmt.Errorf("story %q: %w", id, brief.ErrNotFound)
	}
	return copyStory(st), nil
}

// Stories implements brief.Store.
func (s *Store) Stories(ctx context.Context, limit int, cur string) ([]*brief.Story, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("stories: limit %d: %w", limit, brief.ErrInvalid)
	}
	var after func(*brief.Story) bool
	if cur != "" {
		ct, cid, err := cursor.Decode(cur)
		if err != nil {
			return nil, "", err
		}
		after = func(st *brief.Story) bool { return cursor.Before(st.Updated, st.ID, ct, cid) }
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, "", err
	}
	var list []*brief.Story
	for _, st := range s.stories {
		if after == nil || after(st) {
			list = append(list, st)
		}
	}
	slices.SortFunc(list, func(a, b *brief.Story) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	next := ""
	if len(list) > limit {
		list = list[:limit]
		last := list[limit-1]
		next = cursor.Encode(last.Updated, last.ID)
	}
	out := make([]*brief.Story, len(list))
	for i, st := range list {
		out[i] = copyStory(st)
	}
	return out, next, nil
}

// Search implements brief.Store: a story or article matches when each
// word of q is one of its words, ignoring case.
func (s *Store) Search(ctx context.Context, q string, limit int) (*brief.SearchResult, error) {
	qw := query.Words(q)
	if len(qw) == 0 {
		return nil, fmt.Errorf("search %q: no words: %w", q, brief.ErrInvalid)
	}
	if limit <= 0 {
		return nil, fmt.Errorf("search: limit %d: %w", limit, brief.ErrInvalid)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	res := &brief.SearchResult{}
	for i := len(s.order) - 1; i >= 0 && len(res.Articles) < limit; i-- {
		a := s.articles[s.order[i]]
		if matches(qw, a.Title, a.Text) {
			res.Articles = append(res.Articles, copyArticle(a))
		}
	}
	var stories []*brief.Story
	for _, st := range s.stories {
		var sum []string
		if st.Summary != nil {
			for _, ss := range st.Summary.Sentences {
				sum = append(sum, ss.Text)
			}
		}
		if matches(qw, st.Title, strings.Join(sum, " ")) {
			stories = append(stories, st)
		}
	}
	slices.SortFunc(stories, func(a, b *brief.Story) int { return b.Updated.Compare(a.Updated) })
	for i, st := range stories {
		if i == limit {
			break
		}
		res.Stories = append(res.Stories, copyStory(st))
	}
	return res, nil
}

func matches(want []string, fields ...string) bool {
	have := make(map[string]bool)
	for _, f := range fields {
		for _, w := range query.Words(f) {
			have[w] = true
		}
	}
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

// AddFeed implements brief.Store.
func (s *Store) AddFeed(ctx context.Context, f *brief.Feed) error {
	if f == nil || f.URL == "" {
		return fmt.Errorf("add feed: no URL: %w", brief.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	for _, g := range s.feeds {
		if g.URL == f.URL {
			return nil
		}
	}
	c := *f
	s.feeds = append(s.feeds, &c)
	return nil
}

// Feeds implements brief.Store.
func (s *Store) Feeds(ctx context.Context) ([]*brief.Feed, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	out := make([]*brief.Feed, len(s.feeds))
	for i, f := range s.feeds {
		c := *f
		out[i] = &c
	}
	return out, nil
}

// UpdateFeed implements brief.Store.
func (s *Store) UpdateFeed(ctx context.Context, f *brief.Feed) error {
	if f == nil || f.URL == "" {
		return fmt.Errorf("update feed: no URL: %w", brief.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(ctx); err != nil {
		return err
	}
	for _, g := range s.feeds {
		if g.URL == f.URL {
			g.ETag, g.LastModified, g.Checked = f.ETag, f.LastModified, f.Checked
			return nil
		}
	}
	return fmt.Errorf("feed %q: %w", f.URL, brief.ErrNotFound)
}

// Close implements brief.Store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

func copyArticle(a *brief.Article) *brief.Article {
	c := *a
	c.Outlets = slices.Clone(a.Outlets)
	c.Duplicates = slices.Clone(a.Duplicates)
	return &c
}

func copyStory(st *brief.Story) *brief.Story {
	c := *st
	c.Articles = slices.Clone(st.Articles)
	if st.Summary != nil {
		sum := *st.Summary
		sum.Sentences = slices.Clone(st.Summary.Sentences)
		for i := range sum.Sentences {
			sum.Sentences[i].Also = slices.Clone(sum.Sentences[i].Also)
		}
		c.Summary = &sum
	}
	return &c
}
