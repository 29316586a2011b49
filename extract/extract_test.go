package extract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/extract"
)

var update = flag.Bool("update", false, "rewrite testdata/*/want.json")

// want is the golden form of an extracted article.
type want struct {
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text"`
}

func golden(a *brief.Article) want {
	w := want{Title: a.Title, Outlet: a.Outlet, Author: a.Author, URL: a.URL, Language: a.Language, Text: a.Text}
	if !a.Published.IsZero() {
		w.Published = a.Published.UTC().Format(time.RFC3339)
	}
	return w
}

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*/source.html")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var e extract.Extractor
	for _, src := range dirs {
		dir := filepath.Dir(src)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			page, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			a, err := e.Extract(bytes.NewReader(page), "https://example.com/"+filepath.Base(dir))
			if err != nil {
				t.Fatalf("Extract(%s): %v", src, err)
			}
			got, _ := json.MarshalIndent(golden(a), "", "  ")
			got = append(got, '\n')
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(wantPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			wantData, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, wantData) {
				t.Errorf("Extract(%s) =\n%s\nwant\n%s", src, got, wantData)
			}
		})
	}
}

// TestBoilerplate checks properties of the golden pages that must hold
// whatever the exact output: story paragraphs in, navigation and comments out.
func TestBoilerplate(t *testing.T) {
	page, err := os.ReadFile("testdata/harbor-bridge/source.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := new(extract.Extractor).Extract(bytes.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"reopened to traffic on Monday", "protected bicycle lane", "Daniel Reyes"} {
		if !strings.Contains(a.Text, in) {
			t.Errorf("text lacks story line %q", in)
		}
	}
	for _, out := range []string{"Subscribe now", "About time they fixed it", "Privacy policy", "Ferry fares"} {
		if strings.Contains(a.Text, out) {
			t.Errorf("text keeps boilerplate %q", out)
		}
	}
	if n := strings.Count(a.Text, "\n\n"); n < 3 {
		t.Errorf("text has %d paragraph breaks, want ≥ 3:\n%s", n, a.Text)
	}
	if a.URL != "https://ledger.example.com/news/2024/03/harbor-bridge-reopens" {
		t.Errorf("URL = %q, want the canonical URL", a.URL)
	}
	if a.Language != "en" {
		t.Errorf("Language = %q, want en", a.Language)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		e    extract.Extractor
		page string
		kind error
	}{
		{"empty", extract.Extractor{}, "", brief.ErrEmpty},
		{"blank", extract.Extractor{}, " \n\t ", brief.ErrEmpty},
		{"no text", extract.Extractor{}, "<html><head><script>var x = 1;</script></head><body><img src=a.png></body></html>", brief.ErrEmpty},
		{"too large", extract.Extractor{MaxBytes: 10}, "<p>" + strings.Repeat("word ", 10) + "</p>", brief.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.e.Extract(strings.NewReader(tt.page), "")
			if !errors.Is(err, tt.kind) {
				t.Errorf("Extract(%q) = %v, %v; want error %v", tt.page, a, err, tt.kind)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"utf8", "<p>café</p>", "<p>café</p>"},
		{"utf8 bom", "\xef\xbb\xbf<p>café</p>", "<p>café</p>"},
		{"latin1 meta", "<meta charset=\"iso-8859-1\"><p>caf\xe9</p>", "<meta charset=\"iso-8859-1\"><p>café</p>"},
		{"no meta not utf8", "<p>caf\xe9 \x93quoted\x94</p>", "<p>café “quoted”</p>"},
		{"utf16le bom", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "<p>é"},
		{"utf8 despite meta", "<meta charset=\"windows-1252\"><p>café</p>", "<meta charset=\"windows-1252\"><p>café</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extract.Decode([]byte(tt.in))
			if err != nil || string(got) != tt.want {
				t.Errorf("Decode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, p := range []string{"", "<p>x</p>", "<html><body><article><p>A sentence of a story. Another one follows here.</p></article></body></html>", "\xff\xfe<\x00", "<meta charset=x-bogus><p>\xe9</p>"} {
		f.Add([]byte(p))
	}
	if src, err := os.ReadFile("testdata/minimal/source.html"); err == nil {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		var e extract.Extractor
		a, err := e.ExtractBytes(page, "")
		if err == nil && (a == nil || a.Text == "") {
			t.Fatalf("ExtractBytes returned no error and no text")
		}
		if err != nil && a != nil {
			t.Fatalf("ExtractBytes returned both an article and %v", err)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile("testdata/harbor-bridge/source.html")
	if err != nil {
		b.Fatal(err)
	}
	var e extract.Extractor
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.ExtractBytes(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}
