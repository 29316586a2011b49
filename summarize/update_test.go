package summarize_test

import (
	"strings"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

func TestSummarizeAfter(t *testing.T) {
	old := []*brief.Article{
		{ID: "old1", Text: "A storm surge flooded the harbour of Kellingham on Saturday and forced about 1,200 residents from their homes."},
		{ID: "old2", Text: "About 1,200 residents of Kellingham left their homes on Saturday after a storm surge flooded the harbour."},
	}
	fresh := []*brief.Article{
		{ID: "new1", Text: "A storm surge flooded the harbour of Kellingham on Saturday and forced about 1,200 residents from their homes.\n\nOn Monday the first families returned to the lower town after pumps cleared the streets of water."},
		{ID: "new2", Text: "The first evacuated families went back to the lower town of Kellingham on Monday once pumps had cleared the water.\n\nAbout 1,200 residents of Kellingham left their homes on Saturday after a storm surge flooded the harbour."},
	}
	plain := (&summarize.Summarizer{}).Summarize(fresh, brief.Budget{Sentences: 1})
	update := (&summarize.Summarizer{After: old}).Summarize(fresh, brief.Budget{Sentences: 3})
	if len(plain.Sentences) != 1 || !strings.Contains(plain.Sentences[0].Text, "storm surge") {
		t.Fatalf("plain summary = %v, want the flood sentence both sets repeat", plain.Sentences)
	}
	if len(update.Sentences) == 0 {
		t.Fatal("update summary is empty")
	}
	for _, s := range update.Sentences {
		if strings.Contains(s.Text, "storm surge") {
			t.Errorf("update summary repeats what the earlier articles said: %q", s.Text)
		}
		if !strings.Contains(s.Text, "Monday") {
			t.Errorf("update summary sentence %q is not the news of Monday", s.Text)
		}
	}
}

// TestILPFillsSmallClusters checks that in a cluster of two articles, where
// few concepts reach ILP's threshold of three articles, the summary still
// uses the budget.
func TestILPFillsSmallClusters(t *testing.T) {
	articles := []*brief.Article{
		{ID: "a", Text: "A storm hit the coast on Saturday and flooded the harbour of Kellingham. About 1,200 people were evacuated from their homes in the lower town.\n\nThe mayor declared an emergency and opened the sports hall as a shelter."},
		{ID: "b", Text: "The harbour of Kellingham flooded after a storm surge on Saturday, and about 1,200 residents were evacuated. Ferry services to the islands were halted until Monday."},
	}
	sum := (&summarize.Summarizer{}).Summarize(articles, brief.Budget{Words: 100})
	if w := sum.Words(); len(sum.Sentences) < 3 || w > 100 {
		t.Errorf("summary of a two-article cluster: %d sentences, %d words; want at least 3 sentences within 100 words", len(sum.Sentences), w)
	}
}

// TestRepeatedSentencesOneGroup checks that a sentence an article repeats
// is one near-duplicate group, so a summary never says it twice, and that a
// text of thousands of repeats is grouped quickly (it once took minutes).
func TestRepeatedSentencesOneGroup(t *testing.T) {
	line := "The harbour authority said on Monday that the ferry service would resume after repairs."
	text := strings.Repeat(line+"\n\n", 20000)
	c := summarize.NewCluster([]*brief.Article{{ID: "spam", Text: text}, {ID: "other", Text: line + " Ferries ran again on Tuesday morning across the bay."}})
	if len(c.Groups) > 3 {
		t.Errorf("%d groups for %d sentences of two distinct texts and one more", len(c.Groups), len(c.Sentences))
	}
	sum := (&summarize.Summarizer{}).Summarize(c.Articles, brief.Budget{Sentences: 3})
	seen := map[string]bool{}
	for _, s := range sum.Sentences {
		if seen[s.Text] {
			t.Errorf("summary says %q twice", s.Text)
		}
		seen[s.Text] = true
	}
}
