package cluster

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/internal/vec"
	"github.com/briefnews/brief/text"
	"github.com/zeebo/xxh3"
)

// doc is what the clusterers know of one article.
type doc struct {
	text   vec.Vector // unit tf-idf vector of title and body content terms
	title  vec.Vector // unit idf-weighted vector of title content terms
	ents   vec.Vector // unit tf-idf vector of capitalised multi-word names
	hash   uint64     // xxh3 of the normalised body (0 when empty)
	sketch            // bottom-k MinHash of the body's word shingles
}

// sketch holds the sketchSize smallest distinct xxh3 hashes of an article's
// shingles (runs of shingleLen words of the normalised body), in increasing
// order, zero-padded when the body has fewer shingles. Two texts share each
// of them with a probability close to the Jaccard similarity of their
// shingle sets (Broder 1997), so near-identical texts share most.
type sketch [sketchSize]uint64

const (
	shingleLen = 8 // words per shingle
	sketchSize = 4 // hashes per sketch
	// twinMatches is how many sketch hashes an article must share with a
	// story to join it as a near-identical copy.
	twinMatches = 2
	// maxCache bounds the word → term cache of a featurizer.
	maxCache = 1 << 18
	// entityPrefix keeps entity IDs apart from word IDs in the shared Dict.
	entityPrefix = "\x00"
)

// featurizer turns articles into docs. It owns the term dictionary and the
// document frequencies, which grow with each article it sees; it is not safe
// for concurrent use.
type featurizer struct {
	dict     vec.Dict
	df       vec.DF
	maxTok   int
	cache    map[string]map[string]int32 // language → lower-case word → term ID, or -1 for a stopword or a non-term
	counts   []float64                   // scratch: term ID → count in the current article
	touched  []uint32                    // scratch: IDs with non-zero counts
	tcounts  []float64                   // scratch: title counts
	ttouched []uint32
	lower    []byte // scratch
	norm     []byte // scratch: normalised body for hashing
	ent      []byte // scratch: current entity name
	distinct []uint32
	offs     []int // scratch: start of each body token in norm
}

func newFeaturizer(maxTokens int) *featurizer {
	return &featurizer{maxTok: maxTokens, cache: make(map[string]map[string]int32)}
}

// term returns the term ID of the word w (as written), or -1 when w is a
// stopword or carries no content (one letter, only digits).
func (f *featurizer) term(lang string, w string) int32 {
	f.lower = f.lower[:0]
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		f.lower = append(f.lower, c)
	}
	if !ascii {
		f.lower = f.lower[:0]
		for _, r := range w {
			f.lower = utf8.AppendRune(f.lower, unicode.ToLower(r))
		}
	}
	m := f.cache[lang]
	if m == nil {
		m = make(map[string]int32)
		f.cache[lang] = m
	}
	if id, ok := m[string(f.lower)]; ok {
		return id
	}
	lw := string(f.lower)
	id := int32(-1)
	if utf8.RuneCountInString(lw) > 1 && !allDigits(lw) && !text.IsStopword(lang, lw) {
		if st := text.Stem(lang, lw); st != "" {
			id = int32(f.dict.ID(st))
		}
	}
	if len(m) < maxCache {
		m[lw] = id
	}
	return id
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (f *featurizer) bump(id uint32, title bool) {
	if int(id) >= len(f.counts) {
		n := max(int(id)+1, 2*len(f.counts))
		f.counts = append(f.counts, make([]float64, n-len(f.counts))...)
		f.tcounts = append(f.tcounts, make([]float64, n-len(f.tcounts))...)
	}
	if title {
		if f.tcounts[id] == 0 {
			f.ttouched = append(f.ttouched, id)
		}
		f.tcounts[id]++
	}
	if f.counts[id] == 0 {
		f.touched = append(f.touched, id)
	}
	f.counts[id]++
}

// scan adds the terms and entities of s to the scratch counts; when body is
// true it also feeds the normalised body text used for the duplicate hashes.
func (f *featurizer) scan(lang, s string, title, body bool) {
	toks := text.Tokens(s)
	if f.maxTok > 0 && len(toks) > f.maxTok {
		toks = toks[:f.maxTok]
	}
	var run []text.Token // current run of capitalised words
	flush := func() {
		// Trim stopwords ("The", "In") from both ends of the run.
		for len(run) > 0 && f.term(lang, run[0].Text) < 0 {
			run = run[1:]
		}
		for len(run) > 0 && (f.term(lang, run[len(run)-1].Text) < 0 || connectors[run[len(run)-1].Text]) {
			run = run[:len(run)-1]
		}
		if len(run) >= 2 {
			f.ent = append(f.ent[:0], entityPrefix...)
			for i, t := range run {
				if i > 0 {
					f.ent = append(f.ent, ' ')
				}
				for _, r := range t.Text {
					f.ent = utf8.AppendRune(f.ent, unicode.ToLower(r))
				}
			}
			f.bump(f.dict.ID(string(f.ent)), false)
		}
		run = run[:0]
	}
	for _, t := range toks {
		if body {
			if len(f.norm) > 0 {
				f.norm = append(f.norm, ' ')
			}
			f.offs = append(f.offs, len(f.norm))
			f.norm = appendLower(f.norm, t.Text)
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		joined := len(run) > 0 && onlySpace(s[run[len(run)-1].End:t.Start])
		if unicode.IsUpper(r) && (len(run) == 0 || joined) || joined && connectors[t.Text] {
			run = append(run, t)
		} else {
			flush()
			if unicode.IsUpper(r) {
				run = append(run, t)
			}
		}
		if id := f.term(lang, t.Text); id >= 0 {
			f.bump(uint32(id), title)
		}
	}
	flush()
}

// appendLower appends s to dst with ASCII letters in lower case.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// connectors are the lower-case words allowed inside a name, as in "Bank of
// Norland" or "Ludwig van Beethoven".
var connectors = map[string]bool{
	"of": true, "de": true, "del": true, "der": true, "van": true, "von": true,
	"da": true, "di": true, "du": true, "la": true, "le": true, "al": true, "bin": true,
}

// onlySpace reports whether s is non-empty white space with at most one line
// break, so that "Rex\nTillerson" is one name but "Moscow.\n\nRussia" is not.
func onlySpace(s string) bool {
	if s == "" {
		return false
	}
	nl := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
		if r == '\n' {
			nl++
		}
	}
	return nl <= 1
}

// raw is an article's term counts before weighting.
type raw struct {
	counts vec.Vector // term and name counts of title and body
	title  vec.Vector // title term counts
	hash   uint64
	sketch sketch
}

// add featurizes a, counts its terms into the document frequencies, and
// returns its doc with weights from the frequencies seen so far (a included).
func (f *featurizer) add(a *brief.Article) doc {
	r := f.raw(a)
	f.distinct = f.distinct[:0]
	for _, e := range r.counts {
		f.distinct = append(f.distinct, e.ID)
	}
	f.df.Add(f.distinct)
	return f.weigh(r, &f.df)
}

// raw returns the counts and hashes of a.
func (f *featurizer) raw(a *brief.Article) raw {
	f.norm = f.norm[:0]
	f.offs = f.offs[:0]
	f.scan(a.Language, a.Title, true, false)
	f.scan(a.Language, a.Text, false, true)
	var r raw
	if len(f.norm) > 0 {
		r.hash = xxh3.Hash(f.norm)
		r.sketch = f.sketch()
	}
	slices.Sort(f.touched)
	slices.Sort(f.ttouched)
	r.counts = make(vec.Vector, len(f.touched))
	for i, id := range f.touched {
		r.counts[i] = vec.Entry{ID: id, W: f.counts[id]}
	}
	r.title = make(vec.Vector, len(f.ttouched))
	for i, id := range f.ttouched {
		r.title[i] = vec.Entry{ID: id, W: f.tcounts[id]}
	}
	f.reset()
	return r
}

// weigh returns the doc of r with the idf of df: sublinear tf times idf for
// text and names, idf for title terms, each vector of unit norm.
func (f *featurizer) weigh(r raw, df *vec.DF) doc {
	d := doc{hash: r.hash, sketch: r.sketch}
	for _, e := range r.counts {
		w := vec.Entry{ID: e.ID, W: (1 + math.Log(e.W)) * df.IDF(e.ID)}
		if f.isEntity(e.ID) {
			d.ents = append(d.ents, w)
		} else {
			d.text = append(d.text, w)
		}
	}
	for _, e := range r.title {
		d.title = append(d.title, vec.Entry{ID: e.ID, W: df.IDF(e.ID)})
	}
	vec.Normalize(d.text)
	vec.Normalize(d.ents)
	vec.Normalize(d.title)
	return d
}

func (f *featurizer) reset() {
	for _, id := range f.touched {
		f.counts[id] = 0
	}
	for _, id := range f.ttouched {
		f.tcounts[id] = 0
	}
	f.touched = f.touched[:0]
	f.ttouched = f.ttouched[:0]
}

func (f *featurizer) isEntity(id uint32) bool {
	t := f.dict.Term(id)
	return len(t) > 0 && t[0] == entityPrefix[0]
}

// sketch returns the bottom-k sketch of the body scanned into norm.
func (f *featurizer) sketch() sketch {
	var sk sketch
	n := 0
	for i := 0; i+shingleLen <= len(f.offs); i++ {
		end := len(f.norm)
		if j := i + shingleLen; j < len(f.offs) {
			end = f.offs[j] - 1
		}
		h := xxh3.Hash(f.norm[f.offs[i]:end])
		if h == 0 {
			continue
		}
		// Insert h into the sorted sk[:n], keeping the sketchSize smallest.
		if n == sketchSize && h >= sk[n-1] {
			continue
		}
		k := 0
		for k < n && sk[k] < h {
			k++
		}
		if k < n && sk[k] == h {
			continue
		}
		if n < sketchSize {
			n++
		}
		copy(sk[k+1:n], sk[k:n-1])
		sk[k] = h
	}
	return sk
}
