package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/fetch"
)

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		name string
		addr string
		want bool
	}{
		{"public IPv4", "8.8.8.8", true},
		{"public IPv4 next to CGNAT", "100.128.0.1", true},
		{"public IPv4 next to 172.16/12", "172.32.0.1", true},
		{"public IPv6", "2001:4860::8888", true},
		{"public IPv4-mapped", "::ffff:8.8.8.8", true},
		{"public via NAT64", "64:ff9b::808:808", true},
		{"loopback", "127.0.0.1", false},
		{"loopback range", "127.8.9.10", false},
		{"loopback IPv6", "::1", false},
		{"RFC 1918 10/8", "10.1.2.3", false},
		{"RFC 1918 172.16/12", "172.31.255.255", false},
		{"RFC 1918 192.168/16", "192.168.0.1", false},
		{"unique local", "fd00::1", false},
		{"cloud metadata", "169.254.169.254", false},
		{"link-local IPv6", "fe80::1", false},
		{"link-local IPv6 with zone", "fe80::1%eth0", false},
		{"unspecified", "0.0.0.0", false},
		{"unspecified IPv6", "::", false},
		{"this network", "0.1.2.3", false},
		{"multicast", "224.0.0.1", false},
		{"multicast IPv6", "ff02::1", false},
		{"broadcast", "255.255.255.255", false},
		{"CGNAT", "100.64.0.1", false},
		{"CGNAT top", "100.127.255.255", false},
		{"IPv4-mapped loopback", "::ffff:127.0.0.1", false},
		{"IPv4-mapped private", "::ffff:10.0.0.1", false},
		{"IPv4-mapped metadata", "::ffff:169.254.169.254", false},
		{"IPv4-compatible loopback", "::127.0.0.1", false},
		{"loopback via NAT64", "64:ff9b::7f00:1", false},
		{"local-use NAT64", "64:ff9b:1::a00:1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fetch.PublicAddr(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("PublicAddr(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
	if fetch.PublicAddr(netip.Addr{}) {
		t.Error("PublicAddr(invalid address) = true, want false")
	}
}

// counted is a loopback server that answers every path with page and
// counts its requests.
func counted(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	if h == nil {
		h = func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			fmt.Fprint(w, page)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// wantRefused checks that err is the guard's refusal naming the URL and
// the address.
func wantRefused(t *testing.T, err error, rawURL, addr string) {
	t.Helper()
	if !errors.Is(err, fetch.ErrPrivateAddress) || !errors.Is(err, brief.ErrInvalid) {
		t.Fatalf("err = %v, want one wrapping fetch.ErrPrivateAddress and brief.ErrInvalid", err)
	}
	if msg := err.Error(); !strings.Contains(msg, rawURL) || !strings.Contains(msg, addr) {
		t.Errorf("err = %q, want it to name %s and %s", msg, rawURL, addr)
	}
}

func TestPublicOnly(t *testing.T) {
	srv, hits := counted(t, nil)
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	tests := []struct {
		name      string
		host      string // host of the URL, on srv's port
		dialled   string // the address the error names
		reachable bool   // whether the request succeeds with the guard off
	}{
		{"IPv4 loopback", "127.0.0.1", "127.0.0.1", true},
		{"IPv4-mapped loopback", "[::ffff:127.0.0.1]", "127.0.0.1", true},
		{"name of loopback", "localhost", "", true}, // 127.0.0.1 or [::1], whichever is tried first
		{"IPv6 loopback", "[::1]", "[::1]", false},
		{"private", "10.255.0.1", "10.255.0.1", false},
		{"cloud metadata", "169.254.169.254", "169.254.169.254", false},
		{"unspecified", "0.0.0.0", "0.0.0.0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := fmt.Sprintf("http://%s:%d/a/bridge", tt.host, port)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			before := hits.Load()
			on := &fetch.Fetcher{PublicOnly: true, Delay: -1}
			_, err := on.Article(ctx, u)
			t.Log(err)
			wantRefused(t, err, u, fmt.Sprintf("%s:%d", tt.dialled, port))
			// robots.txt was the first request refused.
			if !strings.Contains(err.Error(), "robots.txt") {
				t.Errorf("err = %q, want the refusal of robots.txt", err)
			}
			if n := hits.Load() - before; n != 0 {
				t.Errorf("the server got %d requests through the guard", n)
			}
			if !tt.reachable {
				return
			}
			off := &fetch.Fetcher{Delay: -1}
			if rec, err := off.Article(ctx, u); err != nil || rec.Title == "" {
				t.Errorf("guard off: Article(%s) = %+v, %v; want the page", u, rec, err)
			}
		})
	}
}

func TestPublicOnlyRedirect(t *testing.T) {
	inside, insideHits := counted(t, nil)
	insideURL, _ := url.Parse(inside.URL)
	var target atomic.Value
	outside, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/feed":
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Outside</title><item><link>%s</link></item></channel></rss>`, target.Load())
		default:
			http.Redirect(w, r, target.Load().(string), http.StatusFound)
		}
	})
	outsidePort := outside.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	onlyOutside := func(ap netip.AddrPort) bool { return ap.Port() == outsidePort }

	tests := []struct {
		name   string
		target string // where outside redirects or links to, on inside
	}{
		{"to a loopback address", inside.URL + "/a/bridge"},
		{"to a loopback name", "http://localhost:" + insideURL.Port() + "/a/bridge"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target.Store(tt.target)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			// Without robots.txt, the refused request is the hop itself.
			f := &fetch.Fetcher{PublicOnly: true, Delay: -1, IgnoreRobots: true}
			fetch.SetAllowAddr(f, onlyOutside)

			_, err := f.Article(ctx, outside.URL+"/moved")
			wantRefused(t, err, tt.target, ":"+insideURL.Port())

			// A feed on an allowed server linking inside: the feed is read,
			// the article refused.
			recs, _, err := f.FeedSince(ctx, outside.URL+"/feed", fetch.Validators{})
			if len(recs) != 0 {
				t.Errorf("FeedSince fetched %d records from inside", len(recs))
			}
			wantRefused(t, err, tt.target, ":"+insideURL.Port())
			if n := insideHits.Load(); n != 0 {
				t.Errorf("the inside server got %d requests", n)
			}
		})
	}

	// The same fetches with the guard off reach inside.
	target.Store(inside.URL + "/a/bridge")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if rec, err := (&fetch.Fetcher{Delay: -1}).Article(ctx, outside.URL+"/moved"); err != nil || rec.URL == "" {
		t.Errorf("guard off: redirect inside = %+v, %v; want the page", rec, err)
	}
}

func TestPublicOnlyProxy(t *testing.T) {
	srv, hits := counted(t, nil)
	proxy, proxyHits := counted(t, nil)
	proxyURL, _ := url.Parse(proxy.URL)
	srvPort := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	// The client's proxy is dropped: the guard must see the site's address.
	f := &fetch.Fetcher{PublicOnly: true, Delay: -1, Client: &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxyURL)}}}
	fetch.SetAllowAddr(f, func(ap netip.AddrPort) bool { return ap.Port() == srvPort })
	if _, err := f.Article(ctx, srv.URL+"/a/bridge"); err != nil {
		t.Fatal(err)
	}
	if proxyHits.Load() != 0 || hits.Load() == 0 {
		t.Errorf("proxy got %d requests, site %d; want 0 and some", proxyHits.Load(), hits.Load())
	}

	// A transport the guard cannot hook is an error, not an unguarded fetch.
	before := hits.Load()
	g := &fetch.Fetcher{PublicOnly: true, Delay: -1, Client: &http.Client{Transport: roundTripFunc(http.DefaultTransport.RoundTrip)}}
	if _, err := g.Article(ctx, srv.URL+"/a/bridge"); !errors.Is(err, brief.ErrInvalid) || !strings.Contains(err.Error(), "PublicOnly") {
		t.Errorf("custom RoundTripper: err = %v, want brief.ErrInvalid naming PublicOnly", err)
	}
	if hits.Load() != before {
		t.Error("a fetch went through an unguarded transport")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// FuzzPublicAddr: PublicAddr never panics, judges an IPv4-mapped address
// as the IPv4 address it carries, and refuses every address of the
// loopback, private and link-local ranges.
func FuzzPublicAddr(f *testing.F) {
	for _, s := range []string{"8.8.8.8", "127.0.0.1", "::ffff:10.0.0.1", "2001:4860::8888", "fe80::1", "64:ff9b::7f00:1"} {
		b := netip.MustParseAddr(s).As16()
		f.Add(b[:])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, ok := netip.AddrFromSlice(b)
		if !ok {
			return
		}
		got := fetch.PublicAddr(a)
		if a.Is4In6() && got != fetch.PublicAddr(a.Unmap()) {
			t.Errorf("PublicAddr(%s) = %v, but %v for %s", a, got, !got, a.Unmap())
		}
		if u := a.Unmap(); got && (u.IsLoopback() || u.IsPrivate() || u.IsLinkLocalUnicast() || u.IsUnspecified() || u.IsMulticast()) {
			t.Errorf("PublicAddr(%s) = true", a)
		}
	})
}
