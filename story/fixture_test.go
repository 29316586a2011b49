package story_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

// labelled is one expectation of a fixture: in article Article, the words
// Words should be attributed to Speaker ("" = left unresolved).
type labelled struct {
	Article string
	Speaker string
	Words   string
}

// readFixture reads a cluster fixture: "=== id YYYY-MM-DD" starts an
// article, "--- expect" starts its expectations ("speaker | words"), lines
// starting with '#' are comments.
func readFixture(t testing.TB, path string) ([]*brief.Article, []labelled) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open fixture: %v", err)
	}
	defer f.Close()
	var arts []*brief.Article
	var labels []labelled
	var body []string
	expect := false
	flush := func() {
		if len(arts) > 0 {
			arts[len(arts)-1].Text = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "=== "):
			if !expect {
				flush()
			}
			expect = false
			fields := strings.Fields(line[4:])
			a := &brief.Article{ID: fields[0]}
			if len(fields) > 1 {
				p, err := time.Parse("2006-01-02", fields[1])
				if err != nil {
					t.Fatalf("%s: bad date %q", path, fields[1])
				}
				a.Published = p
			}
			arts = append(arts, a)
		case line == "--- expect":
			flush()
			expect = true
		case expect && strings.TrimSpace(line) != "":
			sp, words, ok := strings.Cut(line, "|")
			if !ok {
				t.Fatalf("%s: bad expectation %q", path, line)
			}
			labels = append(labels, labelled{arts[len(arts)-1].ID, strings.TrimSpace(sp), strings.TrimSpace(words)})
		case !expect:
			body = append(body, line)
		}
	}
	if !expect {
		flush()
	}
	return arts, labels
}
