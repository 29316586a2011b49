package dedup_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/dedup"
)

const wire = `The central bank raised its main interest rate by half a percentage point on Thursday, the largest increase in two decades, as it tried to slow inflation that reached 7.9 percent in March. Governor Anna Lind said further increases were likely this year if prices kept rising. Markets had expected a smaller move, and the currency rose one percent against the euro after the announcement. Economists said the decision showed the bank was more worried about inflation than about a slowdown in growth.`

func day(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }

func TestDedup(t *testing.T) {
	edited := strings.Replace(wire, "on Thursday", "on Thursday morning", 1) + " Reporting by the wire desk."
	other := `Heavy snow closed the mountain pass for the third time this winter, and the road authority said it would stay shut until the avalanche risk fell. Drivers were told to use the coastal route, which adds two hours to the journey.`
	articles := []*brief.Article{
		{ID: "a", Outlet: "Daily A", Text: edited, Published: day(3)},
		{ID: "b", Outlet: "Wire", Text: wire, Published: day(2)},
		{ID: "c", Outlet: "Daily C", Text: other, Published: day(2)},
		{ID: "d", Outlet: "Daily D", Text: strings.ToUpper(wire), Published: day(4)}, // exact after normalising
		{ID: "e", Outlet: "Daily E", Text: ""},
	}
	got := dedup.Deduper{}.Dedup(articles)
	if len(got) != 3 {
		t.Fatalf("Dedup kept %d articles, want 3: %v", len(got), ids(got))
	}
	if got[0].ID != "b" {
		t.Errorf("kept %q of the wire group, want the earliest, %q", got[0].ID, "b")
	}
	if want := []string{"Daily A", "Daily D"}; fmt.Sprint(got[0].Outlets) != fmt.Sprint(want) {
		t.Errorf("Outlets = %v, want %v", got[0].Outlets, want)
	}
	if want := []string{"a", "d"}; fmt.Sprint(got[0].Duplicates) != fmt.Sprint(want) {
		t.Errorf("Duplicates = %v, want %v", got[0].Duplicates, want)
	}
	if got[1].ID != "c" || got[2].ID != "e" {
		t.Errorf("others = %v, want [c e]", ids(got[1:]))
	}
	if articles[1].Outlets != nil {
		t.Errorf("input article modified: Outlets = %v", articles[1].Outlets)
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		min  float64
		max  float64
	}{
		{"identical", wire, wire, 1, 1},
		{"case and punctuation", wire, strings.ToLower(strings.ReplaceAll(wire, ",", "")), 1, 1},
		{"one edit", wire, strings.Replace(wire, "half a percentage point", "50 basis points", 1), 0.6, 0.95},
		{"unrelated", wire, "Heavy snow closed the mountain pass for the third time this winter.", 0, 0.1},
		{"empty", wire, "", 0, 0},
	}
	for _, tt := range tests {
		got := dedup.Similarity(tt.a, tt.b, 5)
		if got < tt.min || got > tt.max {
			t.Errorf("%s: Similarity = %.3f, want in [%.2f, %.2f]", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestGroupsDeterministic(t *testing.T) {
	var articles []*brief.Article
	for i := 0; i < 50; i++ {
		text := fmt.Sprintf("Story %d: %s", i%10, strings.Repeat(fmt.Sprintf("word%d filler%d text ", i%10, i%7), 20))
		articles = append(articles, &brief.Article{ID: fmt.Sprint(i), Text: text})
	}
	var d dedup.Deduper
	first := fmt.Sprint(d.Groups(articles))
	for i := 0; i < 3; i++ {
		if got := fmt.Sprint(d.Groups(articles)); got != first {
			t.Fatalf("Groups not deterministic:\n%s\n%s", first, got)
		}
	}
	seen := map[int]bool{}
	for _, g := range d.Groups(articles) {
		for _, i := range g {
			if seen[i] {
				t.Fatalf("article %d in two groups", i)
			}
			seen[i] = true
		}
	}
	if len(seen) != len(articles) {
		t.Fatalf("%d of %d articles grouped", len(seen), len(articles))
	}
}

func ids(as []*brief.Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func BenchmarkDedup(b *testing.B) {
	var articles []*brief.Article
	for i := 0; i < 25; i++ {
		articles = append(articles, &brief.Article{ID: fmt.Sprint(i), Text: strings.Repeat(fmt.Sprintf("%s Paragraph %d. ", wire, i), 6)})
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dedup.Deduper{}.Dedup(articles)
	}
}

// TestDedupOutletsOnce checks that Outlets names each other outlet once and
// never the kept article's own, however the folded articles already list
// them (say, after an earlier Dedup).
func TestDedupOutletsOnce(t *testing.T) {
	tests := []struct {
		name     string
		articles []*brief.Article
		want     []string
	}{
		{"folded articles share an outlet", []*brief.Article{
			{ID: "k", Outlet: "Wire", Text: wire, Published: day(1)},
			{ID: "b", Outlet: "Daily B", Text: wire, Published: day(2), Outlets: []string{"Daily X"}},
			{ID: "c", Outlet: "Daily C", Text: wire, Published: day(3), Outlets: []string{"Daily X"}},
		}, []string{"Daily B", "Daily X", "Daily C"}},
		{"folded article lists the kept outlet", []*brief.Article{
			{ID: "k", Outlet: "Wire", Text: wire, Published: day(1)},
			{ID: "b", Outlet: "Daily B", Text: wire, Published: day(2), Outlets: []string{"Wire"}},
		}, []string{"Daily B"}},
		{"folded article has the kept outlet", []*brief.Article{
			{ID: "k", Outlet: "Wire", Text: wire, Published: day(1), Outlets: []string{"Daily B"}},
			{ID: "b", Outlet: "Daily B", Text: wire, Published: day(2)},
		}, []string{"Daily B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dedup.Deduper{}.Dedup(tt.articles)
			if len(got) != 1 {
				t.Fatalf("Dedup kept %d articles, want 1", len(got))
			}
			if fmt.Sprint(got[0].Outlets) != fmt.Sprint(tt.want) {
				t.Errorf("Outlets = %q, want %q", got[0].Outlets, tt.want)
			}
		})
	}
}

// TestDedupNil checks that a nil article, as Clean passes through, is its
// own group and comes back in its place, not a panic.
func TestDedupNil(t *testing.T) {
	tests := []struct {
		name     string
		articles []*brief.Article
		want     string
	}{
		{"nil alone", []*brief.Article{nil}, "[<nil>]"},
		{"nil between copies", []*brief.Article{{ID: "a", Text: wire}, nil, {ID: "b", Text: wire}}, "[a <nil>]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range (dedup.Deduper{}).Dedup(tt.articles) {
				if a == nil {
					got = append(got, "<nil>")
				} else {
					got = append(got, a.ID)
				}
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("Dedup = %v, want %s", got, tt.want)
			}
		})
	}
}
