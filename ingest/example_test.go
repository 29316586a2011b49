package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/briefnews/brief/ingest"
)

func ExampleReader_Parse() {
	var r ingest.Reader
	arts, err := r.Parse("feed.jsonl", []byte(`{"title": "Bridge tolls to rise", "text": "Tolls will rise in June.", "published": "2024-05-03"}
{"title": "Broken", "text": 42}
`))
	for _, a := range arts {
		fmt.Println(a.ID, a.Title, a.Published.Format("2006-01-02"))
	}
	fmt.Println(err)
	// Output:
	// feed.jsonl:1 Bridge tolls to rise 2024-05-03
	// feed.jsonl:2: field "text": JSON number where a string is expected: invalid input
}

func ExamplePaths() {
	arts, err := ingest.Paths(context.Background(), []string{filepath.Join("testdata", "good", "plain-header.txt")})
	if err != nil {
		fmt.Println(err)
		return
	}
	a := arts[0]
	fmt.Println(a.Title)
	fmt.Println(a.Outlet, a.Published.Format("2006-01-02"))
	// Output:
	// Storm closes mountain pass for third day
	// Valley Herald 2024-02-07
}
