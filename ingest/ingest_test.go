package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/ingest"
)

func byID(arts []*brief.Article) map[string]*brief.Article {
	m := make(map[string]*brief.Article)
	for _, a := range arts {
		m[a.ID] = a
	}
	return m
}

func TestGoodFiles(t *testing.T) {
	dir := filepath.Join("testdata", "good")
	arts, err := ingest.Paths(context.Background(), []string{dir})
	if err != nil {
		t.Fatalf("Paths(%s) error: %v", dir, err)
	}
	got := byID(arts)
	p := func(name string) string { return filepath.Join(dir, name) }
	date := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	tests := []struct {
		id        string
		title     string
		outlet    string
		published time.Time
		source    string
		textHas   []string
		paras     int
	}{
		{id: p("plain-header.txt"), title: "Storm closes mountain pass for third day", outlet: "Valley Herald",
			published: date("2024-02-07T08:00:00Z"), source: p("plain-header.txt"), textHas: []string{"Heavy snow kept"}, paras: 2},
		{id: p("plain-title.txt"), title: "Rail workers vote to end strike", published: date("2024-03-04T00:00:00Z"),
			source: p("plain-title.txt"), textHas: []string{"Rail workers voted on Sunday"}, paras: 2},
		{id: "wire-1", title: "Port reopens after fire", outlet: "Harbor Times", published: date("2024-05-03T08:00:00Z"),
			source: p("articles.json") + "#1", textHas: []string{"The port reopened"}, paras: 1},
		{id: p("articles.json") + "#2", title: "Second article", published: date("2024-05-03T00:00:00Z"),
			source: p("articles.json") + "#2", textHas: []string{"cause of the fire"}, paras: 1},
		{id: p("feed.jsonl") + ":1", title: "Bridge tolls to rise", source: p("feed.jsonl") + ":1", textHas: []string{"Tolls on the river bridge"}, paras: 1},
		{id: p("feed.jsonl") + ":3", title: "Library extends hours", source: p("feed.jsonl") + ":3", textHas: []string{"city library will stay open", "paid for by a grant"}, paras: 2},
		{id: "XIE19990302.0011", title: "Dam Project Starts in River Valley", outlet: "Xinhua", published: date("1999-03-02T08:15:00Z"),
			source: p("newswire.sgml") + "#1", textHas: []string{"Work began on Tuesday on a dam that will supply water to three provinces, officials said."}, paras: 2},
		{id: "APW19990302.0100", title: "Floods hit coastal towns", outlet: "Associated Press", published: date("1999-03-02T11:40:00Z"),
			source: p("newswire.sgml") + "#2", textHas: []string{"Floods cut off two coastal towns on Tuesday after three days of rain, police said.", `"We have never seen water this high," said`, "Officials & volunteers"}, paras: 2},
		{id: p("latin1.html"), title: "Café tax", source: p("latin1.html"), textHas: []string{"tax on café terraces", "“unfair”"}, paras: 2},
		{id: p("latin1.txt"), title: "Café owners win appeal", source: p("latin1.txt"), textHas: []string{"victory for café owners"}, paras: 1},
		{id: p("utf16.txt"), title: "Mill closes after 80 years", source: p("utf16.txt"), textHas: []string{"The paper mill closed"}, paras: 1},
	}
	if len(arts) != len(tests) {
		ids := make([]string, 0, len(arts))
		for _, a := range arts {
			ids = append(ids, a.ID)
		}
		t.Errorf("Paths(%s) read %d articles %v, want %d", dir, len(arts), ids, len(tests))
	}
	for _, tt := range tests {
		a := got[tt.id]
		if a == nil {
			t.Errorf("no article %q", tt.id)
			continue
		}
		if tt.id == "APW19990302.0100" && a.Author != "JANE ROE" {
			t.Errorf("article %s author = %q, want JANE ROE", tt.id, a.Author)
		}
		if a.Title != tt.title || a.Outlet != tt.outlet || a.Source != tt.source || !a.Published.Equal(tt.published) {
			t.Errorf("article %s = title %q, outlet %q, source %q, published %v; want %q, %q, %q, %v",
				tt.id, a.Title, a.Outlet, a.Source, a.Published, tt.title, tt.outlet, tt.source, tt.published)
		}
		for _, s := range tt.textHas {
			if !strings.Contains(a.Text, s) {
				t.Errorf("article %s text lacks %q:\n%s", tt.id, s, a.Text)
			}
		}
		if n := len(strings.Split(a.Text, "\n\n")); n != tt.paras {
			t.Errorf("article %s has %d paragraphs, want %d:\n%s", tt.id, n, tt.paras, a.Text)
		}
		if strings.Contains(a.Text, "\n\n\n") || strings.Contains(a.Text, "&QL;") || strings.Contains(a.Text, "``") {
			t.Errorf("article %s text is not normalised:\n%q", tt.id, a.Text)
		}
	}
	for _, a := range arts {
		if strings.Contains(a.Text, "hidden file") {
			t.Errorf("read hidden file as %s", a.ID)
		}
	}
}

// TestBad reads the bad-input corpus: every bad file must give an error
// naming it with the right kind, and the good files and lines around them
// must still be read.
func TestBad(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad")
	tmp := t.TempDir()
	huge := filepath.Join(tmp, "huge.txt")
	if err := os.WriteFile(huge, []byte(strings.Repeat("A line of a far too long article.\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(tmp, "missing.txt")
	r := ingest.Reader{MaxBytes: 2000}
	arts, err := r.Paths(context.Background(), []string{dir, filepath.Join(dir, "empty-dir"), huge, missing})
	if err == nil {
		t.Fatal("Paths on the bad corpus returned no error")
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name  string
		input string
		kind  error
	}{
		{"zero bytes", p("zero-bytes.txt"), brief.ErrEmpty},
		{"blank", p("blank.txt"), brief.ErrEmpty},
		{"binary", p("random.bin"), brief.ErrInvalid},
		{"invalid utf8", p("invalid-utf8.txt"), brief.ErrInvalid},
		{"truncated gzip", p("truncated.txt.gz"), brief.ErrInvalid},
		{"malformed json", p("malformed.json"), brief.ErrInvalid},
		{"truncated array", p("truncated-array.json") + ":1", brief.ErrInvalid},
		{"wrong types", p("wrong-types.json"), brief.ErrInvalid},
		{"bad jsonl line", p("mixed.jsonl") + ":2", brief.ErrInvalid},
		{"jsonl wrong type", p("mixed.jsonl") + ":4", brief.ErrInvalid},
		{"unterminated sgml", p("unterminated.sgml"), brief.ErrInvalid},
		{"html without text", p("no-text.html"), brief.ErrEmpty},
		{"broken html", p("broken.html"), brief.ErrEmpty},
		{"json without text", p("no-text.json"), brief.ErrEmpty},
		{"bad date", p("bad-date.json"), brief.ErrInvalid},
		{"empty dir", p("empty-dir"), brief.ErrEmpty},
		{"too large", huge, brief.ErrTooLarge},
		{"missing", missing, brief.ErrNotFound},
	}
	errs := inputErrors(err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := errs[tt.input]
			if !ok {
				t.Fatalf("no error naming %s; errors: %v", tt.input, err)
			}
			if !errors.Is(e, tt.kind) {
				t.Errorf("error for %s = %v, want kind %v", tt.input, e, tt.kind)
			}
		})
	}
	if len(errs) != len(tests) {
		t.Errorf("got %d input errors, want %d: %v", len(errs), len(tests), err)
	}
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	want := []string{p("good-page.html"), p("good-story.txt"), p("mixed.jsonl") + ":1", p("mixed.jsonl") + ":3"}
	if !slices.Equal(ids, want) {
		t.Errorf("good articles = %v, want %v", ids, want)
	}
}

// inputErrors flattens a joined error into its InputErrors by input.
func inputErrors(err error) map[string]*brief.InputError {
	m := make(map[string]*brief.InputError)
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var ie *brief.InputError
		if errors.As(err, &ie) {
			m[ie.Input] = ie
		}
	}
	walk(err)
	return m
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("file permissions do not apply to root")
	}
	path := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(path, []byte("Some text."), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := ingest.Paths(context.Background(), []string{path})
	var ie *brief.InputError
	if !errors.As(err, &ie) || ie.Input != path {
		t.Errorf("Paths(%s) error = %v, want an InputError naming it", path, err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arts, err := ingest.Paths(ctx, []string{filepath.Join("testdata", "good")})
	if len(arts) != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("Paths(cancelled) = %d articles, %v; want none and context.Canceled", len(arts), err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want ingest.Format
	}{
		{"empty", "", ingest.Unknown},
		{"space", " \n ", ingest.Unknown},
		{"text", "Hello world.", ingest.Text},
		{"text with tag later", "Price <b>rises</b>", ingest.Text},
		{"html", "<!DOCTYPE html><p>x</p>", ingest.HTML},
		{"html fragment", "\n<p>Hello</p>", ingest.HTML},
		{"duc", "\n<DOC>\n<DOCNO> X </DOCNO>", ingest.DUC},
		{"json object", `{"text": "a"}`, ingest.JSON},
		{"json object multiline", "{\n\"text\": \"a\"\n}\n", ingest.JSON},
		{"json array", `[{"text": "a"}]`, ingest.JSON},
		{"jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n", ingest.JSONL},
		{"jsonl broken first", "{\"text\": \n{\"text\": \"b\"}\n", ingest.JSONL},
		{"broken object", "{\"text\": ", ingest.JSON},
		{"gzip", "\x1f\x8b\x08\x00", ingest.Gzip},
		{"nul", "abc\x00def", ingest.Binary},
		{"utf8 bom json", "\xef\xbb\xbf{\"text\": \"a\"}", ingest.JSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ingest.Detect([]byte(tt.in)); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in    string
		title, text string
		outlet, url string
	}{
		{"header", "Title: A\nOutlet: B\nURL: http://x/\n\nBody one.\n\n\n\nBody two.", "A", "Body one.\n\nBody two.", "B", "http://x/"},
		{"header case", "TITLE: A\nsource: B\n\nBody.", "A", "Body.", "B", ""},
		{"not a header", "Note: this is text.\n\nMore text.", "", "Note: this is text.\n\nMore text.", "", ""},
		{"title line", "Short headline here\nThe first sentence.", "Short headline here", "The first sentence.", "", ""},
		{"no title: punctuation", "This is a sentence.\nAnother one.", "", "This is a sentence.\nAnother one.", "", ""},
		{"no title: alone", "Only a line", "", "Only a line", "", ""},
		{"title with abbreviation", "Talks held in the U.S.\n\nThe talks began.", "Talks held in the U.S.", "The talks began.", "", ""},
		{"hard-wrapped", "Title: W\n\nThe river rose by two metres overnight and the town's\nlowest streets were under water by dawn, police said on\nThursday, as more rain fell over the hills.\n\nShort line\nAnother short line",
			"W", "The river rose by two metres overnight and the town's lowest streets were under water by dawn, police said on Thursday, as more rain fell over the hills.\n\nShort line\nAnother short line", "", ""},
		{"crlf and indent", "  Line one.\r\n\r\n\tLine two.  \r\n", "", "Line one.\n\nLine two.", "", ""},
	}
	var r ingest.Reader
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := r.Parse("in.txt", []byte(tt.in))
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse(%q) = %v, %v", tt.in, arts, err)
			}
			a := arts[0]
			if a.Title != tt.title || a.Text != tt.text || a.Outlet != tt.outlet || a.URL != tt.url {
				t.Errorf("Parse(%q) = title %q text %q outlet %q url %q, want %q %q %q %q", tt.in, a.Title, a.Text, a.Outlet, a.URL, tt.title, tt.text, tt.outlet, tt.url)
			}
		})
	}
}

func TestTextDateLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Harbour floods\nApril 13, 2017\n\nThe harbour flooded.", "2017-04-13"},
		{"posted", "Harbour floods\n\nPosted April 13, 2017\n\nThe harbour flooded.", "2017-04-13"},
		{"published colon", "Harbour floods\nPublished: 2017-04-13\n\nThe harbour flooded.", "2017-04-13"},
		{"not a date", "Harbour floods\nPosted by the desk\n\nThe harbour flooded.", "0001-01-01"},
	}
	var r ingest.Reader
	for _, tt := range tests {
		arts, err := r.Parse("in.txt", []byte(tt.in))
		if err != nil || len(arts) != 1 {
			t.Fatalf("%s: Parse = %v, %v", tt.name, arts, err)
		}
		if got := arts[0].Published.Format("2006-01-02"); got != tt.want {
			t.Errorf("%s: Published = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestJSONDates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-05-03T10:00:00Z", "2024-05-03T10:00:00Z"},
		{"2024-05-03T10:00:00+02:00", "2024-05-03T08:00:00Z"},
		{"2024-05-03 10:00", "2024-05-03T10:00:00Z"},
		{"2024-05-03", "2024-05-03T00:00:00Z"},
		{"Fri, 03 May 2024 10:00:00 GMT", "2024-05-03T10:00:00Z"},
		{"May 3, 2024", "2024-05-03T00:00:00Z"},
		{"3 May 2024", "2024-05-03T00:00:00Z"},
		{"Friday, May 3, 2024", "2024-05-03T00:00:00Z"},
		{"Sept. 3, 2024", "2024-09-03T00:00:00Z"},
	}
	var r ingest.Reader
	for _, tt := range tests {
		in := `{"text": "Body.", "published": "` + tt.in + `"}`
		arts, err := r.Parse("a.json", []byte(in))
		if err != nil {
			t.Errorf("Parse(%s) error %v", in, err)
			continue
		}
		if got := arts[0].Published.UTC().Format(time.RFC3339); got != tt.want {
			t.Errorf("published %q = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func BenchmarkIngest(b *testing.B) {
	dir := filepath.Join("testdata", "good")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ingest.Paths(context.Background(), []string{dir}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFileErrors(t *testing.T) {
	var r ingest.Reader
	tests := []struct {
		name, path string
		kind       error
	}{
		{"directory read as a file", "testdata", brief.ErrUnavailable},
		{"missing", filepath.Join("testdata", "no-such-file.txt"), brief.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := r.File(tt.path)
			var ie *brief.InputError
			if len(arts) != 0 || !errors.As(err, &ie) || ie.Input != tt.path || !errors.Is(err, tt.kind) {
				t.Errorf("File(%s) = %d articles, %v; want an InputError naming it, kind %v", tt.path, len(arts), err, tt.kind)
			}
		})
	}
}

// TestSymlinks checks that a directory's symbolic links are followed: a link
// to a file or to a directory is read, a dangling link is an error naming
// it, and a link back to a directory already read neither loops nor reads
// the same files twice.
func TestSymlinks(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(path, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, path string) {
		t.Helper()
		if err := os.Symlink(target, path); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	write(filepath.Join(outside, "story.txt"), "The council approved the bridge on Monday.\n")
	write(filepath.Join(outside, "more", "other.txt"), "The mayor praised the vote on Tuesday.\n")
	write(filepath.Join(root, "own.txt"), "Residents welcomed the decision.\n")
	link(filepath.Join(outside, "story.txt"), filepath.Join(root, "to-file.txt"))
	link(filepath.Join(outside, "more"), filepath.Join(root, "to-dir"))
	link(filepath.Join(outside, "gone.txt"), filepath.Join(root, "dangling.txt"))
	link(root, filepath.Join(root, "loop"))

	arts, err := ingest.Paths(context.Background(), []string{root})
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	want := []string{
		filepath.Join(root, "own.txt"),
		filepath.Join(root, "to-dir", "other.txt"),
		filepath.Join(root, "to-file.txt"),
	}
	if !slices.Equal(ids, want) {
		t.Errorf("articles = %v, want %v", ids, want)
	}
	errs := inputErrors(err)
	dangling := filepath.Join(root, "dangling.txt")
	if e, ok := errs[dangling]; !ok || !errors.Is(e, brief.ErrNotFound) {
		t.Errorf("errors = %v, want one naming %s with kind %v", err, dangling, brief.ErrNotFound)
	}
	if len(errs) != 1 {
		t.Errorf("got %d input errors, want 1: %v", len(errs), err)
	}

	// A path given on the command line may itself be a link to a directory.
	arts, err = ingest.Paths(context.Background(), []string{filepath.Join(root, "to-dir")})
	if len(arts) != 1 || err != nil {
		t.Errorf("Paths(link to a directory) = %d articles, %v; want 1 and no error", len(arts), err)
	}
}

// TestJSONBadItem checks that a bad article in a JSON array or JSONL file —
// a value that is not an object, or a field with a \u0000 escape (a NUL the
// binary check of the raw bytes cannot see) — gets an error naming the
// article and saying what is wrong, and that the good articles around it
// are kept.
func TestJSONBadItem(t *testing.T) {
	good := `{"title": "A", "text": "The council approved the bridge on Monday."}`
	tests := []struct {
		name, file, in, place, want string
	}{
		{"number in array", "a.json", "[" + good + ", 5]", "a.json#2", "JSON number where an article object is expected"},
		{"string in array", "a.json", "[" + good + `, "text"]`, "a.json#2", "JSON string where an article object is expected"},
		{"array in array", "a.json", "[" + good + `, [1]]`, "a.json#2", "JSON array where an article object is expected"},
		{"number line in jsonl", "a.jsonl", good + "\n7\n" + good + "\n", "a.jsonl:2", "JSON number where an article object is expected"},
		{"NUL in text in jsonl", "a.jsonl", good + "\n" + `{"title": "B", "text": "The mill closed.\u0000 Workers left."}` + "\n" + good + "\n", "a.jsonl:2", `field "text": NUL character at byte 16`},
		{"NUL in title in array", "a.json", "[" + good + `, {"title": "\u0000B", "text": "The mill closed."}]`, "a.json#2", `field "title": NUL character at byte 0`},
		{"NUL in html in array", "a.json", "[" + good + `, {"html": "<p>The mill\u0000 closed.</p>"}]`, "a.json#2", `field "html"`},
	}
	var r ingest.Reader
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := r.Parse(tt.file, []byte(tt.in))
			if len(arts) == 0 {
				t.Errorf("Parse lost the good articles")
			}
			for _, a := range arts {
				if strings.ContainsRune(a.Text+a.Title, 0) {
					t.Errorf("article %s holds a NUL: title %q, text %q", a.ID, a.Title, a.Text)
				}
			}
			e, ok := inputErrors(err)[tt.place]
			if !ok || !errors.Is(e, brief.ErrInvalid) || !strings.Contains(e.Error(), tt.want) {
				t.Errorf("errors = %v, want one naming %s with kind %v saying %q", err, tt.place, brief.ErrInvalid, tt.want)
			}
		})
	}
}

// TestUTF16WithoutBOM checks that UTF-16 text without a byte order mark is
// read (its every other byte is NUL, which would otherwise make it binary),
// while binary data with NULs stays an error.
func TestUTF16WithoutBOM(t *testing.T) {
	const story = "Mill closes\n\nThe paper mill closed on Friday after 80 years. Café owners said trade would suffer.\n"
	utf16 := func(s string, bigEndian bool) []byte {
		var b []byte
		for _, r := range s { // the story is in the Basic Multilingual Plane
			hi, lo := byte(r>>8), byte(r)
			if bigEndian {
				b = append(b, hi, lo)
			} else {
				b = append(b, lo, hi)
			}
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"little-endian", utf16(story, false), true},
		{"big-endian", utf16(story, true), true},
		{"binary with NULs", []byte("\x00\x01\x02\x03\x00\x00\xff\xfe\x10\x00\x00\x07\x00\x00\x00\x00"), false},
		{"text with a NUL", []byte("The mill closed.\x00 Workers left.\n"), false},
	}
	var r ingest.Reader
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := r.Parse("in.txt", tt.data)
			if !tt.ok {
				if len(arts) != 0 || !errors.Is(err, brief.ErrInvalid) {
					t.Errorf("Parse = %d articles, %v; want an error of kind %v", len(arts), err, brief.ErrInvalid)
				}
				return
			}
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse = %d articles, %v; want 1 and no error", len(arts), err)
			}
			if a := arts[0]; a.Title != "Mill closes" || !strings.Contains(a.Text, "Café owners said") {
				t.Errorf("Parse = title %q, text %q", a.Title, a.Text)
			}
		})
	}
}

// TestBinaryErrorSaysWhy checks that the error for binary content says
// where the first NUL byte is, or that control bytes are too many.
func TestBinaryErrorSaysWhy(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"NUL in text", "The mill closed.\x00 Workers left.\n", "NUL byte at offset 16"},
		{"control bytes", strings.Repeat("ab\x01\x02", 20), "control bytes"},
	}
	var r ingest.Reader
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Parse("in.txt", []byte(tt.data))
			if !errors.Is(err, brief.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error = %v, want kind %v saying %q", tt.data, err, brief.ErrInvalid, tt.want)
			}
		})
	}
}

// lateNULText returns about n bytes of plain text, an article with a title,
// whose byte at offset nul is NUL (no NUL when nul < 0).
func lateNULText(n, nul int) []byte {
	var b strings.Builder
	b.WriteString("Mill closes\n\n")
	for b.Len() < n {
		b.WriteString("The paper mill closed on Friday after 80 years. Café owners said trade would suffer.\n")
	}
	data := []byte(b.String())
	if nul >= 0 {
		data[nul] = 0
	}
	return data
}

// TestLateNUL checks that a NUL byte far past the first 8 KiB still makes
// the input binary, with its offset, also inside gzip data, while UTF-16
// text (whose high bytes are NUL) of the same length is read.
func TestLateNUL(t *testing.T) {
	const size, at = 120_000, 100_000
	gz := func(data []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(data)
		zw.Close()
		return buf.Bytes()
	}
	utf16LE := func(data []byte, bom bool) []byte {
		var out []byte
		if bom {
			out = append(out, 0xFF, 0xFE)
		}
		for _, r := range string(data) { // the text is in the Basic Multilingual Plane
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	jsonl := []byte(strings.Repeat(`{"title":"Mill closes","text":"The paper mill closed on Friday after 80 years."}`+"\n", 2000))
	jsonl[len(jsonl)-10] = 0
	tests := []struct {
		name string
		data []byte
		want string // in the error; "" for an input read without error
	}{
		{"text, NUL at 100 000", lateNULText(size, at), "NUL byte at offset 100000"},
		{"text, NUL in the last byte", lateNULText(size, size-1)[:size], "NUL byte at offset 119999"},
		{"text, NUL just past 8 KiB", lateNULText(size, 8<<10), "NUL byte at offset 8192"},
		{"gzip text, NUL at 100 000", gz(lateNULText(size, at)), "NUL byte at offset 100000"},
		{"JSONL, NUL in a late line", jsonl, "NUL byte at offset"},
		{"text, no NUL", lateNULText(size, -1), ""},
		{"gzip text, no NUL", gz(lateNULText(size, -1)), ""},
		{"UTF-16LE with BOM", utf16LE(lateNULText(size, -1), true), ""},
		{"UTF-16LE without BOM", utf16LE(lateNULText(size, -1), false), ""},
	}
	var r ingest.Reader
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := r.Parse("big.txt", tt.data)
			if tt.want != "" {
				if len(arts) != 0 || !errors.Is(err, brief.ErrInvalid) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "big.txt") {
					t.Errorf("Parse = %d articles, error %v; want none and a %v error naming big.txt and saying %q", len(arts), err, brief.ErrInvalid, tt.want)
				}
				return
			}
			if err != nil || len(arts) != 1 {
				t.Fatalf("Parse = %d articles, error %v; want 1 and no error", len(arts), err)
			}
			if a := arts[0]; a.Title != "Mill closes" || strings.ContainsRune(a.Text, 0) || !strings.Contains(a.Text, "Café owners said") {
				t.Errorf("Parse = title %q, text of %d bytes (NUL: %v); want the story without NUL", a.Title, len(a.Text), strings.ContainsRune(a.Text, 0))
			}
		})
	}
}

// BenchmarkDetectLarge measures Detect on 50 MB of plain text with no NUL
// byte: the NUL search over the whole input is all it costs past 8 KiB.
func BenchmarkDetectLarge(b *testing.B) {
	data := lateNULText(50<<20, -1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if f := ingest.Detect(data); f != ingest.Text {
			b.Fatalf("Detect = %v, want text", f)
		}
	}
}

// BenchmarkParseLarge measures Parse on the same 50 MB of text, the whole
// cost that the NUL search of BenchmarkDetectLarge is a part of.
func BenchmarkParseLarge(b *testing.B) {
	data := lateNULText(50<<20, -1)
	r := ingest.Reader{MaxBytes: 64 << 20}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := r.Parse("big.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// failingReader is a standard input whose every read fails.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("device gone") }

// TestStdin checks that a path of "-" reads Reader.Stdin once, detected by
// content and named <stdin>, in the order of the paths, and that a bad
// standard input is an error naming it beside the good files.
func TestStdin(t *testing.T) {
	good := filepath.Join("testdata", "good", "plain-title.txt")
	jsonl := `{"title":"Mill closes","text":"The paper mill closed on Friday."}` + "\n" +
		`{"title":"Port reopens","text":"The port reopened on Monday."}` + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("Mill closes\n\nThe paper mill closed on Friday after 80 years.\n"))
	zw.Close()
	tests := []struct {
		name    string
		stdin   io.Reader // nil: no Stdin set
		paths   []string
		sources []string // Source of the articles, in order
		err     error    // kind of the error, nil for none
		errHas  string   // in the error
	}{
		{"JSONL", strings.NewReader(jsonl), []string{"-"}, []string{"<stdin>:1", "<stdin>:2"}, nil, ""},
		{"plain text", strings.NewReader("Mill closes\n\nThe paper mill closed on Friday.\n"), []string{"-"}, []string{"<stdin>"}, nil, ""},
		{"gzip", &gz, []string{"-"}, []string{"<stdin>"}, nil, ""},
		{"in path order", strings.NewReader(jsonl), []string{good, "-"}, []string{good, "<stdin>:1", "<stdin>:2"}, nil, ""},
		{"empty", strings.NewReader(""), []string{"-"}, nil, brief.ErrEmpty, "<stdin>: standard input is empty"},
		{"white space", strings.NewReader(" \n\t\n"), []string{"-"}, nil, brief.ErrEmpty, "<stdin>"},
		{"binary beside a good file", bytes.NewReader([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}), []string{"-", good}, []string{good}, brief.ErrInvalid, "<stdin>: binary content (NUL byte at offset 7)"},
		{"read error", failingReader{}, []string{"-", good}, []string{good}, brief.ErrUnavailable, "<stdin>: reading standard input"},
		{"twice", strings.NewReader(jsonl), []string{"-", "-"}, []string{"<stdin>:1", "<stdin>:2"}, brief.ErrInvalid, "given more than once"},
		{"no Stdin: a file named -", nil, []string{"-"}, nil, brief.ErrNotFound, "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ingest.Reader{Stdin: tt.stdin}
			arts, err := r.Paths(context.Background(), tt.paths)
			var sources []string
			for _, a := range arts {
				sources = append(sources, a.Source)
			}
			if !slices.Equal(sources, tt.sources) {
				t.Errorf("Paths(%q) sources = %q, want %q", tt.paths, sources, tt.sources)
			}
			switch {
			case tt.err == nil && err != nil:
				t.Errorf("Paths(%q) error = %v, want none", tt.paths, err)
			case tt.err != nil && (!errors.Is(err, tt.err) || !strings.Contains(fmt.Sprint(err), tt.errHas)):
				t.Errorf("Paths(%q) error = %v, want kind %v saying %q", tt.paths, err, tt.err, tt.errHas)
			}
		})
	}
}

// TestStdinTooLarge checks that standard input over MaxBytes is an error
// wrapping brief.ErrTooLarge.
func TestStdinTooLarge(t *testing.T) {
	r := ingest.Reader{MaxBytes: 100, Stdin: strings.NewReader(strings.Repeat("The mill closed. ", 10))}
	arts, err := r.Paths(context.Background(), []string{"-"})
	if len(arts) != 0 || !errors.Is(err, brief.ErrTooLarge) || !strings.Contains(err.Error(), "<stdin>") {
		t.Errorf("Paths = %d articles, error %v; want none and a %v error naming <stdin>", len(arts), err, brief.ErrTooLarge)
	}
}
