package eval

import (
	"math"
	"sort"
)

// Bootstrap estimates the mean of per-evaluation scores and its confidence
// interval by bootstrap resampling, as ROUGE-1.5.5 does for its -c and -r
// options (Efron and Tibshirani 1993, the percentile method). The zero
// value computes the plain mean with no interval.
type Bootstrap struct {
	// Samples is the number of resamples (-r). 0 or less: no resampling.
	Samples int
	// Confidence is the interval's level in percent (-c), in [0, 100].
	Confidence float64
	// Seed is added to each resample's seed. ROUGE-1.5.5 seeds resample
	// i with i, so Seed 0 reproduces its intervals and averages.
	Seed uint32
}

// Average is the average of per-evaluation scores.
type Average struct {
	// Score is the average, rounded to five decimals. With resampling it
	// is, as ROUGE-1.5.5 prints it, the mean of the resamples' means.
	Score
	// Low and High bound the confidence interval; both are zero without
	// resampling.
	Low, High Score
	// N is the number of evaluations averaged.
	N int
}

// Average returns the average of scores. ROUGE-1.5.5 orders the scores by
// their test ID ("<eval ID>.<peer ID>", compared as strings) before it
// resamples; give them in that order to reproduce its numbers. It never
// fails: no scores give a zero Average.
func (b Bootstrap) Average(scores []Score) Average {
	avg := Average{N: len(scores)}
	if len(scores) == 0 {
		return avg
	}
	if b.Samples <= 0 {
		var sum Score
		for _, s := range scores {
			sum.R += s.R
			sum.P += s.P
			sum.F += s.F
		}
		n := float64(len(scores))
		avg.Score = Score{round5(sum.R / n), round5(sum.P / n), round5(sum.F / n)}
		return avg
	}
	means := [3][]float64{}
	for i := range means {
		means[i] = make([]float64, b.Samples)
	}
	n := len(scores)
	for i := 0; i < b.Samples; i++ {
		rng := newDrand48(b.Seed + uint32(i))
		var sum Score
		for range n {
			s := scores[int(float64(n)*rng.next())]
			sum.R += s.R
			sum.P += s.P
			sum.F += s.F
		}
		means[0][i] = sum.R / float64(n)
		means[1][i] = sum.P / float64(n)
		means[2][i] = sum.F / float64(n)
	}
	var mean, low, high [3]float64
	s := float64(b.Samples)
	delta := s * ((100 - b.Confidence) / 2) / 100
	ciUa := int(s - delta - 1)
	ciLa := int(delta)
	ratio := s - delta - 1 - float64(ciUa)
	for k, m := range means {
		sort.Float64s(m)
		total := 0.0
		for _, v := range m {
			total += v
		}
		at := func(i int) float64 { // Perl: an element past the end is 0
			if i < 0 || i >= len(m) {
				return 0
			}
			return m[i]
		}
		mean[k] = round5(total / s)
		low[k] = round5(at(ciLa) + (at(ciLa+1)-at(ciLa))*ratio)
		high[k] = round5(at(ciUa) + (at(ciUa+1)-at(ciUa))*ratio)
	}
	avg.Score = Score{mean[0], mean[1], mean[2]}
	avg.Low = Score{low[0], low[1], low[2]}
	avg.High = Score{high[0], high[1], high[2]}
	return avg
}

// drand48 is the 48-bit linear congruential generator behind Perl's rand
// and srand (POSIX drand48: x' = 0x5DEECE66D·x + 0xB mod 2^48, seeded with
// x = seed·2^16 + 0x330E), so that resampling picks the instances
// ROUGE-1.5.5 picks.
type drand48 struct{ x uint64 }

const drandMask = 1<<48 - 1

func newDrand48(seed uint32) *drand48 {
	return &drand48{x: (uint64(seed)<<16 + 0x330E) & drandMask}
}

// next returns the next number in [0, 1).
func (d *drand48) next() float64 {
	d.x = (d.x*0x5DEECE66D + 0xB) & drandMask
	return math.Ldexp(float64(d.x), -48)
}
