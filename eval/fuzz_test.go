package eval

import (
	"strings"
	"testing"
)

// FuzzROUGE checks invariants of ROUGE on arbitrary text: every score is in
// [0, 1]; a peer identical to its model scores 1 wherever the measure has
// units (except ROUGE-W, see below); with -f A, the order of the models
// does not matter.
func FuzzROUGE(f *testing.F) {
	f.Add("The cat sat on the mat.\nIt slept.", "the cat lay on the mat", "A dog barked.", uint8(0))
	f.Add("U.S. officials, on Tuesday, said: \"NO!\"", "us Officials said no on tuesday", "", uint8(1))
	f.Add("", "Tillerson met Putin in Moscow.", "running runs ran", uint8(2))
	f.Add("a a a b b", "a b a b a", "b", uint8(3))
	f.Fuzz(func(t *testing.T, peer, model1, model2 string, flags uint8) {
		opt := Options{
			N: 3, Stem: flags&1 != 0, Stopwords: flags&2 != 0,
			Skip: true, SkipGap: int(flags>>4) - 1, SkipUni: flags&4 != 0,
			Weight: 1.5, Alpha: float64(flags%5) / 4,
		}
		if flags&8 != 0 {
			opt.Words = 7
		}
		p := strings.Split(peer, "\n")
		m1, m2 := strings.Split(model1, "\n"), strings.Split(model2, "\n")
		ab := ROUGE(p, [][]string{m1, m2}, opt)
		for _, m := range ab {
			for _, v := range []float64{m.R, m.P, m.F} {
				if !(v >= 0 && v <= 1) {
					t.Fatalf("%s = %+v: out of [0, 1]", m.Name, m.Score)
				}
			}
		}
		ba := ROUGE(p, [][]string{m2, m1}, opt)
		for i := range ab {
			if ab[i] != ba[i] {
				t.Fatalf("-f A depends on model order: %+v, then %+v", ab[i], ba[i])
			}
		}
		opt.Words = 0
		tokens := 0
		for _, l := range m1 {
			tokens += len(Tokens(l, opt.Stem, opt.Stopwords))
		}
		for _, m := range ROUGE(m1, [][]string{m1}, opt) {
			hasUnits := tokens > 0
			switch {
			case m.Name == "ROUGE-2":
				hasUnits = tokens >= 2
			case m.Name == "ROUGE-3":
				hasUnits = tokens >= 3
			case strings.HasPrefix(m.Name, "ROUGE-S"):
				hasUnits = tokens >= 2
			case strings.HasPrefix(m.Name, "ROUGE-W"):
				// ROUGE-1.5.5 weights the model length twice, so even an
				// identical peer's ROUGE-W recall is below 1.
				hasUnits = false
			}
			// ROUGE-N counts n-grams across sentence boundaries, so the
			// counts are those of the joined tokens.
			if hasUnits && m.Score != (Score{1, 1, 1}) {
				t.Fatalf("identical peer and model: %s = %+v, want 1", m.Name, m.Score)
			}
		}
	})
}
