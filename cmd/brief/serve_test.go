package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/sqlite"
)

func TestServeFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		ok   bool
	}{
		{"defaults", nil, true},
		{"all", []string{"--addr", "127.0.0.1:0", "--db", "x.db", "--load", "a", "--load", "b", "--poll", "0", "--words", "50", "--allow-private-feeds"}, true},
		{"postgres", []string{"--db", "postgres://u@127.0.0.1:5432/db"}, true},
		{"empty db", []string{"--db", ""}, false},
		{"zero words is the default", []string{"--words", "0"}, true},
		{"negative words", []string{"--words", "-1"}, false},
		{"negative poll", []string{"--poll", "-1s"}, false},
		{"bad method", []string{"--method", "nope"}, false},
		{"unknown flag", []string{"--nope"}, false},
	}
	for _, tt := range tests {
		m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
		c := &serveCommand{main: m}
		err := c.ParseFlags(tt.args)
		if (err == nil) != tt.ok {
			t.Errorf("%s: ParseFlags(%q) = %v, want ok=%v", tt.name, tt.args, err, tt.ok)
		}
		if err != nil && exitCode(err) != 2 {
			t.Errorf("%s: exit code %d, want 2", tt.name, exitCode(err))
		}
	}
	// The message of a bad value says what is allowed.
	err := (&serveCommand{main: &Main{Stderr: io.Discard}}).ParseFlags([]string{"--words", "-1"})
	if err == nil || !strings.Contains(err.Error(), "must not be negative") {
		t.Errorf("--words -1: error %v, want one saying it must not be negative", err)
	}
	c := &serveCommand{main: &Main{Stderr: io.Discard}}
	c.ParseFlags([]string{"--load", "a", "b", "c"})
	if strings.Join(c.load, " ") != "a b c" {
		t.Errorf("load paths = %q, want a b c", c.load)
	}
}

// TestServeChild is not a test: it is the server process of
// TestServeDurable, run as a child with BRIEF_SERVE_CHILD set to its
// arguments (one per line). It serves until killed.
func TestServeChild(t *testing.T) {
	args := os.Getenv("BRIEF_SERVE_CHILD")
	if args == "" {
		t.Skip("runs only as the child of TestServeDurable")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	c := &serveCommand{main: m}
	if err := c.ParseFlags(strings.Split(args, "\n")); err != nil {
		t.Fatal(err)
	}
	err := c.Run(ctx)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

var listening = regexp.MustCompile(`listening on (http://\S+)`)

// startServe starts `brief serve` in a child process and returns it with
// its base URL once it listens.
func startServe(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$", "-test.v")
	cmd.Env = append(os.Environ(), "BRIEF_SERVE_CHILD="+strings.Join(args, "\n"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = cmd.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil && !sent {
				urls <- m[1]
				sent = true
			}
		}
		if !sent {
			close(urls)
		}
	}()
	select {
	case u, ok := <-urls:
		if !ok {
			cmd.Wait()
			t.Fatalf("brief serve %q exited before listening", args)
		}
		return cmd, u
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("brief serve %q did not listen within 60s", args)
	}
	return nil, ""
}

// synthArticle returns article n of a synthetic stream about a few
// topics, each with its own vocabulary.
func synthArticle(rng *rand.Rand, n int) map[string]string {
	topic := n % 12
	word := func() string {
		return fmt.Sprintf("%s%d", []string{"vel", "mar", "tos", "kel", "dran", "pil"}[rng.Intn(6)], topic*10+rng.Intn(10))
	}
	var b strings.Builder
	for s := 0; s < 6; s++ {
		fmt.Fprintf(&b, "The %s council said %s and %s met in %s on Monday to discuss the %s plan. ", word(), word(), word(), word(), word())
	}
	return map[string]string{
		"title":     fmt.Sprintf("Report %d on %s", n, word()),
		"text":      b.String(),
		"outlet":    fmt.Sprintf("Outlet %d", n%5),
		"url":       fmt.Sprintf("https://news%d.example/%d", n%5, n),
		"published": time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute).Format(time.RFC3339),
	}
}

// TestServeDurable posts articles from client goroutines to a `brief
// serve` process, kills it with SIGKILL mid-stream, restarts it on the same
// database and checks that every article acknowledged with 201 is there and
// in exactly one story.
func TestServeDurable(t *testing.T) {
	if testing.Short() {
		t.Skip("durability test skipped with -short")
	}
	if os.Getenv("BRIEF_SERVE_CHILD") != "" {
		t.Skip("child process")
	}
	db := filepath.Join(t.TempDir(), "brief.db")
	args := []string{"--addr", "127.0.0.1:0", "--db", db, "--poll", "0"}
	cmd, base := startServe(t, args...)

	var mu sync.Mutex
	var acked []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second}
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewSource(int64(w)))
			for n := w; ; n += 3 {
				select {
				case <-stop:
					return
				default:
				}
				body, _ := json.Marshal(synthArticle(rng, n))
				resp, err := client.Post(base+"/api/articles", "application/json", bytes.NewReader(body))
				if err != nil {
					return // the server was killed
				}
				var out struct{ IDs []string }
				err = json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				if resp.StatusCode == http.StatusCreated && err == nil {
					mu.Lock()
					acked = append(acked, out.IDs...)
					mu.Unlock()
				}
			}
		}()
	}
	// Kill once enough articles are acknowledged, with posts in flight.
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 60 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	close(stop)
	wg.Wait()
	mu.Lock()
	ids := append([]string(nil), acked...)
	mu.Unlock()
	if len(ids) == 0 {
		t.Fatal("no article was acknowledged before the kill")
	}

	cmd, base = startServe(t, args...)
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	for _, id := range ids {
		resp, err := client.Get(base + "/api/articles/" + id)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("acknowledged article %s: GET = %d after restart", id, resp.StatusCode)
		}
	}
	// Recovery put every stored article in exactly one story.
	inStory := map[string]int{}
	cursor := ""
	for page := 0; page < 1000; page++ {
		var list struct {
			Stories []brief.Story
			Next    string
		}
		resp, err := client.Get(base + "/api/stories?limit=100&cursor=" + cursor)
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		for _, s := range list.Stories {
			for _, id := range s.Articles {
				inStory[id]++
			}
		}
		if cursor = list.Next; cursor == "" {
			break
		}
	}
	for _, id := range ids {
		if inStory[id] != 1 {
			t.Errorf("article %s is in %d stories after restart, want 1", id, inStory[id])
		}
	}
	t.Logf("%d acknowledged articles survived SIGKILL", len(ids))
}

// feedSite is a news site on loopback with one RSS feed that honours
// If-None-Match, counting the requests for each path.
type feedSite struct {
	*httptest.Server
	mu    sync.Mutex
	rev   int      // the feed's revision, its ETag is "rev-N"
	items []string // the article paths the feed links to
	hits  map[string]int
	inm   []string // the If-None-Match of each feed request
	codes []int    // the status of each feed request
}

func newFeedSite(t *testing.T) *feedSite {
	t.Helper()
	fs := &feedSite{rev: 1, hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedSite) serve(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.hits[r.URL.Path]++
	switch {
	case r.URL.Path == "/feed":
		etag := fmt.Sprintf(`"rev-%d"`, fs.rev)
		fs.inm = append(fs.inm, r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == etag {
			fs.codes = append(fs.codes, http.StatusNotModified)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fs.codes = append(fs.codes, http.StatusOK)
		w.Header().Set("ETag", etag)
		var items strings.Builder
		for _, p := range fs.items {
			fmt.Fprintf(&items, "<item><link>%s</link></item>", p)
		}
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Valley Courier</title>%s</channel></rss>`, items.String())
	case strings.HasPrefix(r.URL.Path, "/news/"):
		topic := strings.TrimPrefix(r.URL.Path, "/news/")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>The %[1]s report</title></head>
<body><article><h1>The %[1]s report</h1>
<p>The council of the valley met on Tuesday evening to hear the %[1]s report, which took the committee three months to write and runs to forty pages.</p>
<p>Members said the %[1]s findings would shape next year's budget, and the chair promised a public meeting before any decision is taken.</p>
<p>Residents who spoke at the meeting asked for the full %[1]s report to be posted at the library and the town hall.</p>
</article></body></html>`, topic)
	default:
		http.NotFound(w, r)
	}
}

// pollRun is one `brief serve` process polling once: a server over the
// SQLite file db wired as Run wires it with the serve flags given, with a
// new fetch.Fetcher (and so an empty in-memory State), recovered, polled
// once and closed. It returns what the server logged.
func pollRun(t *testing.T, db string, feedURL string, flags ...string) string {
	t.Helper()
	ctx := context.Background()
	c := &serveCommand{main: &Main{Stderr: io.Discard}}
	if err := c.ParseFlags(flags); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.AddFeed(ctx, &brief.Feed{URL: feedURL, Added: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	srv := &server.Server{Store: st, Assigner: cluster.NewOnline(cluster.Config{}), Logger: log.New(&logged, "", 0)}
	f := c.fetcher()
	f.Delay, f.Timeout = -1, 5*time.Second
	pollWith(srv, f)
	if err := srv.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	srv.PollOnce(ctx)
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	return logged.String()
}

// TestServePollPrivate: without --allow-private-feeds, the poller does not
// fetch a feed on loopback, logs why, and stores nothing.
func TestServePollPrivate(t *testing.T) {
	site := newFeedSite(t)
	site.items = []string{"/news/bridge"}
	feedURL := site.URL + "/feed"
	db := filepath.Join(t.TempDir(), "brief.db")

	logged := pollRun(t, db, feedURL)
	site.mu.Lock()
	hits := len(site.hits)
	site.mu.Unlock()
	if hits != 0 {
		t.Errorf("the loopback site got requests for %d paths, want none", hits)
	}
	if !strings.Contains(logged, feedURL) || !strings.Contains(logged, "not a public address") || !strings.Contains(logged, site.Listener.Addr().String()) {
		t.Errorf("log = %q, want the refusal naming %s and its address", logged, feedURL)
	}

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n := 0
	st.ScanArticles(ctx, func(*brief.Article) error { n++; return nil })
	if n != 0 {
		t.Errorf("stored %d articles, want none", n)
	}

	// The same feed with the flag is fetched.
	pollRun(t, db, feedURL, "--allow-private-feeds")
	site.mu.Lock()
	defer site.mu.Unlock()
	if site.hits["/feed"] != 1 || site.hits["/news/bridge"] != 1 {
		t.Errorf("with --allow-private-feeds, hits = %v, want the feed and its article once", site.hits)
	}
}

// TestServePollRestart polls a feed from `brief serve`'s wiring, restarts
// on the same SQLite database and polls again: the restarted poller sends
// the stored ETag and gets a 304, and when the feed changes it downloads
// only the new article, not those already stored.
func TestServePollRestart(t *testing.T) {
	site := newFeedSite(t)
	site.items = []string{"/news/bridge", "/news/harbour"}
	feedURL := site.URL + "/feed"
	db := filepath.Join(t.TempDir(), "brief.db")

	pollRun(t, db, feedURL, "--allow-private-feeds")
	pollRun(t, db, feedURL, "--allow-private-feeds") // restarted, feed unchanged
	site.mu.Lock()
	site.rev, site.items = 2, append(site.items, "/news/school")
	site.mu.Unlock()
	pollRun(t, db, feedURL, "--allow-private-feeds") // restarted, feed changed

	site.mu.Lock()
	defer site.mu.Unlock()
	wantINM := []string{"", `"rev-1"`, `"rev-1"`}
	wantCodes := []int{200, 304, 200}
	if !slices.Equal(site.inm, wantINM) || !slices.Equal(site.codes, wantCodes) {
		t.Errorf("feed requests sent If-None-Match %q and got %v, want %q and %v", site.inm, site.codes, wantINM, wantCodes)
	}
	for _, p := range []string{"/news/bridge", "/news/harbour", "/news/school"} {
		if site.hits[p] != 1 {
			t.Errorf("%s downloaded %d times, want once", p, site.hits[p])
		}
	}

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	feeds, err := st.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].ETag != `"rev-2"` || feeds[0].Checked.IsZero() {
		var got []brief.Feed
		for _, f := range feeds {
			got = append(got, *f)
		}
		t.Errorf("stored feeds = %+v, %v; want one with ETag \"rev-2\" and Checked set", got, err)
	}
	var urls []string
	st.ScanArticles(ctx, func(a *brief.Article) error {
		urls = append(urls, strings.TrimPrefix(a.URL, site.URL))
		return nil
	})
	if want := []string{"/news/bridge", "/news/harbour", "/news/school"}; len(urls) != 3 || !slices.Equal(slices.Sorted(slices.Values(urls)), want) {
		t.Errorf("stored article URLs %q, want %q", urls, want)
	}
}
