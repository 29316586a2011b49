package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/fetch"
)

// Two article pages. The ferry page names its outlet and publication time;
// the library page names neither, so a record of it takes both from the
// feed.
const (
	ferryPage = `<!DOCTYPE html><html lang="en"><head><title>Ferry service resumes after storm</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-03-02T08:30:00Z"></head>
<body><nav>Home | Local | Weather</nav><article><h1>Ferry service resumes after storm</h1>
<p>The island ferry sailed again on Monday morning after high winds kept it in port for four days, stranding hundreds of travellers on both sides.</p>
<p>The operator said engineers had checked the hull and the loading ramp before the first crossing, which left with every seat taken.</p>
<p>Island shopkeepers said deliveries of bread and milk would be back to normal by the end of the week.</p>
</article><footer>Contact the newsroom</footer></body></html>`

	libraryPage = `<!DOCTYPE html><html lang="en"><head><title>Library extends opening hours</title></head>
<body><nav>Home | Local | Weather</nav><article><h1>Library extends opening hours</h1>
<p>The central library will stay open until nine in the evening on weekdays, after a survey found that students wanted somewhere quiet to work late.</p>
<p>The council said the longer hours would be paid for by closing the reading room on Sunday mornings, when few people used it.</p>
<p>Volunteers will run a homework club in the children's section twice a week.</p>
</article><footer>Contact the newsroom</footer></body></html>`
)

// wantRecord is what a record of one of the two pages must hold.
type wantRecord struct {
	path, title, outlet, published, text string
}

var (
	wantFerry = wantRecord{"/news/ferry", "Ferry service resumes after storm", "Harbour Times", "2026-03-02T08:30:00Z", "island ferry sailed again"}
	// The library page's outlet is left unchecked ("") here; see
	// TestOutletFromFeed.
	wantLibrary = wantRecord{"/news/library", "Library extends opening hours", "", "2026-03-03T12:15:00Z", "stay open until nine"}
)

// testSite is an httptest server on loopback that counts the requests to
// each path.
type testSite struct {
	*httptest.Server
	mux  *http.ServeMux
	mu   sync.Mutex
	hits map[string]int
	reqs map[string][]*http.Request
}

// newTestSite starts a site serving the two article pages and robots.txt
// (404 when robots is empty).
func newTestSite(t *testing.T, robots string) *testSite {
	t.Helper()
	if robots == "" {
		return newRobotsSite(t, http.StatusNotFound, "")
	}
	return newRobotsSite(t, http.StatusOK, robots)
}

// newRobotsSite starts a site serving the two article pages and a
// robots.txt with the status and body.
func newRobotsSite(t *testing.T, robotsStatus int, robots string) *testSite {
	t.Helper()
	s := &testSite{mux: http.NewServeMux(), hits: map[string]int{}, reqs: map[string][]*http.Request{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.reqs[r.URL.Path] = append(s.reqs[r.URL.Path], r)
		s.mu.Unlock()
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(robotsStatus)
		fmt.Fprint(w, robots)
	})
	s.handle("/news/ferry", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, ferryPage) })
	s.handle("/news/library", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, libraryPage) })
	return s
}

func (s *testSite) handle(path string, h http.HandlerFunc) { s.mux.HandleFunc(path, h) }

// serve serves body at path with the content type, with BASE replaced by
// the site's URL.
func (s *testSite) serve(path, contentType, body string) {
	s.handle(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, strings.ReplaceAll(body, "BASE", s.URL))
	})
}

func (s *testSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *testSite) requests(path string) []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs[path]...)
}

// testFetcher is a Fetcher with short delays and a timeout generous enough
// for the race detector.
func testFetcher() *fetch.Fetcher {
	return &fetch.Fetcher{Delay: -1, Timeout: 5 * time.Second, MaxBytes: 64 << 10}
}

// checkRecords checks that recs are exactly the wanted records, in any
// order, each from feedURL.
func checkRecords(t *testing.T, base, feedURL string, recs []fetch.Record, want ...wantRecord) {
	t.Helper()
	if len(recs) != len(want) {
		t.Errorf("got %d records, want %d", len(recs), len(want))
	}
	byURL := map[string]fetch.Record{}
	for _, r := range recs {
		byURL[r.URL] = r
	}
	for _, w := range want {
		r, ok := byURL[base+w.path]
		if !ok {
			t.Errorf("no record for %s among %d", base+w.path, len(recs))
			continue
		}
		if r.Title != w.title || (w.outlet != "" && r.Outlet != w.outlet) || r.Published != w.published || r.Feed != feedURL {
			t.Errorf("record %s: title %q outlet %q published %q feed %q; want %q %q %q %q",
				w.path, r.Title, r.Outlet, r.Published, r.Feed, w.title, w.outlet, w.published, feedURL)
		}
		if !strings.Contains(r.Text, w.text) || strings.Contains(r.Text, "Contact the newsroom") || strings.Contains(r.Text, "Home | Local") {
			t.Errorf("record %s: text %q", w.path, r.Text)
		}
		if _, err := time.Parse(time.RFC3339, r.Fetched); err != nil {
			t.Errorf("record %s: fetched %q: %v", w.path, r.Fetched, err)
		}
		if len(r.HTMLHash) != 64 {
			t.Errorf("record %s: html_hash %q", w.path, r.HTMLHash)
		}
	}
}

// checkErr checks that err is of kind and names input.
func checkErr(t *testing.T, err, kind error, input string) {
	t.Helper()
	var ie *brief.InputError
	switch {
	case err == nil:
		t.Errorf("no error, want %v naming %s", kind, input)
	case !errors.Is(err, kind):
		t.Errorf("error %v, want kind %v", err, kind)
	case !errors.As(err, &ie) || ie.Input != input:
		t.Errorf("error %v does not name %s as its input", err, input)
	}
}

// The four feed formats, each with two items: the ferry page, dated before
// the page's own date, and the library page, whose only date is the feed's.
var feedFormats = []struct {
	name, contentType, body string
}{
	{"RSS 1.0", "application/rdf+xml", `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="BASE/feed">
  <title>Coastal Daily</title><link>BASE/</link><description>News from the coast</description>
  <items><rdf:Seq><rdf:li rdf:resource="BASE/news/ferry"/><rdf:li rdf:resource="BASE/news/library"/></rdf:Seq></items>
 </channel>
 <item rdf:about="BASE/news/ferry"><title>Ferry back</title><link>BASE/news/ferry</link><dc:date>2026-03-01T07:00:00Z</dc:date></item>
 <item rdf:about="BASE/news/library"><title>Library hours</title><link>BASE/news/library</link><dc:date>2026-03-03T12:15:00Z</dc:date></item>
</rdf:RDF>`},
	{"RSS 2.0", "application/rss+xml", `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coastal Daily</title><link>BASE/</link><description>News from the coast</description>
 <item><title>Ferry back</title><link>BASE/news/ferry</link><guid>ferry-1</guid><pubDate>Sun, 01 Mar 2026 07:00:00 GMT</pubDate></item>
 <item><title>Library hours</title><link>BASE/news/library</link><guid>library-1</guid><pubDate>Tue, 03 Mar 2026 13:15:00 +0100</pubDate></item>
</channel></rss>`},
	{"Atom", "application/atom+xml", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Daily</title><id>urn:coastal</id><updated>2026-03-03T12:15:00Z</updated>
 <link rel="self" href="BASE/feed"/>
 <entry><title>Ferry back</title><id>urn:ferry</id><link rel="alternate" href="BASE/news/ferry"/><published>2026-03-01T07:00:00Z</published><updated>2026-03-01T07:00:00Z</updated></entry>
 <entry><title>Library hours</title><id>urn:library</id><link href="BASE/news/library"/><updated>2026-03-03T12:15:00Z</updated></entry>
</feed>`},
	{"JSON Feed", "application/feed+json", `{"version": "https://jsonfeed.org/version/1.1", "title": "Coastal Daily", "home_page_url": "BASE/",
 "items": [
  {"id": "ferry-1", "url": "BASE/news/ferry", "title": "Ferry back", "content_text": "x", "date_published": "2026-03-01T07:00:00Z"},
  {"id": "library-1", "url": "BASE/news/library", "title": "Library hours", "content_text": "y", "date_published": "2026-03-03T12:15:00Z"}
 ]}`},
}

func TestFeedFormats(t *testing.T) {
	for _, tt := range feedFormats {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, "User-agent: *\nDisallow: /private/\n")
			s.serve("/feed", tt.contentType, tt.body)
			feedURL := s.URL + "/feed"
			recs, err := testFetcher().Feed(context.Background(), feedURL)
			if err != nil {
				t.Errorf("Feed: %v", err)
			}
			checkRecords(t, s.URL, feedURL, recs, wantFerry, wantLibrary)
			for _, p := range []string{"/robots.txt", "/feed", "/news/ferry", "/news/library"} {
				if n := s.count(p); n != 1 {
					t.Errorf("%s requested %d times, want 1", p, n)
				}
			}
		})
	}
}

func TestFeedLinks(t *testing.T) {
	tests := []struct {
		name string
		path string // of the feed
		body string
		want []wantRecord
	}{
		{"relative links", "/feeds/daily.xml", `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><link>../news/ferry</link></item>
 <item><link>/news/library</link><pubDate>Tue, 03 Mar 2026 12:15:00 GMT</pubDate></item></channel></rss>`,
			[]wantRecord{wantFerry, wantLibrary}},
		{"duplicate items", "/feed", `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><link>BASE/news/ferry</link></item>
 <item><link>/news/ferry</link></item>
 <item><link>  BASE/news/ferry  </link></item>
 <item><link>BASE/news/library</link><pubDate>Tue, 03 Mar 2026 12:15:00 GMT</pubDate></item>
 <item><link>BASE/news/library</link><pubDate>Tue, 03 Mar 2026 12:15:00 GMT</pubDate></item></channel></rss>`,
			[]wantRecord{wantFerry, wantLibrary}},
		{"items without links", "/feed", `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><title>A headline with no link</title><description>Only a summary.</description></item>
 <item><link>   </link></item>
 <item><link>BASE/news/library</link><pubDate>Tue, 03 Mar 2026 12:15:00 GMT</pubDate></item></channel></rss>`,
			[]wantRecord{wantLibrary}},
		{"no items", "/feed", `<rss version="2.0"><channel><title>Coastal Daily</title></channel></rss>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, "")
			s.serve(tt.path, "application/rss+xml", tt.body)
			feedURL := s.URL + tt.path
			recs, err := testFetcher().Feed(context.Background(), feedURL)
			if err != nil {
				t.Errorf("Feed: %v", err)
			}
			checkRecords(t, s.URL, feedURL, recs, tt.want...)
			for _, w := range tt.want {
				if n := s.count(w.path); n != 1 {
					t.Errorf("%s requested %d times, want 1", w.path, n)
				}
			}
		})
	}
}

func TestFeedRedirects(t *testing.T) {
	// The feed at /feeds/daily.xml links relatively, so following a
	// redirect to it must resolve links against the final URL.
	const feed = `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><link>../news/ferry</link></item></channel></rss>`
	tests := []struct {
		name string
		hops int // redirects before the feed; -1 is a loop
		ok   bool
	}{
		{"none", 0, true},
		{"once", 1, true},
		{"MaxRedirects", 3, true},
		{"MaxRedirects+1", 4, false},
		{"loop", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, "")
			s.serve("/feeds/daily.xml", "application/rss+xml", feed)
			s.handle("/hop/", func(w http.ResponseWriter, r *http.Request) {
				var n int
				fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
				switch {
				case tt.hops < 0:
					http.Redirect(w, r, r.URL.Path, http.StatusFound)
				case n <= 1:
					http.Redirect(w, r, "/feeds/daily.xml", http.StatusMovedPermanently)
				default:
					http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
				}
			})
			feedURL := s.URL + "/feeds/daily.xml"
			if tt.hops != 0 {
				feedURL = fmt.Sprintf("%s/hop/%d", s.URL, tt.hops)
			}
			f := testFetcher()
			f.MaxRedirects = 3
			recs, err := f.Feed(context.Background(), feedURL)
			if !tt.ok {
				checkErr(t, err, brief.ErrUnavailable, feedURL)
				if len(recs) != 0 || s.count("/news/ferry") != 0 {
					t.Errorf("got %d records after a failed feed", len(recs))
				}
				return
			}
			if err != nil {
				t.Errorf("Feed: %v", err)
			}
			checkRecords(t, s.URL, feedURL, recs, wantFerry)
		})
	}
}

// TestArticleRedirect checks that a record has the URL the page was found
// at after redirects, not the feed's link.
func TestArticleRedirect(t *testing.T) {
	s := newTestSite(t, "")
	s.handle("/short/1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/library", http.StatusFound)
	})
	rec, err := testFetcher().Article(context.Background(), s.URL+"/short/1")
	if err != nil {
		t.Fatal(err)
	}
	if rec.URL != s.URL+"/news/library" {
		t.Errorf("URL = %q, want the final URL", rec.URL)
	}
}

// gzipped returns body compressed.
func gzipped(body []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(body)
	zw.Close()
	return b.Bytes()
}

func TestFeedGzip(t *testing.T) {
	s := newTestSite(t, "")
	feed := strings.ReplaceAll(feedFormats[2].body, "BASE", s.URL)
	gzipHandler := func(body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				t.Errorf("%s: request without Accept-Encoding: gzip", r.URL.Path)
			}
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gzipped(body))
		}
	}
	s.handle("/feed.gz", gzipHandler([]byte(feed)))
	s.handle("/news/ferry.gz", gzipHandler([]byte(ferryPage)))
	// 2 MiB of spaces compress to a few KiB: the size cap must apply to
	// the decompressed body.
	s.handle("/bomb", gzipHandler(append([]byte(libraryPage), bytes.Repeat([]byte(" "), 2<<20)...)))

	feedURL := s.URL + "/feed.gz"
	recs, err := testFetcher().Feed(context.Background(), feedURL)
	if err != nil {
		t.Errorf("Feed: %v", err)
	}
	checkRecords(t, s.URL, feedURL, recs, wantFerry, wantLibrary)

	if rec, err := testFetcher().Article(context.Background(), s.URL+"/news/ferry.gz"); err != nil || !strings.Contains(rec.Text, wantFerry.text) {
		t.Errorf("gzipped page: %v, text %q", err, rec.Text)
	}
	_, err = testFetcher().Article(context.Background(), s.URL+"/bomb")
	checkErr(t, err, brief.ErrTooLarge, s.URL+"/bomb")
}

func TestTimeout(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"slow headers", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		}},
		{"slow body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<rss version="2.0"><channel><title>Coastal Daily</title>`)
			w.(http.Flusher).Flush()
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, "")
			s.handle("/feed", tt.handler)
			f := testFetcher()
			f.Timeout = 200 * time.Millisecond
			start := time.Now()
			recs, err := f.Feed(context.Background(), s.URL+"/feed")
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("Feed took %v with a 200ms timeout", d)
			}
			if len(recs) != 0 {
				t.Errorf("got %d records", len(recs))
			}
			checkErr(t, err, brief.ErrUnavailable, s.URL+"/feed")
		})
	}
}

func TestSizeCap(t *testing.T) {
	s := newTestSite(t, "")
	big := strings.Replace(libraryPage, "</article>", strings.Repeat("<p>More words about the library.</p>\n", 2000)+"</article>", 1)
	s.handle("/news/big", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, big) })
	s.serve("/feed", "application/rss+xml", `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><link>/news/big</link></item><item><link>/news/ferry</link></item></channel></rss>`)
	s.serve("/big-feed", "application/rss+xml", `<rss version="2.0"><channel><title>Coastal Daily</title>`+
		strings.Repeat("<item><link>/news/ferry</link><description>padding padding padding</description></item>\n", 1000)+`</channel></rss>`)

	f := testFetcher()
	f.MaxBytes = 32 << 10
	feedURL := s.URL + "/feed"
	recs, err := f.Feed(context.Background(), feedURL)
	checkRecords(t, s.URL, feedURL, recs, wantRecord{"/news/ferry", wantFerry.title, wantFerry.outlet, wantFerry.published, wantFerry.text})
	checkErr(t, err, brief.ErrTooLarge, s.URL+"/news/big")

	recs, err = f.Feed(context.Background(), s.URL+"/big-feed")
	if len(recs) != 0 {
		t.Errorf("feed over the cap gave %d records", len(recs))
	}
	checkErr(t, err, brief.ErrTooLarge, s.URL+"/big-feed")

	// The same page fits under a larger cap.
	f = testFetcher()
	f.MaxBytes = 1 << 20
	if _, err := f.Article(context.Background(), s.URL+"/news/big"); err != nil {
		t.Errorf("page under a 1 MiB cap: %v", err)
	}
}

func TestRobots(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><link>/news/ferry</link></item><item><link>/news/library</link><pubDate>Tue, 03 Mar 2026 12:15:00 GMT</pubDate></item></channel></rss>`
	tests := []struct {
		name    string
		robots  string
		status  int // of robots.txt
		allowed bool
	}{
		{"whole site disallowed", "User-agent: *\nDisallow: /\n", http.StatusOK, false},
		{"brief disallowed", "User-agent: brief\nDisallow: /\n\nUser-agent: *\nAllow: /\n", http.StatusOK, false},
		{"another robot disallowed", "User-agent: otherbot\nDisallow: /\n", http.StatusOK, true},
		{"empty file", "", http.StatusOK, true},
		{"no file", "", http.StatusNotFound, true},
		{"server error", "", http.StatusServiceUnavailable, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newRobotsSite(t, tt.status, tt.robots)
			s.serve("/feed", "application/rss+xml", feed)
			feedURL := s.URL + "/feed"
			f := testFetcher()
			recs, err := f.Feed(context.Background(), feedURL)
			if !tt.allowed {
				if len(recs) != 0 || err == nil || !strings.Contains(err.Error(), feedURL) {
					t.Errorf("Feed = %d records, %v; want an error naming %s", len(recs), err, feedURL)
				}
				if n := s.count("/feed"); n != 0 {
					t.Errorf("feed requested %d times against robots.txt", n)
				}
				return
			}
			if err != nil {
				t.Errorf("Feed: %v", err)
			}
			checkRecords(t, s.URL, feedURL, recs, wantFerry, wantLibrary)
			// One robots.txt per host, however many URLs.
			if _, err := f.Article(context.Background(), s.URL+"/news/ferry"); err != nil {
				t.Error(err)
			}
			if n := s.count("/robots.txt"); n != 1 {
				t.Errorf("robots.txt requested %d times, want 1", n)
			}
		})
	}
	t.Run("IgnoreRobots", func(t *testing.T) {
		s := newTestSite(t, "User-agent: *\nDisallow: /\n")
		s.serve("/feed", "application/rss+xml", feed)
		f := testFetcher()
		f.IgnoreRobots = true
		recs, err := f.Feed(context.Background(), s.URL+"/feed")
		if err != nil {
			t.Error(err)
		}
		checkRecords(t, s.URL, s.URL+"/feed", recs, wantFerry, wantLibrary)
		if n := s.count("/robots.txt"); n != 0 {
			t.Errorf("robots.txt requested %d times with IgnoreRobots", n)
		}
	})
}

func TestStateRoundTrip(t *testing.T) {
	tests := []struct {
		name          string
		etag, lastMod string
	}{
		{"ETag", `"rev-1"`, ""},
		{"Last-Modified", "", "Mon, 02 Mar 2026 09:00:00 GMT"},
		{"both", `W/"rev-1"`, "Mon, 02 Mar 2026 09:00:00 GMT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSite(t, "")
			var mu sync.Mutex
			items := `<item><link>/news/ferry</link></item>`
			etag, lastMod := tt.etag, tt.lastMod
			s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				if (etag != "" && r.Header.Get("If-None-Match") == etag) ||
					(etag == "" && lastMod != "" && r.Header.Get("If-Modified-Since") == lastMod) {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				if etag != "" {
					w.Header().Set("ETag", etag)
				}
				if lastMod != "" {
					w.Header().Set("Last-Modified", lastMod)
				}
				fmt.Fprintf(w, `<rss version="2.0"><channel><title>Coastal Daily</title>%s</channel></rss>`, items)
			})
			feedURL := s.URL + "/feed"
			path := filepath.Join(t.TempDir(), "state.json")
			run := func() ([]fetch.Record, error) {
				t.Helper()
				state, err := fetch.LoadState(path)
				if err != nil {
					t.Fatal(err)
				}
				f := testFetcher()
				f.State = state
				recs, err := f.Feed(context.Background(), feedURL)
				if err := state.Save(path); err != nil {
					t.Fatal(err)
				}
				return recs, err
			}

			recs, err := run()
			if err != nil {
				t.Error(err)
			}
			checkRecords(t, s.URL, feedURL, recs, wantFerry)

			// Unchanged: the saved validators give a 304 and no records.
			recs, err = run()
			if len(recs) != 0 || err != nil {
				t.Errorf("unchanged feed: %d records, %v", len(recs), err)
			}
			reqs := s.requests("/feed")
			if len(reqs) != 2 {
				t.Fatalf("feed requested %d times, want 2", len(reqs))
			}
			if got := reqs[1].Header.Get("If-None-Match"); got != etag {
				t.Errorf("If-None-Match = %q, want %q", got, etag)
			}
			if got := reqs[1].Header.Get("If-Modified-Since"); got != lastMod {
				t.Errorf("If-Modified-Since = %q, want %q", got, lastMod)
			}

			// A 304 keeps the validators: a third run is conditional too.
			if recs, err := run(); len(recs) != 0 || err != nil {
				t.Errorf("third run: %d records, %v", len(recs), err)
			}
			if got := s.requests("/feed")[2].Header.Get("If-None-Match"); got != etag {
				t.Errorf("third run If-None-Match = %q, want %q", got, etag)
			}

			// Changed: only the new item is fetched, the old one is
			// remembered as seen.
			mu.Lock()
			items += `<item><link>/news/library</link><pubDate>Tue, 03 Mar 2026 12:15:00 GMT</pubDate></item>`
			if etag != "" {
				etag = `"rev-2"`
			}
			if lastMod != "" {
				lastMod = "Tue, 03 Mar 2026 12:20:00 GMT"
			}
			mu.Unlock()
			recs, err = run()
			if err != nil {
				t.Error(err)
			}
			checkRecords(t, s.URL, feedURL, recs, wantLibrary)
			if n := s.count("/news/ferry"); n != 1 {
				t.Errorf("seen page fetched %d times, want 1", n)
			}
		})
	}
}

func TestLoadState(t *testing.T) {
	dir := t.TempDir()
	s, err := fetch.LoadState(filepath.Join(dir, "none.json"))
	if err != nil || s == nil || len(s.Feeds) != 0 || len(s.Seen) != 0 {
		t.Errorf("missing file: %+v, %v; want an empty state", s, err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"feeds": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = fetch.LoadState(bad)
	checkErr(t, err, brief.ErrInvalid, bad)

	null := filepath.Join(dir, "null.json")
	if err := os.WriteFile(null, []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = fetch.LoadState(null)
	if err != nil || s.Feeds == nil || s.Seen == nil {
		t.Errorf("empty object: %+v, %v; want usable maps", s, err)
	}
	if err := s.Save(filepath.Join(dir, "no", "such", "dir", "state.json")); err == nil {
		t.Errorf("Save into a missing directory gave no error")
	}
}

// TestOutletFromFeed checks that a page that names no outlet gets the
// feed's title as its outlet, as Fetcher.Feed intends.
func TestOutletFromFeed(t *testing.T) {
	s := newTestSite(t, "")
	s.serve("/feed", "application/rss+xml", feedFormats[1].body)
	recs, err := testFetcher().Feed(context.Background(), s.URL+"/feed")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r.URL == s.URL+"/news/library" && r.Outlet != "Coastal Daily" {
			// trafilatura names the URL's host as the site when the page
			// names none, so Feed's fallback to the feed title never
			// runs.
			t.Errorf("regression: outlet %q, want the feed title %q", r.Outlet, "Coastal Daily")
		}
	}
}

// TestRedirectRobots checks that robots.txt is obeyed for the target of a
// redirect, not only for the URL asked for.
func TestRedirectRobots(t *testing.T) {
	s := newTestSite(t, "User-agent: *\nDisallow: /private/\n")
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/private/feed", http.StatusFound)
	})
	s.serve("/private/feed", "application/rss+xml", feedFormats[1].body)
	recs, err := testFetcher().Feed(context.Background(), s.URL+"/feed")
	if n := s.count("/private/feed"); n > 0 {
		t.Errorf("regression: redirect target disallowed by robots.txt was fetched (%d records, err %v)", len(recs), err)
	}
	checkErr(t, err, brief.ErrInvalid, s.URL+"/feed")
}

// TestRetryAfterNotModified checks that an article that failed for a
// passing reason is fetched again on the next run even when the feed has
// not changed.
func TestRetryAfterNotModified(t *testing.T) {
	s := newTestSite(t, "")
	var mu sync.Mutex
	fails := 1
	s.handle("/news/flaky", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if fails > 0 {
			fails--
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, ferryPage)
	})
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Coastal Daily</title><item><link>/news/flaky</link></item></channel></rss>`)
	})
	state, err := fetch.LoadState(filepath.Join(t.TempDir(), "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	for run := 1; run <= 2; run++ {
		f := testFetcher()
		f.State = state
		recs, err := f.Feed(context.Background(), s.URL+"/feed")
		switch run {
		case 1:
			checkErr(t, err, brief.ErrUnavailable, s.URL+"/news/flaky")
		case 2:
			if s.count("/news/flaky") == 1 {
				t.Errorf("regression: the feed answered 304 and the failed article was not retried")
			}
			if len(recs) != 1 || err != nil {
				t.Errorf("second run: %d records, %v; want the article", len(recs), err)
			}
		}
	}
}

// TestFragmentDuplicates checks that links differing only in their
// fragment are one article.
func TestFragmentDuplicates(t *testing.T) {
	s := newTestSite(t, "")
	s.serve("/feed", "application/rss+xml", `<rss version="2.0"><channel><title>Coastal Daily</title>
 <item><link>/news/ferry</link></item><item><link>/news/ferry#comments</link></item></channel></rss>`)
	recs, err := testFetcher().Feed(context.Background(), s.URL+"/feed")
	if err != nil {
		t.Fatal(err)
	}
	if n := s.count("/news/ferry"); n != 1 || len(recs) != 1 {
		t.Errorf("regression: page fetched %d times, %d records; want 1", n, len(recs))
	}
	checkRecords(t, s.URL, s.URL+"/feed", recs, wantFerry)
}

// TestRobotsServerError checks that a robots.txt answering 5xx blocks the
// host with an error that says robots.txt failed, and is asked for once.
func TestRobotsServerError(t *testing.T) {
	s := newRobotsSite(t, http.StatusServiceUnavailable, "")
	f := testFetcher()
	for i := 0; i < 3; i++ {
		_, err := f.Article(context.Background(), s.URL+"/news/ferry")
		if err == nil {
			t.Fatal("page fetched while robots.txt answers 503")
		}
		if !strings.Contains(err.Error(), "robots.txt") {
			t.Errorf("regression: error %q does not say robots.txt failed", err)
		}
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt requested %d times for 3 pages, want 1", n)
	}
	if n := s.count("/news/ferry"); n != 0 {
		t.Errorf("page requested %d times", n)
	}
}

// TestFeedSince checks the validators FeedSince returns and that links
// marked seen (as brief serve marks its stored articles) are not
// downloaded.
func TestFeedSince(t *testing.T) {
	s := newTestSite(t, "")
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 03 Mar 2026 12:20:00 GMT")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Coastal Daily</title><item><link>/news/ferry</link></item><item><link>/news/library</link></item></channel></rss>`)
	})
	feedURL := s.URL + "/feed"
	v1 := fetch.Validators{ETag: `"v1"`, LastModified: "Tue, 03 Mar 2026 12:20:00 GMT"}
	tests := []struct {
		name     string
		since    fetch.Validators
		seen     []string // links marked seen before the call
		want     fetch.Validators
		wantRecs int
	}{
		{name: "first fetch", want: v1, wantRecs: 2},
		{name: "stale validators", since: fetch.Validators{ETag: `"v0"`}, seen: []string{s.URL + "/news/ferry"}, want: v1, wantRecs: 1},
		{name: "not modified", since: fetch.Validators{ETag: `"v1"`, LastModified: "kept as given"}, want: fetch.Validators{ETag: `"v1"`, LastModified: "kept as given"}},
		{name: "all seen", seen: []string{s.URL + "/news/ferry", s.URL + "/news/library"}, want: v1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := testFetcher()
			f.State = &fetch.State{}
			for _, u := range tt.seen {
				f.State.MarkSeen(u)
			}
			before := s.count("/news/ferry") + s.count("/news/library")
			recs, got, err := f.FeedSince(context.Background(), feedURL, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("validators = %+v, want %+v", got, tt.want)
			}
			if len(recs) != tt.wantRecs {
				t.Errorf("%d records, want %d", len(recs), tt.wantRecs)
			}
			if n := s.count("/news/ferry") + s.count("/news/library") - before; n != tt.wantRecs {
				t.Errorf("%d pages downloaded, want %d", n, tt.wantRecs)
			}
			if len(f.State.Feeds) != 0 {
				t.Errorf("FeedSince wrote State.Feeds: %v", f.State.Feeds)
			}
			for _, r := range recs {
				if !f.State.HasSeen(r.URL) {
					t.Errorf("%s not marked seen after the fetch", r.URL)
				}
			}
		})
	}
	t.Run("feed unavailable", func(t *testing.T) {
		f := testFetcher()
		since := fetch.Validators{ETag: `"old"`}
		_, got, err := f.FeedSince(context.Background(), s.URL+"/missing", since)
		if err == nil || got != since {
			t.Errorf("missing feed: validators %+v, %v; want %+v and an error", got, err, since)
		}
	})
}
