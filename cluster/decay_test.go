package cluster

import (
	"math"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

// TestDecay checks the score's time factor exp(-Δt/τ): it halves the score
// every HalfLife, in either direction of time, and is 1 when decay is off.
func TestDecay(t *testing.T) {
	t0 := time.Date(2024, 3, 4, 6, 0, 0, 0, time.UTC)
	first := &brief.Article{ID: "1", Title: "Earthquake in Valdora", Text: "A strong earthquake struck Valdora. Mayor Lena Ostrova said rescuers searched the rubble.", Published: t0}
	second := &brief.Article{ID: "2", Title: "Valdora quake", Text: "Rescuers searched the rubble in Valdora after the earthquake, Mayor Lena Ostrova said.", Published: t0}
	h := 10 * time.Hour
	tests := []struct {
		name     string
		halfLife time.Duration
		dt       time.Duration
		factor   float64
	}{
		{"same time", h, 0, 1},
		{"one half-life", h, h, 0.5},
		{"two half-lives", h, 2 * h, 0.25},
		{"half-life earlier", h, -h, 0.5},
		{"decay off", -1, 100 * h, 1},
	}
	for _, tc := range tests {
		o := NewOnline(Config{Window: -1, HalfLife: tc.halfLife})
		o.Add(first)
		d := o.feat.add(second)
		s := o.stories[0]
		base := o.score(d, s, t0)
		if base <= 0 || base > 1 {
			t.Fatalf("%s: score at Δt=0 = %v, want in (0, 1]", tc.name, base)
		}
		got := o.score(d, s, t0.Add(tc.dt))
		if math.Abs(got-tc.factor*base) > 1e-12 {
			t.Errorf("%s: score(Δt=%v) = %v, want %v·%v", tc.name, tc.dt, got, tc.factor, base)
		}
	}
}
