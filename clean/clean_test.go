package clean_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/clean"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// loadCluster reads the articles of a fixture directory: one plain text
// file per article, ID its file name, no title.
func loadCluster(t testing.TB, dir string) []*brief.Article {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	slices.Sort(files)
	var arts []*brief.Article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, &brief.Article{ID: filepath.Base(f), Language: "en", Text: string(data)})
	}
	return arts
}

func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() || filepath.Base(dir) == "fuzz" {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var c clean.Cleaner
			out := c.Clean(loadCluster(t, dir))
			var b bytes.Buffer
			for _, a := range out {
				fmt.Fprintf(&b, "== %s\ntitle: %s\n\n%s\n\n", a.ID, a.Title, a.Text)
			}
			golden := dir + ".golden"
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("Clean(%s) =\n%s\nwant\n%s", dir, b.Bytes(), want)
			}
		})
	}
}

// TestFlood checks, whatever the golden file says, that the junk of the
// flood fixture goes and that every story sentence stays.
func TestFlood(t *testing.T) {
	in := loadCluster(t, "testdata/flood")
	orig := make([]string, len(in))
	for i, a := range in {
		orig[i] = a.Text
	}
	var c clean.Cleaner
	out := c.Clean(in)
	for i, a := range in {
		if a.Text != orig[i] || a.Title != "" {
			t.Errorf("Clean changed its input article %s", a.ID)
		}
	}
	all := ""
	for _, a := range out {
		all += a.Text + "\n"
		if a.Title == "" {
			t.Errorf("article %s has no title", a.ID)
		}
		if strings.Contains(a.Text, a.Title) {
			t.Errorf("article %s text still holds its title %q", a.ID, a.Title)
		}
	}
	junk := []string{
		"date 2024-01-05", "By Anna Field", "Celebrity Chef", "Share this",
		"(Reuters) -", "Posted January 5", "rescue boat carries", "United beat City",
		"Recently in UK News", "Tom Baker", "Related:", "music festival", "All rights reserved",
	}
	for _, j := range junk {
		if strings.Contains(all, j) {
			t.Errorf("junk %q survived", j)
		}
	}
	story := 0
	for i, a := range in {
		for _, line := range strings.Split(a.Text, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasSuffix(line, ".") || strings.Contains(line, "lottery") || strings.Contains(line, "festival") || strings.Contains(line, "rescue boat") || strings.Contains(line, "All rights") {
				continue
			}
			story++
			// The story sentence, without a prefix cut from it.
			if _, tail, ok := strings.Cut(line, "Hundreds of homes"); ok {
				line = "Hundreds of homes" + tail
			}
			if _, tail, ok := strings.Cut(line, "Police evacuated"); ok {
				line = "Police evacuated" + tail
			}
			if !strings.Contains(out[i].Text, line) {
				t.Errorf("story line dropped from %s: %q", a.ID, line)
			}
		}
	}
	if story != 15 {
		t.Errorf("fixture has %d story lines, want 15", story)
	}
	// The lottery line shares 4 of its 12 content words (rose, million,
	// pounds, Wednesday) with the cluster: above the tail threshold, so the
	// conservative cleaner keeps it.
	if !strings.Contains(out[2].Text, "lottery jackpot") {
		t.Errorf("lottery line dropped: the tail threshold changed?")
	}
	if !strings.Contains(out[3].Text, "Chemical spill") {
		t.Errorf("on-topic subheading dropped")
	}
}

func TestEmpty(t *testing.T) {
	var c clean.Cleaner
	if got := c.Clean(nil); len(got) != 0 {
		t.Errorf("Clean(nil) = %v", got)
	}
	in := []*brief.Article{nil, {ID: "a"}, {ID: "b", Text: "Read more"}}
	got := c.Clean(in)
	if len(got) != 3 || got[0] != nil || got[1].Text != "" || got[2].Text != "Read more" {
		t.Errorf("Clean(%v) = %v; want nil kept, empty text kept, all-junk text kept", in, got)
	}
}

// TestExamples runs on the real scraped reports of the shared example
// cluster, when present.
func TestExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "examples", "tillerson-moscow-2017")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no example cluster in %s", dir)
	}
	var in []*brief.Article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, &brief.Article{ID: f, Language: "en", Text: string(data)})
	}
	var c clean.Cleaner
	out := c.Clean(in)
	junk := []string{
		"date 2017-04-12", "Posted April 13, 2017", "Leroy Wright", "Recently in World News",
		"Garcia's 10th-inning homer", "Haley US Ready to Help", "Trump's Attack on Syria Killed Four Children",
	}
	text := ""
	for _, a := range out {
		text += a.Text + "\n"
	}
	for _, j := range junk {
		if strings.Contains(text, j) {
			t.Errorf("junk %q survived", j)
		}
	}
	// Every line of the input that ends like a sentence and is not a
	// caption must survive (whole, or without its date prefix).
	kept, total := 0, 0
	for i, a := range in {
		for _, line := range strings.Split(a.Text, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasSuffix(line, ".") && !strings.HasSuffix(line, ".\"") && !strings.HasSuffix(line, "\".") {
				continue
			}
			if strings.Contains(line, "Wednesday, April 12, 2017,") { // the caption
				continue
			}
			total++
			line = strings.TrimPrefix(line, "date 2017-04-12 ")
			if strings.Contains(out[i].Text, line) {
				kept++
			} else {
				t.Errorf("story line dropped from %s: %q", filepath.Base(a.ID), line)
			}
		}
	}
	t.Logf("kept %d of %d story lines", kept, total)
	if total < 40 {
		t.Errorf("found only %d story lines; the example cluster changed?", total)
	}
}

// synthCluster builds n articles of about 600 words each, with junk lines.
func synthCluster(n int) []*brief.Article {
	words := strings.Fields("the river flood town residents water homes rain police agency council level defences " +
		"volunteers centre street bridge said warned evacuated rose fell engineers insurance damage school")
	var arts []*brief.Article
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Flood report number %d from the valley\n\nWASHINGTON (AP) -- ", i)
		for p := 0; p < 12; p++ {
			for s := 0; s < 3; s++ {
				for w := 0; w < 16; w++ {
					b.WriteString(words[(i*7+p*5+s*3+w*w)%len(words)])
					b.WriteByte(' ')
				}
				b.WriteString("today.")
				if s < 2 {
					b.WriteByte(' ')
				}
			}
			b.WriteString("\n\n")
			if p == 3 {
				b.WriteString("By Jane Doe\n\nPosted April 13, 2017\n\nUnrelated Sports Headline About Baseball Teams\n\n")
			}
		}
		b.WriteString("Read more")
		arts = append(arts, &brief.Article{ID: fmt.Sprint(i), Language: "en", Text: b.String()})
	}
	return arts
}

func BenchmarkClean(b *testing.B) {
	arts := synthCluster(25)
	words := 0
	for _, a := range arts {
		words += brief.CountWords(a.Text)
	}
	b.ReportMetric(float64(words), "words")
	var c clean.Cleaner
	b.ReportAllocs()
	for b.Loop() {
		c.Clean(arts)
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Headline Here\n\ndate 2017-04-12 WASHINGTON (AP) -- Text.\n\nBy Jane Doe\n\nRead more", "Other text here.")
	f.Add("• A\n\n\n\nPosted 2017\r\n", "")
	f.Add("\xff\xfe", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		in := []*brief.Article{{ID: "a", Text: a}, {ID: "b", Text: b, Title: "T"}}
		var c clean.Cleaner
		out := c.Clean(in)
		if len(out) != 2 || in[0].Text != a || in[1].Text != b {
			t.Fatalf("Clean changed its input or lost articles")
		}
		for i, o := range out {
			if strings.TrimSpace(in[i].Text) != "" && strings.TrimSpace(o.Text) == "" {
				t.Fatalf("Clean emptied article %d: %q", i, in[i].Text)
			}
			if strings.Contains(o.Text, "\n\n\n") && o.Text != in[i].Text {
				t.Fatalf("Clean left a double blank line: %q", o.Text)
			}
		}
	})
}
