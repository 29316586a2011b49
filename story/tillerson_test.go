package story_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

var (
	tillersonDir = flag.String("tillerson", "../../shared/examples/tillerson-moscow-2017", "directory of the Tillerson example cluster")
	dump         = flag.Bool("dump", false, "print the story view of the Tillerson cluster")
)

// loadDir reads every file of dir as one plain-text article whose ID is the
// file name. It skips the test when dir is absent.
func loadDir(t testing.TB, dir string) []*brief.Article {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("example cluster not available: %v", err)
	}
	var out []*brief.Article
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		out = append(out, &brief.Article{ID: e.Name(), Text: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func TestTillersonDump(t *testing.T) {
	if !*dump {
		t.Skip("use -dump")
	}
	v := story.Build(loadDir(t, *tillersonDir))
	b, _ := json.MarshalIndent(v, "", "  ")
	os.Stdout.Write(b)
	_ = strings.ToLower
}
