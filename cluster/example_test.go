package cluster_test

import (
	"fmt"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
)

func ExampleOnline() {
	t0 := time.Date(2024, 3, 4, 6, 0, 0, 0, time.UTC)
	stream := []*brief.Article{
		{ID: "a", Published: t0, Title: "Earthquake shakes Valdora",
			Text: "A strong earthquake struck the coastal city of Valdora. Mayor Lena Ostrova said rescuers searched the rubble."},
		{ID: "b", Published: t0.Add(2 * time.Hour), Title: "Norland raises interest rates",
			Text: "The Bank of Norland raised its main interest rate to fight inflation, Governor Piet Halvorsen said."},
		{ID: "c", Published: t0.Add(3 * time.Hour), Title: "Valdora quake toll rises",
			Text: "Rescuers in Valdora searched the rubble after the earthquake as Mayor Lena Ostrova raised the toll."},
	}
	o := cluster.NewOnline(cluster.Config{})
	for _, a := range stream {
		fmt.Println(a.ID, "→", o.Add(a))
	}
	for _, e := range o.Events() {
		fmt.Println(e.ID, len(e.Articles), "articles, last at", e.Last.Format(time.Kitchen))
	}
	// Output:
	// a → s1
	// b → s2
	// c → s1
	// s1 2 articles, last at 9:00AM
	// s2 1 articles, last at 8:00AM
}
