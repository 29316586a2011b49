package eval

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// scoresOf returns the scores of ROUGE by measure name.
func scoresOf(peer []string, models [][]string, opt Options) map[string]Score {
	out := map[string]Score{}
	for _, m := range ROUGE(peer, models, opt) {
		out[m.Name] = m.Score
	}
	return out
}

// Hand-worked cases. Counts are given in the comments.
var rougeTests = []struct {
	name   string
	peer   []string
	models [][]string
	opt    Options
	want   map[string]Score
}{
	{
		// unigrams: 5 of 6 shared (the×2 cat on mat); bigrams: 3 of 5
		// (the cat, on the, the mat); LCS "the cat on the mat" = 5.
		name:   "one word changed",
		peer:   []string{"The cat sat on the mat."},
		models: [][]string{{"the cat lay on the mat"}},
		opt:    DefaultOptions(),
		want: map[string]Score{
			"ROUGE-1": {0.83333, 0.83333, 0.83333},
			"ROUGE-2": {0.6, 0.6, 0.6},
			"ROUGE-L": {0.83333, 0.83333, 0.83333},
		},
	},
	{
		// R = 2/5 = 0.4, P = 2/6 = 0.33333; F from the rounded R and P is
		// 0.133332/0.366665 = 0.363635 → 0.36363 (0.36364 unrounded).
		name:   "F from rounded R and P",
		peer:   []string{"a b x y z w"},
		models: [][]string{{"a b c d e"}},
		opt:    Options{N: 1, NoLCS: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {0.4, 0.33333, 0.36363}},
	},
	{
		// alpha 1: F = P; alpha 0: F = R.
		name:   "alpha 1 is precision",
		peer:   []string{"a b x y z w"},
		models: [][]string{{"a b c d e"}},
		opt:    Options{N: 1, NoLCS: true, Alpha: 1},
		want:   map[string]Score{"ROUGE-1": {0.4, 0.33333, 0.33333}},
	},
	{
		// model units a, a b, a c, b, b c (no unigram for the last
		// token); peer units a, a c, a b, c, c b: 3 shared.
		name:   "skip-bigrams with unigrams",
		peer:   []string{"a c b"},
		models: [][]string{{"a b c"}},
		opt:    Options{NoLCS: true, Skip: true, SkipGap: 4, SkipUni: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-SU4": {0.6, 0.6, 0.6}},
	},
	{
		// gap 0: skip-bigrams are bigrams: a b, b c, c d vs a b, b d.
		name:   "skip gap 0",
		peer:   []string{"a b d"},
		models: [][]string{{"a b c d"}},
		opt:    Options{NoLCS: true, Skip: true, SkipGap: 0, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-S0": {0.33333, 0.5, 0.4}},
	},
	{
		// -f A sums: hits 2+1 over model units 2+2, peer units 2+2.
		// -f B keeps the first model (recall 1).
		name:   "model average",
		peer:   []string{"a b"},
		models: [][]string{{"a b"}, {"a c"}},
		opt:    Options{N: 1, NoLCS: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {0.75, 0.75, 0.75}},
	},
	{
		name:   "best model",
		peer:   []string{"a b"},
		models: [][]string{{"a c"}, {"a b"}},
		opt:    Options{N: 1, NoLCS: true, Alpha: 0.5, Best: true},
		want:   map[string]Score{"ROUGE-1": {1, 1, 1}},
	},
	{
		// Porter: "running" and "runs" become "run"; "struck" is
		// WordNet's irregular form of "strike".
		name:   "stemming",
		peer:   []string{"running struck"},
		models: [][]string{{"runs strike"}},
		opt:    Options{N: 1, NoLCS: true, Stem: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {1, 1, 1}},
	},
	{
		// NIST's exception database maps "better" to "well"; the
		// default one maps it to "good".
		name:   "DUC stems",
		peer:   []string{"better"},
		models: [][]string{{"well"}},
		opt:    Options{N: 1, NoLCS: true, Stem: true, DUCStems: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {1, 1, 1}},
	},
	{
		name:   "default stems",
		peer:   []string{"better"},
		models: [][]string{{"good"}},
		opt:    Options{N: 1, NoLCS: true, Stem: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {1, 1, 1}},
	},
	{
		// "the" is a SMART common word: peer cat chased dog, model cat
		// bit dog.
		name:   "stopwords",
		peer:   []string{"the cat chased the dog"},
		models: [][]string{{"the cat bit the dog"}},
		opt:    Options{N: 1, NoLCS: true, Stopwords: true, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {0.66667, 0.66667, 0.66667}},
	},
	{
		// -l 3 keeps "a b c" of the peer and "a b x" of the model.
		name:   "word limit",
		peer:   []string{"a b", "c d e"},
		models: [][]string{{"a b x y"}},
		opt:    Options{N: 1, NoLCS: true, Words: 3, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-1": {0.66667, 0.66667, 0.66667}},
	},
	{
		// Union LCS (Lin 2004 §3.2): the model sentence "a b c d e" has
		// LCS "a b" with peer sentence 1 and "c e" with sentence 2; union
		// 4 of 5 model words; peer has 6 words.
		name:   "union LCS",
		peer:   []string{"a b x", "c y e"},
		models: [][]string{{"a b c d e"}},
		opt:    Options{Alpha: 0.5},
		want:   map[string]Score{"ROUGE-L": {0.8, 0.66667, 0.72727}},
	},
	{
		// The union is over model positions: both peer sentences' LCS
		// with "a a" is its last "a" (the backtrace goes diagonal from
		// the end), so one model word is hit.
		name:   "LCS union of the same position",
		peer:   []string{"a", "a"},
		models: [][]string{{"a a"}},
		opt:    Options{Alpha: 0.5},
		want:   map[string]Score{"ROUGE-L": {0.5, 0.5, 0.5}},
	},
	{
		name:   "LCS clipping by the peer's counts",
		peer:   []string{"a"},
		models: [][]string{{"a a"}},
		opt:    Options{Alpha: 0.5},
		want:   map[string]Score{"ROUGE-L": {0.5, 1, 0.66667}},
	},
	{
		// ROUGE-W, weight 2: one run of 2 consecutive hits adds 2² = 4;
		// the script weights the model length twice, (3²)² = 81, and
		// the peer's once, 2² = 4: R = √(4/81) = 0.22222, P = √(4/4) = 1,
		// F = 0.22222/(0.5 + 0.5·0.22222) = 0.363633.
		name:   "weighted LCS",
		peer:   []string{"a b"},
		models: [][]string{{"a b c"}},
		opt:    Options{NoLCS: true, Weight: 2, Alpha: 0.5},
		want:   map[string]Score{"ROUGE-W-2": {0.22222, 1, 0.36363}},
	},
	{
		name:   "empty peer",
		peer:   nil,
		models: [][]string{{"a b c"}},
		opt:    DefaultOptions(),
		want:   map[string]Score{"ROUGE-1": {}, "ROUGE-2": {}, "ROUGE-L": {}},
	},
	{
		name:   "no models",
		peer:   []string{"a b c"},
		models: nil,
		opt:    DefaultOptions(),
		want:   map[string]Score{"ROUGE-1": {}, "ROUGE-2": {}, "ROUGE-L": {}},
	},
}

func TestROUGE(t *testing.T) {
	for _, tt := range rougeTests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoresOf(tt.peer, tt.models, tt.opt)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ROUGE(%q, %q, %+v) = %v, want %v", tt.peer, tt.models, tt.opt, got, tt.want)
			}
		})
	}
}

func TestROUGEOrder(t *testing.T) {
	opt := Options{N: 3, Weight: 1.2, Skip: true, SkipGap: -1, Alpha: 0.5}
	var names []string
	for _, m := range ROUGE([]string{"a"}, [][]string{{"a"}}, opt) {
		names = append(names, m.Name)
	}
	want := []string{"ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-S*"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("measures = %q, want %q", names, want)
	}
}

var tokenTests = []struct {
	in         string
	stem, stop bool
	want       []string
}{
	{"U.S. officials, on Tuesday", false, false, []string{"u", "s", "officials", "on", "tuesday"}},
	{"cruise-missile 2017-04-07", false, false, []string{"cruise", "missile", "2017", "04", "07"}},
	{"Café Zürich", false, false, []string{"caf", "z", "rich"}}, // non-ASCII bytes separate
	{"The news is out", true, false, []string{"the", "new", "is", "out"}},
	{"The storm is out", false, true, []string{"storm"}},
	{"The news is out", false, true, nil}, // "news" is in ROUGE's SMART list
	{"", true, true, nil},
}

func TestTokens(t *testing.T) {
	for _, tt := range tokenTests {
		if got := Tokens(tt.in, tt.stem, tt.stop); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q, %v, %v) = %q, want %q", tt.in, tt.stem, tt.stop, got, tt.want)
		}
	}
}

// Porter's (1980) examples, and the ROUGE-1.5.5 behaviours on top.
var stemTests = []struct{ in, want string }{
	{"caresses", "caress"}, {"ponies", "poni"}, {"cats", "cat"}, {"feed", "feed"},
	{"agreed", "agre"}, {"plastered", "plaster"}, {"motoring", "motor"}, {"sing", "sing"},
	{"conflated", "conflat"}, {"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"},
	{"tanned", "tan"}, {"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"},
	{"failing", "fail"}, {"filing", "file"}, {"happy", "happi"}, {"relational", "relat"},
	{"conditional", "condit"}, {"rational", "ration"}, {"digitizer", "digit"},
	{"vietnamization", "vietnam"}, {"predication", "predic"}, {"operator", "oper"},
	{"feudalism", "feudal"}, {"decisiveness", "decis"}, {"hopefulness", "hope"},
	{"callousness", "callous"}, {"sensibiliti", "sensibl"}, {"triplicate", "triplic"},
	{"formative", "form"}, {"formalize", "formal"}, {"electrical", "electr"},
	{"goodness", "good"}, {"revival", "reviv"}, {"allowance", "allow"},
	{"inference", "infer"}, {"airliner", "airlin"}, {"gyroscopic", "gyroscop"},
	{"adjustable", "adjust"}, {"defensible", "defens"}, {"irritant", "irrit"},
	{"replacement", "replac"}, {"adjustment", "adjust"}, {"dependent", "depend"},
	{"adoption", "adopt"}, {"communism", "commun"}, {"activate", "activ"},
	{"homologous", "homolog"}, {"effective", "effect"}, {"bowdlerize", "bowdler"},
	{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"},
	{"roll", "roll"},
	// ROUGE-1.5.5: the departures of the Perl release ("bli" → "ble").
	{"conformabli", "conform"}, {"sensibli", "sensibl"},
	// ROUGE-1.5.5: "-ement" words also try "-ment" and "-ent".
	{"agreement", "agreem"},
	// ROUGE-1.5.5: "news" is stemmed, an initial y is a consonant.
	{"news", "new"}, {"yelling", "yell"},
	// ROUGE-1.5.5: three bytes or fewer are left alone.
	{"sky", "sky"}, {"ran", "ran"}, {"bled", "bleed"},
	// ROUGE-1.5.5: WordNet's irregular forms first.
	{"struck", "strike"}, {"children", "child"}, {"better", "good"},
}

func TestStem(t *testing.T) {
	for _, tt := range stemTests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var perlWordsTests = []struct {
	in   string
	want []string
}{
	{"a b", []string{"a", "b"}},
	{"  a  b ", []string{"", "a", "b"}},
	{"   ", nil},
	{"a\tb\r", []string{"a", "b"}},
}

func TestPerlWords(t *testing.T) {
	for _, tt := range perlWordsTests {
		if got := perlWords(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("perlWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var truncateTests = []struct {
	name         string
	lines        []string
	words, bytes int
	want, lcs    []string
}{
	{"no limit", []string{"a b", "", "c"}, 0, 0, []string{"a b", "c"}, []string{"a b", "c"}},
	{"words", []string{"a b", "c d e", "f"}, 4, 0, []string{"a b", "c d"}, []string{"a b", "c d"}},
	{"words exactly", []string{"a b", "c d"}, 4, 0, []string{"a b", "c d"}, []string{"a b", "c d"}},
	{"leading space is a word", []string{" a b"}, 2, 0, []string{" a"}, []string{" a"}},
	// Bytes: the running count of the n-gram text leaves out the
	// separators; the LCS text measures each line alone (a quirk of
	// ROUGE-1.5.5's readText_LCS).
	{"bytes", []string{"abcdef", "ghij", "kl"}, 0, 8, []string{"abcdef", "gh"}, []string{"abcdef", "ghij", "kl"}},
	{"bytes long line", []string{"abcdefghij", "kl"}, 0, 4, []string{"abcd"}, []string{"abcd"}},
}

func TestTruncate(t *testing.T) {
	for _, tt := range truncateTests {
		if got := truncate(tt.lines, tt.words, tt.bytes); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: truncate(%q, %d, %d) = %q, want %q", tt.name, tt.lines, tt.words, tt.bytes, got, tt.want)
		}
		if got := truncateLCS(tt.lines, tt.words, tt.bytes); !reflect.DeepEqual(got, tt.lcs) {
			t.Errorf("%s: truncateLCS(%q, %d, %d) = %q, want %q", tt.name, tt.lines, tt.words, tt.bytes, got, tt.lcs)
		}
	}
}

func TestDrand48(t *testing.T) {
	// x0 = 0x330E; x1 = 0x5DEECE66D·x0 + 0xB mod 2^48, and so on.
	want := []float64{0.17082803610628972, 0.7499019804849638, 0.09637165562356742}
	r := newDrand48(0)
	for i, w := range want {
		if got := r.next(); got != w {
			t.Errorf("drand48 seed 0, draw %d = %v, want %v", i, got, w)
		}
	}
	if got, w := newDrand48(7).next(), 0.2664441967654092; got != w {
		t.Errorf("drand48 seed 7 = %v, want %v", got, w)
	}
}

func TestBootstrap(t *testing.T) {
	scores := []Score{{0.1, 0.2, 0.3}, {0.3, 0.2, 0.1}, {0.2, 0.2, 0.2}, {0.5, 0.4, 0.45}}
	plain := Bootstrap{}.Average(scores)
	if want := (Score{0.275, 0.25, 0.2625}); plain.Score != want || plain.N != 4 {
		t.Errorf("plain Average = %+v, want %+v, N 4", plain, want)
	}
	avg := Bootstrap{Samples: 1000, Confidence: 95}.Average(scores)
	for _, c := range []struct{ lo, mid, hi float64 }{
		{avg.Low.R, avg.R, avg.High.R}, {avg.Low.P, avg.P, avg.High.P}, {avg.Low.F, avg.F, avg.High.F},
	} {
		if !(c.lo <= c.mid && c.mid <= c.hi) || c.lo < 0.1 || c.hi > 0.5 {
			t.Errorf("interval %v <= %v <= %v is out of order or out of range", c.lo, c.mid, c.hi)
		}
	}
	if math.Abs(avg.R-plain.R) > 0.01 {
		t.Errorf("resampled mean %v is far from the mean %v", avg.R, plain.R)
	}
	if again := (Bootstrap{Samples: 1000, Confidence: 95}).Average(scores); again != avg {
		t.Errorf("Average is not deterministic: %+v then %+v", avg, again)
	}
	if other := (Bootstrap{Samples: 1000, Confidence: 95, Seed: 99}).Average(scores); other == avg {
		t.Errorf("Seed 99 gave the same resamples as seed 0: %+v", other)
	}
	if z := (Bootstrap{Samples: 10}).Average(nil); z != (Average{}) {
		t.Errorf("Average(nil) = %+v, want zero", z)
	}
}

func TestStopwordsLoaded(t *testing.T) {
	for _, w := range []string{"the", "a", "reuters", "news", "zero"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"storm", "#", "", strings.Repeat("x", 3)} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true, want false", w)
		}
	}
}
