package cluster_test

import (
	"container/heap"
	"math/rand"
	"strconv"
	"strings"
	"time"

	"github.com/briefnews/brief"
)

// synth generates a synthetic but news-like stream of articles, lazily and
// in publication order, with the event each article belongs to.
//
// The vocabulary model: a background vocabulary of 50,000 pseudo-words drawn
// with Zipf's law (s = 1.07; the 40 most frequent are real English function
// words), and, per event, 12 topical words drawn uniformly from the less
// frequent part of the vocabulary and 3 two-word capitalised names; 30% of
// events are related to one of the 64 previous ones and share 6 of its words
// and one of its names (a follow-up or a story on the same actors). An
// article has a title (4 topical words, a name, 3 background words) and a
// body of 150–400 words in sentences of 12–24 words, where each word is
// topical with probability 0.15, a name with probability 0.04, and a
// background word otherwise.
//
// The arrival model: events start as a Poisson process (EventsPerDay); an
// event has 1 + ⌊Exp(mean 9)⌋ articles; the gap to its next article is
// exponential with a mean that starts at one hour and grows by 25% after
// each article up to 12 hours, so events are bursts that fade over hours to
// days. (With the cap, gaps longer than the default 72h window are rare:
// the synthetic F1 checks the index and candidate search, not the window.)
type synth struct {
	rng          *rand.Rand
	zipf         *rand.Zipf
	vocab        []string
	names        []string
	outlets      []string
	EventsPerDay float64
	nextStart    time.Time
	events       eventHeap
	nEvents      int
	recent       []*synthEvent // the last 64 events started
	nArticles    int
	sb           strings.Builder
}

const synthVocab = 50000

var functionWords = strings.Fields(`the of and to a in that is was he for it with as his on be at by i
this had not are but from or have an they which one you were her all she there would their we him`)

func newSynth(seed int64, eventsPerDay float64) *synth {
	rng := rand.New(rand.NewSource(seed))
	g := &synth{rng: rng, EventsPerDay: eventsPerDay}
	g.zipf = rand.NewZipf(rng, 1.07, 1, synthVocab-1)
	syl := strings.Fields("ba ko ri tu me sa lo ni de va pe gu ra ti mo ze ka lu no fi")
	word := func(i, min int) string {
		var b strings.Builder
		for n := 0; n < min || i > 0; n++ {
			b.WriteString(syl[i%len(syl)])
			i /= len(syl)
		}
		return b.String()
	}
	g.vocab = append(g.vocab, functionWords...)
	for i := len(g.vocab); i < synthVocab; i++ {
		g.vocab = append(g.vocab, word(i, 2))
	}
	for i := range 20000 {
		w := word(i*7919%160000, 3)
		g.names = append(g.names, strings.ToUpper(w[:1])+w[1:])
	}
	for i := range 20 {
		g.outlets = append(g.outlets, "outlet"+strconv.Itoa(i))
	}
	g.nextStart = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	return g
}

type synthEvent struct {
	id     string
	words  []string
	names  []string
	next   time.Time
	left   int
	gapMin float64
}

type eventHeap []*synthEvent

func (h eventHeap) Len() int { return len(h) }
func (h eventHeap) Less(i, j int) bool {
	if !h[i].next.Equal(h[j].next) {
		return h[i].next.Before(h[j].next)
	}
	return h[i].id < h[j].id
}
func (h eventHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *eventHeap) Push(x any)   { *h = append(*h, x.(*synthEvent)) }
func (h *eventHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (g *synth) exp(mean time.Duration) time.Duration {
	return time.Duration(g.rng.ExpFloat64() * float64(mean))
}

// next returns the next article of the stream and its event label.
func (g *synth) next() (*brief.Article, string) {
	for len(g.events) == 0 || !g.nextStart.After(g.events[0].next) {
		g.nEvents++
		e := &synthEvent{
			id:     "e" + strconv.Itoa(g.nEvents),
			next:   g.nextStart,
			left:   1 + int(g.rng.ExpFloat64()*9),
			gapMin: 60,
		}
		if len(g.recent) > 0 && g.rng.Float64() < 0.3 {
			// A related story: half the words and one name of a recent event.
			r := g.recent[g.rng.Intn(len(g.recent))]
			e.words = append(e.words, r.words[:6]...)
			e.names = append(e.names, r.names[0])
		}
		for len(e.words) < 12 {
			e.words = append(e.words, g.vocab[2000+g.rng.Intn(synthVocab-2000)])
		}
		for len(e.names) < 3 {
			e.names = append(e.names, g.names[g.rng.Intn(len(g.names))]+" "+g.names[g.rng.Intn(len(g.names))])
		}
		if g.recent = append(g.recent, e); len(g.recent) > 64 {
			g.recent = g.recent[1:]
		}
		heap.Push(&g.events, e)
		g.nextStart = g.nextStart.Add(g.exp(time.Duration(float64(24*time.Hour) / g.EventsPerDay)))
	}
	e := g.events[0]
	g.nArticles++
	a := &brief.Article{
		ID:        "a" + strconv.Itoa(g.nArticles),
		Published: e.next,
		Outlet:    g.outlets[g.rng.Intn(len(g.outlets))],
		Language:  "en",
	}
	g.sb.Reset()
	for i := range 4 {
		g.word(i == 0, e.words[g.rng.Intn(len(e.words))])
	}
	g.word(false, e.names[g.rng.Intn(len(e.names))])
	for range 3 {
		g.word(false, g.vocab[g.zipf.Uint64()])
	}
	a.Title = g.sb.String()
	g.sb.Reset()
	n := 150 + g.rng.Intn(250)
	for i, sent := 0, 0; i < n; i++ {
		first := sent == 0
		var w string
		switch p := g.rng.Float64(); {
		case p < 0.15:
			w = e.words[g.rng.Intn(len(e.words))]
		case p < 0.19:
			w = e.names[g.rng.Intn(len(e.names))]
		default:
			w = g.vocab[g.zipf.Uint64()]
		}
		g.word(first, w)
		sent++
		if sent >= 12 && (sent >= 24 || g.rng.Intn(6) == 0) {
			g.sb.WriteByte('.')
			sent = 0
		}
	}
	g.sb.WriteByte('.')
	a.Text = g.sb.String()
	e.left--
	if e.left == 0 {
		heap.Pop(&g.events)
	} else {
		e.next = e.next.Add(g.exp(time.Duration(e.gapMin * float64(time.Minute))))
		e.gapMin = min(1.25*e.gapMin, 12*60)
		heap.Fix(&g.events, 0)
	}
	return a, e.id
}

func (g *synth) word(capital bool, w string) {
	if g.sb.Len() > 0 {
		g.sb.WriteByte(' ')
	}
	if capital {
		g.sb.WriteString(strings.ToUpper(w[:1]))
		g.sb.WriteString(w[1:])
		return
	}
	g.sb.WriteString(w)
}
