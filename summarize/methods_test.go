package summarize_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

// MustReadArticles reads the articles of dir, one per *.txt file in name
// order: "Key: value" header lines (Title, Outlet, Published in RFC 3339), a
// blank line, then the text. The file name without extension is the ID.
func MustReadArticles(tb testing.TB, dir string) []*brief.Article {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no articles in %s: %v", dir, err)
	}
	sort.Strings(paths)
	var arts []*brief.Article
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		head, body, ok := strings.Cut(string(data), "\n\n")
		if !ok {
			tb.Fatalf("%s: no blank line after the header", p)
		}
		a := &brief.Article{
			ID:       strings.TrimSuffix(filepath.Base(p), ".txt"),
			Language: "en",
			Text:     strings.TrimSpace(body),
			Source:   p,
		}
		for _, line := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(line, ": ")
			switch k {
			case "Title":
				a.Title = v
			case "Outlet":
				a.Outlet = v
			case "Published":
				if a.Published, err = time.Parse(time.RFC3339, v); err != nil {
					tb.Fatalf("%s: %v", p, err)
				}
			default:
				tb.Fatalf("%s: unknown header line %q", p, line)
			}
		}
		arts = append(arts, a)
	}
	return arts
}

// contractFixture is a cluster the method contract is checked on.
type contractFixture struct {
	name     string
	articles []*brief.Article
	query    string
}

func contractFixtures(tb testing.TB) []contractFixture {
	quake := MustReadArticles(tb, "testdata/quake")
	var copies []*brief.Article
	for i := range 4 {
		a := *quake[1]
		a.ID = fmt.Sprintf("copy%d", i)
		a.Outlet = fmt.Sprintf("Outlet %d", i)
		copies = append(copies, &a)
	}
	long := strings.Repeat("the rescue teams searched the collapsed houses of the old town ", 6)
	return []contractFixture{
		{name: "quake", articles: quake},
		{name: "quake with query", articles: quake, query: "When will the schools reopen after the aftershocks?"},
		{name: "query unknown to the cluster", articles: quake, query: "xylophone zeppelin"},
		{name: "empty", articles: nil},
		{name: "nil and empty articles", articles: []*brief.Article{nil, {ID: "blank", Language: "en"}}},
		{name: "one article", articles: quake[:1]},
		{name: "one sentence longer than small budgets", articles: []*brief.Article{
			{ID: "long", Language: "en", Text: "In Varenna " + long + "until nightfall."},
		}},
		{name: "all duplicates", articles: copies},
		{name: "stopwords only", articles: []*brief.Article{
			{ID: "stop1", Language: "en", Text: "It was not what it was, and it is not what it will be.\n\nWe are here because they were there and we will be there too."},
			{ID: "stop2", Language: "en", Text: "It was not what it was, and it is not what it will be."},
		}},
		{name: "undated and unknown language", articles: []*brief.Article{
			{ID: "u1", Text: "Rescue teams searched the rubble of the old town for survivors on Saturday. Officials said at least twelve people had died in the earthquake."},
			{ID: "u2", Text: "The earthquake killed at least twelve people in the old town, officials said on Saturday. Schools will stay closed for a week while engineers inspect them."},
		}},
	}
}

var contractBudgets = []brief.Budget{
	{},
	{Words: 100},
	{Words: 30},
	{Words: 12},
	{Words: 1},
	{Bytes: 400},
	{Bytes: 120},
	{Sentences: 1},
	{Sentences: 3},
}

// baselines are the baseline methods under their --method names, checked
// even before summarize.Methods lists them.
var baselines = map[string]func() summarize.Method{
	"lead":     func() summarize.Method { return summarize.Lead{} },
	"centroid": func() summarize.Method { return summarize.Centroid{} },
	"lexrank":  func() summarize.Method { return summarize.LexRank{} },
	"textrank": func() summarize.Method { return summarize.TextRank{} },
	"mmr":      func() summarize.Method { return summarize.MMR{} },
	"klsum":    func() summarize.Method { return summarize.KLSum{} },
	"sumbasic": func() summarize.Method { return summarize.SumBasic{} },
}

// allMethods returns every entry of summarize.Methods, plus the baselines
// it does not list yet.
func allMethods() map[string]func() summarize.Method {
	all := map[string]func() summarize.Method{}
	for name, m := range baselines {
		all[name] = m
	}
	for name, m := range summarize.Methods {
		all[name] = m
	}
	return all
}

// methodNames returns the keys of allMethods in order.
func methodNames() []string {
	var names []string
	for name := range allMethods() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// snapshot renders everything a method can see of c, to detect changes.
func snapshot(c *summarize.Cluster) string {
	return fmt.Sprintf("%#v|%#v|%#v", c.Sentences, c.Groups, c.Query)
}

// TestMethodContract checks every entry of summarize.Methods (and every
// baseline) against the
// Method contract: indices in range, no index twice, at most one sentence
// per near-duplicate group, the budget respected, something chosen whenever
// a sentence fits, the cluster left unmodified, the same output on a second
// call, on a fresh cluster and from a concurrent call; and, for methods that
// are also Rankers, one finite score per sentence, the same on every call.
func TestMethodContract(t *testing.T) {
	fixtures := contractFixtures(t)
	for _, name := range methodNames() {
		t.Run(name, func(t *testing.T) {
			for _, f := range fixtures {
				for _, b := range contractBudgets {
					checkContract(t, name, f, b)
				}
			}
		})
	}
}

func newFixtureCluster(f contractFixture) *summarize.Cluster {
	c := summarize.NewCluster(f.articles)
	if f.query != "" {
		c.Query = summarize.Terms("en", f.query)
	}
	return c
}

func checkContract(t *testing.T, name string, f contractFixture, b brief.Budget) {
	t.Helper()
	where := fmt.Sprintf("%s on %q with %+v", name, f.name, b)
	c := newFixtureCluster(f)
	before := snapshot(c)
	m := allMethods()[name]()

	var wg sync.WaitGroup
	var concurrent []int
	wg.Add(1)
	go func() {
		defer wg.Done()
		concurrent = m.Select(c, b)
	}()
	got := m.Select(c, b)
	wg.Wait()

	seen := map[int]bool{}
	groups := map[int]int{}
	for _, i := range got {
		if i < 0 || i >= len(c.Sentences) {
			t.Fatalf("%s = %v: index %d out of range [0,%d)", where, got, i, len(c.Sentences))
		}
		if seen[i] {
			t.Errorf("%s = %v: index %d twice", where, got, i)
		}
		seen[i] = true
		g := c.Sentences[i].Group
		if j, ok := groups[g]; ok {
			t.Errorf("%s = %v: sentences %d and %d are near-duplicates (group %d)", where, got, j, i, g)
		}
		groups[g] = i
	}
	if !c.Fits(got, b) {
		words, bytes := 0, 0
		for _, i := range got {
			words += c.Sentences[i].Words
			bytes += len(c.Sentences[i].Text) + 1
		}
		t.Errorf("%s = %v: %d words, %d bytes, %d sentences: over budget", where, got, words, bytes-1, len(got))
	}
	if len(got) == 0 {
		for i := range c.Sentences {
			if c.Fits([]int{i}, b) {
				t.Errorf("%s chose nothing, but sentence %d (%d words) fits", where, i, c.Sentences[i].Words)
				break
			}
		}
	}
	if after := snapshot(c); after != before {
		t.Errorf("%s modified the cluster", where)
	}
	if again := m.Select(c, b); !slices.Equal(again, got) {
		t.Errorf("%s is not deterministic: %v, then %v", where, got, again)
	}
	if !slices.Equal(concurrent, got) {
		t.Errorf("%s differs when called concurrently: %v and %v", where, got, concurrent)
	}
	if fresh := allMethods()[name]().Select(newFixtureCluster(f), b); !slices.Equal(fresh, got) {
		t.Errorf("%s differs on a fresh cluster: %v, then %v", where, got, fresh)
	}

	r, ok := m.(summarize.Ranker)
	if !ok {
		return
	}
	scores := r.Rank(c)
	if len(scores) != len(c.Sentences) {
		t.Fatalf("%s: Rank returned %d scores for %d sentences", where, len(scores), len(c.Sentences))
	}
	for i, s := range scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			t.Errorf("%s: Rank score of sentence %d = %v, want finite", where, i, s)
		}
	}
	if again := r.Rank(newFixtureCluster(f)); !slices.Equal(again, scores) {
		t.Errorf("%s: Rank is not deterministic: %v, then %v", where, scores, again)
	}
}
