// Package fetch downloads news feeds (RSS, Atom, JSON Feed) and the articles
// they link to, politely: robots.txt is obeyed, requests carry a clear
// User-Agent, each host gets a bounded number of concurrent requests with a
// delay between them, pages are size-capped, redirects are bounded, and feeds
// are fetched with conditional GET (ETag, Last-Modified). With
// Fetcher.PublicOnly it connects only to public internet addresses, for
// servers that fetch URLs their clients give (server-side request forgery).
//
// It is the only package of brief that talks to the network.
package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/extract"
)

// DefaultUserAgent is sent when Fetcher.UserAgent is empty.
const DefaultUserAgent = "brief/1.0 (news summarizer; +https://github.com/briefnews/brief)"

// Fetcher downloads feeds and their articles. The zero value is usable with
// the defaults documented on each field. A Fetcher is safe for concurrent use;
// its fields must not change after first use.
type Fetcher struct {
	// Client makes the requests; nil means a client with Timeout and
	// MaxRedirects applied. A given client's CheckRedirect is replaced:
	// the Fetcher follows redirects itself.
	Client *http.Client
	// PublicOnly makes every connection the Fetcher opens (feeds,
	// robots.txt, article pages, each redirect hop) refuse an address
	// that is not public (see PublicAddr: loopback, private, link-local
	// with cloud metadata, CGNAT, multicast, unspecified, IPv4-mapped
	// forms of these). The check is made on the address actually
	// dialled, after name resolution, so a host name that resolves to a
	// private address (DNS rebinding included) and a redirect to one are
	// refused too; the request then fails with an error wrapping
	// ErrPrivateAddress (a brief.ErrInvalid) that names the URL and the
	// address. To see every address, the Fetcher dials directly: the
	// transport's Proxy (HTTP_PROXY, HTTPS_PROXY from the environment in
	// http.DefaultTransport) and dial functions are replaced by a guarded
	// dialer, on a copy of Client.Transport, which must be nil or an
	// *http.Transport. False, the zero value, connects anywhere, through
	// the environment's proxy if any: right when the user types the URLs.
	PublicOnly bool
	// UserAgent identifies brief to servers; empty means DefaultUserAgent.
	UserAgent string
	// PerHost is the maximum number of requests in flight to one host;
	// 0 means 2.
	PerHost int
	// Delay is the minimum time between the starts of two requests to one
	// host; 0 means 500ms, negative means none.
	Delay time.Duration
	// Timeout bounds each request, headers and body; 0 means 20s.
	Timeout time.Duration
	// MaxBytes caps the size of a feed or page body; 0 means 10 MiB.
	// Larger bodies give an error wrapping brief.ErrTooLarge.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed per request; 0 means 5.
	MaxRedirects int
	// IgnoreRobots skips robots.txt (for tests and sites you own).
	IgnoreRobots bool
	// Extractor extracts article pages; nil means &extract.Extractor{}.
	Extractor *extract.Extractor
	// State remembers validators (ETag, Last-Modified) of feeds (for
	// Feed, not FeedSince) and the article URLs already fetched; nil means
	// no memory between calls.
	State *State

	// allowAddr replaces PublicAddr as the test of PublicOnly (tests,
	// whose servers are all on loopback, tell them apart by port).
	allowAddr func(netip.AddrPort) bool

	once    sync.Once
	client  *http.Client
	initErr error // a Client that PublicOnly cannot guard
	mu      sync.Mutex
	hosts   map[string]*hostGate
	robots  map[string]robotsRules
}

// Record is one fetched article, as written to JSONL by `brief fetch`. Its
// fields are a superset of the article JSON that package ingest reads.
type Record struct {
	URL       string `json:"url"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339
	Fetched   string `json:"fetched"`             // RFC 3339
	Language  string `json:"language,omitempty"`
	Text      string `json:"text"`
	HTMLHash  string `json:"html_hash"` // SHA-256 of the page bytes, hex
	Feed      string `json:"feed,omitempty"`
}

func (f *Fetcher) init() {
	f.once.Do(func() {
		f.hosts = map[string]*hostGate{}
		f.robots = map[string]robotsRules{}
		// Redirects are followed by get, one request at a time, so that
		// each target passes robots.txt and its host's gate.
		noFollow := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		c := http.Client{Timeout: f.timeout()}
		if f.Client != nil {
			c = *f.Client
		}
		c.CheckRedirect = noFollow
		if f.PublicOnly {
			c.Transport, f.initErr = f.guard(c.Transport)
		}
		f.client = &c
	})
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return 20 * time.Second
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return 10 << 20
}

func (f *Fetcher) userAgent() string {
	if f.UserAgent != "" {
		return f.UserAgent
	}
	return DefaultUserAgent
}

// Feed downloads the feed at feedURL and every article it links to that
// State has not seen. It returns the records of the articles fetched and
// an errors.Join of the failures, each naming its URL; a failure of one
// article never loses the others. A feed unchanged since the last call
// (HTTP 304) yields no records and no error. It is FeedSince with the
// validators kept in State, which it updates.
func (f *Fetcher) Feed(ctx context.Context, feedURL string) ([]Record, error) {
	var v Validators
	if f.State != nil {
		v = f.State.feed(feedURL)
	}
	recs, next, err := f.FeedSince(ctx, feedURL, v)
	if f.State != nil && next != v {
		f.State.setFeed(feedURL, next)
	}
	return recs, err
}

// FeedSince is Feed with the validators of the previous fetch given by the
// caller, who keeps them (a database, for instance) instead of State; State,
// when set, still remembers the article URLs already fetched. It returns
// the validators to send next time: the new ones after the feed was read,
// v itself after a 304 (with no records and no error), after a failure to
// read the feed, and after an article failed for a reason that may pass
// (an error wrapping brief.ErrUnavailable), so that the next call reads
// the feed again and retries the article.
func (f *Fetcher) FeedSince(ctx context.Context, feedURL string, v Validators) ([]Record, Validators, error) {
	f.init()
	resp, err := f.get(ctx, feedURL, v, true)
	if err != nil {
		return nil, v, &brief.InputError{Input: feedURL, Err: err}
	}
	if resp.notModified {
		return nil, v, nil
	}
	feed, err := gofeed.NewParser().Parse(strings.NewReader(string(resp.body)))
	if err != nil {
		return nil, v, brief.Errorf(feedURL, "parse feed: %w: %v", brief.ErrInvalid, err)
	}
	base, _ := url.Parse(resp.url)
	var links []string
	seen := map[string]bool{}
	for _, item := range feed.Items {
		link := strings.TrimSpace(item.Link)
		if link == "" {
			continue
		}
		link = resolve(base, link)
		if seen[link] || (f.State != nil && f.State.HasSeen(link)) {
			continue
		}
		seen[link] = true
		links = append(links, link)
	}
	records := make([]Record, len(links))
	errs := make([]error, len(links))
	var wg sync.WaitGroup
	for i, link := range links {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec, err := f.Article(ctx, link)
			if err != nil {
				errs[i] = err
				return
			}
			rec.Feed = feedURL
			if (rec.Outlet == "" || isHostName(rec.Outlet, rec.URL, link)) && strings.TrimSpace(feed.Title) != "" {
				rec.Outlet = strings.Join(strings.Fields(feed.Title), " ")
			}
			if rec.Published == "" {
				if it := itemFor(feed, link, base); it != nil && it.PublishedParsed != nil {
					rec.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
				}
			}
			records[i] = rec
		}()
	}
	wg.Wait()
	var out []Record
	for i := range links {
		if errs[i] == nil {
			out = append(out, records[i])
			if f.State != nil {
				f.State.MarkSeen(links[i])
				if records[i].URL != links[i] {
					f.State.MarkSeen(records[i].URL)
				}
			}
		}
	}
	err = errors.Join(errs...)
	if errors.Is(err, brief.ErrUnavailable) {
		return out, v, err
	}
	return out, resp.validators, err
}

// isHostName reports whether outlet is only the host name of one of the
// URLs, as trafilatura names the site of a page that names none.
func isHostName(outlet string, urls ...string) bool {
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		h := strings.ToLower(u.Host)
		if strings.EqualFold(outlet, h) || strings.EqualFold(outlet, strings.TrimPrefix(h, "www.")) {
			return true
		}
	}
	return false
}

// resolve makes link absolute against base, without its fragment.
func resolve(base *url.URL, link string) string {
	u, err := base.Parse(link)
	if err != nil {
		return link
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

func itemFor(feed *gofeed.Feed, link string, base *url.URL) *gofeed.Item {
	for _, it := range feed.Items {
		if resolve(base, strings.TrimSpace(it.Link)) == link {
			return it
		}
	}
	return nil
}

// Article downloads one page and extracts its article. Errors name the URL.
func (f *Fetcher) Article(ctx context.Context, pageURL string) (Record, error) {
	f.init()
	resp, err := f.get(ctx, pageURL, Validators{}, true)
	if err != nil {
		return Record{}, &brief.InputError{Input: pageURL, Err: err}
	}
	ex := f.Extractor
	if ex == nil {
		ex = &extract.Extractor{}
	}
	a, err := ex.ExtractBytes(resp.body, resp.url)
	if err != nil {
		return Record{}, &brief.InputError{Input: pageURL, Err: err}
	}
	sum := sha256.Sum256(resp.body)
	rec := Record{
		URL:      a.URL,
		Outlet:   a.Outlet,
		Title:    a.Title,
		Author:   a.Author,
		Fetched:  time.Now().UTC().Format(time.RFC3339),
		Language: a.Language,
		Text:     a.Text,
		HTMLHash: hex.EncodeToString(sum[:]),
	}
	if rec.URL == "" {
		rec.URL = resp.url
	}
	if !a.Published.IsZero() {
		rec.Published = a.Published.UTC().Format(time.RFC3339)
	}
	return rec, nil
}

// Validators are the HTTP cache validators of a feed response, sent back
// as If-None-Match and If-Modified-Since to make the next request
// conditional. The zero value makes an unconditional request.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

type response struct {
	url         string // final URL after redirects
	body        []byte
	notModified bool
	validators  Validators
}

// get fetches rawURL politely: robots.txt, the host gate, the size cap,
// for the URL and for every redirect target.
func (f *Fetcher) get(ctx context.Context, rawURL string, v Validators, robots bool) (*response, error) {
	if f.initErr != nil {
		return nil, f.initErr
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: not an http(s) URL", brief.ErrInvalid)
	}
	max := f.MaxRedirects
	if max <= 0 {
		max = 5
	}
	for hops := 0; ; hops++ {
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%w: not an http(s) URL: %s", brief.ErrInvalid, u)
		}
		if robots && !f.IgnoreRobots {
			ok, err := f.allowed(ctx, u)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, fmt.Errorf("%w: %s disallowed by robots.txt", brief.ErrInvalid, u)
			}
		}
		resp, next, err := f.do(ctx, u, v)
		if err != nil || next == nil {
			return resp, err
		}
		if hops == max {
			return nil, fmt.Errorf("%w: stopped after %d redirects", brief.ErrUnavailable, max)
		}
		u = next
	}
}

// do makes one request. A redirect gives no response and the URL it points
// to.
func (f *Fetcher) do(ctx context.Context, u *url.URL, v Validators) (*response, *url.URL, error) {
	release, err := f.gate(u.Host).acquire(ctx, f.Delay)
	if err != nil {
		return nil, nil, err
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", brief.ErrInvalid, err)
	}
	req.Header.Set("User-Agent", f.userAgent())
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if rerr := refused(u.String(), err); rerr != nil {
			return nil, nil, rerr
		}
		return nil, nil, fmt.Errorf("%w: %v", brief.ErrUnavailable, err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		loc, err := resp.Location()
		if err != nil {
			return nil, nil, fmt.Errorf("%w: redirect without a valid Location: %v", brief.ErrUnavailable, err)
		}
		return nil, loc, nil
	}
	out := &response{url: resp.Request.URL.String()}
	out.validators = Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.notModified = true
		out.validators = v
		return out, nil, nil
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, nil, &statusError{resp.StatusCode, resp.Status, brief.ErrNotFound}
	case resp.StatusCode >= 400:
		return nil, nil, &statusError{resp.StatusCode, resp.Status, brief.ErrUnavailable}
	}
	max := f.maxBytes()
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: reading body: %v", brief.ErrUnavailable, err)
	}
	if int64(len(body)) > max {
		return nil, nil, fmt.Errorf("%w: body over %d bytes", brief.ErrTooLarge, max)
	}
	out.body = body
	return out, nil, nil
}

// hostGate limits concurrency and spaces out request starts for one host.
type hostGate struct {
	sem  chan struct{}
	mu   sync.Mutex
	next time.Time
}

func (f *Fetcher) gate(host string) *hostGate {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.hosts[host]
	if !ok {
		n := f.PerHost
		if n <= 0 {
			n = 2
		}
		g = &hostGate{sem: make(chan struct{}, n)}
		f.hosts[host] = g
	}
	return g
}

func (g *hostGate) acquire(ctx context.Context, delay time.Duration) (func(), error) {
	if delay == 0 {
		delay = 500 * time.Millisecond
	}
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if delay > 0 {
		g.mu.Lock()
		now := time.Now()
		start := g.next
		if start.Before(now) {
			start = now
		}
		g.next = start.Add(delay)
		g.mu.Unlock()
		if wait := time.Until(start); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				<-g.sem
				return nil, ctx.Err()
			}
		}
	}
	return func() { <-g.sem }, nil
}

// statusError is an HTTP response with an error status.
type statusError struct {
	code   int
	status string
	kind   error
}

func (e *statusError) Error() string { return fmt.Sprintf("%v: HTTP %s", e.kind, e.status) }
func (e *statusError) Unwrap() error { return e.kind }

// isClientError reports whether err came from an HTTP response with a 4xx status.
func isClientError(err error) bool {
	var se *statusError
	return errors.As(err, &se) && se.code >= 400 && se.code < 500
}
