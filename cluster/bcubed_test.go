package cluster_test

import (
	"math"
	"testing"

	"github.com/briefnews/brief/cluster"
)

// Each case is worked by hand from the definition: P and R average, over
// items, the share of the item's predicted (gold) cluster that is also in
// its gold (predicted) cluster.
var bcubedTests = []struct {
	name       string
	gold, pred map[string]string
	p, r, f    float64
}{
	{"empty", nil, nil, 0, 0, 0},
	{"perfect with other labels",
		map[string]string{"a": "x", "b": "x", "c": "y"},
		map[string]string{"a": "1", "b": "1", "c": "2"}, 1, 1, 1},
	{"all singletons",
		// gold {a,b,c}{d}: R = (1/3·3 + 1)/4 = 0.5
		map[string]string{"a": "x", "b": "x", "c": "x", "d": "y"},
		map[string]string{"a": "1", "b": "2", "c": "3", "d": "4"}, 1, 0.5, 2.0 / 3},
	{"one cluster",
		// P = (3·3/4 + 1/4)/4 = 10/16
		map[string]string{"a": "x", "b": "x", "c": "x", "d": "y"},
		map[string]string{"a": "1", "b": "1", "c": "1", "d": "1"}, 10.0 / 16, 1, 2 * (10.0 / 16) / (10.0/16 + 1)},
	{"Amigó et al. style mix",
		// gold {a,b,c}{d,e}; pred {a,b}{c,d,e}
		// P: a,b 1; c 1/3; d,e 2/3 → (2 + 1/3 + 4/3)/5 = 11/15
		// R: a,b 2/3; c 1/3; d,e 1 → (4/3 + 1/3 + 2)/5 = 11/15
		map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"},
		map[string]string{"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}, 11.0 / 15, 11.0 / 15, 11.0 / 15},
	{"missing from pred are singletons, extra ignored",
		// pred has a,b together; c missing (singleton); z not in gold.
		map[string]string{"a": "x", "b": "x", "c": "x"},
		map[string]string{"a": "1", "b": "1", "z": "1"}, 1, (2.0/3 + 2.0/3 + 1.0/3) / 3, 2 * (5.0 / 9) / (1 + 5.0/9)},
}

func TestBCubed(t *testing.T) {
	for _, tc := range bcubedTests {
		p, r, f := cluster.BCubed(tc.gold, tc.pred)
		if math.Abs(p-tc.p) > 1e-12 || math.Abs(r-tc.r) > 1e-12 || math.Abs(f-tc.f) > 1e-12 {
			t.Errorf("%s: BCubed = %.4f, %.4f, %.4f, want %.4f, %.4f, %.4f", tc.name, p, r, f, tc.p, tc.r, tc.f)
		}
		// Swapping gold and pred swaps precision and recall when both
		// cover the same items.
		if len(tc.gold) == len(tc.pred) && tc.name != "missing from pred are singletons, extra ignored" {
			p2, r2, _ := cluster.BCubed(tc.pred, tc.gold)
			if math.Abs(p2-r) > 1e-12 || math.Abs(r2-p) > 1e-12 {
				t.Errorf("%s: BCubed(pred, gold) = %.4f, %.4f, want %.4f, %.4f", tc.name, p2, r2, r, p)
			}
		}
	}
}
