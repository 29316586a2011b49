package summarize

import (
	"strings"
	"testing"

	"github.com/briefnews/brief"
)

var datelineTests = []struct {
	name, in, want string // want: the sentence after the dateline
}{
	{"agency", "WASHINGTON (AP) -- The Senate voted on Tuesday to extend the law.", "The Senate voted on Tuesday to extend the law."},
	{"place and date", "BRUSSELS, January 22 (Xinhua) -- Two recent opinion polls showed a majority in favour.", "Two recent opinion polls showed a majority in favour."},
	{"two-word place", "NEW YORK _ Stocks fell sharply on Monday after the report.", "Stocks fell sharply on Monday after the report."},
	{"region", "SPRINGFIELD, Ill. (AP) -- The governor signed the budget into law.", "The governor signed the budget into law."},
	{"mixed case with agency", "Moscow, April 12 (AFP) - Russia and the United States agreed to talk.", "Russia and the United States agreed to talk."},
	{"em dash", "GENEVA — The talks resumed on Monday after a week of delays.", "The talks resumed on Monday after a week of delays."},
	{"quote after dateline", `LONDON (Reuters) -- "We will not give in," the prime minister said.`, `"We will not give in," the prime minister said.`},
	// Left alone.
	{"no dateline", "The Senate voted on Tuesday to extend the law.", "The Senate voted on Tuesday to extend the law."},
	{"mixed case without agency", "Mr Smith - who led the talks - resigned on Monday night.", "Mr Smith - who led the talks - resigned on Monday night."},
	{"lower case after dash", "WASHINGTON -- and then the vote was held again.", "WASHINGTON -- and then the vote was held again."},
	{"nothing after", "PARIS (AP) -- Yes.", "PARIS (AP) -- Yes."},
	{"hyphenated word", "US-led forces entered the town on Sunday.", "US-led forces entered the town on Sunday."},
}

func TestDatelineLen(t *testing.T) {
	for _, tt := range datelineTests {
		if got := tt.in[datelineLen(tt.in):]; got != tt.want {
			t.Errorf("%s: cut %q = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

var quoteTests = []struct {
	name     string
	in       string
	inQuote  bool
	bare     bool
	outQuote bool
}{
	{"plain", "The mayor said the city would help.", false, false, false},
	{"whole quote", `"We will rebuild the harbour."`, false, true, false},
	{"quote before speaker", `"We will rebuild the harbour," the mayor said.`, false, true, false},
	{"latex quotes", "``We will rebuild,'' the mayor said on Tuesday.", false, true, false},
	{"curly quotes", "“We saw flames,” one worker said.", false, true, false},
	{"quote opens, runs on", `"We will rebuild the harbour.`, false, true, true},
	{"inside a running quote", "It will take a year.", true, true, true},
	{"running quote closes", `It will take a year," she said.`, true, true, false},
	{"speaker first", `The mayor said: "We will rebuild."`, false, false, false},
	{"quoted phrase inside", `Mrs. Smith claims he moved "substantial assets" before filing.`, false, false, false},
}

func TestQuoteState(t *testing.T) {
	for _, tt := range quoteTests {
		bare, out := quoteState(tt.in, tt.inQuote)
		if bare != tt.bare || out != tt.outQuote {
			t.Errorf("%s: quoteState(%q, %v) = %v, %v, want %v, %v", tt.name, tt.in, tt.inQuote, bare, out, tt.bare, tt.outQuote)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for in, want := range map[string]bool{
		"The port reopened.":         true,
		"Is it safe?":                true,
		`"It is," she said.`:         true,
		`He said "no."`:              true,
		"Photo: the burning harbour": false,
		"BREAKING NEWS":              false,
	} {
		if got := endsSentence(in); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", in, got, want)
		}
	}
}

// checkSpans fails unless every sentence of c is the text of its span.
func checkSpans(t *testing.T, c *Cluster) {
	t.Helper()
	for i, s := range c.Sentences {
		a := c.Articles[s.Article]
		if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End || a.Text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: span [%d,%d) of %q does not give %q", i, s.Start, s.End, a.ID, s.Text)
		}
		if s.ArticleID != a.ID || s.Index != s.Position {
			t.Fatalf("sentence %d: article %q index %d, want %q %d", i, s.ArticleID, s.Index, a.ID, s.Position)
		}
	}
}

func TestNewClusterCandidates(t *testing.T) {
	a := &brief.Article{ID: "a", Language: "en", Text: "WASHINGTON (AP) -- The Senate voted on Tuesday to extend the emergency law for one year.\n\n" +
		"It passed.\n\n" +
		`"We have done our duty to the people of this country today."` + "\n\n" +
		"Senators from both parties said the vote was a relief for the families concerned.\n\n" +
		"Photo: senators leave the chamber after the long vote on Tuesday"}
	c := NewCluster([]*brief.Article{a})
	checkSpans(t, c)
	var got []string
	for _, s := range c.Sentences {
		got = append(got, s.Text)
	}
	want := []string{
		"The Senate voted on Tuesday to extend the emergency law for one year.",
		"Senators from both parties said the vote was a relief for the families concerned.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("candidates = %q, want %q", got, want)
	}
	if c.Sentences[1].Position != 3 {
		t.Errorf("second candidate Position = %d, want 3 (positions count dropped sentences)", c.Sentences[1].Position)
	}
	if c.Sentences[0].Start != len("WASHINGTON (AP) -- ") {
		t.Errorf("dateline not cut: Start = %d", c.Sentences[0].Start)
	}
}

func TestNewClusterFallback(t *testing.T) {
	// Only short sentences: they are all kept rather than none.
	a := &brief.Article{ID: "a", Text: "The port reopened. Ships came back. Workers cheered."}
	c := NewCluster([]*brief.Article{a, nil, {ID: "empty"}})
	checkSpans(t, c)
	if len(c.Sentences) != 3 {
		t.Fatalf("got %d sentences, want all 3", len(c.Sentences))
	}
}

func TestNearDuplicateGroups(t *testing.T) {
	s := "Fire destroyed three warehouses at the Porthaven container harbour on Monday night."
	arts := []*brief.Article{
		{ID: "a", Text: s},
		{ID: "b", Text: "Officials said fire destroyed three warehouses at the Porthaven container harbour on Monday night."},
		{ID: "c", Text: "Shipping will resume on Wednesday after the harbour was closed for two days."},
	}
	c := NewCluster(arts)
	if len(c.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3", len(c.Sentences))
	}
	if c.Sentences[0].Group != c.Sentences[1].Group || c.Sentences[0].Group == c.Sentences[2].Group {
		t.Errorf("groups = %d %d %d, want the first two together", c.Sentences[0].Group, c.Sentences[1].Group, c.Sentences[2].Group)
	}
}

// FuzzNewCluster checks that any text gives exact spans and that ILP and
// Submodular return distinct candidate indices within the budget.
func FuzzNewCluster(f *testing.F) {
	for _, tt := range datelineTests {
		f.Add(tt.in, "Police said the fire at the harbour started in a warehouse of paint and solvents.")
	}
	for _, tt := range quoteTests {
		f.Add(tt.in, "\"It is\n\nnot\" over,'' he said. ``Yes.")
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		c := NewCluster([]*brief.Article{{ID: "x", Text: x}, {ID: "y", Text: y + " " + x}})
		checkSpans(t, c)
		for _, b := range []brief.Budget{{Words: 20}, {Bytes: 80}, {Sentences: 2}} {
			for name, m := range map[string]Method{"ilp": ILP{}, "submodular": Submodular{}} {
				idx := m.Select(c, b)
				seen := map[int]bool{}
				for _, i := range idx {
					if i < 0 || i >= len(c.Sentences) || seen[i] {
						t.Fatalf("%s: bad index %d in %v", name, i, idx)
					}
					seen[i] = true
				}
				if !c.Fits(idx, b) {
					t.Fatalf("%s: %v does not fit %+v", name, idx, b)
				}
			}
		}
	})
}
