package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/briefnews/brief"
)

// State is what a Fetcher remembers between runs: the cache validators of
// each feed and the article URLs already fetched. It is safe for concurrent
// use. Save and LoadState keep it in a JSON file.
type State struct {
	mu    sync.Mutex
	Feeds map[string]Validators `json:"feeds"`
	Seen  map[string]bool       `json:"seen"`
}

// LoadState reads the state saved at path; a missing file gives an empty
// state.
func LoadState(path string) (*State, error) {
	s := &State{Feeds: map[string]Validators{}, Seen: map[string]bool{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, &brief.InputError{Input: path, Err: err}
	}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, brief.Errorf(path, "%w: %v", brief.ErrInvalid, err)
	}
	if s.Feeds == nil {
		s.Feeds = map[string]Validators{}
	}
	if s.Seen == nil {
		s.Seen = map[string]bool{}
	}
	return s, nil
}

// Save writes the state to path atomically (a temporary file renamed).
func (s *State) Save(path string) error {
	s.mu.Lock()
	data, err := json.MarshalIndent(s, "", " ")
	s.mu.Unlock()
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("save fetch state: %w", err)
	}
	return os.Rename(tmp, path)
}

func (s *State) feed(u string) Validators {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Feeds[u]
}

func (s *State) setFeed(u string, v Validators) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Feeds == nil {
		s.Feeds = map[string]Validators{}
	}
	s.Feeds[u] = v
}

// HasSeen reports whether the article at URL u was fetched, or marked seen.
func (s *State) HasSeen(u string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Seen[u]
}

// MarkSeen records that the article at URL u need not be fetched: Feed and
// FeedSince skip the feed links marked seen. A program that keeps articles
// elsewhere (brief serve: in its store) marks their URLs to carry the
// knowledge across restarts. The empty URL is ignored.
func (s *State) MarkSeen(u string) {
	if u == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Seen == nil {
		s.Seen = map[string]bool{}
	}
	s.Seen[u] = true
}
