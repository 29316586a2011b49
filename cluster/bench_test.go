package cluster_test

import (
	"flag"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
)

var online1m = flag.Bool("online1m", false, "run BenchmarkOnline on 1M articles too")

// BenchmarkOnline feeds a synthetic stream (see synth) of n articles to one
// Online and reports articles/s of Add alone (generation excluded), in wall
// time and per CPU-second of the process (which includes the garbage
// collector's work on the other core), the live
// heap per article after the run, the index size at the end (postings,
// active stories) and the B-cubed F1 against the generator's events.
// Add keeps the article pointers for Events, so the benchmark drops each
// article's Text after Add, as a caller that stores texts elsewhere would.
//
// The 1M run takes minutes on a shared machine and runs only with -online1m:
//
//	go test ./cluster -run '^$' -bench Online -benchtime 1x [-online1m]
func BenchmarkOnline(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 300_000, 1_000_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			if n > 300_000 && !*online1m {
				b.Skip("1M articles: run with -online1m")
			}
			for range b.N {
				runOnline(b, n)
			}
		})
	}
}

func runOnline(b *testing.B, n int) {
	b.StopTimer()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g := newSynth(1, 100)
	o := cluster.NewOnline(cluster.Config{})
	gold := make(map[string]string, n)
	pred := make(map[string]string, n)
	const batch = 2000
	arts := make([]*brief.Article, 0, batch)
	var spent, cpu time.Duration
	for done := 0; done < n; {
		arts = arts[:0]
		for len(arts) < batch && done+len(arts) < n {
			a, ev := g.next()
			gold[a.ID] = ev
			arts = append(arts, a)
		}
		b.StartTimer()
		start, startCPU := time.Now(), cpuTime()
		for _, a := range arts {
			pred[a.ID] = o.Add(a)
			a.Text = ""
		}
		spent += time.Since(start)
		cpu += cpuTime() - startCPU
		b.StopTimer()
		done += len(arts)
	}
	st := o.Stats()
	_, _, f := cluster.BCubed(gold, pred)
	clear(gold)
	clear(pred)
	gold, pred = nil, nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(n)/spent.Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "heapB/article")
	b.ReportMetric(float64(st.Postings), "postings")
	b.ReportMetric(float64(st.Active), "active")
	b.ReportMetric(f, "F1")
	runtime.KeepAlive(o)
	b.StartTimer()
}

// BenchmarkCluster runs each brief.Clusterer over a closed synthetic set of
// n articles and reports articles/s and the B-cubed F1 against the
// generator's events.
//
//	go test ./cluster -run '^$' -bench Cluster -benchtime 1x
func BenchmarkCluster(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		g := newSynth(1, 100)
		arts := make([]*brief.Article, n)
		gold := make(map[string]string, n)
		for i := range arts {
			a, ev := g.next()
			arts[i], gold[a.ID] = a, ev
		}
		for _, tc := range clusterers {
			b.Run(tc.name+"/n="+strconv.Itoa(n), func(b *testing.B) {
				var s cluster.Scores
				start := time.Now()
				for range b.N {
					s = cluster.Evaluate(tc.c, arts, gold)
				}
				b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "articles/s")
				b.ReportMetric(s.F, "F1")
			})
		}
	}
}
