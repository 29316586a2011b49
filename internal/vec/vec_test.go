package vec

import (
	"math"
	"slices"
	"testing"
)

func v(pairs ...float64) Vector {
	var out Vector
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Entry{uint32(pairs[i]), pairs[i+1]})
	}
	return out
}

func TestDotCosine(t *testing.T) {
	tests := []struct {
		name     string
		a, b     Vector
		dot, cos float64
	}{
		{"empty", nil, v(1, 2), 0, 0},
		{"disjoint", v(1, 1), v(2, 1), 0, 0},
		{"same", v(1, 3, 4, 4), v(1, 3, 4, 4), 25, 1},
		{"partial", v(1, 1, 2, 1), v(2, 1, 3, 1), 1, 0.5},
		{"opposite", v(5, 2), v(5, -3), -6, -1},
	}
	for _, tc := range tests {
		if got := Dot(tc.a, tc.b); math.Abs(got-tc.dot) > 1e-12 {
			t.Errorf("%s: Dot = %v, want %v", tc.name, got, tc.dot)
		}
		if got := Cosine(tc.a, tc.b); math.Abs(got-tc.cos) > 1e-12 {
			t.Errorf("%s: Cosine = %v, want %v", tc.name, got, tc.cos)
		}
	}
}

func TestAddTopNormalize(t *testing.T) {
	got := Add(v(1, 1, 3, 2), v(2, 5, 3, -2), 1)
	if want := v(1, 1, 2, 5); !slices.Equal(got, want) {
		t.Errorf("Add = %v, want %v (zero sums dropped)", got, want)
	}
	top := Top(v(1, 0.5, 2, 3, 3, 1, 4, 3), 2)
	if want := v(2, 3, 4, 3); !slices.Equal(top, want) {
		t.Errorf("Top(2) = %v, want %v", top, want)
	}
	if got, want := Heaviest(v(1, 0.5, 2, 3, 3, 1, 4, 3, 5, 2), 3), v(2, 3, 4, 3, 5, 2); !slices.Equal(got, want) {
		t.Errorf("Heaviest(3) = %v, want %v", got, want)
	}
	if got, want := Top(v(1, 2, 2, 1, 3, 1, 4, 1), 2), v(1, 2, 2, 1); !slices.Equal(got, want) {
		t.Errorf("Top(2) with ties = %v, want %v", got, want)
	}
	if got := Top(v(1, 1), 0); got != nil {
		t.Errorf("Top(0) = %v, want nil", got)
	}
	n := Normalize(v(1, 3, 2, 4))
	if want := v(1, 0.6, 2, 0.8); !slices.Equal(n, want) {
		t.Errorf("Normalize = %v, want %v", n, want)
	}
	if got := FromMap(map[uint32]float64{7: 1, 2: 3, 5: 0}); !slices.Equal(got, v(2, 3, 7, 1)) {
		t.Errorf("FromMap = %v, want sorted, zeros dropped", got)
	}
}

func TestDictDF(t *testing.T) {
	var d Dict
	a, b := d.ID("quake"), d.ID("valdora")
	if a != 0 || b != 1 || d.ID("quake") != 0 || d.Len() != 2 || d.Term(1) != "valdora" || d.Term(9) != "" {
		t.Errorf("Dict: ids %d %d, len %d, Term(1) %q", a, b, d.Len(), d.Term(1))
	}
	if _, ok := d.Lookup("nope"); ok {
		t.Errorf("Lookup(unseen) ok, want false")
	}
	var df DF
	if got := df.IDF(0); got != 1 {
		t.Errorf("IDF before any document = %v, want 1", got)
	}
	df.Add([]uint32{0, 1})
	df.Add([]uint32{0})
	// N = 2: idf(0) = ln(3/3)+1 = 1, idf(1) = ln(3/2)+1, idf(unseen) = ln 3 + 1.
	for _, tc := range []struct {
		id   uint32
		want float64
	}{{0, 1}, {1, math.Log(1.5) + 1}, {5, math.Log(3) + 1}} {
		if got := df.IDF(tc.id); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("IDF(%d) = %v, want %v", tc.id, got, tc.want)
		}
	}
	if df.Docs() != 2 || df.Count(0) != 2 || df.Count(1) != 1 {
		t.Errorf("Docs, Count = %d, %d, %d, want 2, 2, 1", df.Docs(), df.Count(0), df.Count(1))
	}
}

func TestCommon(t *testing.T) {
	tests := []struct {
		name string
		a, b []string
		want int
	}{
		{"empty", nil, []string{"a"}, 0},
		{"disjoint", []string{"a", "c"}, []string{"b", "d"}, 0},
		{"some shared", []string{"a", "b", "d", "f"}, []string{"b", "c", "d", "e", "f"}, 3},
		{"equal", []string{"x", "y"}, []string{"x", "y"}, 2},
		{"both empty", nil, nil, 0},
	}
	for _, tt := range tests {
		if got := Common(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Common(%q, %q) = %d, want %d", tt.name, tt.a, tt.b, got, tt.want)
		}
	}
}
