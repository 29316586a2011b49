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
