package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/store/sqlite"
	"github.com/briefnews/brief/store/storetest"
)

// MustOpen opens a new database in a temporary directory, closed at the
// end of the test.
func MustOpen(tb testing.TB, path string) *sqlite.Store {
	tb.Helper()
	if path == "" {
		path = filepath.Join(tb.TempDir(), "brief.db")
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) brief.Store { return MustOpen(t, "") })
}

// TestReopen checks that data and the schema version survive closing and
// reopening the file.
func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "brief.db")
	s := MustOpen(t, path)
	storetest.MustPut(t, s, &brief.Article{ID: "a1", Title: "kept", Text: "durable text"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = MustOpen(t, path)
	a, err := s.Article(context.Background(), "a1")
	if err != nil || a.Title != "kept" {
		t.Fatalf("Article after reopen = %+v, %v", a, err)
	}
	res, err := s.Search(context.Background(), "durable", 5)
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("Search after reopen = %+v, %v", res, err)
	}
}
