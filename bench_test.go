package brief_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
	"github.com/briefnews/brief/dedup"
	"github.com/briefnews/brief/summarize"
)

// benchCluster returns 25 reports of one event, about 12,000 words in all:
// each keeps a different pseudo-random half of the paragraphs of the news
// text in text/testdata, so the reports overlap as reports of one event do
// (shared facts, repeated sentences) without being wire copies.
func benchCluster(tb testing.TB) []*brief.Article {
	tb.Helper()
	data, err := os.ReadFile("text/testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	var articles []*brief.Article
	x := uint32(2463534242)
	for i := 0; i < 25; i++ {
		var kept []string
		for _, p := range paras {
			x ^= x << 13 // xorshift32: a fixed pseudo-random sequence
			x ^= x >> 17
			x ^= x << 5
			if x%2 == 0 {
				kept = append(kept, p)
			}
		}
		articles = append(articles, &brief.Article{
			ID:        fmt.Sprintf("a%02d", i),
			Outlet:    fmt.Sprintf("Outlet %d", i),
			Published: time.Date(2026, 3, 1, i, 0, 0, 0, time.UTC),
			Text:      strings.Join(kept, "\n\n"),
		})
	}
	return articles
}

// BenchmarkPipeline is the whole job of `brief summarize` after reading:
// clean, fold duplicates and summarize (default method) a 25-article
// cluster.
func BenchmarkPipeline(b *testing.B) {
	articles := benchCluster(b)
	words := 0
	for _, a := range articles {
		words += brief.CountWords(a.Text)
	}
	b.Logf("%d articles, %d words, %d after dedup", len(articles), words, len(dedup.Deduper{}.Dedup(articles)))
	stages := []struct {
		name string
		p    *brief.Pipeline
	}{
		{"summarize", &brief.Pipeline{Summarizer: &summarize.Summarizer{}}},
		{"dedup+summarize", &brief.Pipeline{Deduper: dedup.Deduper{}, Summarizer: &summarize.Summarizer{}}},
		{"clean+dedup+summarize", &brief.Pipeline{Cleaner: &clean.Cleaner{}, Deduper: dedup.Deduper{}, Summarizer: &summarize.Summarizer{}}},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				st.p.Run(articles, brief.DefaultBudget)
			}
		})
	}
}

func TestBenchCluster(t *testing.T) {
	articles := benchCluster(t)
	sum, _ := (&brief.Pipeline{Cleaner: &clean.Cleaner{}, Deduper: dedup.Deduper{}, Summarizer: &summarize.Summarizer{}}).Run(articles, brief.DefaultBudget)
	if len(articles) != 25 || len(sum.Sentences) == 0 || sum.Words() > 100 {
		t.Errorf("bench cluster: %d articles, summary of %d sentences, %d words", len(articles), len(sum.Sentences), sum.Words())
	}
}
