package extract

import (
	"bytes"
	"os"
	"testing"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// TestFallback checks that the table-layout page needs the fallback:
// trafilatura, which skips tables, finds no main text there, and the
// Extractor still returns the story.
func TestFallback(t *testing.T) {
	page, err := os.ReadFile("testdata/table-layout/source.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 0
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{Config: cfg, ExcludeComments: true, ExcludeTables: true})
	if err == nil && res != nil && blockText(res.ContentNode) != "" {
		t.Fatalf("trafilatura found text in the table page; the fallback is not exercised:\n%s", blockText(res.ContentNode))
	}
	var e Extractor
	a, err := e.ExtractBytes(page, "")
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if !bytes.Contains([]byte(a.Text), []byte("dropped a plan to merge it")) {
		t.Errorf("fallback text lacks the story:\n%s", a.Text)
	}
	if _, err := (&Extractor{NoFallback: true}).ExtractBytes(page, ""); err == nil {
		t.Errorf("ExtractBytes with NoFallback found text")
	}
}
