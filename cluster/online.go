package cluster

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
)

// Config holds the parameters of SinglePass and Online. A zero field takes
// the default given in its comment; a negative one switches the feature off
// where the comment says so. The zero Config is the tuned default.
type Config struct {
	// Threshold is the least score an article needs to join a story
	// (default 0.1). The score is a weighted mean of three cosines in
	// [0, 1] times the time decay.
	Threshold float64
	// Window is how long a story may stay quiet and still attract articles
	// (default 72h); older stories leave the index. Negative: no window.
	Window time.Duration
	// HalfLife is the half-life τ·ln 2 of the time decay exp(-Δt/τ) applied
	// to the score, Δt being the time since the story's last article
	// (default 48h). Negative: no decay.
	HalfLife time.Duration
	// EntityWeight weighs the cosine of capitalised multi-word names against
	// the text cosine, whose weight is 1 (default 0.25; negative: 0).
	EntityWeight float64
	// TitleWeight weighs the cosine of the article's title to the titles of
	// the story (default 0: off, as titles did not help on the dev data).
	TitleWeight float64
	// TopTerms is how many of an article's highest-weight terms look up and
	// index candidate stories (default 20).
	TopTerms int
	// CentroidTerms is how many of its heaviest terms a story's text
	// centroid keeps when it is cut, which happens when it grows past twice
	// that (default 100).
	CentroidTerms int
	// MaxCandidates caps the stories scored per article, those sharing the
	// most index terms first (default 32).
	MaxCandidates int
	// MaxTokens caps the words read from an article's text (default 2000).
	MaxTokens int
}

// withDefaults returns c with zero fields set to their defaults and
// negative weights set to zero.
func (c Config) withDefaults() Config {
	if c.Threshold == 0 {
		c.Threshold = 0.1
	}
	if c.Window == 0 {
		c.Window = 72 * time.Hour
	}
	if c.HalfLife == 0 {
		c.HalfLife = 48 * time.Hour
	}
	if c.EntityWeight == 0 {
		c.EntityWeight = 0.25
	}
	c.EntityWeight = max(c.EntityWeight, 0)
	c.TitleWeight = max(c.TitleWeight, 0)
	if c.TopTerms <= 0 {
		c.TopTerms = 20
	}
	if c.CentroidTerms <= 0 {
		c.CentroidTerms = 100
	}
	if c.MaxCandidates <= 0 {
		c.MaxCandidates = 32
	}
	if c.MaxTokens <= 0 {
		c.MaxTokens = 2000
	}
	return c
}

const (
	smallCentroid = 32 // terms kept in a story's entity and title centroids
	topEntities   = 5  // entities per article used to look up and index stories
)

// SinglePass is the online clusterer run over a closed set: it implements
// brief.Clusterer with an Online fed in publication order.
type SinglePass struct {
	Config
}

var _ brief.Clusterer = SinglePass{}

// Cluster sorts articles by Published (stably, so ties keep their input
// order), adds them to a new Online and returns its events. Nil articles
// are skipped; every other article is in exactly one event. The result is
// deterministic for a given input order.
func (sp SinglePass) Cluster(articles []*brief.Article) []*brief.Event {
	o := NewOnline(sp.Config)
	for _, a := range byTime(articles) {
		o.Add(a)
	}
	return o.Events()
}

// byTime returns the non-nil articles sorted stably by Published.
func byTime(articles []*brief.Article) []*brief.Article {
	out := make([]*brief.Article, 0, len(articles))
	for _, a := range articles {
		if a != nil {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *brief.Article) int { return a.Published.Compare(b.Published) })
	return out
}

// Online groups a stream of articles into stories one article at a time.
//
// Each article gets a tf-idf vector with idf from the articles seen so far.
// An exact copy (same normalised body) or a near-identical one (two of the
// four smallest hashes of its 8-word shingles shared, a bottom-k MinHash) of
// an article of an active story joins that story directly. Otherwise the
// candidates are the active stories that share one of the article's
// TopTerms highest-weight terms or 5 top names in an inverted index (at
// most MaxCandidates, those sharing the most first); the best-scoring
// candidate is joined when its score reaches Threshold, else the article
// starts a new story. The score against a story's centroids is
//
//	(cos(text) + we·cos(names) + wt·cos(title)) / (1 + we + wt) · exp(-Δt/τ)
//
// where a weight counts only when the article has names (a title), and Δt
// is the time since the story's last article. A story is indexed under the
// top terms and names of its articles, up to 4·(TopTerms+5) keys. Stories
// quiet for longer than Window leave the index, so the cost per article and
// the index memory do not grow with the length of the stream.
//
// Story IDs are "s1", "s2", … in order of creation. Results are
// deterministic for a given input order. Articles should arrive in
// publication order; an article with a zero Published time is taken to be
// as recent as the latest one seen. An Online is not safe for concurrent
// use.
type Online struct {
	cfg     Config
	feat    *featurizer
	stories []*story // every story, in order of creation
	active  []*story // stories still in the index
	post    map[uint32][]*story
	dups    map[uint64]*story
	now     time.Time // latest publication time seen
	swept   time.Time // now at the last eviction sweep
	epoch   uint64
	cands   []*story
	n       int
}

type story struct {
	id          string
	seq         int
	arts        []*brief.Article
	first, last time.Time
	evicted     bool

	text, ents, title    vec.Vector // centroids: sums of unit article vectors, capped
	textN, entsN, titleN float64    // their norms
	indexed              []uint32   // terms under which the story is in the index
	hashes               []uint64   // duplicate hashes pointing to it

	epoch uint64 // scratch for candidate counting
	hits  int
}

// NewOnline returns an empty Online with the parameters of cfg.
func NewOnline(cfg Config) *Online {
	cfg = cfg.withDefaults()
	return &Online{
		cfg:  cfg,
		feat: newFeaturizer(cfg.MaxTokens),
		post: make(map[uint32][]*story),
		dups: make(map[uint64]*story),
	}
}

// Add assigns a to a story and returns the story's ID. A nil article is
// ignored and gets "". Add keeps the pointer a (Events returns it) but not
// its Text.
func (o *Online) Add(a *brief.Article) string {
	if a == nil {
		return ""
	}
	o.n++
	t := a.Published
	if t.IsZero() {
		t = o.now
	}
	if t.After(o.now) {
		o.now = t
	}
	o.sweep()
	d := o.feat.add(a)
	keys := o.keys(d)
	s := o.twin(d)
	if s == nil {
		s = o.best(d, keys, t)
	}
	if s == nil {
		s = &story{seq: len(o.stories) + 1, first: t, last: t}
		s.id = "s" + strconv.Itoa(s.seq)
		o.stories = append(o.stories, s)
		o.active = append(o.active, s)
	}
	o.join(s, a, d, keys, t)
	return s.id
}

// live reports whether s may still attract articles.
func (o *Online) live(s *story) bool {
	return !s.evicted && (o.cfg.Window < 0 || o.now.Sub(s.last) <= o.cfg.Window)
}

// twin returns the active story holding an exact copy of d, or else one
// holding a near-identical copy (twinMatches shared sketch hashes), or nil.
func (o *Online) twin(d doc) *story {
	if s := o.dups[d.hash]; d.hash != 0 && s != nil && o.live(s) {
		return s
	}
	for i, h := range d.sketch {
		s := o.dups[h]
		if h == 0 || s == nil || !o.live(s) {
			continue
		}
		n := 1
		for _, h2 := range d.sketch[i+1:] {
			if h2 != 0 && o.dups[h2] == s {
				n++
			}
		}
		if n >= twinMatches {
			return s
		}
	}
	return nil
}

// keys returns the index terms of d: its top text terms and top names.
func (o *Online) keys(d doc) []uint32 {
	var ks []uint32
	for _, e := range vec.Heaviest(d.text, o.cfg.TopTerms) {
		ks = append(ks, e.ID)
	}
	for _, e := range vec.Heaviest(d.ents, topEntities) {
		ks = append(ks, e.ID)
	}
	return ks
}

// best returns the highest-scoring candidate story for d, with index terms
// keys, at time t when it reaches the threshold, else nil.
func (o *Online) best(d doc, keys []uint32, t time.Time) *story {
	o.epoch++
	o.cands = o.cands[:0]
	for _, k := range keys {
		for _, s := range o.post[k] {
			if !o.live(s) {
				continue
			}
			if s.epoch != o.epoch {
				s.epoch, s.hits = o.epoch, 0
				o.cands = append(o.cands, s)
			}
			s.hits++
		}
	}
	slices.SortFunc(o.cands, func(a, b *story) int {
		if c := cmp.Compare(b.hits, a.hits); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	if len(o.cands) > o.cfg.MaxCandidates {
		o.cands = o.cands[:o.cfg.MaxCandidates]
	}
	var best *story
	bestScore := o.cfg.Threshold
	for _, s := range o.cands {
		sc := o.score(d, s, t)
		if sc > bestScore || sc == bestScore && (best == nil || s.seq < best.seq) {
			best, bestScore = s, sc
		}
	}
	return best
}

// score returns the similarity of d to story s for an article at time t.
func (o *Online) score(d doc, s *story, t time.Time) float64 {
	num := cosTo(d.text, s.text, s.textN)
	den := 1.0
	if len(d.ents) > 0 {
		num += o.cfg.EntityWeight * cosTo(d.ents, s.ents, s.entsN)
		den += o.cfg.EntityWeight
	}
	if len(d.title) > 0 {
		num += o.cfg.TitleWeight * cosTo(d.title, s.title, s.titleN)
		den += o.cfg.TitleWeight
	}
	sc := num / den
	if o.cfg.HalfLife > 0 {
		dt := t.Sub(s.last)
		if dt < 0 {
			dt = -dt
		}
		sc *= math.Exp(-math.Ln2 * float64(dt) / float64(o.cfg.HalfLife))
	}
	return sc
}

// cosTo returns the cosine of the unit vector u and c of norm n.
func cosTo(u, c vec.Vector, n float64) float64 {
	if n == 0 || len(u) == 0 {
		return 0
	}
	return vec.Dot(u, c) / n
}

// join adds the article a with features d at time t to s and indexes it
// under keys.
func (o *Online) join(s *story, a *brief.Article, d doc, keys []uint32, t time.Time) {
	s.arts = append(s.arts, a)
	if t.Before(s.first) {
		s.first = t
	}
	if t.After(s.last) {
		s.last = t
	}
	s.text = capped(vec.Add(s.text, d.text, 1), o.cfg.CentroidTerms)
	s.ents = capped(vec.Add(s.ents, d.ents, 1), smallCentroid)
	s.title = capped(vec.Add(s.title, d.title, 1), smallCentroid)
	s.textN, s.entsN, s.titleN = vec.Norm(s.text), vec.Norm(s.ents), vec.Norm(s.title)
	maxIndexed := 4 * (o.cfg.TopTerms + topEntities)
	for _, k := range keys {
		if len(s.indexed) >= maxIndexed {
			break
		}
		if slices.Contains(s.indexed, k) {
			continue
		}
		s.indexed = append(s.indexed, k)
		o.post[k] = append(o.post[k], s)
	}
	for _, h := range append(d.sketch[:], d.hash) {
		if h != 0 {
			o.dups[h] = s
			s.hashes = append(s.hashes, h)
		}
	}
}

// capped returns c cut to its k heaviest terms once it holds more than 2k,
// so that the cost of cutting is paid once every k new terms.
func capped(c vec.Vector, k int) vec.Vector {
	if len(c) <= 2*k {
		return c
	}
	return vec.Top(c, k)
}

// sweep evicts the stories that left the window, at most every Window/4 of
// stream time, so that each story is evicted once and its cost is paid once.
func (o *Online) sweep() {
	if o.cfg.Window < 0 || o.now.Sub(o.swept) < o.cfg.Window/4 {
		return
	}
	o.swept = o.now
	kept := o.active[:0]
	for _, s := range o.active {
		if o.live(s) {
			kept = append(kept, s)
			continue
		}
		o.evict(s)
	}
	clear(o.active[len(kept):])
	o.active = kept
}

func (o *Online) evict(s *story) {
	s.evicted = true
	for _, k := range s.indexed {
		p := o.post[k]
		if i := slices.Index(p, s); i >= 0 {
			p = slices.Delete(p, i, i+1)
		}
		if len(p) == 0 {
			delete(o.post, k)
		} else {
			o.post[k] = p
		}
	}
	for _, h := range s.hashes {
		if o.dups[h] == s {
			delete(o.dups, h)
		}
	}
	s.text, s.ents, s.title, s.indexed, s.hashes = nil, nil, nil, nil, nil
}

// Events returns the stories so far in order of creation, each with its
// articles in the order they were added. It returns nil before any article.
// The events are new values; the articles are the pointers given to Add.
func (o *Online) Events() []*brief.Event {
	if len(o.stories) == 0 {
		return nil
	}
	out := make([]*brief.Event, len(o.stories))
	for i, s := range o.stories {
		out[i] = event(s.id, s.arts)
	}
	return out
}

// event returns an Event of the articles arts, with First and Last the
// earliest and latest non-zero publication times.
func event(id string, arts []*brief.Article) *brief.Event {
	e := &brief.Event{ID: id, Articles: slices.Clone(arts)}
	for _, a := range arts {
		if a.Published.IsZero() {
			continue
		}
		if e.First.IsZero() || a.Published.Before(e.First) {
			e.First = a.Published
		}
		if a.Published.After(e.Last) {
			e.Last = a.Published
		}
	}
	return e
}

// Stats describes the state of an Online.
type Stats struct {
	Articles int // articles added
	Stories  int // stories created
	Active   int // stories still in the index
	Postings int // (term, story) entries in the inverted index
	Keys     int // distinct terms in the inverted index
	Terms    int // distinct terms and names seen (the dictionary)
}

// Stats returns counts describing o's index.
func (o *Online) Stats() Stats {
	st := Stats{Articles: o.n, Stories: len(o.stories), Active: len(o.active), Keys: len(o.post), Terms: o.feat.dict.Len()}
	for _, p := range o.post {
		st.Postings += len(p)
	}
	return st
}
