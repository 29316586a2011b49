package summarize_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

// syntheticCluster returns n articles of about words words each about one
// invented event: every article reports some of a fixed set of facts, in
// its own order and with its own filler sentences, the way outlets cover a
// story. The text is generated from a fixed seed, so it is the same on
// every run.
func syntheticCluster(n, words int) []*brief.Article {
	rng := rand.New(rand.NewPCG(1, 2))
	subjects := []string{"The minister", "Rescue teams", "The central bank", "Local officials", "The company", "Protesters", "The United Nations", "Police", "The president", "Investors", "Doctors", "The airline"}
	verbs := []string{"said on Tuesday that", "warned that", "confirmed that", "announced that", "denied reports that", "told reporters that", "estimated that", "argued that"}
	objects := []string{"the flooding had forced thousands of families from their homes", "the new currency would be introduced next January", "at least 40 people were killed in the collapse", "the talks in Geneva would resume next week", "exports fell sharply in the third quarter", "the vaccine was safe for children", "the bridge would remain closed for repairs", "the ceasefire was broken overnight", "interest rates would stay unchanged", "the balloon crossed the Pacific in six days", "emergency aid reached the northern provinces", "the merger needs approval from regulators"}
	filler := strings.Fields("analysts expect further details later this week while residents described long queues at shops and schools across the region as officials promised more support and observers noted earlier disputes over funding and oversight in previous years")
	facts := make([]string, 30)
	for i := range facts {
		facts[i] = subjects[rng.IntN(len(subjects))] + " " + verbs[rng.IntN(len(verbs))] + " " + objects[rng.IntN(len(objects))] + "."
	}
	base := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	arts := make([]*brief.Article, n)
	for a := range arts {
		var paras []string
		count := 0
		for count < words {
			var s string
			if rng.IntN(3) > 0 {
				s = facts[min(rng.IntN(len(facts)), rng.IntN(len(facts)))] // early facts are reported more
			} else {
				k := 8 + rng.IntN(15)
				ws := make([]string, k)
				for i := range ws {
					ws[i] = filler[rng.IntN(len(filler))]
				}
				s = strings.ToUpper(ws[0][:1]) + strings.Join(ws, " ")[1:] + "."
			}
			paras = append(paras, s)
			count += brief.CountWords(s)
		}
		arts[a] = &brief.Article{
			ID:        fmt.Sprintf("a%02d", a),
			Outlet:    fmt.Sprintf("Outlet %d", a%7),
			Published: base.Add(time.Duration(a) * time.Hour),
			Language:  "en",
			Text:      "CITY (Agency) -- " + strings.Join(paras, "\n\n"),
		}
	}
	return arts
}

// BenchmarkSummarize summarizes a 25-article, 15,000-word cluster with the
// default method, end to end from text.
func BenchmarkSummarize(b *testing.B) {
	arts := syntheticCluster(25, 600)
	s := &summarize.Summarizer{}
	b.ReportAllocs()
	for b.Loop() {
		if sum := s.Summarize(arts, brief.Budget{Words: 100}); len(sum.Sentences) == 0 {
			b.Fatal("empty summary")
		}
	}
}

// BenchmarkMethods does the same for every method.
func BenchmarkMethods(b *testing.B) {
	arts := syntheticCluster(25, 600)
	var names []string
	for name := range summarize.Methods {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			s := &summarize.Summarizer{Method: summarize.Methods[name](), Name: name}
			for b.Loop() {
				s.Summarize(arts, brief.Budget{Words: 100})
			}
		})
	}
}

// BenchmarkNewCluster measures the preparation shared by all methods.
func BenchmarkNewCluster(b *testing.B) {
	arts := syntheticCluster(25, 600)
	for b.Loop() {
		summarize.NewCluster(arts)
	}
}

func TestSyntheticClusterSize(t *testing.T) {
	words := 0
	for _, a := range syntheticCluster(25, 600) {
		words += brief.CountWords(a.Text)
	}
	if words < 14000 || words > 16500 {
		t.Errorf("synthetic cluster has %d words, want about 15,000", words)
	}
}
