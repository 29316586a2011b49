package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/summarize"
)

var examples = flag.String("examples", "../../../shared/examples/tillerson-moscow-2017", "the shared example cluster; tests that need it skip when absent")

// summarizeJSON runs summarize --format json and checks every citation
// against the articles' cleaned text.
func summarizeJSON(t *testing.T, args ...string) *brief.Summary {
	t.Helper()
	out, stderr, code := runBrief(t, append([]string{"summarize", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("brief summarize %v: exit %d, stderr:\n%s", args, code, stderr)
	}
	var sum brief.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summarize --format json printed invalid JSON: %v\n%s", err, out)
	}
	return &sum
}

func TestSummarizeSample(t *testing.T) {
	sum := summarizeJSON(t, "../../testdata/sample")
	if len(sum.Sentences) == 0 {
		t.Fatal("empty summary of the sample cluster")
	}
	if w := sum.Words(); w > 100 {
		t.Errorf("summary has %d words, budget 100", w)
	}
	articles, _ := readArticles(context.Background(), nil, &bytes.Buffer{}, []string{"../../testdata/sample"})
	_, cleaned := newPipeline(&summarize.Summarizer{}).Run(articles, brief.DefaultBudget)
	text := map[string]string{}
	for _, a := range cleaned {
		text[a.ID] = a.Text
	}
	sources := map[string]bool{}
	for _, s := range sum.Sentences {
		for _, c := range append([]brief.Citation{s.Source}, s.Also...) {
			body, ok := text[c.ArticleID]
			if !ok {
				t.Errorf("citation names unknown article %q", c.ArticleID)
				continue
			}
			if c.Start < 0 || c.End > len(body) || c.Start >= c.End {
				t.Errorf("citation span [%d,%d) out of bounds of %q (%d bytes)", c.Start, c.End, c.ArticleID, len(body))
				continue
			}
			if c == s.Source && body[c.Start:c.End] != s.Text {
				t.Errorf("cited span %q != sentence %q", body[c.Start:c.End], s.Text)
			}
		}
		sources[s.Source.ArticleID] = true
		for _, junk := range []string{"By Maren Holt", "Posted March", "Recently in", "Harbour Lions", "Share this", "Most read"} {
			if strings.Contains(s.Text, junk) {
				t.Errorf("summary kept junk %q: %q", junk, s.Text)
			}
		}
	}
	if len(sources) < 2 {
		t.Errorf("summary cites %d articles, want at least 2", len(sources))
	}
}

func TestSummarizeBudgets(t *testing.T) {
	tests := []struct {
		name string
		args []string
		ok   func(lines []string) bool
	}{
		{"words", []string{"--words", "40"}, func(l []string) bool { return brief.CountWords(strings.Join(l, " ")) <= 40 }},
		{"bytes", []string{"--bytes", "300"}, func(l []string) bool { return len(strings.Join(l, "\n")) <= 300 }},
		{"sentences", []string{"--sentences", "2"}, func(l []string) bool { return len(l) <= 2 }},
	}
	for _, tt := range tests {
		out, stderr, code := runBrief(t, append(append([]string{"summarize"}, tt.args...), "../../testdata/sample")...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || out == "" || !tt.ok(lines) {
			t.Errorf("%s: exit %d, output over budget or empty:\n%s\nstderr: %s", tt.name, code, out, stderr)
		}
	}
}

func TestSummarizeUsageAndBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "blob.bin")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte{0, 1, 2, 0xff, 0xfe, 0, 0, 7}, 0o644)
	tests := []struct {
		name       string
		args       []string
		code       int
		stderrHas  string
		wantOutput bool
	}{
		{"no path", []string{"summarize"}, 2, "no PATH", false},
		{"two budgets", []string{"summarize", "--words", "5", "--bytes", "9", "x"}, 2, "only one", false},
		{"bad method", []string{"summarize", "--method", "nope", "x"}, 2, "unknown method", false},
		{"bad format", []string{"summarize", "--format", "xml", "x"}, 2, "unknown format", false},
		{"unknown command", []string{"summarise"}, 2, "unknown command", false},
		{"missing file", []string{"summarize", filepath.Join(dir, "missing.txt")}, 1, "missing.txt", false},
		{"only bad files", []string{"summarize", empty, binary}, 1, "blob.bin", false},
		{"bad beside good", []string{"summarize", empty, binary, "../../testdata/sample"}, 0, "empty.txt", true},
	}
	for _, tt := range tests {
		out, stderr, code := runBrief(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderrHas) || (out != "") != tt.wantOutput {
			t.Errorf("%s: brief %v = exit %d, stdout %q, stderr %q; want exit %d, stderr naming %q", tt.name, tt.args, code, out, stderr, tt.code, tt.stderrHas)
		}
	}
}

func TestSummarizeBudgetTooSmall(t *testing.T) {
	out, stderr, code := runBrief(t, "summarize", "--bytes", "5", "../../testdata/sample")
	if code != 0 || out != "" || !strings.Contains(stderr, "fits the budget (--bytes 5)") {
		t.Errorf("summarize --bytes 5: exit %d, stdout %q, stderr %q; want exit 0, no output and a warning naming the budget", code, out, stderr)
	}
}

func TestSummarizeFormats(t *testing.T) {
	md, _, code := runBrief(t, "summarize", "--format", "markdown", "../../testdata/sample")
	if code != 0 || !strings.HasPrefix(md, "- ") || !strings.Contains(md, "](https://") {
		t.Errorf("markdown output = %q (exit %d), want a list with linked sources", md, code)
	}
}

// TestTillerson checks the bar on the five real reports of the shared
// example: the event and main actors named, none of the junk lines, at least
// three reports cited, every span exactly the sentence.
func TestTillerson(t *testing.T) {
	if _, err := os.Stat(*examples); err != nil {
		t.Skipf("example cluster absent: %v", err)
	}
	sum := summarizeJSON(t, "--words", "100", *examples)
	var all strings.Builder
	sources := map[string]bool{}
	for _, s := range sum.Sentences {
		all.WriteString(s.Text + "\n")
		sources[s.Source.ArticleID] = true
	}
	text := all.String()
	t.Logf("summary:\n%s", text)
	for _, want := range []string{"Tillerson", "Moscow"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary does not name %q", want)
		}
	}
	if !strings.Contains(text, "Lavrov") && !strings.Contains(text, "Putin") {
		t.Errorf("summary names neither Lavrov nor Putin")
	}
	for _, junk := range []string{"Garcia", "White Sox", "Leroy Wright", "Posted April", "Recently in", "date 2017", "Haley US Ready", "Killed Four Children"} {
		if strings.Contains(text, junk) {
			t.Errorf("summary kept junk %q", junk)
		}
	}
	if len(sources) < 3 {
		t.Errorf("summary cites %d reports, want at least 3", len(sources))
	}
	if w := sum.Words(); w > 100 {
		t.Errorf("summary has %d words, budget 100", w)
	}
}
