package eval_test

import (
	"fmt"

	"github.com/briefnews/brief/eval"
)

func ExampleROUGE() {
	peer := []string{"Tillerson met Lavrov in Moscow.", "They discussed Syria."}
	models := [][]string{
		{"US Secretary of State Tillerson met Russian Foreign Minister Lavrov in Moscow."},
		{"Tillerson and Lavrov discussed the Syrian strike in Moscow."},
	}
	opt := eval.DefaultOptions() // -n 2, ROUGE-L, -f A, -p 0.5
	opt.Stem = true              // -m
	for _, m := range eval.ROUGE(peer, models, opt) {
		fmt.Printf("%s R:%.5f P:%.5f F:%.5f\n", m.Name, m.R, m.P, m.F)
	}
	// Output:
	// ROUGE-1 R:0.47619 P:0.62500 F:0.54054
	// ROUGE-2 R:0.21053 P:0.28571 F:0.24243
	// ROUGE-L R:0.47619 P:0.62500 F:0.54054
}

func ExampleBootstrap_Average() {
	perSet := []eval.Score{{R: 0.10, P: 0.12, F: 0.11}, {R: 0.08, P: 0.07, F: 0.07}, {R: 0.12, P: 0.10, F: 0.11}}
	avg := eval.Bootstrap{}.Average(perSet)
	fmt.Printf("R %.5f over %d sets\n", avg.R, avg.N)
	// Output:
	// R 0.10000 over 3 sets
}
