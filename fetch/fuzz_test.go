package fetch_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/fetch"
)

// memTransport answers requests from memory, so fuzzing needs no sockets:
// the feed at http://feed.test/feed is the fuzzed bytes, any path under
// /news/ on any host is the ferry page, anything else is a 404.
type memTransport struct{ feed []byte }

func (m memTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	status, body := http.StatusNotFound, []byte("not found")
	switch {
	case r.URL.Host == "feed.test" && r.URL.Path == "/feed":
		status, body = http.StatusOK, m.feed
	case strings.HasPrefix(r.URL.Path, "/news/"):
		status, body = http.StatusOK, []byte(ferryPage)
	}
	return &http.Response{
		StatusCode:    status,
		Status:        http.StatusText(status),
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       r,
	}, nil
}

// FuzzFeed serves arbitrary bytes as a feed and checks that Feed never
// panics, that every error names the URL it is about, and that every record
// is complete.
func FuzzFeed(f *testing.F) {
	for _, ff := range feedFormats {
		f.Add([]byte(strings.ReplaceAll(ff.body, "BASE", "http://feed.test")))
	}
	for _, s := range []string{
		"",
		"\x00\xff garbage",
		`<rss version="2.0"><channel><item><link>%zz</link></item><item><link>javascript:alert(1)</link></item><item><link>//other.test/news/x</link></item></channel></rss>`,
		`<rss version="2.0"><channel><item><link>/nope</link></item><item><link>news/rel</link></item>`,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://else.test/"><entry><link href="news/a"/></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1","items":[{"url":5},{"url":"/news/j","date_published":"yesterday"}]}`,
		`{"version":"https://jsonfeed.org/version/1.1","items":null}`,
		`<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Caf` + "\xe9" + `</title><item><link>/news/c</link></item></channel></rss>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><link>/news/r</link></item></rdf:RDF>`,
	} {
		f.Add([]byte(s))
	}
	const feedURL = "http://feed.test/feed"
	f.Fuzz(func(t *testing.T, feed []byte) {
		ft := &fetch.Fetcher{
			Client:   &http.Client{Transport: memTransport{feed}},
			Delay:    -1,
			Timeout:  5 * time.Second,
			MaxBytes: 64 << 10,
		}
		var recs []fetch.Record
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			recs, err = ft.Feed(context.Background(), feedURL)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Feed still running after 10s on %q", feed)
		}
		for _, e := range unjoin(err) {
			var ie *brief.InputError
			if !errors.As(e, &ie) || ie.Input == "" {
				t.Fatalf("error %v names no input", e)
			}
			if !strings.Contains(e.Error(), ie.Input) {
				t.Fatalf("error %q does not show its input %q", e.Error(), ie.Input)
			}
			if len(recs) == 0 && errors.Is(e, brief.ErrInvalid) && strings.Contains(e.Error(), "parse feed") && ie.Input != feedURL {
				t.Fatalf("feed parse error names %q, want %q", ie.Input, feedURL)
			}
		}
		for _, r := range recs {
			if r.URL == "" || r.Feed != feedURL || strings.TrimSpace(r.Text) == "" || len(r.HTMLHash) != 64 {
				t.Fatalf("incomplete record %+v", r)
			}
			if _, err := time.Parse(time.RFC3339, r.Fetched); err != nil {
				t.Fatalf("record fetched %q: %v", r.Fetched, err)
			}
			if r.Published != "" {
				if _, err := time.Parse(time.RFC3339, r.Published); err != nil {
					t.Fatalf("record published %q: %v", r.Published, err)
				}
			}
		}
	})
}
