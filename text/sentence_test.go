package text_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief/text"
)

var sentencesFile = flag.String("sentences", "testdata/sentences.txt", "txtar `file` of sentence cases for TestSentencesTxtar")

// checkSpans reports a violation of the Sentences contract, or "".
func checkSpans(s string, spans []text.Span) string {
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			return fmt.Sprintf("span %d %v out of order or bounds (prev end %d, len %d)", i, sp, prev, len(s))
		}
		r, _ := utf8.DecodeRuneInString(s[sp.Start:sp.End])
		l, _ := utf8.DecodeLastRuneInString(s[sp.Start:sp.End])
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			return fmt.Sprintf("span %d %q not trimmed", i, s[sp.Start:sp.End])
		}
		if gap := s[prev:sp.Start]; strings.TrimSpace(gap) != "" && strings.TrimFunc(gap, unicode.IsSpace) != "" {
			return fmt.Sprintf("text %q before span %d is not covered", gap, i)
		}
		prev = sp.End
	}
	if tail := s[prev:]; strings.TrimFunc(tail, unicode.IsSpace) != "" {
		return fmt.Sprintf("tail %q is not covered", tail)
	}
	return ""
}

// oneLine folds the white space of a sentence to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func sentenceTexts(s string) []string {
	var out []string
	for _, sp := range text.Sentences(s) {
		out = append(out, oneLine(s[sp.Start:sp.End]))
	}
	return out
}

type sentenceCase struct {
	name, in string
	want     []string
}

func mustSentenceCases(tb testing.TB) []sentenceCase {
	tb.Helper()
	files := mustParseTxtar(tb, *sentencesFile)
	want := map[string]string{}
	for _, f := range files {
		if name, ok := strings.CutSuffix(f.Name, ".want"); ok {
			want[name] = f.Data
		}
	}
	var cases []sentenceCase
	for _, f := range files {
		name, ok := strings.CutSuffix(f.Name, ".in")
		if !ok {
			continue
		}
		w, ok := want[name]
		if !ok {
			tb.Fatalf("%s: %s.in has no %s.want", *sentencesFile, name, name)
		}
		var lines []string
		for l := range strings.Lines(w) {
			if l = oneLine(l); l != "" {
				lines = append(lines, l)
			}
		}
		cases = append(cases, sentenceCase{name, f.Data, lines})
	}
	return cases
}

func TestSentencesTxtar(t *testing.T) {
	cases := mustSentenceCases(t)
	if *sentencesFile == "testdata/sentences.txt" && len(cases) < 70 {
		t.Errorf("%s has %d cases, want at least 70", *sentencesFile, len(cases))
	}
	pass := 0
	for _, c := range cases {
		ok := t.Run(c.name, func(t *testing.T) {
			if msg := checkSpans(c.in, text.Sentences(c.in)); msg != "" {
				t.Errorf("Sentences(%q): %s", c.in, msg)
			}
			got := sentenceTexts(c.in)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Sentences(%q)\n got  %q\n want %q", c.in, got, c.want)
			}
		})
		if ok {
			pass++
		}
	}
	t.Logf("%d/%d sentence cases pass", pass, len(cases))
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []text.Span
	}{
		{"empty", "", nil},
		{"spaces", " \n\t ", nil},
		{"one", "Hi.", []text.Span{{0, 3}}},
		{"trimmed", "  Hi.  ", []text.Span{{2, 5}}},
		{"two", "Hi. Yo.", []text.Span{{0, 3}, {4, 7}}},
		{"no punctuation", "hello world", []text.Span{{0, 11}}},
		{"only punctuation", "...", []text.Span{{0, 3}}},
		{"closing quote", `"Go." He went.`, []text.Span{{0, 5}, {6, 14}}},
		{"multibyte", "Één. Twee.", []text.Span{{0, 6}, {7, 12}}},
		{"invalid utf8", "Bad \xff. Next.", []text.Span{{0, 6}, {7, 12}}},
		{"paragraph separator", "One\u2029Two", []text.Span{{0, 3}, {6, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := text.Sentences(tt.in)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Sentences(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func ExampleSentences() {
	s := `Mr. Lavrov met U.S. Secretary of State Rex Tillerson in Moscow. "Why now?" he asked. The talks ended at 5 p.m. Both sides called them frank.`
	for _, sp := range text.Sentences(s) {
		fmt.Println(s[sp.Start:sp.End])
	}
	// Output:
	// Mr. Lavrov met U.S. Secretary of State Rex Tillerson in Moscow.
	// "Why now?" he asked.
	// The talks ended at 5 p.m.
	// Both sides called them frank.
}

func FuzzSentences(f *testing.F) {
	for _, c := range mustSentenceCases(f) {
		f.Add(c.in)
	}
	if b, err := os.ReadFile("testdata/news.txt"); err == nil {
		f.Add(string(b))
	}
	f.Add("a.\n\n\xff. \u2029 « x » ¿y?")
	f.Fuzz(func(t *testing.T, s string) {
		if msg := checkSpans(s, text.Sentences(s)); msg != "" {
			t.Errorf("Sentences(%q): %s", s, msg)
		}
	})
}
