package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStoryJSON(t *testing.T) {
	out, stderr, code := runBrief(t, "story", "--format", "json", "../../testdata/sample")
	if code != 0 {
		t.Fatalf("brief story: exit %d, stderr %s", code, stderr)
	}
	var v map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("story --format json printed invalid JSON: %v", err)
	}
	for _, field := range []string{"summary", "quotes", "disagreements", "entities", "timeline"} {
		if _, ok := v[field]; !ok {
			t.Errorf("story JSON lacks %q", field)
		}
	}
	var quotes []struct {
		Speaker string   `json:"speaker"`
		Kind    string   `json:"kind"`
		Sources []string `json:"sources"`
	}
	json.Unmarshal(v["quotes"], &quotes)
	speakers := map[string]bool{}
	for _, q := range quotes {
		speakers[q.Speaker] = true
	}
	for _, want := range []string{"Ilse Brandt", "Tomas Egede"} {
		if !speakers[want] {
			t.Errorf("no quote attributed to %s; speakers: %v", want, speakers)
		}
	}
}

func TestStoryText(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		out, stderr, code := runBrief(t, "story", "--format", format, "../../testdata/sample")
		if code != 0 || !strings.Contains(out, "Who said what") && !strings.Contains(out, "WHO SAID WHAT") {
			t.Errorf("story --format %s: exit %d, output %q, stderr %s", format, code, out, stderr)
		}
	}
}
