package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/ingest"
	"github.com/briefnews/brief/story"
)

// Handler returns the server's HTTP handler: the JSON API under /api/, the
// web pages and /healthz. Call Recover first (Open does), or posting
// articles fails with 503.
func (s *Server) Handler() http.Handler {
	s.once.Do(func() {
		mux := http.NewServeMux()
		mux.HandleFunc("POST /api/articles", s.postArticles)
		mux.HandleFunc("GET /api/articles/{id...}", s.getArticle)
		mux.HandleFunc("GET /api/stories", s.getStories)
		mux.HandleFunc("GET /api/stories/{id}", s.getStory)
		mux.HandleFunc("GET /api/search", s.search)
		mux.HandleFunc("POST /api/feeds", s.postFeed)
		mux.HandleFunc("GET /api/feeds", s.getFeeds)
		mux.HandleFunc("GET /healthz", s.healthz)
		s.webRoutes(mux)
		s.handler = s.unrouted(mux)
	})
	return s.handler
}

// unrouted serves mux, except that a request matching none of its routes,
// which the mux would answer with a plain-text 404 or 405, gets the
// server's own error: JSON under /api/ and at /healthz, an HTML page
// elsewhere. A 405 keeps the mux's Allow header.
func (s *Server) unrouted(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			mux.ServeHTTP(w, r) // sets the path values h reads
			return
		}
		rec := &headerRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		err := fmt.Errorf("%s: %w", r.URL.Path, brief.ErrNotFound)
		if rec.code == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", rec.header.Get("Allow"))
			err = fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, errMethod)
		}
		if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz" {
			writeError(w, r, s.logger(), err)
			return
		}
		s.pageError(w, r, err)
	})
}

// headerRecorder keeps the status and header a handler writes and drops
// its body.
type headerRecorder struct {
	header http.Header
	code   int
}

func (w *headerRecorder) Header() http.Header { return w.header }

func (w *headerRecorder) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *headerRecorder) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return len(p), nil
}

// apiArticle is the JSON form of an article in responses.
type apiArticle struct {
	ID        string   `json:"id"`
	Title     string   `json:"title,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	URL       string   `json:"url,omitempty"`
	Author    string   `json:"author,omitempty"`
	Published string   `json:"published,omitempty"` // RFC 3339
	Language  string   `json:"language,omitempty"`
	Text      string   `json:"text,omitempty"`
	Outlets   []string `json:"outlets,omitempty"`
}

func toAPI(a *brief.Article, withText bool) apiArticle {
	j := apiArticle{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Author: a.Author, Language: a.Language, Outlets: a.Outlets}
	if !a.Published.IsZero() {
		j.Published = a.Published.UTC().Format(time.RFC3339)
	}
	if withText {
		j.Text = a.Text
	}
	return j
}

// postResponse is the body of a successful POST /api/articles.
type postResponse struct {
	IDs      []string          `json:"ids"`      // the stored ID of each posted article, in order
	Articles []brief.PutResult `json:"articles"` // the same with whether each was new
}

func (s *Server) maxBody() int64 {
	if s.MaxBodyBytes > 0 {
		return s.MaxBodyBytes
	}
	return DefaultMaxBodyBytes
}

// readBody reads the request body up to the size limit.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody()))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, brief.Errorf("body", "over %d bytes: %w", mbe.Limit, brief.ErrTooLarge)
	}
	if err != nil {
		return nil, brief.Errorf("body", "%v: %w", err, brief.ErrInvalid)
	}
	return data, nil
}

// postArticles stores one JSON article, a JSON array of them or JSONL.
// The request is all or nothing: a bad record fails it with 400 naming the
// record (body#N in an array, body:LINE in JSONL).
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	data, err := s.readBody(w, r)
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte order mark, as Windows editors write
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		writeError(w, r, s.logger(), brief.Errorf("body", "want a JSON article, a JSON array of articles or JSONL: %w", brief.ErrInvalid))
		return
	}
	arts, err := (&ingest.Reader{MaxBytes: s.maxBody()}).Parse("body", data)
	if err != nil {
		writeError(w, r, s.logger(), firstError(err))
		return
	}
	if len(arts) == 0 {
		writeError(w, r, s.logger(), brief.Errorf("body", "no articles: %w", brief.ErrEmpty))
		return
	}
	for _, a := range arts {
		if a.ID == a.Source { // named after its place in the body, not given
			a.ID = ""
		}
		a.Source = "api"
	}
	res, err := s.Ingest(r.Context(), arts)
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	out := postResponse{Articles: res}
	for _, p := range res {
		out.IDs = append(out.IDs, p.ID)
	}
	writeJSON(w, http.StatusCreated, out)
}

// firstError returns the first of the errors joined in err, with the
// number of others in its message.
func firstError(err error) error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return err
	}
	errs := j.Unwrap()
	if len(errs) == 0 {
		return err
	}
	first := firstError(errs[0])
	if len(errs) == 1 {
		return first
	}
	var ie *brief.InputError
	if errors.As(first, &ie) {
		return &brief.InputError{Input: ie.Input, Err: fmt.Errorf("%w (and %d more bad records)", ie.Err, len(errs)-1)}
	}
	return fmt.Errorf("%w (and %d more bad records)", first, len(errs)-1)
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	writeJSON(w, http.StatusOK, toAPI(a, true))
}

// intParam reads the integer query parameter name in [1, max], or def when
// absent.
func intParam(r *http.Request, name string, def, max int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, fmt.Errorf("parameter %s=%q: want an integer from 1 to %d: %w", name, v, max, brief.ErrInvalid)
	}
	return n, nil
}

// storiesResponse is the body of GET /api/stories.
type storiesResponse struct {
	Stories []*brief.Story `json:"stories"`
	Next    string         `json:"next"`
}

func (s *Server) getStories(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", 20, 100)
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	list, next, err := s.Store.Stories(r.Context(), limit, r.URL.Query().Get("cursor"))
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	if list == nil {
		list = []*brief.Story{}
	}
	writeJSON(w, http.StatusOK, storiesResponse{Stories: list, Next: next})
}

// storyResponse is the body of GET /api/stories/{id}: the stored story,
// its sources and the analyst's view (quotes, disagreements, entities,
// timeline) of package story.
type storyResponse struct {
	*brief.Story
	Sources []apiArticle `json:"sources"`
	*story.View
}

// storyPage is a story with its articles and view, as served by the API
// and the web page.
type storyPage struct {
	Story    *brief.Story
	Articles []*brief.Article
	View     *story.View
}

// views caches story views by story ID and update time.
type views struct {
	mu sync.Mutex
	m  map[string]viewEntry
}

type viewEntry struct {
	updated time.Time
	view    *story.View
}

var viewCache = &views{m: map[string]viewEntry{}}

func (v *views) get(id string, updated time.Time, arts []*brief.Article) *story.View {
	v.mu.Lock()
	e, ok := v.m[id]
	v.mu.Unlock()
	if ok && e.updated.Equal(updated) {
		return e.view
	}
	view := story.Build(arts)
	v.mu.Lock()
	if len(v.m) >= 1000 {
		clear(v.m)
	}
	v.m[id] = viewEntry{updated, view}
	v.mu.Unlock()
	return view
}

// loadStory reads a story, its articles and its view.
func (s *Server) loadStory(ctx context.Context, id string) (*storyPage, error) {
	st, err := s.Store.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	arts, err := s.articles(ctx, st.Articles)
	if err != nil {
		return nil, err
	}
	// The view, like the summary, reads the latest articles only.
	latest := arts
	if max := s.maxSummaryArticles(); len(latest) > max {
		latest = latest[len(latest)-max:]
	}
	return &storyPage{Story: st, Articles: arts, View: viewCache.get(s.cacheKey(st.ID), st.Updated, latest)}, nil
}

// cacheKey keeps the views of different servers in one process apart.
func (s *Server) cacheKey(id string) string { return fmt.Sprintf("%p/%s", s, id) }

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	p, err := s.loadStory(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	resp := storyResponse{Story: p.Story, View: p.View, Sources: []apiArticle{}}
	for _, a := range p.Articles {
		resp.Sources = append(resp.Sources, toAPI(a, false))
	}
	writeJSON(w, http.StatusOK, resp)
}

// searchResponse is the body of GET /api/search; articles come without
// their text.
type searchResponse struct {
	Query    string         `json:"query"`
	Articles []apiArticle   `json:"articles"`
	Stories  []*brief.Story `json:"stories"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", 20, 100)
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	q := r.URL.Query().Get("q")
	res, err := s.Store.Search(r.Context(), q, limit)
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	out := searchResponse{Query: q, Articles: []apiArticle{}, Stories: res.Stories}
	if out.Stories == nil {
		out.Stories = []*brief.Story{}
	}
	for _, a := range res.Articles {
		out.Articles = append(out.Articles, toAPI(a, false))
	}
	writeJSON(w, http.StatusOK, out)
}

// postFeed subscribes to the feed {"url": "https://…"}.
func (s *Server) postFeed(w http.ResponseWriter, r *http.Request) {
	data, err := s.readBody(w, r)
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	var req struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(data, &req); err != nil {
		writeError(w, r, s.logger(), brief.Errorf("body", "malformed JSON: %v: %w", err, brief.ErrInvalid))
		return
	}
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		writeError(w, r, s.logger(), brief.Errorf("body", "field \"url\": want an http or https URL, got %q: %w", req.URL, brief.ErrInvalid))
		return
	}
	f := &brief.Feed{URL: u.String(), Added: s.clock()}
	if err := s.Store.AddFeed(r.Context(), f); err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	writeJSON(w, http.StatusCreated, f)
}

func (s *Server) getFeeds(w http.ResponseWriter, r *http.Request) {
	feeds, err := s.Store.Feeds(r.Context())
	if err != nil {
		writeError(w, r, s.logger(), err)
		return
	}
	if feeds == nil {
		feeds = []*brief.Feed{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"feeds": feeds})
}

// healthz reports 200 when the store answers, 503 otherwise.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if _, _, err := s.Store.Stories(ctx, 1, ""); err != nil {
		writeError(w, r, s.logger(), fmt.Errorf("health: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
