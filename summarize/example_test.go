package summarize_test

import (
	"fmt"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

func ExampleSummarizer() {
	articles := []*brief.Article{
		{ID: "wire", Text: "PORTHAVEN (Wire) -- A fire destroyed three warehouses at the Porthaven harbour on Monday night, the port authority said. " +
			"Six firefighters were treated for smoke inhalation at the city hospital."},
		{ID: "daily", Text: "A fire destroyed three warehouses at the Porthaven harbour on Monday night, officials said. " +
			"Police have opened an investigation into the cause of the fire at the harbour."},
		{ID: "radio", Text: "Shipping resumed on Wednesday, two days after the fire destroyed three warehouses at the Porthaven harbour."},
	}
	s := &summarize.Summarizer{} // the default method, ILP
	sum := s.Summarize(articles, brief.Budget{Words: 20})
	for _, ss := range sum.Sentences {
		fmt.Printf("%s [%s %d:%d, also %d]\n", ss.Text, ss.Source.ArticleID, ss.Source.Start, ss.Source.End, len(ss.Also))
	}
	// Output:
	// A fire destroyed three warehouses at the Porthaven harbour on Monday night, officials said. [daily 0:91, also 1]
}
