package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/fetch"
)

const page = `<!DOCTYPE html><html lang="en"><head><title>Bridge reopens after repairs</title>
<meta property="og:site_name" content="Valley News">
<meta property="article:published_time" content="2026-02-01T10:00:00Z"></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge in Holmfirth reopened to traffic on Sunday after eight months of repairs that cost the county 4 million pounds.</p>
<p>Engineers replaced the rusted steel beams under the main span and widened the footpath on the north side, the county council said.</p>
<p>Shop owners on the high street said the closure had cut their trade by a third and welcomed the reopening.</p>
</article><footer>Copyright Valley News</footer></body></html>`

// site serves a feed and its linked pages on loopback, and records what it
// saw.
type site struct {
	srv      *httptest.Server
	feedHits atomic.Int32
	mu       sync.Mutex
	agents   []string
}

func newSite(t *testing.T) *site {
	s := &site{}
	mux := http.NewServeMux()
	track := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			s.agents = append(s.agents, r.UserAgent())
			s.mu.Unlock()
			time.Sleep(5 * time.Millisecond)
			h(w, r)
		}
	}
	mux.HandleFunc("/robots.txt", track(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	}))
	mux.HandleFunc("/feed.xml", track(func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title><link>/</link>`)
		for _, p := range []string{"/a/bridge", "/a/missing", "/a/huge", "/a/loop", "/a/slow", "/private/secret", "/a/bridge"} {
			fmt.Fprintf(w, `<item><title>%s</title><link>%s</link><pubDate>Sun, 01 Feb 2026 10:00:00 GMT</pubDate></item>`, p, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	mux.HandleFunc("/good.xml", track(func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"g1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"g1"`)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title>`+
			`<item><title>Bridge</title><link>/a/bridge</link></item></channel></rss>`)
	}))
	mux.HandleFunc("/bad.xml", track(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss><channel><item><title>unclosed`)
	}))
	mux.HandleFunc("/a/bridge", track(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) }))
	mux.HandleFunc("/a/huge", track(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page, strings.Repeat("<p>padding</p>", 20000))
	}))
	mux.HandleFunc("/a/loop", track(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/a/loop", http.StatusFound)
	}))
	mux.HandleFunc("/a/slow", track(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	}))
	mux.HandleFunc("/private/secret", track(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) }))
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// countingTransport counts the requests in flight on the client side, from
// the start of a round trip to the close of its body: what the per-host
// limit bounds. (A server-side count would see a handler still returning
// while the client has already started the next request.)
type countingTransport struct {
	inFlight, max atomic.Int32
}

func (ct *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	n := ct.inFlight.Add(1)
	for {
		m := ct.max.Load()
		if n <= m || ct.max.CompareAndSwap(m, n) {
			break
		}
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		ct.inFlight.Add(-1)
		return nil, err
	}
	resp.Body = &countedBody{ReadCloser: resp.Body, ct: ct}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	ct   *countingTransport
	once sync.Once
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.ct.inFlight.Add(-1) })
	return b.ReadCloser.Close()
}

func newFetcher(state *fetch.State) *fetch.Fetcher {
	return &fetch.Fetcher{
		Delay:    time.Millisecond,
		Timeout:  300 * time.Millisecond,
		MaxBytes: 64 << 10,
		PerHost:  2,
		State:    state,
	}
}

func TestFeed(t *testing.T) {
	s := newSite(t)
	f := newFetcher(nil)
	ct := &countingTransport{}
	f.Client = &http.Client{Transport: ct, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > 5 {
			return errors.New("too many redirects")
		}
		return nil
	}}
	feedURL := s.srv.URL + "/feed.xml"
	recs, err := f.Feed(context.Background(), feedURL)
	if len(recs) != 1 {
		t.Fatalf("Feed returned %d records, want 1 (the good page): %+v", len(recs), recs)
	}
	r := recs[0]
	if r.URL != s.srv.URL+"/a/bridge" || r.Outlet != "Valley News" || r.Feed != feedURL || r.Published != "2026-02-01T10:00:00Z" {
		t.Errorf("record = url %q outlet %q feed %q published %q", r.URL, r.Outlet, r.Feed, r.Published)
	}
	if !strings.Contains(r.Text, "river bridge in Holmfirth") || strings.Contains(r.Text, "Copyright") {
		t.Errorf("record text = %q", r.Text)
	}
	if len(r.HTMLHash) != 64 {
		t.Errorf("html_hash = %q, want 64 hex digits", r.HTMLHash)
	}
	wantErrs := map[string]error{
		"/a/missing":      brief.ErrNotFound,
		"/a/huge":         brief.ErrTooLarge,
		"/a/loop":         brief.ErrUnavailable,
		"/a/slow":         brief.ErrUnavailable,
		"/private/secret": brief.ErrInvalid,
	}
	errs := unjoin(err)
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(wantErrs), err)
	}
	for _, e := range errs {
		var ie *brief.InputError
		if !errors.As(e, &ie) {
			t.Errorf("error %v is not an InputError", e)
			continue
		}
		path := strings.TrimPrefix(ie.Input, s.srv.URL)
		want, ok := wantErrs[path]
		if !ok {
			t.Errorf("unexpected error for %s: %v", ie.Input, e)
		} else if !errors.Is(e, want) {
			t.Errorf("error for %s = %v, want kind %v", path, e, want)
		}
	}
	if m := ct.max.Load(); m > 2 {
		t.Errorf("max requests in flight = %d, want ≤ PerHost 2", m)
	}
	if m := ct.max.Load(); m < 2 {
		t.Errorf("max requests in flight = %d, want the limit of 2 used", m)
	}
	s.mu.Lock()
	for _, ua := range s.agents {
		if ua != fetch.DefaultUserAgent {
			t.Errorf("User-Agent = %q, want %q", ua, fetch.DefaultUserAgent)
			break
		}
	}
	s.mu.Unlock()
}

func TestFeedConditionalGET(t *testing.T) {
	s := newSite(t)
	path := filepath.Join(t.TempDir(), "state.json")
	state, err := fetch.LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	f := newFetcher(state)
	feedURL := s.srv.URL + "/good.xml"
	if recs, _ := f.Feed(context.Background(), feedURL); len(recs) != 1 {
		t.Fatalf("first fetch: %d records, want 1", len(recs))
	}
	if err := state.Save(path); err != nil {
		t.Fatal(err)
	}
	state2, err := fetch.LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := newFetcher(state2).Feed(context.Background(), feedURL)
	if len(recs) != 0 || err != nil {
		t.Errorf("unchanged feed: %d records, err %v; want 0, nil", len(recs), err)
	}
	if n := s.feedHits.Load(); n != 2 {
		t.Errorf("feed requested %d times, want 2", n)
	}
}

func TestFeedErrors(t *testing.T) {
	s := newSite(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/feed.xml"
	l.Close()
	tests := []struct {
		name string
		url  string
		kind error
	}{
		{"malformed xml", s.srv.URL + "/bad.xml", brief.ErrInvalid},
		{"unreachable", closed, brief.ErrUnavailable},
		{"not http", "ftp://example.invalid/feed", brief.ErrInvalid},
		{"not found", s.srv.URL + "/nope.xml", brief.ErrNotFound},
	}
	for _, tt := range tests {
		recs, err := newFetcher(nil).Feed(context.Background(), tt.url)
		if len(recs) != 0 || !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.url) {
			t.Errorf("%s: Feed(%s) = %d records, %v; want an error of kind %v naming the URL", tt.name, tt.url, len(recs), err, tt.kind)
		}
	}
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, unjoin(e)...)
		}
		return out
	}
	return []error{err}
}
