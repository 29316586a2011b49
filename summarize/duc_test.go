package summarize_test

import (
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/eval"
	"github.com/briefnews/brief/summarize"
)

// The DUC evaluation is a development tool, not a unit test: it runs only
// when -duc names the DUC 2007 update data set, e.g.
//
//	go test ./summarize -run TestDUC -duc ../../shared/data/duc2007-update -v
var (
	ducDir     = flag.String("duc", "", "DUC 2007 update `dir`; enables TestDUC")
	ducSets    = flag.String("duc.sets", "A", "DUC sets to score: any of A, B, C")
	ducMethods = flag.String("duc.methods", "", "comma-separated methods (empty: all)")
	ducPeers   = flag.Bool("duc.peers", false, "also score NIST's participants")
)

// ducTopic is one document set of the DUC 2007 update task.
type ducTopic struct {
	id       string // e.g. "D0703-A"
	articles []*brief.Article
	models   [][]string
}

var sgmlPara = regexp.MustCompile(`(?s)<P>(.*?)</P>`)

func field(doc, name string) string {
	i := strings.Index(doc, "<"+name+">")
	j := strings.Index(doc, "</"+name+">")
	if i < 0 || j < i {
		return ""
	}
	return doc[i+len(name)+2 : j]
}

func squash(s string) string { return strings.Join(strings.Fields(html.UnescapeString(s)), " ") }

// readDUCDoc reads one DUC SGML file into an Article: paragraphs separated
// by blank lines, lines of a paragraph joined by spaces.
func readDUCDoc(path string) (*brief.Article, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc := string(b)
	body := field(doc, "TEXT")
	var paras []string
	if ps := sgmlPara.FindAllStringSubmatch(body, -1); len(ps) > 0 {
		for _, p := range ps {
			if s := squash(p[1]); s != "" {
				paras = append(paras, s)
			}
		}
	} else {
		for _, p := range regexp.MustCompile(`\n\s*\n`).Split(body, -1) {
			if s := squash(p); s != "" {
				paras = append(paras, s)
			}
		}
	}
	a := &brief.Article{
		ID:       strings.TrimSpace(field(doc, "DOCNO")),
		Title:    squash(field(doc, "HEADLINE")),
		Language: "en",
		Text:     strings.Join(paras, "\n\n"),
		Source:   path,
	}
	if d := strings.TrimSpace(field(doc, "DATE_TIME")); len(d) >= 10 {
		if t, err := time.Parse("2006-01-02", d[:10]); err == nil {
			a.Published = t
		}
	}
	return a, nil
}

func readLines(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func loadDUC(t *testing.T, dir, sets string) []ducTopic {
	t.Helper()
	topics, err := filepath.Glob(filepath.Join(dir, "docs", "D*"))
	if err != nil || len(topics) == 0 {
		t.Fatalf("no DUC topics under %s", dir)
	}
	var out []ducTopic
	for _, td := range topics {
		for _, set := range sets {
			sd := filepath.Join(td, filepath.Base(td)+"-"+string(set))
			files, _ := filepath.Glob(filepath.Join(sd, "*"))
			sort.Strings(files)
			id := filepath.Base(td)[:5] + "-" + string(set)
			tp := ducTopic{id: id}
			for _, f := range files {
				a, err := readDUCDoc(f)
				if err != nil {
					t.Fatal(err)
				}
				tp.articles = append(tp.articles, a)
			}
			ms, _ := filepath.Glob(filepath.Join(dir, "models", id+".M.100.*"))
			sort.Strings(ms)
			for _, m := range ms {
				tp.models = append(tp.models, readLines(m))
			}
			out = append(out, tp)
		}
	}
	return out
}

var ducOptions = eval.Options{N: 2, Stem: true, NoLCS: true, Skip: true, SkipGap: 4, SkipUni: true, Alpha: 0.5, Words: 100}

// jackknife returns NIST's jackknifed recall of peer for and SU4:
// the mean over the leave-one-model-out subsets of the model-averaged score.
func jackknife(peer []string, models [][]string) [3]float64 {
	var sum [3]float64
	for leave := range models {
		var sub [][]string
		for i, m := range models {
			if i != leave {
				sub = append(sub, m)
			}
		}
		ms := eval.ROUGE(peer, sub, ducOptions)
		for k := range 3 {
			sum[k] += ms[k].R
		}
	}
	for k := range sum {
		sum[k] /= float64(len(models))
	}
	return sum
}

func TestDUC(t *testing.T) {
	if *ducDir == "" {
		t.Skip("no -duc data set given")
	}
	topics := loadDUC(t, *ducDir, *ducSets)
	type row struct {
		name   string
		scores [3]float64
		ms     float64
	}
	var rows []row
	names := []string{}
	if *ducMethods != "" {
		names = strings.Split(*ducMethods, ",")
	} else {
		for n := range summarize.Methods {
			names = append(names, n)
		}
		sort.Strings(names)
	}
	for _, name := range names {
		mk, ok := summarize.Methods[name]
		if !ok {
			t.Fatalf("no method %q", name)
		}
		var r row
		r.name = name
		var elapsed time.Duration
		for _, tp := range topics {
			s := &summarize.Summarizer{Method: mk(), Name: name}
			start := time.Now()
			sum := s.Summarize(tp.articles, brief.Budget{Words: 100})
			elapsed += time.Since(start)
			var peer []string
			for _, ss := range sum.Sentences {
				peer = append(peer, ss.Text)
			}
			sc := jackknife(peer, tp.models)
			for k := range sc {
				r.scores[k] += sc[k] / float64(len(topics))
			}
		}
		r.ms = float64(elapsed.Microseconds()) / 1000 / float64(len(topics))
		rows = append(rows, r)
	}
	if *ducPeers {
		ids := map[string]bool{}
		files, _ := filepath.Glob(filepath.Join(*ducDir, "peers", "*"))
		for _, f := range files {
			ids[f[strings.LastIndex(f, ".")+1:]] = true
		}
		for id := range ids {
			var r row
			r.name = "peer " + id
			n := 0
			for _, tp := range topics {
				f, _ := filepath.Glob(filepath.Join(*ducDir, "peers", tp.id+".M.100.*."+id))
				if len(f) != 1 {
					continue
				}
				p := readLines(f[0])
				if p == nil {
					continue
				}
				n++
				sc := jackknife(p, tp.models)
				for k := range sc {
					r.scores[k] += sc[k]
				}
			}
			if n != len(topics) {
				continue
			}
			for k := range r.scores {
				r.scores[k] /= float64(n)
			}
			rows = append(rows, r)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].scores[1] > rows[j].scores[1] })
	var b strings.Builder
	fmt.Fprintf(&b, "sets %s, %d document sets\n%-12s %8s %8s %8s %8s\n", *ducSets, len(topics), "method", "R-1", "R-2", "SU4", "ms/set")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-12s %8.5f %8.5f %8.5f %8.2f\n", r.name, r.scores[0], r.scores[1], r.scores[2], r.ms)
	}
	t.Log("\n" + b.String())
}

// TestDUCShow prints the summaries of one method for inspection.
func TestDUCShow(t *testing.T) {
	if *ducDir == "" || *ducMethods == "" {
		t.Skip("no -duc data set or -duc.methods given")
	}
	for _, tp := range loadDUC(t, *ducDir, *ducSets) {
		for _, name := range strings.Split(*ducMethods, ",") {
			s := &summarize.Summarizer{Method: summarize.Methods[name](), Name: name}
			sum := s.Summarize(tp.articles, brief.Budget{Words: 100})
			var b strings.Builder
			for _, ss := range sum.Sentences {
				fmt.Fprintf(&b, "  [%s %d] %s\n", ss.Source.ArticleID, ss.Source.Start, ss.Text)
			}
			if m, ok := summarize.Methods[name]().(summarize.ILP); ok {
				_, st := m.Solve(summarize.NewCluster(tp.articles), brief.Budget{Words: 100})
				fmt.Fprintf(&b, "  %+v\n", st)
			}
			t.Logf("%s %s\n%s", tp.id, name, b.String())
		}
	}
}

// TestDUCSpeed times the default method end to end on the union of the
// three sets of each topic (about 25 articles, 15,000 words), the best of 5
// runs per topic, to check the speed target on real newswire.
func TestDUCSpeed(t *testing.T) {
	if *ducDir == "" {
		t.Skip("no -duc data set given")
	}
	topics := loadDUC(t, *ducDir, "ABC")
	var total time.Duration
	n := 0
	for k := 0; k+2 < len(topics); k += 3 {
		var arts []*brief.Article
		for _, tp := range topics[k : k+3] {
			arts = append(arts, tp.articles...)
		}
		words := 0
		for _, a := range arts {
			words += brief.CountWords(a.Text)
		}
		best := time.Duration(1 << 62)
		s := &summarize.Summarizer{}
		for range 5 {
			start := time.Now()
			s.Summarize(arts, brief.Budget{Words: 100})
			best = min(best, time.Since(start))
		}
		_, st := summarize.ILP{}.Solve(summarize.NewCluster(arts), brief.Budget{Words: 100})
		t.Logf("%s: %d articles, %d words: %v (%d sentences, %d concepts, %d nodes, optimal %v)", topics[k].id[:5], len(arts), words, best, st.Sentences, st.Concepts, st.Nodes, st.Optimal)
		total += best
		n++
	}
	t.Logf("mean %v per cluster", total/time.Duration(n))
}
