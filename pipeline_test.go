package brief_test

import (
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
	"github.com/briefnews/brief/dedup"
	"github.com/briefnews/brief/summarize"
)

// TestPipelineNilArticles checks that Run skips nil articles instead of
// handing them to the stages, which may dereference them.
func TestPipelineNilArticles(t *testing.T) {
	good := &brief.Article{ID: "a", Text: "The council approved the new bridge on Monday after a long debate.\n\nWork starts in May and should take two years."}
	tests := []struct {
		name     string
		articles []*brief.Article
		want     int // articles summarized
	}{
		{"nil first", []*brief.Article{nil, good}, 1},
		{"nil last", []*brief.Article{good, nil}, 1},
		{"only nil", []*brief.Article{nil}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &brief.Pipeline{Cleaner: &clean.Cleaner{}, Deduper: dedup.Deduper{}, Summarizer: &summarize.Summarizer{}}
			sum, used := p.Run(tt.articles, brief.DefaultBudget)
			if sum == nil || len(used) != tt.want {
				t.Fatalf("Run = %v, %d articles; want a summary of %d", sum, len(used), tt.want)
			}
			for _, a := range used {
				if a == nil {
					t.Errorf("Run returned a nil article")
				}
			}
		})
	}
}
