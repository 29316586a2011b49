package story_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/story"
)

// attributionScore compares the speakers Build gives the labelled quotes of
// the fixtures with the labels. A prediction is a resolved speaker of the
// quote whose span overlaps the labelled words most.
func attributionScore(t *testing.T) (tp, fp, fn int) {
	files, _ := filepath.Glob("testdata/quotes/*.txt")
	if len(files) == 0 {
		t.Fatal("no quote fixtures")
	}
	for _, file := range files {
		ftp, ffp, ffn := tp, fp, fn
		arts, labels := readFixture(t, file)
		v := story.Build(arts)
		byID := map[string]*brief.Article{}
		for _, a := range arts {
			byID[a.ID] = a
		}
		for _, l := range labels {
			a := byID[l.Article]
			at := strings.Index(a.Text, l.Words)
			if at < 0 {
				t.Fatalf("%s: %q not in article %s", file, l.Words, l.Article)
			}
			end := at + len(l.Words)
			got, best := "", 0
			for _, q := range v.Quotes {
				for _, c := range q.Cites {
					if c.Article != a.ID {
						continue
					}
					if ov := min(end, c.End) - max(at, c.Start); ov > best {
						best, got = ov, ""
						if q.Resolved {
							got = q.Speaker
						}
					}
				}
			}
			switch {
			case got != "" && got == l.Speaker:
				tp++
			case got != "":
				fp++
				t.Logf("%s %s: %q: got speaker %q, want %q", file, l.Article, l.Words, got, l.Speaker)
				if l.Speaker != "" {
					fn++
				}
			case l.Speaker != "":
				fn++
				t.Logf("%s %s: %q: unresolved, want %q", file, l.Article, l.Words, l.Speaker)
			}
		}
		ftp, ffp, ffn = tp-ftp, fp-ffp, fn-ffn
		t.Logf("%s: labels=%d tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", file, len(labels), ftp, ffp, ffn,
			float64(ftp)/float64(max(1, ftp+ffp)), float64(ftp)/float64(max(1, ftp+ffn)))
	}
	return tp, fp, fn
}

// TestAttribution measures quote attribution on the labelled fixtures and
// fails when precision or recall drop below the floor recorded in
// docs/benchmarks.md.
func TestAttribution(t *testing.T) {
	tp, fp, fn := attributionScore(t)
	p := float64(tp) / float64(max(1, tp+fp))
	r := float64(tp) / float64(max(1, tp+fn))
	t.Logf("quote attribution: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", tp, fp, fn, p, r)
	if p < 0.85 || r < 0.6 {
		t.Errorf("attribution precision %.3f recall %.3f, want >= 0.85 and >= 0.6", p, r)
	}
}
