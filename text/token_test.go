package text_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefnews/brief/text"
)

func tokenTexts(s string) []string {
	var out []string
	for _, t := range text.Tokens(s) {
		out = append(out, t.Text)
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", "-- ... !?", nil},
		{"words", "The talks ended.", []string{"The", "talks", "ended"}},
		{"contraction", "don't stop", []string{"don't", "stop"}},
		{"possessive curly", "Russia’s envoy", []string{"Russia’s", "envoy"}},
		{"leading and trailing apostrophe", "'90s players'", []string{"90s", "players"}},
		{"hyphenated", "cruise-missile strike", []string{"cruise-missile", "strike"}},
		{"double hyphen", "GENEVA (AP) -- The", []string{"GENEVA", "AP", "The"}},
		{"dash inside", "left--then", []string{"left", "then"}},
		{"trailing hyphen", "pre- and post-war", []string{"pre", "and", "post-war"}},
		{"decimal", "rose 3.5 percent", []string{"rose", "3.5", "percent"}},
		{"thousands", "12,000 people", []string{"12,000", "people"}},
		{"money", "$1.2 billion", []string{"1.2", "billion"}},
		{"date", "2017-04-12", []string{"2017-04-12"}},
		{"number at sentence end", "in 2019. Then", []string{"in", "2019", "Then"}},
		{"initialism", "the U.S. economy", []string{"the", "U.S.", "economy"}},
		{"initialism at end", "in the U.S.", []string{"in", "the", "U.S."}},
		{"three letters", "U.S.A. and J.R.R. Tolkien", []string{"U.S.A.", "and", "J.R.R.", "Tolkien"}},
		{"lower initialism", "at 9 a.m. today", []string{"at", "9", "a.m.", "today"}},
		{"initial", "John F. Kennedy", []string{"John", "F", "Kennedy"}},
		{"abbreviation", "Mr. Lavrov", []string{"Mr", "Lavrov"}},
		{"phd", "a Ph.D. student", []string{"a", "Ph", "D", "student"}},
		{"domain", "visit example.com now", []string{"visit", "example", "com", "now"}},
		{"email", "news.desk@example.org", []string{"news", "desk", "example", "org"}},
		{"initialism before hyphen", "U.S.-led", []string{"U.S.", "led"}},
		{"accents", "Müller café naïve", []string{"Müller", "café", "naïve"}},
		{"combining mark", "cafe\u0301 au lait", []string{"cafe\u0301", "au", "lait"}},
		{"cyrillic", "Сергей Лавров", []string{"Сергей", "Лавров"}},
		{"invalid utf8", "ab\xffcd", []string{"ab", "cd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenTexts(tt.in)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokensOffsets(t *testing.T) {
	s := "Lavrov’s deputy met U.S. envoys."
	want := []text.Token{{"Lavrov’s", 0, 10}, {"deputy", 11, 17}, {"met", 18, 21}, {"U.S.", 22, 26}, {"envoys", 27, 33}}
	if got := text.Tokens(s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Tokens(%q) = %v, want %v", s, got, want)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"Moscow", "moscow"},
		{"Russia’s", "russia's"},
		{"DON’T", "don't"},
		{"Élysée", "élysée"},
		{"post‐war", "post-war"},
		{"U.S.", "u.s."},
	}
	for _, tt := range tests {
		if got := text.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeNoAlloc(t *testing.T) {
	for _, w := range []string{"plain", "café", "don't", "москва"} {
		if n := testing.AllocsPerRun(10, func() { text.Normalize(w) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %v times, want 0 for a normal word", w, n)
		}
	}
}

func TestWords(t *testing.T) {
	in := "Russia’s Envoy SAID no."
	want := []string{"russia's", "envoy", "said", "no"}
	if got := text.Words(in); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Errorf("Words(%q) = %q, want %q", in, got, want)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, lang, in string
		want           []string
	}{
		{"empty", "en", "", nil},
		{"only stopwords", "en", "It was that they had.", nil},
		{"english", "en", "The ministers were meeting in Moscow’s Kremlin, Lavrov said.", []string{"minist", "meet", "moscow", "kremlin", "lavrov", "said"}},
		{"unknown language is english", "xx", "Running talks", []string{"run", "talk"}},
		{"german", "de", "Die Minister trafen sich in den Häusern.", []string{"minist", "traf", "haus"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := text.Terms(tt.lang, tt.in)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Terms(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
			}
		})
	}
}

func FuzzTokens(f *testing.F) {
	for _, c := range mustSentenceCases(f) {
		f.Add(c.in)
	}
	if b, err := os.ReadFile("testdata/news.txt"); err == nil {
		f.Add(string(b))
	}
	f.Add("U.S.-led a.b.c. 3.5.6 x--y 'n' ’’ \xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for i, tok := range text.Tokens(s) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("Tokens(%q)[%d] = %+v: bad offsets (prev end %d)", s, i, tok, prev)
			}
			if strings.ContainsFunc(tok.Text, func(r rune) bool { return r == ' ' || r == utf8.RuneError }) {
				t.Fatalf("Tokens(%q)[%d] = %q contains a space or invalid UTF-8", s, i, tok.Text)
			}
			prev = tok.End
			n := text.Normalize(tok.Text)
			_ = text.Stem("en", n)
			_ = text.IsStopword("de", n)
		}
		for _, term := range text.Terms("en", s) {
			if term == "" {
				t.Fatalf("Terms(%q) has an empty term", s)
			}
		}
	})
}
