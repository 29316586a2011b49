package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefnews/brief"
)

// checkResult asserts the contract every parser entry point keeps: valid
// articles with text, and errors that are InputErrors naming the input.
func checkResult(t *testing.T, name string, arts []*brief.Article, err error) {
	t.Helper()
	for _, a := range arts {
		if a == nil || a.ID == "" || strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) {
			t.Fatalf("bad article %+v", a)
		}
	}
	if err == nil {
		return
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		var ie *brief.InputError
		if !errors.As(e, &ie) || !strings.HasPrefix(ie.Input, name) {
			t.Fatalf("error %v does not name input %s", e, name)
		}
	}
}

func addSeeds(f *testing.F, dirs ...string) {
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil && len(data) < 4096 {
				f.Add(data)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	addSeeds(f, "testdata/good", "../testdata/bad")
	f.Fuzz(func(t *testing.T, data []byte) {
		r := Reader{MaxBytes: 1 << 20}
		arts, err := r.Parse("in", data)
		checkResult(t, "in", arts, err)
	})
}

func FuzzJSON(f *testing.F) {
	f.Add(`{"title": "T", "text": "Body.", "published": "2024-01-02"}`)
	f.Add(`[{"text": "a"}, {"text": 1}, {}]`)
	f.Add(`{"html": "<p>one two three four five six</p>"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var r Reader
		arts, err := r.parseJSON("in", s)
		checkResult(t, "in", arts, err)
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add("{\"text\": \"a\"}\n\n{\"text\": 2}\n{\n")
	f.Fuzz(func(t *testing.T, s string) {
		var r Reader
		arts, err := r.parseJSONL("in", s)
		checkResult(t, "in", arts, err)
	})
}

func FuzzDUC(f *testing.F) {
	if data, err := os.ReadFile("testdata/good/newswire.sgml"); err == nil {
		f.Add(string(data))
	}
	f.Add("<DOC><DOCNO>X19990101.1</DOCNO><DATE_TIME>1999-31-12</DATE_TIME><TEXT>\n\tA.\n\tB &QL; &AMP;</TEXT></DOC><DOC>")
	f.Fuzz(func(t *testing.T, s string) {
		arts, err := parseDUC("in", s)
		checkResult(t, "in", arts, err)
	})
}

func FuzzText(f *testing.F) {
	f.Add("Title: T\nDate: 2024-01-01\n\nBody.")
	f.Add("Headline\n\nMonday, March 4, 2024\n\nBody.\r\n")
	f.Add("Date: never\n\nBody.")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := parseText("in", s)
		if err == nil {
			checkResult(t, "in", []*brief.Article{a}, nil)
		} else {
			checkResult(t, "in", nil, err)
		}
	})
}
