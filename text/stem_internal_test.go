package text

import (
	"os"
	"testing"
)

// BenchmarkSnowball measures the English Snowball stemmer without the cache
// of Stem: the cost of a word seen for the first time.
func BenchmarkSnowball(b *testing.B) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	words := Words(string(data))
	st := newStemmer(englishStemmer.stem)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			clear(st.cache)
			st.word(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
