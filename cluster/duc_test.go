package cluster_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
)

var (
	ducDir = flag.String("duc", "../../shared/data/duc2007-update", "DUC 2007 update task directory (dev data); the test is skipped when absent")
	tune   = flag.Bool("tune", false, "with -duc: print a parameter grid for SinglePass, Agglomerative and Baseline")
)

// ducArticle is one DUC document with its topic and document set.
type ducArticle struct {
	*brief.Article
	topic, set string // "D0703A", "D0703A-B"
}

var (
	reDocno    = regexp.MustCompile(`<DOCNO>\s*([A-Z]+)(\d{8})\.(\d+)\s*</DOCNO>`)
	reDateTime = regexp.MustCompile(`<DATE_TIME>\s*([^<]*?)\s*</DATE_TIME>`)
	reHeadline = regexp.MustCompile(`(?s)<HEADLINE>(.*?)</HEADLINE>`)
	reText     = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	reTag      = regexp.MustCompile(`<[^>]*>|&[A-Za-z0-9]+;`)
)

// parseDUC reads one DUC SGML document, minimally: DOCNO gives the date,
// DATE_TIME the time of day when it parses, HEADLINE the title and TEXT the
// body with tags and SGML entities removed.
func parseDUC(path string) (*brief.Article, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := string(b)
	m := reDocno.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("%s: no DOCNO", path)
	}
	day, err := time.Parse("20060102", m[2])
	if err != nil {
		return nil, fmt.Errorf("%s: DOCNO date: %v", path, err)
	}
	pub := day.Add(12 * time.Hour)
	if dt := reDateTime.FindStringSubmatch(s); dt != nil {
		for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "01/02/2006 15:04:05"} {
			if t, err := time.Parse(layout, dt[1]); err == nil {
				pub = day.Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
				break
			}
		}
	}
	a := &brief.Article{ID: m[1] + m[2] + "." + m[3], Published: pub, Source: path, Language: "en"}
	if h := reHeadline.FindStringSubmatch(s); h != nil {
		a.Title = strings.Join(strings.Fields(reTag.ReplaceAllString(h[1], " ")), " ")
	}
	if t := reText.FindStringSubmatch(s); t != nil {
		a.Text = strings.TrimSpace(reTag.ReplaceAllString(t[1], ""))
	}
	return a, nil
}

// loadDUC reads docs/<topic>/<set>/<doc> under dir.
func loadDUC(tb testing.TB, dir string) []ducArticle {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "docs", "*", "*", "*"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no DUC documents under %s: %v", dir, err)
	}
	var out []ducArticle
	for _, p := range paths {
		a, err := parseDUC(p)
		if err != nil {
			tb.Fatal(err)
		}
		set := filepath.Base(filepath.Dir(p))
		out = append(out, ducArticle{a, filepath.Base(filepath.Dir(filepath.Dir(p))), set})
	}
	return out
}

// TestDUC reports B-cubed scores on the DUC 2007 update documents under
// two gold definitions: each document set an event (30), and each topic an
// event (10). Run with: go test ./cluster -run TestDUC -v [-duc DIR] [-tune].
func TestDUC(t *testing.T) {
	if _, err := os.Stat(filepath.Join(*ducDir, "docs")); err != nil {
		t.Skipf("DUC data not found at %s (use -duc DIR)", *ducDir)
	}
	docs := loadDUC(t, *ducDir)
	arts := make([]*brief.Article, len(docs))
	bySet, byTopic := map[string]string{}, map[string]string{}
	for i, d := range docs {
		arts[i] = d.Article
		bySet[d.ID] = d.set
		byTopic[d.ID] = d.topic
	}
	// The DUC stream is sparse: a topic's ~25 articles span up to three
	// years, so the news-stream window and decay are switched off here.
	methods := []struct {
		name string
		c    brief.Clusterer
	}{
		{"SinglePass", cluster.SinglePass{Config: ducConfig}},
		{"SinglePass(default window)", cluster.SinglePass{}},
		{"Agglomerative", cluster.Agglomerative{}},
		{"Baseline", cluster.Baseline{}},
	}
	for _, gold := range []struct {
		name   string
		labels map[string]string
	}{{"topic (10 events)", byTopic}, {"set (30 events)", bySet}} {
		for _, m := range methods {
			s := cluster.Evaluate(m.c, arts, gold.labels)
			t.Logf("gold=%-17s %-27s P=%.3f R=%.3f F1=%.3f stories=%d (singletons %d) gold=%d articles=%d",
				gold.name, m.name, s.P, s.R, s.F, s.Stories, s.Singleton, s.Gold, s.Articles)
			if s.Articles != len(arts) || s.Stories < 1 {
				t.Errorf("%s: scored %d articles in %d stories, want %d in ≥ 1", m.name, s.Articles, s.Stories, len(arts))
			}
		}
	}
	if !*tune {
		return
	}
	for _, k := range []int{10, 20, 40} {
		for _, th := range []float64{0.06, 0.08, 0.1} {
			cfg := ducConfig
			cfg.Threshold, cfg.TopTerms = th, k
			s := cluster.Evaluate(cluster.SinglePass{Config: cfg}, arts, byTopic)
			t.Logf("tune-k TopTerms=%d th=%.2f SinglePass F1=%.3f (P=%.3f R=%.3f n=%d)", k, th, s.F, s.P, s.R, s.Stories)
		}
	}
	for _, th := range []float64{0.06, 0.08, 0.1, 0.12} {
		for _, we := range []float64{-1, 0.25, 0.5} {
			for _, wt := range []float64{-1, 0.3} {
				cfg := ducConfig
				cfg.Threshold, cfg.EntityWeight, cfg.TitleWeight, cfg.TopTerms = th, we, wt, 20
				s := cluster.Evaluate(cluster.SinglePass{Config: cfg}, arts, byTopic)
				s30 := cluster.Evaluate(cluster.SinglePass{Config: cfg}, arts, bySet)
				a := cluster.Evaluate(cluster.Agglomerative{Threshold: th / 2, EntityWeight: we, TitleWeight: wt, TopTerms: 20}, arts, byTopic)
				t.Logf("tune th=%.2f we=%5.2f wt=%5.2f  SinglePass F1=%.3f (P=%.3f R=%.3f n=%d; set-gold F1=%.3f)  Agglomerative(th/2) F1=%.3f (P=%.3f R=%.3f n=%d)",
					th, we, wt, s.F, s.P, s.R, s.Stories, s30.F, a.F, a.P, a.R, a.Stories)
			}
		}
	}
	for _, th := range []float64{0.1, 0.15, 0.2, 0.25, 0.3} {
		b := cluster.Evaluate(cluster.Baseline{Threshold: th}, arts, byTopic)
		b30 := cluster.Evaluate(cluster.Baseline{Threshold: th}, arts, bySet)
		t.Logf("tune th=%.2f Baseline F1=%.3f (P=%.3f R=%.3f n=%d; set-gold F1=%.3f)", th, b.F, b.P, b.R, b.Stories, b30.F)
	}
}

// ducConfig is the Config for the DUC stream: defaults without window and decay.
var ducConfig = cluster.Config{Window: -1, HalfLife: -1}
