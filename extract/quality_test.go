package extract_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	nurl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/briefnews/brief/extract"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

var (
	quality    = flag.Bool("quality", false, "run TestQuality on go-trafilatura's evaluation set (slow)")
	qualityDir = flag.String("quality.dir", "", "go-trafilatura module directory; empty means the one `go list -m` finds")
)

// qualityEntry is one annotated page of the evaluation set: the snippets its
// main text must contain (With) and must not contain (Without).
type qualityEntry struct {
	URL     string
	File    string
	With    []string
	Without []string
}

// parseComparisonData reads the Go source of go-trafilatura's
// scripts/comparison/data.go and returns the entries of its map literal
// comparisonData, sorted by URL. Only the fields File, With and Without are
// read; other fields are skipped.
func parseComparisonData(name string, src []byte) ([]qualityEntry, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var lit *ast.CompositeLit
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if id.Name == "comparisonData" && i < len(vs.Values) {
					lit, _ = vs.Values[i].(*ast.CompositeLit)
				}
			}
		}
	}
	if lit == nil {
		return nil, fmt.Errorf("%s: no map literal comparisonData", name)
	}
	bad := func(n ast.Node, what string) error {
		return fmt.Errorf("%s: %s", fset.Position(n.Pos()), what)
	}
	str := func(e ast.Expr) (string, error) {
		bl, ok := e.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return "", bad(e, "want a string literal")
		}
		return strconv.Unquote(bl.Value)
	}
	strs := func(e ast.Expr) ([]string, error) {
		cl, ok := e.(*ast.CompositeLit)
		if !ok {
			return nil, bad(e, "want a []string literal")
		}
		var out []string
		for _, el := range cl.Elts {
			s, err := str(el)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	var entries []qualityEntry
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return nil, bad(el, "want key: value")
		}
		url, err := str(kv.Key)
		if err != nil {
			return nil, err
		}
		val, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return nil, bad(kv.Value, "want an entry literal")
		}
		e := qualityEntry{URL: url}
		for _, fel := range val.Elts {
			fkv, ok := fel.(*ast.KeyValueExpr)
			if !ok {
				return nil, bad(fel, "want Field: value")
			}
			field, ok := fkv.Key.(*ast.Ident)
			if !ok {
				return nil, bad(fkv.Key, "want a field name")
			}
			switch field.Name {
			case "File":
				e.File, err = str(fkv.Value)
			case "With":
				e.With, err = strs(fkv.Value)
			case "Without":
				e.Without, err = strs(fkv.Value)
			}
			if err != nil {
				return nil, err
			}
		}
		if e.File == "" {
			return nil, bad(kv, "entry without File")
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].URL < entries[j].URL })
	return entries, nil
}

// score counts snippets as trafilatura's evaluation does: a With snippet
// found in the output is a true positive, missed a false negative; a Without
// snippet found is a false positive, missed a true negative.
type score struct{ TP, FN, FP, TN int }

func (s *score) add(o score) { s.TP += o.TP; s.FN += o.FN; s.FP += o.FP; s.TN += o.TN }

func (s score) precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s score) recall() float64    { return ratio(s.TP, s.TP+s.FN) }
func (s score) accuracy() float64  { return ratio(s.TP+s.TN, s.TP+s.TN+s.FP+s.FN) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// normSpace collapses every run of white space to one space and trims the
// ends, so that snippets match across the blank lines brief puts between
// paragraphs and the line breaks of the annotated snippets.
func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// scoreEntry scores the main text out extracted from e's page, white
// space normalised in both.
func scoreEntry(e qualityEntry, out string) score {
	norm := qualityEntry{With: make([]string, len(e.With)), Without: make([]string, len(e.Without))}
	for i, w := range e.With {
		norm.With[i] = normSpace(w)
	}
	for i, w := range e.Without {
		norm.Without[i] = normSpace(w)
	}
	return scoreRaw(norm, normSpace(out))
}

// scoreRaw scores out against e as they are, the way go-trafilatura's
// comparison script does.
func scoreRaw(e qualityEntry, out string) score {
	var s score
	for _, w := range e.With {
		if out != "" && strings.Contains(out, w) {
			s.TP++
		} else {
			s.FN++
		}
	}
	for _, w := range e.Without {
		if out != "" && strings.Contains(out, w) {
			s.FP++
		} else {
			s.TN++
		}
	}
	return s
}

func TestParseComparisonData(t *testing.T) {
	src := `package main

type ComparisonEntry struct{ File string; Title string; With, Without []string }

var other = map[string]ComparisonEntry{"x": {File: "no.html"}}

var comparisonData = map[string]ComparisonEntry{
	"https://b.example/2": {
		File: "b.html",
		Title: "ignored",
		With: []string{"first \"quoted\"", ` + "`raw`" + `},
	},
	"https://a.example/1": {
		File:    "a.html",
		Without: []string{"Impressum"},
	},
}
`
	got, err := parseComparisonData("data.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []qualityEntry{
		{URL: "https://a.example/1", File: "a.html", Without: []string{"Impressum"}},
		{URL: "https://b.example/2", File: "b.html", With: []string{`first "quoted"`, "raw"}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parseComparisonData = %+v, want %+v", got, want)
	}

	for _, tt := range []struct{ name, src string }{
		{"no map", "package main\nvar x = 1\n"},
		{"computed snippet", "package main\nvar comparisonData = map[string]E{\"u\": {File: \"f\", With: []string{\"a\" + \"b\"}}}\n"},
		{"no file", "package main\nvar comparisonData = map[string]E{\"u\": {With: []string{\"a\"}}}\n"},
		{"not go", "<html>"},
	} {
		if _, err := parseComparisonData("data.go", []byte(tt.src)); err == nil {
			t.Errorf("%s: parseComparisonData gave no error", tt.name)
		}
	}
}

func TestScoreEntry(t *testing.T) {
	e := qualityEntry{
		With:    []string{"The bridge  reopened", "eight months", "never printed"},
		Without: []string{"Copyright", "Home | Sport"},
	}
	tests := []struct {
		name string
		out  string
		want score
	}{
		{"empty output", "", score{FN: 3, TN: 2}},
		{"blank lines between paragraphs", "The bridge\n\nreopened after eight months.\n\nCopyright 2026", score{TP: 2, FN: 1, FP: 1, TN: 1}},
		{"all boilerplate", "Home | Sport | Weather. Copyright", score{FN: 3, FP: 2}},
	}
	for _, tt := range tests {
		if got := scoreEntry(e, tt.out); got != tt.want {
			t.Errorf("%s: scoreEntry = %+v, want %+v", tt.name, got, tt.want)
		}
	}
	s := score{TP: 6, FN: 2, FP: 2, TN: 10}
	if p, r, f, a := s.precision(), s.recall(), s.f1(), s.accuracy(); p != 0.75 || r != 0.75 || f != 0.75 || a != 0.8 {
		t.Errorf("P R F1 A = %v %v %v %v, want 0.75 0.75 0.75 0.8", p, r, f, a)
	}
	if (score{}).f1() != 0 {
		t.Errorf("F1 of an empty score is not 0")
	}
}

// trafilaturaDir returns the directory of the go-trafilatura module, which
// holds the evaluation pages, or "" when it cannot be found.
func trafilaturaDir() string {
	if *qualityDir != "" {
		return *qualityDir
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/markusmobius/go-trafilatura").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// qualityPage is an entry with its page bytes loaded.
type qualityPage struct {
	qualityEntry
	html []byte
}

// TestQuality measures main-text extraction on go-trafilatura's evaluation
// set (pages and annotations read from the module cache, never copied here)
// and logs precision, recall, F1 and accuracy of each Extractor setting and
// of go-readability alone. Run it with
//
//	go test ./extract -run TestQuality -quality -v -timeout 30m
func TestQuality(t *testing.T) {
	if !*quality {
		t.Skip("run with -quality to measure extraction quality")
	}
	dir := trafilaturaDir()
	if dir == "" {
		t.Skip("go-trafilatura module directory not found")
	}
	dataPath := filepath.Join(dir, "scripts", "comparison", "data.go")
	src, err := os.ReadFile(dataPath)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("no evaluation data at %s", dataPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parseComparisonData(dataPath, src)
	if err != nil {
		t.Fatal(err)
	}
	var pages []qualityPage
	var missing []string
	for _, e := range entries {
		var data []byte
		for _, sub := range []string{"comparison", "mock"} {
			data, err = os.ReadFile(filepath.Join(dir, "test-files", sub, e.File))
			if err == nil {
				break
			}
		}
		if err != nil {
			missing = append(missing, e.File)
			continue
		}
		pages = append(pages, qualityPage{e, data})
	}
	if len(pages) == 0 {
		t.Fatalf("none of the %d pages of %s found", len(entries), dataPath)
	}
	nWith, nWithout := 0, 0
	for _, p := range pages {
		nWith += len(p.With)
		nWithout += len(p.Without)
	}
	t.Logf("%d entries in %s, %d pages read (%d files missing), %d with and %d without snippets",
		len(entries), dataPath, len(pages), len(missing), nWith, nWithout)

	type run struct {
		name string
		text func(qualityPage) string
	}
	extractor := func(e *extract.Extractor) func(qualityPage) string {
		return func(p qualityPage) string {
			a, err := e.ExtractBytes(p.html, p.URL)
			if err != nil {
				return ""
			}
			return a.Text
		}
	}
	runs := []run{
		{"go-trafilatura alone (upstream's settings)", trafilaturaText},
		{"go-readability alone", readabilityText},
		{"Extractor default", extractor(&extract.Extractor{})},
		{"Extractor FavorPrecision", extractor(&extract.Extractor{FavorPrecision: true})},
		{"Extractor FavorRecall", extractor(&extract.Extractor{FavorRecall: true})},
		{"Extractor NoFallback", extractor(&extract.Extractor{NoFallback: true})},
		{"Extractor IncludeTables", extractor(&extract.Extractor{IncludeTables: true})},
	}
	workers := runtime.GOMAXPROCS(0)
	var table strings.Builder
	fmt.Fprintf(&table, "| setting | pages | empty | precision | recall | F1 | accuracy | F1 raw | time |\n")
	fmt.Fprintf(&table, "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	results := map[string]score{}
	for _, r := range runs {
		start := time.Now()
		scores := make([]score, len(pages))
		raws := make([]score, len(pages))
		empty := make([]bool, len(pages))
		next := make(chan int)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					out := r.text(pages[i])
					empty[i] = strings.TrimSpace(out) == ""
					scores[i] = scoreEntry(pages[i].qualityEntry, out)
					raws[i] = scoreRaw(pages[i].qualityEntry, out)
				}
			}()
		}
		for i := range pages {
			next <- i
		}
		close(next)
		wg.Wait()
		elapsed := time.Since(start)
		var total, raw score
		var emptyFiles []string
		for i, s := range scores {
			total.add(s)
			raw.add(raws[i])
			if empty[i] {
				emptyFiles = append(emptyFiles, pages[i].File)
			}
		}
		results[r.name] = total
		fmt.Fprintf(&table, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f s |\n",
			r.name, len(pages), len(emptyFiles), total.precision(), total.recall(), total.f1(), total.accuracy(), raw.f1(), elapsed.Seconds())
		t.Logf("%s: %+v (raw %+v); no text from %v", r.name, total, raw, emptyFiles)
	}
	t.Logf("%d workers, GOMAXPROCS %d\n%s", workers, runtime.GOMAXPROCS(0), table.String())

	// Every snippet is counted once per run.
	for name, s := range results {
		if s.TP+s.FN != nWith || s.FP+s.TN != nWithout {
			t.Errorf("%s: counted %+v, want %d with and %d without snippets", name, s, nWith, nWithout)
		}
	}
	// The fallback exists to add text trafilatura misses: it must not lower
	// recall.
	if d, n := results["Extractor default"], results["Extractor NoFallback"]; d.recall() < n.recall() {
		t.Errorf("recall with fallback %.3f < without %.3f", d.recall(), n.recall())
	}
}

// readabilityText is go-readability alone on a page, the baseline: the page
// decoded as the Extractor decodes it, then the text of readability's
// article node.
func readabilityText(p qualityPage) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	page, err := extract.Decode(p.html)
	if err != nil {
		return ""
	}
	u, _ := nurl.Parse(p.URL)
	parser := readability.NewParser()
	a, err := parser.Parse(bytes.NewReader(page), u)
	if err != nil || a.Node == nil {
		return ""
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return ""
	}
	return b.String()
}

// trafilaturaText is go-trafilatura alone as go-trafilatura's comparison
// script runs it (comments excluded, tables kept, its default config, no
// fallback), its plain ContentText: a check of this harness against the
// figures go-trafilatura publishes.
func trafilaturaText(p qualityPage) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	page, err := extract.Decode(p.html)
	if err != nil {
		return ""
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	u, _ := nurl.Parse(p.URL)
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		OriginalURL:     u,
	})
	if err != nil || res == nil {
		return ""
	}
	return res.ContentText
}
