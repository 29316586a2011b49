package summarize_test

import (
	"fmt"
	"math"
	"math/rand/v2"
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
		{name: "nil article among others", articles: []*brief.Article{quake[2], nil, quake[0]}},
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

// methodNames returns the keys of summarize.Methods in order.
func methodNames() []string {
	var names []string
	for name := range summarize.Methods {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// snapshot renders everything a method can see of c, to detect changes.
func snapshot(c *summarize.Cluster) string {
	return fmt.Sprintf("%#v|%#v|%#v", c.Sentences, c.Groups, c.Query)
}

// TestMethodContract checks every entry of summarize.Methods against the
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
	m := summarize.Methods[name]()

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
	if fresh := summarize.Methods[name]().Select(newFixtureCluster(f), b); !slices.Equal(fresh, got) {
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

// syntheticQuake returns n articles of about words words each, made of the
// fixture's sentences in random order with some words swapped for others of
// the fixture, the way outlets retell a story. The seed is fixed.
func syntheticQuake(tb testing.TB, n, words int) []*brief.Article {
	var pool []string
	for _, a := range MustReadArticles(tb, "testdata/quake") {
		pool = append(pool, strings.Split(a.Text, "\n\n")...)
	}
	var vocab []string
	for _, s := range pool {
		vocab = append(vocab, strings.Fields(strings.ToLower(strings.Trim(s, ".")))...)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	arts := make([]*brief.Article, n)
	for a := range arts {
		var paras []string
		for count := 0; count < words; {
			ws := strings.Fields(pool[rng.IntN(len(pool))])
			for range 2 + rng.IntN(5) {
				if k := 1 + rng.IntN(len(ws)-1); k < len(ws)-1 {
					ws[k] = vocab[rng.IntN(len(vocab))]
				}
			}
			paras = append(paras, strings.Join(ws, " "))
			count += len(ws)
		}
		arts[a] = &brief.Article{
			ID:        fmt.Sprintf("s%02d", a),
			Published: time.Date(2031, 4, 12, a, 0, 0, 0, time.UTC),
			Language:  "en",
			Text:      strings.Join(paras, "\n\n"),
		}
	}
	return arts
}

// BenchmarkSelect runs Select of every method, and Rank of every Ranker,
// on a prepared 25-article, 15,000-word cluster: the cost of the method
// alone, without NewCluster.
func BenchmarkSelect(b *testing.B) {
	c := summarize.NewCluster(syntheticQuake(b, 25, 600))
	b.Logf("%d candidate sentences, %d groups", len(c.Sentences), len(c.Groups))
	for _, name := range methodNames() {
		m := summarize.Methods[name]()
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if len(m.Select(c, brief.DefaultBudget)) == 0 {
					b.Fatal("empty summary")
				}
			}
		})
	}
}

// MustCluster returns the cluster of one English article whose paragraphs
// are the given sentences, so that no two of them are near-duplicates.
func MustCluster(tb testing.TB, sentences ...string) *summarize.Cluster {
	tb.Helper()
	c := summarize.NewCluster([]*brief.Article{{ID: "a", Language: "en", Text: strings.Join(sentences, "\n\n")}})
	if len(c.Sentences) != len(sentences) {
		tb.Fatalf("cluster has %d sentences, want %d", len(c.Sentences), len(sentences))
	}
	return c
}

var greedySentences = []string{
	"Marble harbour lantern violin orchard pepper copper meadow.",
	"Glacier tundra canyon volcano prairie lagoon desert island.",
	"Glacier tundra canyon volcano prairie lagoon desert island coast.",
	"Asteroid comet nebula quasar pulsar galaxy meteor planet star moon sun orbit eclipse dust ring cloud crater ridge valley plain.",
	"Walrus otter badger ferret beaver weasel marten stoat.",
}

func TestGreedy(t *testing.T) {
	c := MustCluster(t, greedySentences...)
	nan := math.NaN()
	tests := []struct {
		name   string
		g      summarize.Greedy
		scores []float64
		b      brief.Budget
		want   []int
	}{
		{"score order", summarize.Greedy{}, []float64{0.1, 0.9, 0.2, 0.5, 0.3}, brief.Budget{Sentences: 2}, []int{1, 3}},
		{"ties by index", summarize.Greedy{}, []float64{1, 1, 0, 1, 1}, brief.Budget{Sentences: 3}, []int{0, 1, 3}},
		{"redundant sentence skipped", summarize.Greedy{}, []float64{0.1, 0.9, 0.8, 0.5, 0.3}, brief.Budget{Sentences: 2}, []int{1, 3}},
		{"redundancy check off", summarize.Greedy{Redundancy: 1}, []float64{0.1, 0.9, 0.8, 0.5, 0.3}, brief.Budget{Sentences: 2}, []int{1, 2}},
		{"long sentence skipped, shorter ones taken", summarize.Greedy{}, []float64{0.1, 0.2, 0, 0.9, 0.3}, brief.Budget{Words: 17}, []int{4, 1}},
		{"NaN last", summarize.Greedy{}, []float64{nan, 0.1, 0, 0.2, 0.3}, brief.Budget{Sentences: 4}, []int{4, 3, 1, 0}},
		{"too few scores", summarize.Greedy{}, []float64{0.1, 0.9}, brief.Budget{Sentences: 3}, []int{1, 0, 3}},
		{"nothing fits", summarize.Greedy{}, []float64{1, 2, 3, 4, 5}, brief.Budget{Words: 7}, nil},
		{"nil ranker", summarize.Greedy{Ranker: nil}, nil, brief.Budget{Sentences: 3}, nil},
	}
	for _, tt := range tests {
		g := tt.g
		if tt.scores != nil {
			scores := tt.scores
			g.Ranker = summarize.RankerFunc(func(*summarize.Cluster) []float64 { return scores })
		}
		if got := g.Select(c, tt.b); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Select(%v, %+v) = %v, want %v", tt.name, tt.scores, tt.b, got, tt.want)
		}
	}
}

// sumsToOne fails unless the scores add up to 1.
func sumsToOne(t *testing.T, name string, scores []float64) {
	t.Helper()
	sum := 0.0
	for _, s := range scores {
		sum += s
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("%s: scores %v sum to %v, want 1", name, scores, sum)
	}
}

func TestLexRankHub(t *testing.T) {
	c := MustCluster(t,
		"Marble harbour lantern violin orchard pepper copper meadow.",
		"Marble harbour glacier tundra canyon volcano prairie lagoon.",
		"Lantern violin asteroid comet nebula quasar pulsar galaxy.",
		"Orchard pepper walrus otter badger ferret beaver weasel.",
	)
	for _, m := range []summarize.LexRank{{}, {Threshold: 0.1}} {
		scores := m.Rank(c)
		sumsToOne(t, fmt.Sprintf("%+v", m), scores)
		for i := 1; i < len(scores); i++ {
			if !(scores[0] > scores[i]) {
				t.Errorf("%+v: hub score %v ≤ score %v of sentence %d", m, scores[0], scores[i], i)
			}
		}
	}
}

func TestTextRankChain(t *testing.T) {
	c := MustCluster(t,
		"Marble harbour lantern violin orchard pepper copper meadow.",
		"Marble harbour glacier tundra canyon volcano prairie lagoon.",
		"Walrus otter glacier tundra nebula quasar pulsar galaxy.",
	)
	scores := summarize.TextRank{}.Rank(c)
	sumsToOne(t, "TextRank", scores)
	if !(scores[1] > scores[0]) || math.Abs(scores[0]-scores[2]) > 1e-9 {
		t.Errorf("TextRank on chain 0-1-2 = %v, want the middle highest and the ends equal", scores)
	}
}

// termCounts returns the counts of the content terms of c and their total.
func termCounts(c *summarize.Cluster) (map[string]float64, float64) {
	counts := map[string]float64{}
	total := 0.0
	for _, s := range c.Sentences {
		for _, w := range s.Terms {
			counts[w]++
			total++
		}
	}
	return counts, total
}

func TestKLSumFirstSentence(t *testing.T) {
	c := summarize.NewCluster(MustReadArticles(t, "testdata/quake"))
	counts, total := termCounts(c)
	const delta = 0.1
	kl := func(i int) float64 {
		ns := map[string]float64{}
		for _, w := range c.Sentences[i].Terms {
			ns[w]++
		}
		n := float64(len(c.Sentences[i].Terms))
		d := 0.0
		for w, k := range counts {
			pd := k / total
			ps := (ns[w] + delta) / (n + delta*float64(len(counts)))
			d += pd * math.Log(pd/ps)
		}
		return d
	}
	best := math.Inf(1)
	for i := range c.Sentences {
		best = min(best, kl(i))
	}
	got := summarize.KLSum{Smoothing: delta}.Select(c, brief.Budget{Words: 100})
	if len(got) == 0 || kl(got[0]) > best+1e-9 {
		t.Errorf("KLSum first sentence %v has KL %v, want the minimum %v", got, kl(got[0]), best)
	}
}

func TestSumBasicFirstSentence(t *testing.T) {
	c := summarize.NewCluster(MustReadArticles(t, "testdata/quake"))
	counts, total := termCounts(c)
	top := 0.0
	for _, k := range counts {
		top = max(top, k)
	}
	weight := func(i int) float64 {
		w := 0.0
		for _, t := range c.Sentences[i].Terms {
			w += counts[t] / total
		}
		return w / float64(len(c.Sentences[i].Terms))
	}
	has := func(i int, term string) bool { return slices.Contains(c.Sentences[i].Terms, term) }
	got := summarize.SumBasic{}.Select(c, brief.Budget{Words: 100})
	if len(got) == 0 {
		t.Fatal("SumBasic chose nothing")
	}
	first := got[0]
	for term, k := range counts {
		if k != top || !has(first, term) {
			continue
		}
		for i := range c.Sentences {
			if has(i, term) && weight(i) > weight(first)+1e-12 {
				t.Errorf("SumBasic took sentence %d (weight %v) first, but sentence %d with the top term %q weighs %v", first, weight(first), i, term, weight(i))
			}
		}
		return
	}
	t.Errorf("SumBasic took sentence %d first, which has none of the most frequent terms (%v occurrences)", first, top)
}

func TestMMRQuery(t *testing.T) {
	c := summarize.NewCluster(MustReadArticles(t, "testdata/quake"))
	for _, q := range []string{"aftershocks", "state of emergency", "soldiers"} {
		c.Query = summarize.Terms("en", q)
		got := summarize.MMR{}.Select(c, brief.Budget{Words: 100})
		if len(got) == 0 || !slices.Contains(c.Sentences[got[0]].Terms, c.Query[0]) {
			t.Errorf("MMR with query %q chose %v first, want a sentence with %q", q, got, c.Query[0])
		}
	}
}

func TestLeadNewestFirst(t *testing.T) {
	arts := MustReadArticles(t, "testdata/quake")
	c := summarize.NewCluster(arts)
	newest := len(arts) - 1 // 05-radio
	got := summarize.Lead{}.Select(c, brief.Budget{Words: 100})
	var want []int
	for i, s := range c.Sentences {
		if s.Article == newest {
			want = append(want, i)
		}
	}
	if len(got) < 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Lead chose %v, want it to start with %v, the first sentences of the newest article", got, want[:2])
	}
	for _, i := range got[1:] {
		if c.Sentences[i].Article != newest {
			continue
		}
		if !slices.Contains(want, i) {
			t.Errorf("Lead chose %v: sentence %d is not of the newest article", got, i)
		}
	}
}

// A Ranker becomes a Method through Greedy. Here a ranker that prefers
// short sentences fills a two-sentence budget.
func ExampleGreedy() {
	c := summarize.NewCluster([]*brief.Article{{
		ID:       "a",
		Language: "en",
		Text: "A magnitude 6.4 earthquake struck the coastal town of Varenna on Saturday.\n\n" +
			"Rescue teams searched the rubble of the old town for survivors through the night.\n\n" +
			"The regional government declared a state of emergency.",
	}})
	shortFirst := summarize.RankerFunc(func(c *summarize.Cluster) []float64 {
		scores := make([]float64, len(c.Sentences))
		for i, s := range c.Sentences {
			scores[i] = -float64(s.Words)
		}
		return scores
	})
	m := summarize.Greedy{Ranker: shortFirst}
	for _, i := range m.Select(c, brief.Budget{Sentences: 2}) {
		fmt.Println(c.Sentences[i].Text)
	}
	// Output:
	// The regional government declared a state of emergency.
	// A magnitude 6.4 earthquake struck the coastal town of Varenna on Saturday.
}

// FuzzMethodContract checks the Method contract of every method on two
// arbitrary articles and an arbitrary budget in one unit.
func FuzzMethodContract(f *testing.F) {
	quake := MustReadArticles(f, "testdata/quake")
	f.Add(quake[0].Text, quake[1].Text, uint8(0), 100)
	f.Add(quake[2].Text, quake[2].Text, uint8(1), 300)
	f.Add(quake[3].Text, "", uint8(2), 2)
	f.Add("It was not what it was. It is.", "¿Qué pasó? Nadie sabe.", uint8(0), 5)
	f.Fuzz(func(t *testing.T, a, b string, unit uint8, limit int) {
		fx := contractFixture{name: "fuzz", articles: []*brief.Article{
			{ID: "a", Language: "en", Text: a},
			{ID: "b", Text: b, Published: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)},
		}}
		// A Budget has one positive field at most.
		var budget brief.Budget
		switch unit % 4 {
		case 0:
			budget.Words = limit % 500
		case 1:
			budget.Bytes = limit % 5000
		case 2:
			budget.Sentences = limit % 20
		}
		for _, name := range methodNames() {
			checkContract(t, name, fx, budget)
		}
	})
}
