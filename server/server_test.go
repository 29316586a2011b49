package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/memory"
	"github.com/briefnews/brief/store/sqlite"
)

// keywordAssigner puts articles whose title mentions "bridge" in story
// "bridge" and the others in "other": deterministic, independent of the
// clusterer's tuning.
type keywordAssigner struct{}

func (keywordAssigner) Add(a *brief.Article) string {
	if strings.Contains(strings.ToLower(a.Title), "bridge") {
		return "bridge"
	}
	return "other"
}

// MustServe starts a server over st on an httptest server.
func MustServe(t testing.TB, st brief.Store, a server.Assigner) (*server.Server, *httptest.Server) {
	t.Helper()
	s := &server.Server{Store: st, Assigner: a}
	if err := s.Recover(context.Background()); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func fixture(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// do sends a request and decodes the JSON response into out (if non-nil),
// returning the status.
func do(t testing.TB, method, url, body string, out any) int {
	t.Helper()
	resp, data := send(t, method, url, strings.NewReader(body))
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: bad JSON %q: %v", method, url, data, err)
		}
	}
	return resp.StatusCode
}

// request sends a request without a body and returns the response, its
// body read and closed.
func request(t testing.TB, method, url string) (*http.Response, []byte) {
	t.Helper()
	return send(t, method, url, nil)
}

// send sends a request with body (nil for none) and returns the response,
// its body read and closed.
func send(t testing.TB, method, url string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, data
}

type postResp struct {
	IDs      []string          `json:"ids"`
	Articles []brief.PutResult `json:"articles"`
	Error    string            `json:"error"`
	Input    string            `json:"input"`
}

func TestPostAndRead(t *testing.T) {
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	var p postResp
	if code := do(t, "POST", ts.URL+"/api/articles", string(fixture(t)), &p); code != http.StatusCreated {
		t.Fatalf("POST JSONL = %d %+v, want 201", code, p)
	}
	if len(p.IDs) != 4 {
		t.Fatalf("POST JSONL ids = %v, want 4", p.IDs)
	}
	for _, r := range p.Articles {
		if !r.New {
			t.Errorf("POST JSONL result %+v, want new", r)
		}
	}

	// Posting the same articles again stores nothing new.
	var again postResp
	do(t, "POST", ts.URL+"/api/articles", string(fixture(t)), &again)
	for i, r := range again.Articles {
		if r.New || r.ID != p.IDs[i] {
			t.Errorf("repost result %d = %+v, want id %s, not new", i, r, p.IDs[i])
		}
	}

	var a struct {
		ID, Title, Outlet, Text, Published string
	}
	if code := do(t, "GET", ts.URL+"/api/articles/"+p.IDs[0], "", &a); code != 200 || a.Outlet != "Norland Herald" || a.Published != "2024-03-05T08:00:00Z" || !strings.HasPrefix(a.Text, "A road bridge") {
		t.Errorf("GET article = %d %+v", code, a)
	}

	var list struct {
		Stories []brief.Story `json:"stories"`
		Next    string        `json:"next"`
	}
	if code := do(t, "GET", ts.URL+"/api/stories", "", &list); code != 200 || len(list.Stories) != 2 || list.Next != "" {
		t.Fatalf("GET stories = %d %+v, want 2 stories", code, list)
	}
	var bridge *brief.Story
	for i := range list.Stories {
		if list.Stories[i].ID == "bridge" {
			bridge = &list.Stories[i]
		}
	}
	if bridge == nil || len(bridge.Articles) != 3 || bridge.Summary == nil || len(bridge.Summary.Sentences) == 0 {
		t.Fatalf("bridge story = %+v, want 3 articles and a summary", bridge)
	}
	if bridge.Title != "Bridge collapses over the Vell river in Norland" {
		t.Errorf("bridge title = %q, want the earliest article's", bridge.Title)
	}

	// Pages of one story each, linked by the cursor.
	var page1, page2 struct {
		Stories []brief.Story `json:"stories"`
		Next    string        `json:"next"`
	}
	do(t, "GET", ts.URL+"/api/stories?limit=1", "", &page1)
	if len(page1.Stories) != 1 || page1.Next == "" {
		t.Fatalf("page 1 = %+v, want 1 story and a cursor", page1)
	}
	do(t, "GET", ts.URL+"/api/stories?limit=1&cursor="+page1.Next, "", &page2)
	if len(page2.Stories) != 1 || page2.Stories[0].ID == page1.Stories[0].ID || page2.Next != "" {
		t.Errorf("page 2 = %+v after %+v, want the other story and no cursor", page2, page1)
	}

	var full map[string]json.RawMessage
	if code := do(t, "GET", ts.URL+"/api/stories/bridge", "", &full); code != 200 {
		t.Fatalf("GET story = %d", code)
	}
	for _, k := range []string{"id", "title", "summary", "sources", "entities", "timeline", "quotes", "articles", "updated"} {
		if _, ok := full[k]; !ok {
			t.Errorf("GET story: no field %q in %s", k, full)
		}
	}
	var detail struct {
		Summary  brief.Summary `json:"summary"`
		Sources  []struct{ ID, Outlet, Published string }
		Entities []struct{ Name string }
	}
	do(t, "GET", ts.URL+"/api/stories/bridge", "", &detail)
	if len(detail.Sources) != 3 || detail.Sources[0].Outlet == "" || detail.Sources[0].Published == "" {
		t.Errorf("story sources = %+v, want 3 with outlet and date", detail.Sources)
	}
	texts := map[string]string{}
	for _, id := range p.IDs {
		var a struct{ Text string }
		do(t, "GET", ts.URL+"/api/articles/"+id, "", &a)
		texts[id] = a.Text
	}
	for _, ss := range detail.Summary.Sentences {
		c := ss.Source
		if text, ok := texts[c.ArticleID]; !ok || c.End > len(text) || text[c.Start:c.End] != ss.Text {
			t.Errorf("summary sentence %q does not match its citation %+v", ss.Text, c)
		}
	}
	names := map[string]bool{}
	for _, e := range detail.Entities {
		names[e.Name] = true
	}
	if !names["Lena Marsk"] {
		t.Errorf("entities = %+v, want Lena Marsk", detail.Entities)
	}

	var sr struct {
		Articles []struct{ ID string }
		Stories  []struct{ ID string }
	}
	if code := do(t, "GET", ts.URL+"/api/search?q=Veltrania", "", &sr); code != 200 || len(sr.Articles) != 1 || sr.Articles[0].ID != p.IDs[3] {
		t.Errorf("search Veltrania = %d %+v, want article %s", code, sr, p.IDs[3])
	}
}

func TestPostFormats(t *testing.T) {
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	one := `{"title": "One", "text": "A single article about a bridge.", "outlet": "X", "published": "2024-01-02T03:04:05Z"}`
	arr := `[{"title": "Two", "text": "First of an array."}, {"title": "Three", "html": "<html><body><article><p>Second of an array, given as HTML with enough words to be a paragraph of text.</p></article></body></html>"}]`
	tests := []struct {
		name, body string
		ids        int
	}{
		{"object", one, 1},
		{"array", arr, 2},
		{"jsonl", "{\"title\": \"Four\", \"text\": \"Line one.\"}\n{\"title\": \"Five\", \"text\": \"Line two.\"}\n", 2},
		{"jsonl with CRLF", "{\"title\": \"Six\", \"text\": \"Line one.\"}\r\n{\"title\": \"Seven\", \"text\": \"Line two.\"}\r\n", 2},
		{"object after a byte order mark", "\ufeff{\"title\": \"Eight\", \"text\": \"Saved by a Windows editor.\"}", 1},
		{"jsonl after a byte order mark", "\ufeff{\"title\": \"Nine\", \"text\": \"Line one.\"}\n{\"title\": \"Ten\", \"text\": \"Line two.\"}", 2},
	}
	for _, tt := range tests {
		var p postResp
		if code := do(t, "POST", ts.URL+"/api/articles", tt.body, &p); code != http.StatusCreated || len(p.IDs) != tt.ids {
			t.Errorf("%s: POST = %d %+v, want 201 with %d ids", tt.name, code, p, tt.ids)
		}
	}
}

func TestPostErrors(t *testing.T) {
	st := memory.New()
	_, ts := MustServe(t, st, keywordAssigner{})
	big := `{"title": "big", "text": "` + strings.Repeat("word ", 8<<20) + `"}`
	tests := []struct {
		name, body string
		code       int
		input      string
	}{
		{"empty", "", 400, "body"},
		{"not json", "just some text", 400, "body"},
		{"bad element", `[{"title": "ok", "text": "fine"}, {"title": 7, "text": "x"}]`, 400, "body#2"},
		{"no text", `[{"title": "ok", "text": "fine"}, {"title": "none"}]`, 400, "body#2"},
		{"bad jsonl line", "{\"title\": \"a\", \"text\": \"b\"}\n{\"title\": \"c\", \"text\": \"d\"\n", 400, "body:2"},
		{"bad date", `{"title": "a", "text": "b", "published": "someday"}`, 400, "body"},
		{"too large", big, 413, "body"},
	}
	for _, tt := range tests {
		var p postResp
		code := do(t, "POST", ts.URL+"/api/articles", tt.body, &p)
		if code != tt.code || p.Input != tt.input || p.Error == "" {
			t.Errorf("%s: POST = %d %+v, want %d naming %q", tt.name, code, p, tt.code, tt.input)
		}
	}
	// Nothing of a failed request is stored.
	n := 0
	st.ScanArticles(context.Background(), func(*brief.Article) error { n++; return nil })
	if n != 0 {
		t.Errorf("store holds %d articles after failed posts, want 0", n)
	}
}

func TestNotFound(t *testing.T) {
	_, ts := MustServe(t, memory.New(), nil)
	tests := []struct {
		method, path string
		code         int
	}{
		{"GET", "/api/stories/nope", 404},
		{"GET", "/api/articles/nope", 404},
		{"GET", "/api/nothing", 404},
		{"GET", "/api/stories?limit=0", 400},
		{"GET", "/api/stories?limit=x", 400},
		{"GET", "/api/stories?cursor=!!", 400},
		{"GET", "/api/search?q=", 400},
		{"DELETE", "/api/stories", 405},
		{"GET", "/stories/nope", 404},
		{"GET", "/static/../server.go", 404},
		{"GET", "/static/..%2fserver.go", 404},
		{"GET", "/articles/..%2f..%2fetc%2fpasswd", 404},
		{"GET", "/healthz", 200},
	}
	for _, tt := range tests {
		resp, body := request(t, tt.method, ts.URL+tt.path)
		if resp.StatusCode != tt.code {
			t.Errorf("%s %s = %d, want %d (%s)", tt.method, tt.path, resp.StatusCode, tt.code, body)
		}
		if bytes.Contains(body, []byte("package server")) {
			t.Errorf("%s %s served source code", tt.method, tt.path)
		}
	}
}

// TestUnroutedErrors checks that a request matching no route gets the
// server's error, not the mux's plain text: JSON with the status of its
// kind under /api/ and at /healthz, an HTML page elsewhere.
func TestUnroutedErrors(t *testing.T) {
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	tests := []struct {
		name, method, path string
		code               int
		contentType, allow string
	}{
		{"delete stories", "DELETE", "/api/stories", 405, "application/json", "GET, HEAD"},
		{"put article", "PUT", "/api/articles/x", 405, "application/json", "GET, HEAD"},
		{"get articles", "GET", "/api/articles", 404, "application/json", ""},
		{"post healthz", "POST", "/healthz", 405, "application/json", "GET, HEAD"},
		{"post unknown api", "POST", "/api/nothing", 405, "application/json", "GET, HEAD"},
		{"post page", "POST", "/stories/x", 405, "text/html", "GET, HEAD"},
		{"post unknown page", "POST", "/nothing", 405, "text/html", "GET, HEAD"},
		{"static directory", "GET", "/static/", 404, "text/html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := request(t, tt.method, ts.URL+tt.path)
			if resp.StatusCode != tt.code || !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.contentType) {
				t.Fatalf("%s %s = %d %q, want %d %q (%s)", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.code, tt.contentType, body)
			}
			if got := resp.Header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
			if tt.contentType == "application/json" {
				var e struct{ Error string }
				if err := json.Unmarshal(body, &e); err != nil || e.Error == "" {
					t.Errorf("body %q is not a JSON error", body)
				}
			}
		})
	}
}

func TestFeeds(t *testing.T) {
	st := memory.New()
	var mu sync.Mutex
	var fetched []string
	s := &server.Server{Store: st, Assigner: keywordAssigner{}, Fetch: func(ctx context.Context, url string) ([]*brief.Article, error) {
		mu.Lock()
		fetched = append(fetched, url)
		mu.Unlock()
		if strings.Contains(url, "broken") {
			return nil, errors.New("feed down")
		}
		return []*brief.Article{{Title: "Bridge news from the feed", Text: "The bridge reopened.", URL: url + "/item1"}}, nil
	}}
	if err := s.Recover(context.Background()); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	tests := []struct {
		body string
		code int
	}{
		{`{"url": "https://news.example/rss"}`, 201},
		{`{"url": "https://broken.example/rss"}`, 201},
		{`{"url": "https://news.example/rss"}`, 201},
		{`{"url": "file:///etc/passwd"}`, 400},
		{`{"url": ""}`, 400},
		{`not json`, 400},
	}
	for _, tt := range tests {
		if code := do(t, "POST", ts.URL+"/api/feeds", tt.body, nil); code != tt.code {
			t.Errorf("POST /api/feeds %s = %d, want %d", tt.body, code, tt.code)
		}
	}
	s.PollOnce(context.Background())
	if len(fetched) != 2 {
		t.Errorf("PollOnce fetched %v, want the 2 feeds", fetched)
	}
	a, err := st.Search(context.Background(), "reopened", 5)
	if err != nil || len(a.Articles) != 1 {
		t.Errorf("feed article not ingested: %+v, %v", a, err)
	}
	feeds, _ := st.Feeds(context.Background())
	if len(feeds) != 2 || feeds[0].Checked.IsZero() {
		t.Errorf("feeds after poll = %+v, want 2, the first checked", feeds)
	}
}

// TestRecover checks that a new server over a store rebuilds the stories
// of articles stored without their story (a crash between the two writes)
// and keeps assigning new articles to the existing stories.
func TestRecover(t *testing.T) {
	st := memory.New()
	ctx := context.Background()
	storeOnly := []*brief.Article{
		{ID: "b1", Title: "Bridge shut", Text: "The bridge was shut."},
		{ID: "o1", Title: "Rates", Text: "Rates rose."},
	}
	if _, err := st.PutArticles(ctx, storeOnly); err != nil {
		t.Fatal(err)
	}
	s, ts := MustServe(t, st, keywordAssigner{})
	for _, id := range []string{"bridge", "other"} {
		if _, err := st.Story(ctx, id); err != nil {
			t.Errorf("story %s after Recover: %v", id, err)
		}
	}
	var p postResp
	do(t, "POST", ts.URL+"/api/articles", `{"id": "b2", "title": "Bridge reopens", "text": "The bridge reopened."}`, &p)
	got, err := st.Story(ctx, "bridge")
	if err != nil || strings.Join(got.Articles, ",") != "b1,b2" {
		t.Errorf("bridge story = %+v, %v; want articles b1,b2", got, err)
	}
	_ = s
}

// TestDefaultAssigner runs the real online clusterer: every article must
// land in exactly one story.
func TestDefaultAssigner(t *testing.T) {
	_, ts := MustServe(t, memory.New(), nil)
	var p postResp
	if code := do(t, "POST", ts.URL+"/api/articles", string(fixture(t)), &p); code != 201 {
		t.Fatalf("POST = %d %+v", code, p)
	}
	var list struct{ Stories []brief.Story }
	do(t, "GET", ts.URL+"/api/stories", "", &list)
	seen := map[string]int{}
	for _, s := range list.Stories {
		for _, id := range s.Articles {
			seen[id]++
		}
	}
	for _, id := range p.IDs {
		if seen[id] != 1 {
			t.Errorf("article %s is in %d stories, want 1", id, seen[id])
		}
	}
}

// TestAsync runs a listening server with background story updates: the
// stories catch up with the posted articles, and Close applies what is
// pending.
func TestAsync(t *testing.T) {
	st := memory.New()
	s := &server.Server{Store: st, Assigner: keywordAssigner{}, Async: true, Addr: "127.0.0.1:0"}
	if err := s.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	var p postResp
	if code := do(t, "POST", s.URL()+"/api/articles", string(fixture(t)), &p); code != 201 || len(p.IDs) != 4 {
		t.Fatalf("POST = %d %+v", code, p)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for id, n := range map[string]int{"bridge": 3, "other": 1} {
		got, err := st.Story(context.Background(), id)
		if err != nil || len(got.Articles) != n || got.Summary == nil || len(got.Summary.Sentences) == 0 {
			t.Errorf("story %s after Close = %+v, %v; want %d articles and a summary", id, got, err, n)
		}
	}
}

// TestSQLite runs the API over the SQLite store, whose search and
// pagination differ in implementation from the memory store's.
func TestSQLite(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "brief.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, ts := MustServe(t, st, keywordAssigner{})
	var p postResp
	if code := do(t, "POST", ts.URL+"/api/articles", string(fixture(t)), &p); code != 201 || len(p.IDs) != 4 {
		t.Fatalf("POST = %d %+v", code, p)
	}
	var detail struct {
		Articles []string
		Summary  brief.Summary
	}
	if code := do(t, "GET", ts.URL+"/api/stories/bridge", "", &detail); code != 200 || len(detail.Articles) != 3 || len(detail.Summary.Sentences) == 0 {
		t.Errorf("GET /api/stories/bridge = %d %+v", code, detail)
	}
	var sr struct{ Articles, Stories []struct{ ID string } }
	if code := do(t, "GET", ts.URL+"/api/search?q=eleven+rescued", "", &sr); code != 200 || len(sr.Articles) == 0 {
		t.Errorf("search = %d %+v, want articles", code, sr)
	}
}

// TestConcurrentPosts posts from several clients at once, with reads in
// between, through the default assigner (a cluster.Online, which is not
// safe for concurrent use: the server must serialise it), synchronously
// and with Async. Under -race it checks the server's locking; in any mode
// every article must be stored once and land in exactly one story.
func TestConcurrentPosts(t *testing.T) {
	const clients, perClient = 6, 5
	tests := []struct {
		name  string
		async bool
	}{
		{"sync", false},
		{"async", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := memory.New()
			s := &server.Server{Store: st, Addr: "127.0.0.1:0", Async: tt.async, Logger: log.New(io.Discard, "", 0)}
			if err := s.Open(context.Background()); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			var mu sync.Mutex
			var ids []string
			for c := 0; c < clients; c++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := 0; k < perClient; k++ {
						body := fmt.Sprintf(`{"title": "Bridge %d closed", "text": "The bridge number %d of client %d was closed for repairs on Monday.", "url": "https://x.example/%d/%d"}`, k%2, k, c, c, k)
						resp, err := http.Post(s.URL()+"/api/articles", "application/json", strings.NewReader(body))
						if err != nil {
							t.Error(err)
							return
						}
						var p postResp
						err = json.NewDecoder(resp.Body).Decode(&p)
						resp.Body.Close()
						if resp.StatusCode != http.StatusCreated || err != nil || len(p.IDs) != 1 {
							t.Errorf("POST = %d %+v %v", resp.StatusCode, p, err)
							return
						}
						mu.Lock()
						ids = append(ids, p.IDs[0])
						mu.Unlock()
						if r, err := http.Get(s.URL() + "/api/stories"); err == nil {
							io.Copy(io.Discard, r.Body)
							r.Body.Close()
						}
					}
				}()
			}
			wg.Wait()
			if err := s.Close(); err != nil { // applies the pending async updates
				t.Fatal(err)
			}
			if len(ids) != clients*perClient {
				t.Fatalf("%d articles acknowledged, want %d", len(ids), clients*perClient)
			}
			inStory := map[string]int{}
			list, _, err := st.Stories(context.Background(), 100, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, story := range list {
				for _, id := range story.Articles {
					inStory[id]++
				}
			}
			for _, id := range ids {
				if inStory[id] != 1 {
					t.Errorf("article %s is in %d stories, want 1", id, inStory[id])
				}
			}
			if len(inStory) != len(ids) {
				t.Errorf("stories hold %d articles, want %d", len(inStory), len(ids))
			}
		})
	}
}
