package story_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

// attributionScore compares the speakers Build gives the labelled quotes of
// the fixtures with the labels. A prediction is a resolved speaker of the
// quote whose span overlaps the labelled words most.
func attributionScore(t *testing.T) (tp, fp, fn int) {
	files, _ := filepath.Glob("testdata/quotes/*.txt")
	if len(files) == 0 {
		t.Fatal("no quote fixtures")
	}
	for _, file := range files {
		ftp, ffp, ffn := tp, fp, fn
		arts, labels := readFixture(t, file)
		v := story.Build(arts)
		byID := map[string]*brief.Article{}
		for _, a := range arts {
			byID[a.ID] = a
		}
		for _, l := range labels {
			a := byID[l.Article]
			at := strings.Index(a.Text, l.Words)
			if at < 0 {
				t.Fatalf("%s: %q not in article %s", file, l.Words, l.Article)
			}
			end := at + len(l.Words)
			got, best := "", 0
			for _, q := range v.Quotes {
				for _, c := range q.Cites {
					if c.Article != a.ID {
						continue
					}
					if ov := min(end, c.End) - max(at, c.Start); ov > best {
						best, got = ov, ""
						if q.Resolved {
							got = q.Speaker
						}
					}
				}
			}
			switch {
			case got != "" && got == l.Speaker:
				tp++
			case got != "":
				fp++
				t.Logf("%s %s: %q: got speaker %q, want %q", file, l.Article, l.Words, got, l.Speaker)
				if l.Speaker != "" {
					fn++
				}
			case l.Speaker != "":
				fn++
				t.Logf("%s %s: %q: unresolved, want %q", file, l.Article, l.Words, l.Speaker)
			}
		}
		ftp, ffp, ffn = tp-ftp, fp-ffp, fn-ffn
		t.Logf("%s: labels=%d tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", file, len(labels), ftp, ffp, ffn,
			float64(ftp)/float64(max(1, ftp+ffp)), float64(ftp)/float64(max(1, ftp+ffn)))
	}
	return tp, fp, fn
}

// TestAttribution measures quote attribution on the labelled fixtures and
// fails when precision or recall drop below the floor recorded in
// docs/benchmarks.md.
func TestAttribution(t *testing.T) {
	tp, fp, fn := attributionScore(t)
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	t.Logf("quote attribution: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", tp, fp, fn, p, r)
	if p < 0.85 || r < 0.6 {
		t.Errorf("attribution precision %.3f recall %.3f, want >= 0.85 and >= 0.6", p, r)
	}
}

// TestActsAreNotSpeech checks that a speech verb acting on a plain object
// ("declared a state of emergency") gives no quote, while the same verb
// before a clause or a quotation still does.
func TestActsAreNotSpeech(t *testing.T) {
	tests := []struct {
		name, text, speaker, words string
		want                       bool
	}{
		{"declared an emergency", "Mayor Ana Holt declared a state of emergency before dawn and opened the hall.", "Ana Holt", "state of emergency", false},
		{"announced its results", "Chief Executive Karl Berg announced its results on Tuesday in Oslo.", "Karl Berg", "its results", false},
		{"declared that", "Mayor Ana Holt declared that a state of emergency was in force.", "Ana Holt", "state of emergency", true},
		{"said a clause", "Mayor Ana Holt said a state of emergency was in force.", "Ana Holt", "state of emergency", true},
		{"declared a quotation", "Mayor Ana Holt declared a \"total emergency\" in the town.", "Ana Holt", "total emergency", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := story.Build([]*brief.Article{{ID: "a", Text: tt.text}})
			got := false
			for _, q := range v.Quotes {
				if q.Speaker == tt.speaker && strings.Contains(q.Text, tt.words) {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("quote of %s with %q: got %v, want %v; quotes %+v", tt.speaker, tt.words, got, tt.want, v.Quotes)
			}
		})
	}
}

// TestQuoteContinuation checks that a quoted sentence right after an
// attributed quotation in the same paragraph keeps its speaker, and only
// then.
func TestQuoteContinuation(t *testing.T) {
	tests := []struct {
		name, text, words, speaker string // speaker "" : unresolved
	}{
		{"same paragraph", "\"Nobody should drive through the town today,\" Mayor Ana Holt said. \"The roads are under water and the currents are strong.\"", "roads are under water", "Ana Holt"},
		{"curly marks", "“Nobody should drive through the town today,” Mayor Ana Holt said. “The roads are under water and the currents are strong.”", "roads are under water", "Ana Holt"},
		{"new paragraph", "\"Nobody should drive through the town today,\" Mayor Ana Holt said.\n\n\"The roads are under water and the currents are strong.\"", "roads are under water", ""},
		{"words outside the marks", "\"Nobody should drive through the town today,\" Mayor Ana Holt said. Residents wrote \"the roads are under water and the currents are strong\" on a sign.", "roads are under water", ""},
		{"previous quotation unattributed", "The sign read \"no entry to the lower town for anyone\" in red. \"The roads are under water and the currents are strong.\"", "roads are under water", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := story.Build([]*brief.Article{{ID: "a", Text: tt.text}})
			found := false
			for _, q := range v.Quotes {
				if q.Kind != story.Direct || !strings.Contains(q.Text, tt.words) {
					continue
				}
				found = true
				got := ""
				if q.Resolved {
					got = q.Speaker
				}
				if got != tt.speaker {
					t.Errorf("quote %q: speaker %q, want %q", q.Text, got, tt.speaker)
				}
			}
			if !found {
				t.Errorf("no direct quote with %q in %+v", tt.words, v.Quotes)
			}
		})
	}
}

// TestAppositiveSpeaker checks a speaker named in apposition after a role
// ("…," a spokeswoman, Liv Sandvik, said) as well as before one.
func TestAppositiveSpeaker(t *testing.T) {
	tests := []struct {
		name, text, words, speaker string
	}{
		{"role then name", "\"Our warning was issued ten hours before the peak,\" a spokeswoman, Liv Sandvik, said.", "warning was issued", "Liv Sandvik"},
		{"name then role", "\"Our warning was issued ten hours before the peak,\" Liv Sandvik, the agency's spokeswoman, said.", "warning was issued", "Liv Sandvik"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := story.Build([]*brief.Article{{ID: "a", Text: tt.text}})
			for _, q := range v.Quotes {
				if strings.Contains(q.Text, tt.words) {
					if !q.Resolved || q.Speaker != tt.speaker {
						t.Errorf("quote %q: speaker %q (resolved %v), want %q", q.Text, q.Speaker, q.Resolved, tt.speaker)
					}
					return
				}
			}
			t.Errorf("no quote with %q in %+v", tt.words, v.Quotes)
		})
	}
}
