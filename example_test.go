package brief_test

import (
	"fmt"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
	"github.com/briefnews/brief/dedup"
	"github.com/briefnews/brief/summarize"
)

func ExamplePipeline_Run() {
	day := time.Date(2026, 3, 14, 8, 0, 0, 0, time.UTC)
	articles := []*brief.Article{
		{ID: "herald", Outlet: "Coastal Herald", Published: day, Text: "A storm surge flooded the harbour of Kellingham overnight and about 1,200 residents were evacuated.\n\nMayor Ilse Brandt declared a state of emergency and opened the sports hall as a shelter.\n\nBy Maren Holt"},
		{ID: "wire", Outlet: "Nordic Wire", Published: day.Add(time.Hour), Text: "About 1,200 residents of Kellingham were evacuated after a storm surge flooded the harbour overnight.\n\nFerry services to the outer islands were suspended until Monday, the operator said."},
		{ID: "post", Outlet: "Morning Post", Published: day.Add(2 * time.Hour), Text: "The port authority blamed the weather office for a late warning after the storm surge flooded the harbour of Kellingham.\n\nThe weather office said its warning came ten hours before the peak."},
	}
	p := &brief.Pipeline{
		Cleaner:    &clean.Cleaner{},
		Deduper:    dedup.Deduper{},
		Summarizer: &summarize.Summarizer{},
	}
	sum, _ := p.Run(articles, brief.Budget{Sentences: 1})
	for _, s := range sum.Sentences {
		fmt.Printf("%s\n  [%s %d:%d]", s.Text, s.Source.ArticleID, s.Source.Start, s.Source.End)
		for _, c := range s.Also {
			fmt.Printf(" [%s %d:%d]", c.ArticleID, c.Start, c.End)
		}
		fmt.Println()
	}
	// Output:
	// A storm surge flooded the harbour of Kellingham overnight and about 1,200 residents were evacuated.
	//   [herald 0:99] [wire 0:101]
}
