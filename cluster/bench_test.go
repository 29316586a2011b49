package cluster_test

import (
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/cluster"
)

// BenchmarkOnline feeds a synthetic stream (see synth) of n articles to one
// Online and reports articles/s of Add alone (generation excluded), in wall
// time and per CPU-second of the process (which includes the garbage
// collector's work on the other core), the live
// heap per article after the run, the index size at the end (postings,
// active stories) and the B-cubed F1 against the generator's events.
// Add keeps the article pointers for Events, so the benchmark drops each
// article's Text after Add, as a caller that stores texts elsewhere would.
//
//	go test ./cluster -run '^$' -bench Online -benchtime 1x
func BenchmarkOnline(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			if testing.Short() && n > 100_000 {
				b.Skip("-short")
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
