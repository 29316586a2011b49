package text_test

import (
	"os"
	"testing"

	"github.com/briefnews/brief/text"
)

// mustNews returns testdata/news.txt, a news report of about 1,000 words
// written for these benchmarks.
func mustNews(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func BenchmarkSentences(b *testing.B) {
	s := mustNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		text.Sentences(s)
	}
}

func BenchmarkTokens(b *testing.B) {
	s := mustNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		text.Tokens(s)
	}
}

func BenchmarkStem(b *testing.B) {
	words := text.Words(mustNews(b))
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			text.Stem("en", w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

func BenchmarkTerms(b *testing.B) {
	s := mustNews(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		text.Terms("en", s)
	}
}
