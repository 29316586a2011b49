package server_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief/store/memory"
	"github.com/chromedp/chromedp"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var citeLink = regexp.MustCompile(`href="(/articles/[^"?]+)\?hl=(\d+)-(\d+)#s-(\d+)-(\d+)"`)

func TestPages(t *testing.T) {
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	if code := do(t, "POST", ts.URL+"/api/articles", string(fixture(t)), nil); code != 201 {
		t.Fatalf("POST = %d", code)
	}
	code, body := get(t, ts.URL+"/")
	if code != 200 || !strings.Contains(body, `href="/stories/bridge"`) || !strings.Contains(body, "Bridge collapses over the Vell river in Norland") {
		t.Fatalf("GET / = %d, want a link to the bridge story:\n%s", code, body)
	}
	code, body = get(t, ts.URL+"/stories/bridge")
	if code != 200 {
		t.Fatalf("GET /stories/bridge = %d", code)
	}
	for _, want := range []string{"Norland Herald", "Coastal Times", "Wire Service", "5 Mar 2024", "Lena Marsk", `id="summary"`} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	m := citeLink.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("story page has no citation link:\n%s", body)
	}
	if m[2] != m[4] || m[3] != m[5] {
		t.Errorf("citation link %s: query span and fragment differ", m[0])
	}
	code, body = get(t, ts.URL+m[1]+"?hl="+m[2]+"-"+m[3])
	if code != 200 || !strings.Contains(body, `<mark id="s-`+m[2]+"-"+m[3]+`">`) {
		t.Errorf("GET %s = %d, want the span marked:\n%s", m[0], code, body)
	}
	// Out-of-range and malformed spans show the text unmarked.
	for _, hl := range []string{"5-3", "0-999999", "x-y", "-1-4"} {
		if code, body := get(t, ts.URL+m[1]+"?hl="+hl); code != 200 || strings.Contains(body, "<mark") {
			t.Errorf("GET article ?hl=%s = %d, want 200 without a mark", hl, code)
		}
	}
	code, body = get(t, ts.URL+"/?q=Veltrania")
	if code != 200 || !strings.Contains(body, "Veltrania central bank raises interest rate") {
		t.Errorf("search page = %d, want the Veltrania article", code)
	}
	if code, body := get(t, ts.URL+"/static/style.css"); code != 200 || !strings.Contains(body, "mark") {
		t.Errorf("GET /static/style.css = %d", code)
	}
}

const chromium = "/usr/bin/chromium"

// TestBrowser loads the story list and a story page in headless Chromium
// and follows a citation to the marked sentence. It skips when Chromium is
// not installed; the screenshots stay in a temporary directory (its path
// is logged with -v).
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no " + chromium)
	}
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	if code := do(t, "POST", ts.URL+"/api/articles", string(fixture(t)), nil); code != 201 {
		t.Fatalf("POST = %d", code)
	}
	dir := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(412, 915), // a phone
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	step := func(name string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("chromedp: %s: %v", name, err)
		}
	}
	step("load list", chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("stories"))))
	list, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("stories")))
	step("list text", err)
	shotList, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	step("list screenshot", err)
	step("open story", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href="/stories/bridge"]`)),
		chromedp.WaitVisible(chromedp.ID("summary"))))
	summary, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("summary")))
	step("summary text", err)
	shotStory, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	step("story screenshot", err)
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#summary a.cite"), "href"))
	step("citation href", err)
	step("follow citation", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#summary a.cite")),
		chromedp.WaitVisible(chromedp.CSS("mark"))))
	marked, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("mark")))
	step("marked text", err)
	if !strings.Contains(list, "Bridge collapses over the Vell river") || !strings.Contains(list, "Veltrania") {
		t.Errorf("story list text = %q, want both stories", list)
	}
	if strings.TrimSpace(summary) == "" || !strings.Contains(summary, "Summary") {
		t.Errorf("summary text = %q", summary)
	}
	if marked == "" || !strings.Contains(summary, strings.TrimSpace(marked)) {
		t.Errorf("marked span %q (from %s) is not a sentence of the summary %q", marked, href.Value, summary)
	}
	for name, shot := range map[string][]byte{"list.png": shotList, "story.png": shotStory} {
		if err := os.WriteFile(filepath.Join(dir, name), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if dst := os.Getenv("BRIEF_SCREENSHOTS"); dst != "" {
		os.WriteFile(filepath.Join(dst, "list.png"), shotList, 0o644)
		os.WriteFile(filepath.Join(dst, "story.png"), shotStory, 0o644)
	}
	t.Logf("screenshots in %s", dir)
}

// TestTimelinePrecision checks that the story page says when a timeline
// date is only the start of a week ("last week"), not a day.
func TestTimelinePrecision(t *testing.T) {
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	body := `[{"id": "w1", "title": "Bridge inquiry opens", "published": "2024-03-06T10:00:00Z",
		"text": "An inquiry into the bridge collapse opened on Wednesday in Norland. The bridge was closed last week after engineers found cracks. Officials said on Tuesday that repairs would take a year."}]`
	if code := do(t, "POST", ts.URL+"/api/articles", body, nil); code != 201 {
		t.Fatalf("POST = %d", code)
	}
	_, page := get(t, ts.URL+"/stories/bridge")
	tests := []struct {
		name, want string
	}{
		{"a week is marked", "<time>week of 2024-02-26</time>"},
		{"a day is plain", "<time>2024-03-05</time>"},
	}
	for _, tt := range tests {
		if !strings.Contains(page, tt.want) {
			t.Errorf("%s: story page lacks %q", tt.name, tt.want)
		}
	}
}

// TestPagesEscape posts an article whose fields hold markup and a script
// URL: the pages must show them as text and link only to web URLs.
func TestPagesEscape(t *testing.T) {
	_, ts := MustServe(t, memory.New(), keywordAssigner{})
	body := `[{"id": "x1", "title": "<script>alert(1)</script> bridge", "outlet": "<i>Evil</i>", "url": "javascript:alert(1)",
		"text": "The <b>bridge</b> said \"<img src=x onerror=alert(1)>\" on Monday. Another sentence about the bridge follows here."},
		{"id": "x2", "title": "Bridge two", "url": "https://example.com/bridge?a=1&b=2", "text": "The bridge reopened on Tuesday after repairs to the deck."}]`
	if code := do(t, "POST", ts.URL+"/api/articles", body, nil); code != 201 {
		t.Fatalf("POST = %d", code)
	}
	tests := []struct {
		name, path string
		want, not  []string
	}{
		{"story page", "/stories/bridge",
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt; bridge", "&lt;i&gt;Evil&lt;/i&gt;", `href="https://example.com/bridge?a=1&amp;b=2"`},
			[]string{"<script>alert", "<img", "<i>Evil", "javascript:", "ZgotmplZ"}},
		{"article page", "/articles/x1",
			[]string{"&lt;b&gt;bridge&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt;"},
			[]string{"<b>bridge", "<img", "javascript:", "ZgotmplZ", ">original<"}},
		{"index", "/",
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt; bridge"},
			[]string{"<script>alert"}},
	}
	for _, tt := range tests {
		code, page := get(t, ts.URL+tt.path)
		if code != 200 {
			t.Errorf("%s: GET %s = %d", tt.name, tt.path, code)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: page lacks %q", tt.name, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(page, n) {
				t.Errorf("%s: page holds %q", tt.name, n)
			}
		}
	}
}
