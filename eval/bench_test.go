package eval

import (
	"strings"
	"testing"
)

// benchSummary is a news-length (about 100 words) summary.
var benchSummary = strings.Split(`US Secretary of State Rex Tillerson met Russian President Vladimir Putin in Moscow on Wednesday after talks with Foreign Minister Sergei Lavrov.
The meeting came days after American cruise missiles struck a Syrian air base in response to a chemical attack that killed dozens of civilians.
Lavrov accused Washington of violating international law, while Tillerson said relations between the two countries were at a low point.
Both sides agreed to set up a working group to examine the state of their ties, and Putin said trust had deteriorated under the new administration.`, "\n")

var benchModels = [][]string{
	strings.Split(`Tillerson held talks with Putin and Lavrov in Moscow as tensions rose over the US strike on Syria.
Russia vetoed a UN resolution on the chemical attack, and the two sides traded accusations over the Syrian government.
They agreed to form a working group on relations, which both called at their lowest level in years.`, "\n"),
	strings.Split(`The US and Russia remained divided over Syria after Secretary of State Rex Tillerson's visit to Moscow.
Putin met Tillerson for two hours; Lavrov said Moscow would not support any attempt to remove Assad.
Tillerson said the world's two foremost nuclear powers could not have this kind of relationship.`, "\n"),
}

// BenchmarkROUGE scores a 100-word peer against two models with NIST's
// DUC settings (ROUGE-1, ROUGE-2, ROUGE-SU4, stemmed).
func BenchmarkROUGE(b *testing.B) {
	opt := NISTOptions(100)
	for b.Loop() {
		ROUGE(benchSummary, benchModels, opt)
	}
}

// BenchmarkROUGEL scores the same summaries with ROUGE-L and ROUGE-W.
func BenchmarkROUGEL(b *testing.B) {
	opt := Options{Stem: true, Weight: 1.2, Alpha: 0.5}
	for b.Loop() {
		ROUGE(benchSummary, benchModels, opt)
	}
}
