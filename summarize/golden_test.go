package summarize_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// mustReadCluster reads the articles of a fixture directory, one file per
// article, dated an hour apart in file order.
func mustReadCluster(tb testing.TB, dir string) []*brief.Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no articles in %s", dir)
	}
	var arts []*brief.Article
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, &brief.Article{
			ID:        filepath.Base(f),
			Language:  "en",
			Published: time.Date(2026, 3, 3, 8+i, 0, 0, 0, time.UTC),
			Text:      string(b),
		})
	}
	return arts
}

// TestGolden summarizes the fixture cluster in 60 words with the methods of
// this file's owner and compares with testdata/harbour.METHOD.golden. Every
// citation must point at exactly the sentence text.
func TestGolden(t *testing.T) {
	arts := mustReadCluster(t, filepath.Join("testdata", "harbour"))
	byID := map[string]*brief.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, name := range []string{"ilp", "submodular"} {
		s := &summarize.Summarizer{Method: summarize.Methods[name](), Name: name}
		sum := s.Summarize(arts, brief.Budget{Words: 60})
		if sum.Words() > 60 || len(sum.Sentences) == 0 {
			t.Errorf("%s: %d sentences, %d words, want 1 to 60 words", name, len(sum.Sentences), sum.Words())
		}
		var b strings.Builder
		for _, ss := range sum.Sentences {
			for _, cit := range append([]brief.Citation{ss.Source}, ss.Also...) {
				a := byID[cit.ArticleID]
				if a == nil || cit.Start < 0 || cit.End > len(a.Text) || cit.Start > cit.End {
					t.Fatalf("%s: bad citation %+v", name, cit)
				}
				if cit == ss.Source && a.Text[cit.Start:cit.End] != ss.Text {
					t.Errorf("%s: citation %s[%d:%d] = %q, want %q", name, cit.ArticleID, cit.Start, cit.End, a.Text[cit.Start:cit.End], ss.Text)
				}
			}
			fmt.Fprintf(&b, "%s [%s %d:%d]", ss.Text, ss.Source.ArticleID, ss.Source.Start, ss.Source.End)
			for _, also := range ss.Also {
				fmt.Fprintf(&b, " [also %s %d:%d]", also.ArticleID, also.Start, also.End)
			}
			b.WriteString("\n")
		}
		golden := filepath.Join("testdata", "harbour."+name+".golden")
		if *update {
			if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got := b.String(); got != string(want) {
			t.Errorf("%s summary:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// TestILPQuery checks that a focus query moves the summary towards it.
func TestILPQuery(t *testing.T) {
	arts := mustReadCluster(t, filepath.Join("testdata", "harbour"))
	plain := (&summarize.Summarizer{}).Summarize(arts, brief.Budget{Words: 25})
	focused := (&summarize.Summarizer{Query: "union workers paid lost shifts"}).Summarize(arts, brief.Budget{Words: 25})
	has := func(s *brief.Summary, w string) bool {
		for _, ss := range s.Sentences {
			if strings.Contains(ss.Text, w) {
				return true
			}
		}
		return false
	}
	if has(plain, "union") || !has(focused, "union") {
		t.Errorf("query did not bring in the union sentence:\nplain %+v\nfocused %+v", plain.Sentences, focused.Sentences)
	}
}
