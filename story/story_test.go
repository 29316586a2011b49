package story_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

func TestBuildEmpty(t *testing.T) {
	for _, in := range [][]*brief.Article{nil, {nil}, {{ID: "x"}}, {{ID: "bad", Text: "\xff\xfe"}}} {
		v := story.Build(in)
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"quotes":[],"disagreements":[],"entities":[],"timeline":[]}`; string(b) != want {
			t.Errorf("Build(%v) = %s, want %s", in, b, want)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	arts := syntheticCluster(25)
	a, _ := json.Marshal(story.Build(arts))
	for i := 0; i < 3; i++ {
		b, _ := json.Marshal(story.Build(arts))
		if string(a) != string(b) {
			t.Fatal("Build is not deterministic")
		}
	}
	checkCites(t, arts, story.Build(arts))
}

func FuzzBuild(f *testing.F) {
	for _, s := range []string{
		`"We will not give in," Defence Minister Karl Holt said on Tuesday.`,
		"Mr. Lavrov said that the U.S. had \"no evidence\".\n\nHe added: “It is over.” ``Fine,'' she said.",
		"According to the foreign minister, 2,000 people died on 4 April 2017-04-12.",
		"Syria's al-Assad, al- , \"unclosed quote, ’s ’ '' `` “ ”",
		"", "\"", "“", "said said said", "He said.", "A\n\nB\n\n\n",
	} {
		f.Add(s, "Russia denied that the Syrian regime conducted the attack, saying there is no evidence.")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		arts := []*brief.Article{
			{ID: "a", Text: a, Published: time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)},
			{ID: "b", Text: b},
		}
		v := story.Build(arts)
		checkCites(t, arts, v)
	})
}

// syntheticCluster returns n articles of about 600 words on one invented
// story: sentences with quotes, titles, dates and two conflicting accounts,
// mixed with filler sentences drawn from a 3,000-word invented vocabulary so
// that, as in real reports, most sentence pairs share few words.
func syntheticCluster(n int) []*brief.Article {
	r := rand.New(rand.NewSource(1))
	vocab := make([]string, 3000)
	for i := range vocab {
		var w []byte
		for k := 0; k < 2+r.Intn(3); k++ {
			w = append(w, "bcdfghklmnprstvz"[r.Intn(16)], "aeiou"[r.Intn(5)])
		}
		vocab[i] = string(w)
	}
	people := []string{"Foreign Minister Ana Lindqvist", "Defence Minister Karl Holt", "Mayor Rita Sand", "Prime Minister Jonas Berg", "Police chief Omar Haddad"}
	surn := []string{"Lindqvist", "Holt", "Sand", "Berg", "Haddad"}
	sentences := []string{
		"%s said that the border crossing at Valmora would reopen on Friday.",
		"\"We will not accept any more delays,\" %s told reporters in Geneva.",
		"The army carried out the strike on the depot near Valmora, %s said.",
		"Rebels staged the attack on the depot near Valmora, according to %s.",
		"%s denied that the army carried out the strike on the depot.",
		"According to %s, 40 people were killed in the strike on the depot.",
		"Officials in Norland said 12 people were killed in the strike on the depot.",
		"The talks in Geneva lasted three hours and ended without a joint statement.",
		"%s added that the United Nations should send observers to the region.",
		"The European Union and NATO called for calm on Wednesday.",
		"\"This is a dark day for our country,\" %s said, adding that the victims would be honoured.",
	}
	var out []*brief.Article
	day := time.Date(2023, 10, 18, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		var b strings.Builder
		for p := 0; p < 10; p++ {
			for s := 0; s < 3; s++ {
				if r.Intn(3) > 0 {
					// A filler sentence of invented words.
					k := 12 + r.Intn(14)
					for w := 0; w < k; w++ {
						word := vocab[int(r.ExpFloat64()*400)%len(vocab)]
						if w == 0 {
							word = strings.ToUpper(word[:1]) + word[1:]
						}
						b.WriteString(word)
						b.WriteString(" ")
					}
					b.WriteString("now. ")
					continue
				}
				tpl := sentences[r.Intn(len(sentences))]
				who := people[r.Intn(len(people))]
				if r.Intn(2) == 0 {
					who = surn[r.Intn(len(surn))]
				}
				if strings.Contains(tpl, "%s") {
					tpl = fmt.Sprintf(tpl, who)
				}
				b.WriteString(tpl)
				b.WriteString(" ")
			}
			b.WriteString("\n\n")
		}
		out = append(out, &brief.Article{ID: fmt.Sprintf("art-%02d", i), Text: b.String(), Published: day.AddDate(0, 0, i%3)})
	}
	return out
}

func BenchmarkBuild(b *testing.B) {
	arts := syntheticCluster(25)
	words := 0
	for _, a := range arts {
		words += brief.CountWords(a.Text)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		story.Build(arts)
	}
	b.ReportMetric(float64(words), "words/op")
}
