package text_test

import (
	"fmt"

	"github.com/briefnews/brief/text"
)

func ExampleTokens() {
	for _, t := range text.Tokens("Russia’s U.S.-led talks don't end at 3.5 p.m.") {
		fmt.Printf("%d-%d %s\n", t.Start, t.End, t.Text)
	}
	// Output:
	// 0-10 Russia’s
	// 11-15 U.S.
	// 16-19 led
	// 20-25 talks
	// 26-31 don't
	// 32-35 end
	// 36-38 at
	// 39-42 3.5
	// 43-47 p.m.
}

func ExampleTerms() {
	fmt.Println(text.Terms("en", "The ministers were meeting in Moscow on Tuesday, officials said."))
	// Output:
	// [minist meet moscow tuesday offici said]
}
