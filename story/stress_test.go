package story_test

import (
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

// TestBuildLargeInputs checks that pathological inputs stay fast: a long
// paragraph full of quotation marks and speech verbs, and one of repeated
// denials.
func TestBuildLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for name, s := range map[string]string{
		"quotes":  strings.Repeat(`"It is over," he said, "and we are done." `, 3000),
		"denials": strings.Repeat("Karl Holt denied that the army did not attack the town. ", 3000),
		"names":   strings.Repeat("President Karl Holt and Minister Rita Sand met Ana Berg of Norland in Oslo. ", 3000),
		"marks":   strings.Repeat(`"“”''`+"``", 20000),
	} {
		start := time.Now()
		v := story.Build([]*brief.Article{{ID: name, Text: s}})
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("Build(%s, %d bytes) took %v", name, len(s), d)
		} else {
			t.Logf("Build(%s, %d bytes): %v, %d quotes", name, len(s), d, len(v.Quotes))
		}
	}
}
