package cluster_test

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// mustStream reads testdata/stream.txt: articles in input order and the gold
// event of each article ID.
func mustStream(tb testing.TB) ([]*brief.Article, map[string]string) {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "stream.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var arts []*brief.Article
	gold := map[string]string{}
	var body []string
	flush := func() {
		if len(arts) > 0 {
			arts[len(arts)-1].Text = strings.Join(body, "\n")
		}
		body = body[:0]
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "-- "):
			flush()
			fs := strings.Fields(line)
			if len(fs) != 4 {
				tb.Fatalf("stream.txt:%d: want \"-- ID TIME GOLD\", got %q", n, line)
			}
			t, err := time.Parse(time.RFC3339, fs[2])
			if err != nil {
				tb.Fatalf("stream.txt:%d: %v", n, err)
			}
			arts = append(arts, &brief.Article{ID: fs[1], Published: t, Language: "en"})
			gold[fs[1]] = fs[3]
		case len(arts) == 0:
			// preamble
		case strings.HasPrefix(line, "title: ") && len(body) == 0 && arts[len(arts)-1].Title == "":
			arts[len(arts)-1].Title = strings.TrimPrefix(line, "title: ")
		default:
			body = append(body, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return arts, gold
}

// clusterers is every brief.Clusterer of the package with its defaults.
var clusterers = []struct {
	name string
	c    brief.Clusterer
}{
	{"SinglePass", cluster.SinglePass{}},
	{"Agglomerative", cluster.Agglomerative{}},
	{"Baseline", cluster.Baseline{}},
}

// checkEvents fails unless events hold each article of want exactly once,
// with IDs "s1", "s2", … and First/Last the extreme publication times.
func checkEvents(t *testing.T, name string, events []*brief.Event, want []*brief.Article) {
	t.Helper()
	seen := map[*brief.Article]int{}
	for i, e := range events {
		if wantID := fmt.Sprintf("s%d", i+1); e.ID != wantID {
			t.Errorf("%s: event %d has ID %q, want %q", name, i, e.ID, wantID)
		}
		if len(e.Articles) == 0 {
			t.Errorf("%s: event %s is empty", name, e.ID)
		}
		var first, last time.Time
		for _, a := range e.Articles {
			seen[a]++
			if first.IsZero() || a.Published.Before(first) {
				first = a.Published
			}
			if a.Published.After(last) {
				last = a.Published
			}
		}
		if !e.First.Equal(first) || !e.Last.Equal(last) {
			t.Errorf("%s: event %s First, Last = %v, %v, want %v, %v", name, e.ID, e.First, e.Last, first, last)
		}
	}
	for _, a := range want {
		if seen[a] != 1 {
			t.Errorf("%s: article %s is in %d events, want 1", name, a.ID, seen[a])
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%s: events hold %d distinct articles, want %d", name, len(seen), len(want))
	}
}

// TestClusterer is the contract every brief.Clusterer here meets.
func TestClusterer(t *testing.T) {
	arts, _ := mustStream(t)
	for _, tc := range clusterers {
		t.Run(tc.name, func(t *testing.T) {
			for _, in := range [][]*brief.Article{nil, {}, {nil, nil}} {
				if got := tc.c.Cluster(in); len(got) != 0 {
					t.Errorf("Cluster(%v) = %d events, want 0", in, len(got))
				}
			}
			in := slices.Clone(arts)
			in = append(in[:3:3], append([]*brief.Article{nil}, in[3:]...)...)
			orig := slices.Clone(in)
			got := tc.c.Cluster(in)
			if !slices.Equal(in, orig) {
				t.Errorf("Cluster modified its input slice")
			}
			checkEvents(t, tc.name, got, arts)
			again := tc.c.Cluster(slices.Clone(in))
			if g, a := cluster.Labels(got), cluster.Labels(again); !mapsEqual(g, a) {
				t.Errorf("Cluster is not deterministic: %v, then %v", g, a)
			}
			one := tc.c.Cluster(arts[:1])
			if len(one) != 1 || one[0].ID != "s1" || len(one[0].Articles) != 1 {
				t.Errorf("Cluster(one article) = %v, want one event s1", one)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestGolden compares the clustering of the fixture stream with
// testdata/stream.golden (rewrite with -update) and requires SinglePass to
// find the gold events of this easy fixture exactly.
func TestGolden(t *testing.T) {
	arts, gold := mustStream(t)
	var b strings.Builder
	for _, tc := range clusterers {
		events := tc.c.Cluster(arts)
		p, r, f := cluster.BCubed(gold, cluster.Labels(events))
		fmt.Fprintf(&b, "# %s: B-cubed P=%.3f R=%.3f F1=%.3f\n", tc.name, p, r, f)
		for _, e := range events {
			ids := make([]string, len(e.Articles))
			for i, a := range e.Articles {
				ids[i] = a.ID
			}
			fmt.Fprintf(&b, "%s %s\n", e.ID, strings.Join(ids, " "))
		}
		if tc.name == "SinglePass" && f != 1 {
			t.Errorf("SinglePass on the fixture: B-cubed P, R, F1 = %.3f, %.3f, %.3f, want 1", p, r, f)
		}
	}
	path := filepath.Join("testdata", "stream.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("clustering of testdata/stream.txt changed:\ngot:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestOnlineIDs checks that Add returns the IDs Events reports, that IDs
// are "s" + creation order, and that they never change as articles arrive.
func TestOnlineIDs(t *testing.T) {
	arts, _ := mustStream(t)
	arts = byTime(arts)
	o := cluster.NewOnline(cluster.Config{})
	if ev := o.Events(); ev != nil {
		t.Errorf("Events() of a new Online = %v, want nil", ev)
	}
	if id := o.Add(nil); id != "" {
		t.Errorf("Add(nil) = %q, want \"\"", id)
	}
	ids := map[string]string{}
	next := 1
	for _, a := range arts {
		id := o.Add(a)
		if id == fmt.Sprintf("s%d", next) {
			next++
		} else if !slices.Contains(mapsValues(ids), id) {
			t.Errorf("Add(%s) = %q, want an existing story or s%d", a.ID, id, next)
		}
		ids[a.ID] = id
		if got := cluster.Labels(o.Events()); !mapsEqual(got, ids) {
			t.Fatalf("after Add(%s): Events labels = %v, want %v", a.ID, got, ids)
		}
	}
	if st := o.Stats(); st.Articles != len(arts) || st.Stories != next-1 {
		t.Errorf("Stats() = %+v, want %d articles in %d stories", st, len(arts), next-1)
	}
}

func mapsValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func byTime(arts []*brief.Article) []*brief.Article {
	out := slices.Clone(arts)
	slices.SortStableFunc(out, func(a, b *brief.Article) int { return a.Published.Compare(b.Published) })
	return out
}

// TestWindow: the second quake, six weeks after the first, is a new story
// with the default 72h window, and joins the first quake's story when the
// window and decay are off.
func TestWindow(t *testing.T) {
	arts, _ := mustStream(t)
	tests := []struct {
		name string
		cfg  cluster.Config
		same bool
	}{
		{"default window", cluster.Config{}, false},
		{"window 1000h no decay", cluster.Config{Window: 1000 * time.Hour, HalfLife: -1}, true},
		{"no window no decay", cluster.Config{Window: -1, HalfLife: -1}, true},
		{"no window, decay 24h", cluster.Config{Window: -1, HalfLife: 24 * time.Hour}, false},
	}
	for _, tc := range tests {
		l := cluster.Labels(cluster.SinglePass{Config: tc.cfg}.Cluster(arts))
		if got := l["quake-later-1"] == l["quake-1"]; got != tc.same {
			t.Errorf("%s: quake-later-1 in %s, quake-1 in %s: same story = %v, want %v", tc.name, l["quake-later-1"], l["quake-1"], got, tc.same)
		}
		if l["quake-later-1"] != l["quake-later-2"] {
			t.Errorf("%s: the two later quake reports are in stories %s and %s, want one", tc.name, l["quake-later-1"], l["quake-later-2"])
		}
	}
}

// TestNearDuplicate: a wire copy with a byline and a copyright line added
// joins its twin's story even when no similarity could reach the threshold,
// and an exact copy with another title does too.
func TestNearDuplicate(t *testing.T) {
	arts, _ := mustStream(t)
	var orig, wire *brief.Article
	for _, a := range arts {
		switch a.ID {
		case "quake-3":
			orig = a
		case "quake-3-wire":
			wire = a
		}
	}
	exact := &brief.Article{ID: "exact", Title: "Something else", Text: orig.Text, Published: orig.Published.Add(time.Minute)}
	other := &brief.Article{ID: "other", Title: "Unrelated", Text: "Completely different words about a harvest festival in a mountain village far away.", Published: orig.Published.Add(time.Minute)}
	o := cluster.NewOnline(cluster.Config{Threshold: 1.5}) // no score reaches 1.5
	s := o.Add(orig)
	for _, a := range []*brief.Article{wire, exact} {
		if got := o.Add(a); got != s {
			t.Errorf("Add(%s) = %s, want its twin's story %s", a.ID, got, s)
		}
	}
	if got := o.Add(other); got == s {
		t.Errorf("Add(other) = %s, want a new story", got)
	}
	ag := cluster.Agglomerative{Threshold: 1.5}.Cluster([]*brief.Article{orig, other, wire, exact})
	if l := cluster.Labels(ag); l["quake-3"] != l["quake-3-wire"] || l["quake-3"] != l["exact"] || l["other"] == l["quake-3"] {
		t.Errorf("Agglomerative with threshold 1.5: labels %v, want the three copies together and other apart", l)
	}
}

// TestEviction: on a long synthetic stream the index holds only stories
// active within the window, so it does not grow with the stream.
func TestEviction(t *testing.T) {
	g := newSynth(7, 10)
	o := cluster.NewOnline(cluster.Config{})
	var half cluster.Stats
	const n = 3000 // about 30 days at 10 events/day, ten times the window
	for i := range n {
		a, _ := g.next()
		o.Add(a)
		if i == n/2 {
			half = o.Stats()
		}
	}
	end := o.Stats()
	if end.Active >= end.Stories/4 || end.Active > 2*half.Active {
		t.Errorf("active stories: %d of %d at the end, %d at half way: want a bounded active set", end.Active, end.Stories, half.Active)
	}
	if end.Postings > 2*half.Postings {
		t.Errorf("postings grew from %d to %d: want bounded", half.Postings, end.Postings)
	}
}
