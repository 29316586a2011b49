package story

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/briefnews/brief"
)

var edgesFlag = flag.Bool("edges", false, "print the conflicting claim pairs of the Tillerson cluster")

func loadDirInternal(t testing.TB, dir string) []*brief.Article {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("not available: %v", err)
	}
	var out []*brief.Article
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, &brief.Article{ID: e.Name(), Text: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func TestUnionFind(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		unions [][2]int
		roots  []int // the root of each element after the unions
	}{
		{"no unions", 3, nil, []int{0, 1, 2}},
		{"root is the smallest", 4, [][2]int{{3, 1}}, []int{0, 1, 2, 1}},
		{"chains merge", 5, [][2]int{{4, 3}, {2, 3}, {1, 4}}, []int{0, 1, 1, 1, 1}},
		{"union of a set with itself", 3, [][2]int{{1, 2}, {2, 1}}, []int{0, 1, 1}},
	}
	for _, tt := range tests {
		u := newUnionFind(tt.n)
		for _, p := range tt.unions {
			u.union(p[0], p[1])
		}
		for i, want := range tt.roots {
			if got := u.find(i); got != want {
				t.Errorf("%s: find(%d) = %d, want %d", tt.name, i, got, want)
			}
		}
	}
}
