package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoArticlesNamesPaths checks that when no article could be read, every
// command's error names each input path as given, quoted, so a path with
// spaces or a "-" reads unambiguously.
func TestNoArticlesNamesPaths(t *testing.T) {
	dir := t.TempDir()
	spaced := filepath.Join(dir, "my empty dir")
	if err := os.Mkdir(spaced, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"summarize, path with spaces", []string{"summarize", spaced}, []string{`"` + spaced + `"`}},
		{"story, dash", []string{"story", "-"}, []string{`"-"`}},
		{"cluster, two paths", []string{"cluster", spaced, "-"}, []string{`"` + spaced + `"`, `"-"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runBrief(t, tt.args...)
			last := stderr[strings.LastIndex(strings.TrimSuffix(stderr, "\n"), "\n")+1:]
			if code != 1 || !strings.Contains(last, "no articles found") {
				t.Fatalf("brief %v: exit %d, stderr %q; want exit 1 and 'no articles found'", tt.args, code, stderr)
			}
			for _, want := range tt.wants {
				if !strings.Contains(last, want) {
					t.Errorf("final error %q does not name %s", last, want)
				}
			}
		})
	}
}

// TestReadArticlesCancelled checks that an interrupted read is an error, not
// a job run on part of its input.
func TestReadArticlesCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arts, err := readArticles(ctx, nil, io.Discard, []string{"../../testdata/sample"})
	if len(arts) != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("readArticles(cancelled) = %d articles, %v; want none and context.Canceled", len(arts), err)
	}
}
