package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefnews/brief/server"
	"github.com/briefnews/brief/store/sqlite"
)

// synthStream returns n synthetic news-length articles (about 400 words)
// about topics events, each with its own names and places, in publication
// order.
func synthStream(n, topics int) []map[string]string {
	rng := rand.New(rand.NewSource(1))
	syll := []string{"ka", "lo", "ver", "mi", "dra", "sun", "tel", "or", "bax", "qui", "ren", "zo", "pal", "eth", "mur", "sik"}
	pseudo := func() string {
		w := ""
		for k := 0; k < 3; k++ {
			w += syll[rng.Intn(len(syll))]
		}
		return w
	}
	title := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	type topic struct {
		who, where string
		words      []string
	}
	ts := make([]topic, topics)
	for i := range ts {
		ts[i] = topic{who: title(pseudo()) + " " + title(pseudo()), where: title(pseudo())}
		for k := 0; k < 25; k++ {
			ts[i].words = append(ts[i].words, pseudo())
		}
	}
	verbs := []string{"said", "announced", "warned", "confirmed", "denied"}
	out := make([]map[string]string, n)
	for i := range out {
		t := ts[rng.Intn(topics)]
		w := func() string { return t.words[rng.Intn(len(t.words))] }
		var b strings.Builder
		for s := 0; s < 20; s++ {
			fmt.Fprintf(&b, "%s %s that the %s %s in %s would %s the %s of %d %s. ",
				t.who, verbs[rng.Intn(len(verbs))], w(), w(), t.where, w(), w(), 10+rng.Intn(900), w())
			if s%5 == 4 {
				b.WriteString("\n\n")
			}
		}
		out[i] = map[string]string{
			"title":     fmt.Sprintf("%s: %s %s %s", t.where, t.who, verbs[rng.Intn(len(verbs))], w()),
			"text":      b.String(),
			"outlet":    fmt.Sprintf("Outlet %d", i%7),
			"url":       fmt.Sprintf("https://outlet%d.example/story/%d", i%7, i),
			"published": time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
		}
	}
	return out
}

func percentile(d []time.Duration, p float64) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[int(float64(len(d)-1)*p)]
}

// BenchmarkLoad runs a server over SQLite on loopback with the default
// clusterer and summarizer, posts articles from 4 client goroutines (one
// article per request), then reads story pages. It reports ingest
// articles/s (acknowledged; with async, also settled: every story
// summary written) and the latency of GET /stories/{id}: "cold" is the first read
// after the story changed (the story view is built), "warm" repeats reads.
//
//	go test -run '^$' -bench BenchmarkLoad -benchtime 1x ./server
func BenchmarkLoad(b *testing.B) {
	b.Run("sync", func(b *testing.B) { benchLoad(b, false) })
	b.Run("async", func(b *testing.B) { benchLoad(b, true) })
}

func benchLoad(b *testing.B, async bool) {
	const articles, topics, clients = 1000, 40, 4
	stream := synthStream(articles, topics)
	for i := 0; i < b.N; i++ {
		st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		s := &server.Server{Store: st, Addr: "127.0.0.1:0", Async: async}
		if err := s.Open(context.Background()); err != nil {
			b.Fatal(err)
		}
		base := s.URL()
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

		next := make(chan map[string]string)
		go func() {
			for _, a := range stream {
				next <- a
			}
			close(next)
		}()
		var wg sync.WaitGroup
		start := time.Now()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for a := range next {
					body, _ := json.Marshal(a)
					resp, err := client.Post(base+"/api/articles", "application/json", bytes.NewReader(body))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusCreated {
						b.Errorf("POST = %d", resp.StatusCode)
					}
				}
			}()
		}
		wg.Wait()
		ingest := time.Since(start)
		if async {
			// Let the story updates catch up before reading pages.
			s.Close()
			b.ReportMetric(float64(articles)/time.Since(start).Seconds(), "settled-articles/s")
			if err := s.Open(context.Background()); err != nil {
				b.Fatal(err)
			}
			base = s.URL()
		}

		var list struct {
			Stories []struct{ ID string }
		}
		resp, err := client.Get(base + "/api/stories?limit=100")
		if err != nil {
			b.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		if len(list.Stories) == 0 {
			b.Fatal("no stories")
		}
		read := func(id string) time.Duration {
			t0 := time.Now()
			resp, err := client.Get(base + "/stories/" + id)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Fatalf("GET /stories/%s = %d", id, resp.StatusCode)
			}
			return time.Since(t0)
		}
		var cold, warm []time.Duration
		for _, st := range list.Stories {
			cold = append(cold, read(st.ID))
		}
		rng := rand.New(rand.NewSource(2))
		for j := 0; j < 500; j++ {
			warm = append(warm, read(list.Stories[rng.Intn(len(list.Stories))].ID))
		}
		b.ReportMetric(float64(articles)/ingest.Seconds(), "articles/s")
		b.ReportMetric(float64(len(list.Stories)), "stories")
		b.ReportMetric(float64(percentile(cold, 0.5).Microseconds())/1000, "cold-p50-ms")
		b.ReportMetric(float64(percentile(cold, 0.99).Microseconds())/1000, "cold-p99-ms")
		b.ReportMetric(float64(percentile(warm, 0.5).Microseconds())/1000, "warm-p50-ms")
		b.ReportMetric(float64(percentile(warm, 0.99).Microseconds())/1000, "warm-p99-ms")
		s.Close()
		st.Close()
	}
}
