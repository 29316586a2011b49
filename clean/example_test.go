package clean_test

import (
	"fmt"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
)

func ExampleCleaner_Clean() {
	a := &brief.Article{ID: "a", Text: `Harbor bridge reopens after repairs

HARBORTOWN (AP) -- The Harbor Street bridge reopened to traffic on Monday after two years of repairs.

By Maria Okafor

City engineers said the repairs cost 48 million dollars.

Read more`}
	var c clean.Cleaner
	out := c.Clean([]*brief.Article{a})
	fmt.Println(out[0].Title)
	fmt.Println(out[0].Text)
	// Output:
	// Harbor bridge reopens after repairs
	// The Harbor Street bridge reopened to traffic on Monday after two years of repairs.
	//
	// City engineers said the repairs cost 48 million dollars.
}
