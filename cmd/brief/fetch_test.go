package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefnews/brief/fetch"
)

// TestSummarizeFetchOutput checks that what `brief fetch` writes is read
// unchanged by `brief summarize`, metadata included.
func TestSummarizeFetchOutput(t *testing.T) {
	dir := t.TempDir()
	records := []fetch.Record{
		{URL: "https://a.example/1", Outlet: "Valley News", Title: "Bridge reopens", Published: "2026-02-01T10:00:00Z", Fetched: "2026-02-01T11:00:00Z", Language: "en", HTMLHash: "ab", Feed: "https://a.example/feed",
			Text: "The old river bridge in Holmfirth reopened to traffic on Sunday after eight months of repairs.\n\nEngineers replaced the rusted steel beams under the main span, the county council said."},
		{URL: "https://b.example/2", Outlet: "County Post", Title: "Holmfirth bridge open again", Published: "2026-02-01T12:00:00Z", Fetched: "2026-02-01T13:00:00Z", Language: "en", HTMLHash: "cd",
			Text: "Traffic crossed the Holmfirth river bridge again on Sunday when it reopened after eight months of repairs.\n\nShop owners said the closure had cut their trade by a third."},
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, r := range records {
		enc.Encode(r)
	}
	if err := os.WriteFile(filepath.Join(dir, "articles.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ".fetch-state.json"), []byte(`{"feeds":{},"seen":{}}`), 0o644)
	sum := summarizeJSON(t, dir)
	if len(sum.Sentences) == 0 {
		t.Fatal("empty summary of fetched articles")
	}
	outlets := map[string]bool{}
	for _, s := range sum.Sentences {
		outlets[s.Source.Outlet] = true
		if s.Source.URL == "" || s.Source.Published == "" {
			t.Errorf("citation lost the fetched metadata: %+v", s.Source)
		}
	}
	if !outlets["Valley News"] && !outlets["County Post"] {
		t.Errorf("citations name outlets %v, want the fetched ones", outlets)
	}
}
