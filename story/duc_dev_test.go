package story

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

var ducDir = flag.String("duc", "", "DUC 2007 update docs directory (dev data): print the disagreements found in each set")

var (
	reText = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	reP    = regexp.MustCompile(`(?s)</?P>`)
	reDate = regexp.MustCompile(`<DATE_TIME>\s*(\d{4}-\d{2}-\d{2})`)
)

// TestDUCDisagreements prints every disagreement found in the DUC 2007 dev
// sets, for reading by hand (precision on real newswire). It is opt-in.
func TestDUCDisagreements(t *testing.T) {
	if *ducDir == "" {
		t.Skip("use -duc DIR")
	}
	sets, _ := filepath.Glob(filepath.Join(*ducDir, "*", "*"))
	sort.Strings(sets)
	total, quotes, resolved := 0, 0, 0
	for _, set := range sets {
		files, _ := filepath.Glob(filepath.Join(set, "*"))
		var arts []*brief.Article
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := reText.FindSubmatch(b)
			if m == nil {
				continue
			}
			txt := reP.ReplaceAllString(string(m[1]), "\n\n")
			var paras []string
			for _, p := range strings.Split(txt, "\n\n") {
				p = strings.Join(strings.Fields(p), " ")
				if p != "" {
					paras = append(paras, p)
				}
			}
			a := &brief.Article{ID: filepath.Base(f), Text: strings.Join(paras, "\n\n")}
			if d := reDate.FindSubmatch(b); d != nil {
				a.Published, _ = time.Parse("2006-01-02", string(d[1]))
			}
			arts = append(arts, a)
		}
		v := Build(arts)
		for _, q := range v.Quotes {
			quotes++
			if q.Resolved {
				resolved++
			}
		}
		for _, d := range v.Disagreements {
			total++
			fmt.Printf("== %s %s (%s)\n", filepath.Base(set), d.Topic, d.Kind)
			for _, s := range d.Sides {
				fmt.Printf("  side %v\n", s.Speakers)
				for _, c := range s.Sentences {
					fmt.Printf("    - %s\n", c.Text)
				}
			}
		}
	}
	fmt.Printf("sets=%d disagreements=%d quotes=%d resolved=%d\n", len(sets), total, quotes, resolved)
}
