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
	dump         = flag.Bool("dump", false, "print the story view of the Tillerson cluster as JSON")
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

// TestTillerson checks the story view of the five real reports of Rex
// Tillerson's visit to Moscow in April 2017.
func TestTillerson(t *testing.T) {
	arts := loadDir(t, *tillersonDir)
	v := story.Build(arts)
	if *dump {
		b, _ := json.MarshalIndent(v, "", "  ")
		os.Stdout.Write(append(b, '\n'))
	}
	checkCites(t, arts, v)

	// Who said what: every quote holding these words is attributed to
	// this person, and at least one does.
	for _, c := range []struct{ words, speaker string }{
		{"important moment in the relationship", "Rex Tillerson"},
		{"objective and unbiased probe", "Lavrov"},
		{"It reminds me of the events in 2003", "Vladimir Putin"},
		{"certain possibility", "Dmitry Peskov"},
		{"absolutely reliable information", "Sergei Ryabkov"},
		{"not getting along with Russian Federation", "Sean Spicer"},
		{"will not passively stand by", "James Mattis"},
		{"a legitimate response to a mass crime", "Delattre"},
	} {
		found := false
		for _, q := range v.Quotes {
			if !strings.Contains(q.Text, c.words) {
				continue
			}
			found = true
			if !q.Resolved || !strings.Contains(q.Speaker, c.speaker) {
				t.Errorf("quote %q: speaker %q (resolved %v), want %q", q.Text, q.Speaker, q.Resolved, c.speaker)
			}
		}
		if !found {
			t.Errorf("no quote holds %q", c.words)
		}
	}
	// The same words in two outlets are one quote with two sources.
	for _, q := range v.Quotes {
		if strings.Contains(q.Text, "clarify areas of common objectives") && len(q.Sources) < 2 {
			t.Errorf("quote %q: sources %v, want both outlets", q.Text, q.Sources)
		}
	}

	// Where they disagree: the US and Russian accounts of the chemical
	// attack, on opposite sides; no side mixes the two governments.
	us := []string{"United States", "Rex Tillerson", "James Mattis", "Sean Spicer"}
	ru := []string{"Russia", "Sergey Lavrov", "Vladimir Putin", "Sergei Ryabkov", "Dmitry Peskov", "Kremlin"}
	has := func(s story.Side, names []string) bool {
		for _, n := range names {
			for _, sp := range s.Speakers {
				if sp == n {
					return true
				}
			}
		}
		return false
	}
	chemical := false
	for _, d := range v.Disagreements {
		if len(d.Sides) != 2 {
			t.Fatalf("disagreement %q has %d sides", d.Topic, len(d.Sides))
		}
		for _, s := range d.Sides {
			if has(s, us) && has(s, ru) {
				t.Errorf("disagreement %q: one side holds both US and Russian speakers: %v", d.Topic, s.Speakers)
			}
		}
		a, b := d.Sides[0], d.Sides[1]
		if (has(a, us) && has(b, ru) || has(a, ru) && has(b, us)) && strings.Contains(strings.ToLower(d.Topic), "attack") {
			chemical = true
		}
	}
	if !chemical {
		t.Errorf("no disagreement between US and Russian speakers about the attack; got %d disagreements", len(v.Disagreements))
	}
	if len(v.Disagreements) > 2 {
		for _, d := range v.Disagreements {
			t.Logf("disagreement %q: %v / %v", d.Topic, d.Sides[0].Speakers, d.Sides[1].Speakers)
		}
		t.Errorf("%d disagreements, want at most 2 (the reports agree on everything else)", len(v.Disagreements))
	}

	// Entities: Sergei and Sergey Lavrov are one person.
	lavrov := 0
	for _, e := range v.Entities {
		if strings.HasSuffix(e.Name, "Lavrov") {
			lavrov++
			if e.Kind != story.Person || len(e.Articles) != 5 {
				t.Errorf("entity %+v, want a person in 5 articles", e)
			}
		}
	}
	if lavrov != 1 {
		t.Errorf("%d Lavrov entities, want 1", lavrov)
	}

	// Timeline: in order, with the day of the talks.
	talks := false
	for i, e := range v.Timeline {
		if i > 0 && e.Date < v.Timeline[i-1].Date {
			t.Errorf("timeline out of order at %d: %s after %s", i, e.Date, v.Timeline[i-1].Date)
		}
		talks = talks || e.Date == "2017-04-12"
	}
	if !talks {
		t.Errorf("timeline has no entry on 2017-04-12")
	}
}

// checkCites fails when a span of v is out of bounds or does not match its
// article's text.
func checkCites(t testing.TB, arts []*brief.Article, v *story.View) {
	t.Helper()
	text := map[string]string{}
	for _, a := range arts {
		if a != nil {
			text[a.ID] = a.Text
		}
	}
	check := func(what string, c story.Cite) {
		s, ok := text[c.Article]
		if !ok || c.Start < 0 || c.End > len(s) || c.Start > c.End || s[c.Start:c.End] != c.Text {
			t.Fatalf("%s: bad span %+v", what, c)
		}
	}
	for _, q := range v.Quotes {
		if len(q.Cites) == 0 || len(q.Sources) == 0 {
			t.Fatalf("quote %q has no cites or sources", q.Text)
		}
		for _, c := range q.Cites {
			check("quote", c)
		}
	}
	for _, d := range v.Disagreements {
		for _, s := range d.Sides {
			for _, c := range s.Sentences {
				check("disagreement", c)
			}
		}
	}
	for _, e := range v.Timeline {
		check("timeline", story.Cite{Article: e.Article, Start: e.Start, End: e.End, Text: e.Sentence})
	}
}
