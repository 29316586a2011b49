// Package storetest is the contract test suite of brief.Store, run by every
// implementation's tests.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

// Run runs the contract tests of brief.Store against stores made by
// newStore, which must return a new, empty store for each call and arrange
// its cleanup with t.Cleanup.
func Run(t *testing.T, newStore func(t *testing.T) brief.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s brief.Store)
	}{
		{"PutArticles", testPutArticles},
		{"ArticleNotFound", testArticleNotFound},
		{"ScanArticles", testScanArticles},
		{"Story", testStory},
		{"Stories", testStories},
		{"Search", testSearch},
		{"Feeds", testFeeds},
		{"Concurrent", testConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newStore(t)) })
	}
}

var ctx = context.Background()

// MustPut stores articles and fails the test on error.
func MustPut(tb testing.TB, s brief.Store, articles ...*brief.Article) []brief.PutResult {
	tb.Helper()
	res, err := s.PutArticles(ctx, articles)
	if err != nil {
		tb.Fatalf("PutArticles: %v", err)
	}
	return res
}

func article(id, url, title, text string) *brief.Article {
	return &brief.Article{
		ID: id, URL: url, Title: title, Text: text,
		Outlet:    "Example News",
		Author:    "A. Writer",
		Published: time.Date(2017, 4, 12, 9, 30, 0, 0, time.UTC),
		Language:  "en",
		Source:    "test:" + id,
		Outlets:   []string{"Other Wire"},
	}
}

func testPutArticles(t *testing.T, s brief.Store) {
	a := article("a1", "https://example.com/1", "Talks in Moscow", "The minister met his counterpart.\n\nThey spoke for two hours.")
	a.Duplicates = []string{"a1-copy"}
	res := MustPut(t, s, a, article("a2", "", "Second", "Another text."))
	want := []brief.PutResult{{ID: "a1", New: true}, {ID: "a2", New: true}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("PutArticles(new) = %+v, want %+v", res, want)
	}
	got, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatalf("Article(a1): %v", err)
	}
	if !got.Published.Equal(a.Published) {
		t.Errorf("Article(a1).Published = %v, want %v", got.Published, a.Published)
	}
	got.Published = a.Published
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Article(a1) = %+v, want %+v", got, a)
	}

	// Idempotent by ID and by URL; a new article in the same batch is stored.
	res = MustPut(t, s,
		article("a1", "https://example.com/other", "Changed", "changed"),
		article("a3", "https://example.com/1", "Same URL", "different id"),
		article("a4", "", "Fourth", "Fourth text."))
	want = []brief.PutResult{{ID: "a1"}, {ID: "a1"}, {ID: "a4", New: true}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("PutArticles(repeat) = %+v, want %+v", res, want)
	}
	if got, _ := s.Article(ctx, "a1"); got == nil || got.Title != "Talks in Moscow" {
		t.Errorf("Article(a1) after repeat = %+v, want the first version kept", got)
	}
	if _, err := s.Article(ctx, "a3"); !errors.Is(err, brief.ErrNotFound) {
		t.Errorf("Article(a3) error = %v, want ErrNotFound", err)
	}

	// A batch with a bad article stores nothing.
	_, err = s.PutArticles(ctx, []*brief.Article{article("a5", "", "t", "x"), {Title: "no id"}})
	if !errors.Is(err, brief.ErrInvalid) {
		t.Errorf("PutArticles(no ID) error = %v, want ErrInvalid", err)
	}
	if _, err := s.Article(ctx, "a5"); !errors.Is(err, brief.ErrNotFound) {
		t.Errorf("Article(a5) from a failed batch: error = %v, want ErrNotFound", err)
	}
	// Zero time and nil slices round-trip.
	b := &brief.Article{ID: "zero", Text: "t"}
	MustPut(t, s, b)
	if got, err := s.Article(ctx, "zero"); err != nil || !got.Published.IsZero() || len(got.Outlets) != 0 {
		t.Errorf("Article(zero) = %+v, %v; want zero Published, no outlets", got, err)
	}
}

func testArticleNotFound(t *testing.T, s brief.Store) {
	if _, err := s.Article(ctx, "missing"); !errors.Is(err, brief.ErrNotFound) {
		t.Errorf("Article(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "missing"); !errors.Is(err, brief.ErrNotFound) {
		t.Errorf("Story(missing) error = %v, want ErrNotFound", err)
	}
}

func testScanArticles(t *testing.T, s brief.Store) {
	var want []string
	for i := 0; i < 5; i++ {
		id := fmt.Sprintf("z%d", 5-i) // IDs not in sorted order
		MustPut(t, s, article(id, "", "t", "text"))
		want = append(want, id)
	}
	var got []string
	err := s.ScanArticles(ctx, func(a *brief.Article) error { got = append(got, a.ID); return nil })
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ScanArticles = %v, %v; want %v in insertion order", got, err, want)
	}
	stop := errors.New("stop")
	n := 0
	err = s.ScanArticles(ctx, func(a *brief.Article) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ScanArticles with failing fn = %v after %d calls, want stop after 1", err, n)
	}
}

func summary(text, article string) *brief.Summary {
	return &brief.Summary{Method: "test", Sentences: []brief.SummarySentence{{
		Text:   text,
		Source: brief.Citation{ArticleID: article, Outlet: "Example News", Start: 0, End: len(text)},
		Also:   []brief.Citation{{ArticleID: "other", Start: 3, End: 9}},
	}}}
}

func testStory(t *testing.T, s brief.Store) {
	st := &brief.Story{
		ID: "s1", Title: "Talks in Moscow",
		Summary:  summary("The minister met his counterpart.", "a1"),
		Updated:  time.Date(2017, 4, 12, 10, 0, 0, 123456789, time.UTC),
		Articles: []string{"a1", "a2"},
	}
	if err := s.PutStory(ctx, st); err != nil {
		t.Fatalf("PutStory: %v", err)
	}
	got, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatalf("Story: %v", err)
	}
	if !got.Updated.Equal(st.Updated) {
		t.Errorf("Story.Updated = %v, want %v", got.Updated, st.Updated)
	}
	got.Updated = st.Updated
	if !reflect.DeepEqual(got, st) {
		t.Errorf("Story = %+v, want %+v", got, st)
	}
	st.Articles = append(st.Articles, "a3")
	st.Title = "Talks end"
	if err := s.PutStory(ctx, st); err != nil {
		t.Fatalf("PutStory(replace): %v", err)
	}
	if got, _ := s.Story(ctx, "s1"); got == nil || got.Title != "Talks end" || len(got.Articles) != 3 {
		t.Errorf("Story after replace = %+v, want the new title and 3 articles", got)
	}
	if err := s.PutStory(ctx, &brief.Story{}); !errors.Is(err, brief.ErrInvalid) {
		t.Errorf("PutStory(no ID) error = %v, want ErrInvalid", err)
	}
}

func testStories(t *testing.T, s brief.Store) {
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	// s0..s6; s3 and s4 share an update time, ordered by descending ID.
	times := []int{0, 1, 2, 3, 3, 5, 6}
	for i, m := range times {
		st := &brief.Story{ID: fmt.Sprintf("s%d", i), Title: "t", Updated: base.Add(time.Duration(m) * time.Minute)}
		if err := s.PutStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"s6", "s5", "s4", "s3", "s2", "s1", "s0"}
	var got []string
	cur := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("Stories: too many pages")
		}
		list, next, err := s.Stories(ctx, 2, cur)
		if err != nil {
			t.Fatalf("Stories(2, %q): %v", cur, err)
		}
		if len(list) > 2 {
			t.Fatalf("Stories(2, %q) returned %d stories", cur, len(list))
		}
		for _, st := range list {
			got = append(got, st.ID)
		}
		if next == "" {
			break
		}
		cur = next
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stories pages = %v, want %v", got, want)
	}
	if list, next, err := s.Stories(ctx, 100, ""); err != nil || len(list) != 7 || next != "" {
		t.Errorf("Stories(100) = %d stories, next %q, %v; want 7, no next", len(list), next, err)
	}
	if _, _, err := s.Stories(ctx, 2, "%%bad"); !errors.Is(err, brief.ErrInvalid) {
		t.Errorf("Stories(bad cursor) error = %v, want ErrInvalid", err)
	}
}

func testSearch(t *testing.T, s brief.Store) {
	MustPut(t, s,
		article("m1", "", "Tillerson in Moscow", "The secretary met Lavrov on Wednesday."),
		article("m2", "", "Markets", "Shares fell in Tokyo."),
		article("m3", "", "Syria", "Lavrov said Moscow would veto the resolution."),
	)
	if err := s.PutStory(ctx, &brief.Story{ID: "st1", Title: "Tillerson visits Moscow", Summary: summary("Talks lasted two hours.", "m1"), Updated: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutStory(ctx, &brief.Story{ID: "st2", Title: "Markets", Summary: summary("Shares fell.", "m2"), Updated: time.Now()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q                 string
		articles, stories []string
	}{
		{"lavrov", []string{"m1", "m3"}, nil},
		{"Lavrov Moscow", []string{"m1", "m3"}, nil},
		{"moscow veto", []string{"m3"}, nil},
		{"tokyo", []string{"m2"}, nil},
		{"Tillerson", []string{"m1"}, []string{"st1"}},
		{"hours", nil, []string{"st1"}},
		{"nothing-here", nil, nil},
		{"'; DROP TABLE articles; --", nil, nil},
		// Full-text operators are separators, never syntax.
		{`"lavrov`, []string{"m1", "m3"}, nil},
		{"lavrov*", []string{"m1", "m3"}, nil},
		{"moscow -veto", []string{"m3"}, nil},
		{"(veto", []string{"m3"}, nil},
		{"veto NEAR", nil, nil},
		{"NEAR(veto moscow)", nil, nil},
		{"veto OR tokyo", nil, nil},
		{"^veto moscow:", []string{"m3"}, nil},
	}
	for _, tt := range tests {
		res, err := s.Search(ctx, tt.q, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.q, err)
			continue
		}
		if got := ids(res.Articles, nil); !sameSet(got, tt.articles) {
			t.Errorf("Search(%q).Articles = %v, want %v", tt.q, got, tt.articles)
		}
		if got := ids(nil, res.Stories); !sameSet(got, tt.stories) {
			t.Errorf("Search(%q).Stories = %v, want %v", tt.q, got, tt.stories)
		}
	}
	if res, err := s.Search(ctx, "lavrov", 1); err != nil || len(res.Articles) != 1 {
		t.Errorf("Search(lavrov, limit 1) = %+v, %v; want 1 article", res, err)
	}
	for _, q := range []string{"  ", "*", `"" - ()`} {
		if _, err := s.Search(ctx, q, 10); !errors.Is(err, brief.ErrInvalid) {
			t.Errorf("Search(%q) error = %v, want ErrInvalid", q, err)
		}
	}
	if _, err := s.Article(ctx, "m1"); err != nil {
		t.Errorf("Article(m1) after searches: %v", err)
	}
}

func ids(as []*brief.Article, ss []*brief.Story) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func testFeeds(t *testing.T, s brief.Store) {
	added := time.Date(2021, 5, 1, 12, 0, 0, 0, time.UTC)
	for _, u := range []string{"https://b.example/rss", "https://a.example/atom", "https://b.example/rss"} {
		if err := s.AddFeed(ctx, &brief.Feed{URL: u, Added: added}); err != nil {
			t.Fatalf("AddFeed(%s): %v", u, err)
		}
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 2 || feeds[0].URL != "https://b.example/rss" || feeds[1].URL != "https://a.example/atom" {
		t.Fatalf("Feeds = %+v, %v; want b then a", feeds, err)
	}
	if !feeds[0].Added.Equal(added) || !feeds[0].Checked.IsZero() {
		t.Errorf("Feeds[0] = %+v, want Added %v and zero Checked", feeds[0], added)
	}
	checked := added.Add(time.Hour)
	up := &brief.Feed{URL: "https://a.example/atom", ETag: `"xyz"`, LastModified: "Mon, 01 May 2021 13:00:00 GMT", Checked: checked}
	if err := s.UpdateFeed(ctx, up); err != nil {
		t.Fatalf("UpdateFeed: %v", err)
	}
	feeds, _ = s.Feeds(ctx)
	if len(feeds) != 2 || feeds[1].ETag != up.ETag || feeds[1].LastModified != up.LastModified || !feeds[1].Checked.Equal(checked) {
		t.Errorf("Feeds after update = %+v, want %+v", feeds, up)
	}
	if err := s.UpdateFeed(ctx, &brief.Feed{URL: "https://none.example/"}); !errors.Is(err, brief.ErrNotFound) {
		t.Errorf("UpdateFeed(unknown) error = %v, want ErrNotFound", err)
	}
	if err := s.AddFeed(ctx, &brief.Feed{}); !errors.Is(err, brief.ErrInvalid) {
		t.Errorf("AddFeed(no URL) error = %v, want ErrInvalid", err)
	}
}

func testConcurrent(t *testing.T, s brief.Store) {
	const workers, per = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				id := fmt.Sprintf("c%d-%d", w, i)
				if _, err := s.PutArticles(ctx, []*brief.Article{article(id, "", "t", "concurrent text")}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Article(ctx, id); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent put/get: %v", err)
	}
	n := 0
	s.ScanArticles(ctx, func(*brief.Article) error { n++; return nil })
	if n != workers*per {
		t.Errorf("ScanArticles after concurrent puts saw %d articles, want %d", n, workers*per)
	}
}
