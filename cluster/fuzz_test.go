package cluster_test

import (
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

// FuzzOnline feeds articles cut from arbitrary text, at arbitrary times, to
// every clusterer and checks that each article lands in exactly one event.
func FuzzOnline(f *testing.F) {
	arts, _ := mustStream(f)
	for _, a := range arts {
		f.Add(a.Title+"\n"+a.Text, int64(3600))
	}
	f.Add("", int64(0))
	f.Add("A B C D E F G H I J K L. a b c d e f g h i j k l", int64(-86400*30))
	f.Fuzz(func(t *testing.T, s string, step int64) {
		t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		var in []*brief.Article
		for i, part := range strings.Split(s, "\n") {
			in = append(in, &brief.Article{ID: strings.Repeat("x", i+1), Title: part, Text: s[len(part):],
				Published: t0.Add(time.Duration(int64(i)*step) * time.Second)})
		}
		for _, tc := range clusterers {
			checkEvents(t, tc.name, tc.c.Cluster(in), in)
		}
	})
}
