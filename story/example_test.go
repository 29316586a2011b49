package story_test

import (
	"fmt"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

func ExampleBuild() {
	day := time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	v := story.Build([]*brief.Article{
		{ID: "wire-1", Published: day, Text: "Interior Minister Omar Haddad visited the border town of Sefra on Wednesday.\n\n" +
			"\"Our police did nothing wrong,\" Haddad told reporters. He said officers had not used tear gas against the protesters."},
		{ID: "daily-2", Published: day, Text: "Witnesses in Sefra said police used tear gas against the protesters on Tuesday night.\n\n" +
			"\"We could not breathe,\" said Lina Morad, a teacher."},
	})
	for _, q := range v.Quotes {
		who := q.Speaker
		if !q.Resolved {
			who = q.Mention // unresolved: the words as written
		}
		fmt.Printf("%s (%s, %v): %s\n", who, q.Kind, q.Sources, q.Text)
	}
	for _, d := range v.Disagreements {
		fmt.Printf("disagreement (%s) on %q:\n", d.Kind, d.Topic)
		for _, s := range d.Sides {
			fmt.Printf("  %v %v: %s\n", s.Speakers, s.Sources, s.Sentences[0].Text)
		}
	}
	for _, e := range v.Timeline {
		fmt.Println(e.Date, e.Article, e.Basis)
	}
	// Output:
	// Omar Haddad (direct, [wire-1]): Our police did nothing wrong
	// Omar Haddad (reported, [wire-1]): officers had not used tear gas against the protesters.
	// Lina Morad (direct, [daily-2]): We could not breathe
	// Witnesses in Sefra (reported, [daily-2]): police used tear gas against the protesters on Tuesday night.
	// disagreement (negation) on "gas protesters tear used":
	//   [Omar Haddad] [wire-1]: He said officers had not used tear gas against the protesters.
	//   [Witnesses in Sefra] [daily-2]: Witnesses in Sefra said police used tear gas against the protesters on Tuesday night.
	// 2024-04-30 daily-2 on Tuesday
	// 2024-05-01 wire-1 on Wednesday
	// 2024-05-02 wire-1 published
	// 2024-05-02 daily-2 published
}
