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

// readDUCSet reads the documents of one DUC document set as articles.
func readDUCSet(t testing.TB, set string) []*brief.Article {
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
	return arts
}

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
		arts := readDUCSet(t, set)
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

// TestEdges prints the conflicting claim pairs of the Tillerson cluster
// (opt-in with -edges): the evidence behind its disagreements.
func TestEdges(t *testing.T) {
	if !*edgesFlag {
		t.Skip("use -edges")
	}
	arts := loadDirInternal(t, "../../shared/examples/tillerson-moscow-2017")
	cl := analyze(arts)
	cs := cl.claims()
	df := termFreq(cs)
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].doc == cs[j].doc && (cs[i].speaker == "" || cs[j].speaker == "") {
				continue
			}
			if k, sh := compare(cs[i], cs[j], df, len(cs)); k != "" {
				fmt.Printf("EDGE %s %v\n  A[%s|%s] %s\n  B[%s|%s] %s\n", k, sh, cs[i].label, cs[i].affil, cl.docs[cs[i].doc].text[cs[i].start:cs[i].end], cs[j].label, cs[j].affil, cl.docs[cs[j].doc].text[cs[j].start:cs[j].end])
			}
		}
	}
}

// TestDUCQuotes prints a sample of the quotes found in the DUC 2007 dev
// sets with their speakers, for reading by hand (opt-in with -duc).
func TestDUCQuotes(t *testing.T) {
	if *ducDir == "" {
		t.Skip("use -duc DIR")
	}
	sets, _ := filepath.Glob(filepath.Join(*ducDir, "*", "*A"))
	sort.Strings(sets)
	for _, set := range sets[:min(4, len(sets))] {
		v := Build(readDUCSet(t, set))
		for i, q := range v.Quotes {
			if i%7 == 0 {
				fmt.Printf("%s [%s|%v|%s] %.100s\n", filepath.Base(set), q.Speaker, q.Resolved, q.Mention, q.Text)
			}
		}
	}
}

// TestDUCAttributionSample prints every 37th quote with a resolved speaker
// in the DUC 2007 dev sets, with its paragraph, for judging by hand
// (opt-in with -duc).
func TestDUCAttributionSample(t *testing.T) {
	if *ducDir == "" {
		t.Skip("use -duc DIR")
	}
	sets, _ := filepath.Glob(filepath.Join(*ducDir, "*", "*"))
	sort.Strings(sets)
	n := 0
	for _, set := range sets {
		arts := readDUCSet(t, set)
		text := map[string]string{}
		for _, a := range arts {
			text[a.ID] = a.Text
		}
		for _, q := range Build(arts).Quotes {
			if !q.Resolved {
				continue
			}
			if n++; n%37 != 0 {
				continue
			}
			c := q.Cites[0]
			s := text[c.Article]
			a := strings.LastIndex(s[:c.Start], "\n\n") + 1
			b := strings.Index(s[c.End:], "\n\n")
			if b < 0 {
				b = len(s)
			} else {
				b += c.End
			}
			fmt.Printf("#%d SPEAKER=%q KIND=%s QUOTE=%q\n   PARA: %s\n", n/37, q.Speaker, q.Kind, q.Text, s[a:b])
		}
	}
}
