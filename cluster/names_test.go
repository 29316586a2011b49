package cluster

import (
	"slices"
	"testing"

	"github.com/briefnews/brief"
)

var nameTests = []struct {
	name, text string
	want       []string
}{
	{"two words", "The mayor Lena Ostrova spoke.", []string{"lena ostrova"}},
	{"sentence start trimmed", "The Bank of Norland raised rates.", []string{"bank of norland"}},
	{"connector at end trimmed", "Talks with Ludwig van today.", nil},
	{"single capital is no name", "Rescuers reached Valdora.", nil},
	{"punctuation breaks", "Valdora, Norland and Harbor City.", []string{"harbor city"}},
	{"one line break joins", "Lena\nOstrova", []string{"lena ostrova"}},
	{"blank line breaks", "Valdora\n\nOstrova", nil},
	{"empty", "", nil},
}

func TestNames(t *testing.T) {
	for _, tc := range nameTests {
		f := newFeaturizer(0)
		d := f.add(&brief.Article{Text: tc.text})
		var got []string
		for _, e := range d.ents {
			got = append(got, f.dict.Term(e.ID)[len(entityPrefix):])
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: names(%q) = %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}
