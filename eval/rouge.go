// Package eval scores summaries: ROUGE exactly as the reference Perl script
// ROUGE-1.5.5 computes it, its bootstrap confidence intervals, and NIST's
// jackknifed evaluation of DUC-style data sets.
//
// The measures are those of Lin (2004), "ROUGE: A Package for Automatic
// Evaluation of Summaries", ACL Workshop on Text Summarization Branches Out:
// ROUGE-N (n-gram co-occurrence), ROUGE-L (union longest common
// subsequence at summary level), ROUGE-W (weighted LCS) and ROUGE-S/SU
// (skip-bigrams, with unigrams for SU). Where the script departs from the
// paper, this package follows the script, quirks included, so that its
// numbers are the script's to the printed five decimals.
package eval

import (
	"math"
	"strconv"
)

// Options are the scoring options of ROUGE-1.5.5, named after its flags.
// The zero value computes ROUGE-L only, with alpha 0 (F equals recall); use
// DefaultOptions for the script's defaults.
type Options struct {
	N         int     // -n: ROUGE-1 … ROUGE-N are computed; 0 for none
	Stem      bool    // -m: Porter-stem tokens longer than three bytes
	Stopwords bool    // -s: remove the SMART common words
	Words     int     // -l: keep the first Words words of each summary; 0 for no limit
	Bytes     int     // -b: keep the first Bytes bytes (ignored when Words > 0); 0 for no limit
	NoLCS     bool    // -x: do not compute ROUGE-L
	Weight    float64 // -w: compute ROUGE-W with this weight (> 0); 0 for none
	Skip      bool    // -2 given: compute ROUGE-S (or SU with SkipUnigrams)
	SkipGap   int     // -2: the maximum gap of a skip-bigram; < 0 for no limit
	SkipUni   bool    // -u: count unigrams with the skip-bigrams (ROUGE-SU)
	Best      bool    // -f B: score against the best model instead of all (-f A)
	Alpha     float64 // -p: F = 1/(Alpha/P + (1-Alpha)/R), in [0, 1]
	// DUCStems stems as the ROUGE-1.5.5 of NIST's DUC 2005–2007 runs did:
	// its WordNet exception database maps "better" to "well", where the
	// one behind ROUGE-1.5.5's golden cases maps it to "good".
	DUCStems bool
}

// DefaultOptions returns the options ROUGE-1.5.5 uses when given only -n 2:
// ROUGE-1, ROUGE-2 and ROUGE-L, model average, alpha 0.5.
func DefaultOptions() Options { return Options{N: 2, Alpha: 0.5} }

// Score is one ROUGE measure of one peer: recall, precision and F, each
// rounded to five decimals as ROUGE-1.5.5 rounds them before it prints or
// averages them (F is computed from the rounded R and P, as the script
// does).
type Score struct {
	R, P, F float64
}

// Measure is a named score, such as "ROUGE-2" or "ROUGE-SU4".
type Measure struct {
	Name string
	Score
}

// counts is the raw result of comparing a peer with its models: the
// number of units in the models (the recall base), in the peer (the
// precision base) and matched.
type counts struct {
	model, peer, hit float64
}

// score turns counts into a Score the way ROUGE-1.5.5 does: R and P are
// rounded to five decimals ("%7.5f"), then F = P·R/((1-α)P + αR), which is
// 1/(α/P + (1-α)/R), is computed from them and rounded in turn.
func (c counts) score(alpha float64, inv func(float64) float64) Score {
	var s Score
	if c.model != 0 {
		s.R = round5(inv(c.hit / c.model))
	}
	if c.peer != 0 {
		s.P = round5(inv(c.hit / c.peer))
	}
	if d := (1-alpha)*s.P + alpha*s.R; d > 0 {
		s.F = round5(s.P * s.R / d)
	}
	return s
}

func identity(x float64) float64 { return x }

// round5 rounds x to five decimals as C's printf("%.5f") does, which is
// how the Perl script rounds every number it keeps.
func round5(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 5, 64), 64)
	return v
}

// ROUGE scores the peer summary against the model summaries. Each summary
// is given as its lines (ROUGE-1.5.5's SPL format: one sentence a line).
// It returns, in this order, ROUGE-1 … ROUGE-N, ROUGE-L unless NoLCS,
// ROUGE-W-<weight> if Weight > 0, and ROUGE-S<gap> or ROUGE-SU<gap> (gap
// "*" when unlimited) if Skip. With no models every score is 0. ROUGE never
// fails: it does no I/O, and empty or odd text just scores 0.
func ROUGE(peer []string, models [][]string, opt Options) []Measure {
	p := prepare(peer, opt)
	ms := make([]*summary, len(models))
	for i, m := range models {
		ms[i] = prepare(m, opt)
	}
	var out []Measure
	for n := 1; n <= opt.N; n++ {
		pg := ngrams(p.tokens, n)
		c := combine(opt.Best, ms, func(m *summary) (counts, float64) {
			mg := ngrams(m.tokens, n)
			c := counts{model: float64(mg.total), peer: float64(pg.total), hit: float64(overlap(mg, pg))}
			return c, rougeRatio(c)
		})
		out = append(out, Measure{"ROUGE-" + strconv.Itoa(n), c.score(opt.Alpha, identity)})
	}
	if !opt.NoLCS {
		c := combine(opt.Best, ms, func(m *summary) (counts, float64) {
			hit, base := unionLCS(m, p, 0)
			c := counts{model: base, peer: float64(len(p.tokens)), hit: hit}
			if base == 0 {
				return c, 0
			}
			return c, hit / base
		})
		out = append(out, Measure{"ROUGE-L", c.score(opt.Alpha, identity)})
	}
	if opt.Weight > 0 {
		w := opt.Weight
		c := combine(opt.Best, ms, func(m *summary) (counts, float64) {
			hit, base := unionLCS(m, p, w)
			// The script weights the sum of the sentences' weighted
			// lengths once more, and the peer's length once.
			c := counts{model: math.Pow(base, w), peer: math.Pow(float64(len(p.tokens)), w), hit: hit}
			if base == 0 {
				return c, 0
			}
			return c, math.Pow(hit/base, 1/w)
		})
		inv := func(x float64) float64 { return math.Pow(x, 1/w) }
		name := "ROUGE-W-" + strconv.FormatFloat(w, 'f', -1, 64)
		out = append(out, Measure{name, c.score(opt.Alpha, inv)})
	}
	if opt.Skip {
		pg := skipBigrams(p.tokens, opt.SkipGap, opt.SkipUni)
		c := combine(opt.Best, ms, func(m *summary) (counts, float64) {
			mg := skipBigrams(m.tokens, opt.SkipGap, opt.SkipUni)
			c := counts{model: float64(mg.total), peer: float64(pg.total), hit: float64(overlap(mg, pg))}
			return c, rougeRatio(c)
		})
		name := "ROUGE-S"
		if opt.SkipUni {
			name = "ROUGE-SU"
		}
		if opt.SkipGap < 0 {
			name += "*"
		} else {
			name += strconv.Itoa(opt.SkipGap)
		}
		out = append(out, Measure{name, c.score(opt.Alpha, identity)})
	}
	return out
}

// rougeRatio is the per-model recall the script compares in -f B mode for
// n-grams and skip-bigrams: rounded to five decimals, 0 with no model units.
func rougeRatio(c counts) float64 {
	if c.model == 0 {
		return 0
	}
	return round5(c.hit / c.model)
}

// combine sums the counts over the models (-f A, Lin 2004 §3.1's
// multiple-reference formula: hits and model units summed over the
// references, so each reference clips the hits on its own) or, with best,
// keeps the counts of the first model with the highest recall (-f B).
func combine(best bool, models []*summary, f func(*summary) (counts, float64)) counts {
	var total counts
	bestScore := -1.0
	for _, m := range models {
		c, s := f(m)
		if !best {
			total.model += c.model
			total.peer += c.peer
			total.hit += c.hit
			continue
		}
		if s > bestScore {
			bestScore = s
			total = c
		}
	}
	return total
}

// summary is a peer or model summary after ROUGE-1.5.5's preprocessing.
type summary struct {
	tokens    []string   // all tokens, for n-grams, skip-bigrams and LCS clipping
	sentences [][]string // tokens per sentence, for LCS
}

func prepare(lines []string, opt Options) *summary {
	words, bytes := opt.Words, opt.Bytes
	if words > 0 {
		bytes = 0
	}
	s := &summary{}
	for _, l := range truncate(lines, words, bytes) {
		s.tokens = appendTokens(s.tokens, l, opt.Stem, opt.Stopwords, opt.DUCStems)
	}
	if !opt.NoLCS || opt.Weight > 0 {
		for _, l := range truncateLCS(lines, words, bytes) {
			s.sentences = append(s.sentences, appendTokens(nil, l, opt.Stem, opt.Stopwords, opt.DUCStems))
		}
	}
	return s
}

// grams is a multiset of n-grams (or skip-bigrams) and its size.
type grams struct {
	count map[string]int
	total int
}

// ngrams returns the n-grams of tokens, as space-joined keys.
func ngrams(tokens []string, n int) grams {
	g := grams{count: make(map[string]int)}
	for i := 0; i+n <= len(tokens); i++ {
		key := tokens[i]
		for j := i + 1; j < i+n; j++ {
			key += " " + tokens[j]
		}
		g.count[key]++
		g.total++
	}
	return g
}

// skipBigrams returns the skip-bigrams of tokens with at most gap tokens
// between the two words (any gap when gap < 0), plus, with uni, the
// unigrams. As in ROUGE-1.5.5, the last token's unigram is not counted,
// and a one-token text has no units at all.
func skipBigrams(tokens []string, gap int, uni bool) grams {
	g := grams{count: make(map[string]int)}
	for i := 0; i < len(tokens)-1; i++ {
		if uni {
			g.count[tokens[i]]++
			g.total++
		}
		for j := i + 1; j < len(tokens) && (gap < 0 || j <= i+gap+1); j++ {
			g.count[tokens[i]+" "+tokens[j]]++
			g.total++
		}
	}
	return g
}

// overlap is the clipped co-occurrence count Σ min(count_model, count_peer).
func overlap(model, peer grams) int {
	hit := 0
	for k, m := range model.count {
		if p, ok := peer.count[k]; ok {
			hit += min(m, p)
		}
	}
	return hit
}

// unionLCS returns the summary-level union-LCS hits of the peer against
// the model and the model's length (Lin 2004 §3.2: for each model
// sentence, the union of its LCS with every peer sentence). ROUGE-1.5.5
// clips the hits with unigram counts: a matched word counts only while
// both the model and the peer still have an unused occurrence of it. With
// weight > 0 it is ROUGE-W (Lin 2004 §3.3, f(k) = k^weight): each run of
// consecutive hits of length k adds f(k), and the base is Σ f(len).
func unionLCS(model, peer *summary, weight float64) (hit, base float64) {
	modelLeft := unigramCounts(model.tokens)
	peerLeft := unigramCounts(peer.tokens)
	f := func(k int) float64 { return float64(k) }
	if weight > 0 {
		f = func(k int) float64 { return math.Pow(float64(k), weight) }
	}
	for _, ms := range model.sentences {
		mask := make([]bool, len(ms))
		base += f(len(ms))
		for _, ps := range peer.sentences {
			markLCS(ms, ps, mask, weight)
		}
		run := 0
		for j, w := range ms {
			if !mask[j] || modelLeft[w] <= 0 || peerLeft[w] <= 0 {
				continue
			}
			modelLeft[w]--
			peerLeft[w]--
			if weight <= 0 {
				hit++
				continue
			}
			run++
			if j+1 == len(ms) || !mask[j+1] {
				hit += f(run)
				run = 0
			}
		}
	}
	return hit, base
}

func unigramCounts(tokens []string) map[string]int {
	m := make(map[string]int, len(tokens))
	for _, t := range tokens {
		m[t]++
	}
	return m
}

// markLCS sets mask[i] for the model positions on one longest common
// subsequence of model and peer (weighted with weight > 0), chosen as
// ROUGE-1.5.5's backtrace chooses it: a match goes diagonal, otherwise up
// (drop a model word) when that is at least as long as going left.
func markLCS(model, peer []string, mask []bool, weight float64) {
	m, n := len(model), len(peer)
	if m == 0 {
		return
	}
	const (
		diag = 1 + iota
		up
		left
	)
	w := n + 1
	c := make([]float64, (m+1)*w)
	b := make([]byte, (m+1)*w)
	var run []int
	if weight > 0 {
		run = make([]int, (m+1)*w)
	}
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			k := i*w + j
			switch {
			case model[i-1] == peer[j-1]:
				if weight > 0 {
					l := run[k-w-1]
					c[k] = c[k-w-1] + math.Pow(float64(l+1), weight) - math.Pow(float64(l), weight)
					run[k] = l + 1
				} else {
					c[k] = c[k-w-1] + 1
				}
				b[k] = diag
			case c[k-w] >= c[k-1]:
				c[k] = c[k-w]
				b[k] = up
			default:
				c[k] = c[k-1]
				b[k] = left
			}
		}
	}
	for i, j := m, n; i != 0 && j != 0; {
		switch b[i*w+j] {
		case diag:
			i--
			j--
			mask[i] = true
		case up:
			i--
		default:
			j--
		}
	}
}
