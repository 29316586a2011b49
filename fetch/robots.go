package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/temoto/robotstxt"
)

// robotsRules is the parsed robots.txt of one host; nil allows everything.
type robotsRules = *robotstxt.RobotsData

// robotsAgent is the product token matched against robots.txt groups.
const robotsAgent = "brief"

// allowed reports whether robots.txt of u's host lets brief fetch u. The
// file is fetched once per host; a missing file (4xx) allows everything, a
// server error (5xx) disallows everything, as RFC 9309 says; a network
// failure is returned as an error.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	rules, ok := f.robots[key]
	f.mu.Unlock()
	if !ok {
		robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		status, body := 200, []byte(nil)
		resp, err := f.get(ctx, robotsURL.String(), Validators{}, false)
		var se *statusError
		switch {
		case err == nil:
			body = resp.body
		case isClientError(err):
			status = 404 // any 4xx: no rules
		case errors.As(err, &se):
			status = se.code // 5xx: everything disallowed, remembered
		default:
			return false, fmt.Errorf("robots.txt: %w", err)
		}
		rules, err = robotstxt.FromStatusAndBytes(status, body)
		if err != nil {
			rules = nil // unparseable: allow, as most crawlers do
		}
		f.mu.Lock()
		f.robots[key] = rules
		f.mu.Unlock()
	}
	if rules == nil {
		return true, nil
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if path == "" {
		path = "/"
	}
	return rules.TestAgent(path, robotsAgent), nil
}
