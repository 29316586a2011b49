package text

import (
	"strings"
	"sync"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/turkish"
)

// stemmer is a Snowball stemmer with a cache of the words it has stemmed.
type stemmer struct {
	stem func(*snowball.Env) bool

	mu    sync.RWMutex
	cache map[string]string
}

// maxStemCache bounds the cache of each language; when it is full, the
// cache is emptied and refilled.
const maxStemCache = 1 << 16

func (st *stemmer) get(w string) string {
	st.mu.RLock()
	out, ok := st.cache[w]
	st.mu.RUnlock()
	if ok {
		return out
	}
	env := envPool.Get().(*snowball.Env)
	env.SetCurrent(w)
	st.stem(env)
	out = env.Current()
	env.SetCurrent("")
	envPool.Put(env)
	key := strings.Clone(w) // do not retain the caller's (possibly large) text
	if out == w {
		out = key
	} else {
		out = strings.Clone(out)
	}
	st.mu.Lock()
	if len(st.cache) >= maxStemCache {
		clear(st.cache)
	}
	st.cache[key] = out
	st.mu.Unlock()
	return out
}

func newStemmer(f func(*snowball.Env) bool) *stemmer {
	return &stemmer{stem: f, cache: map[string]string{}}
}

// stemmers maps an ISO 639-1 code to its Snowball stemmer.
var stemmers = func() map[string]*stemmer {
	norwegianStemmer := newStemmer(norwegian.Stem)
	return map[string]*stemmer{
		"da": newStemmer(danish.Stem),
		"de": newStemmer(german.Stem),
		"en": englishStemmer,
		"es": newStemmer(spanish.Stem),
		"fi": newStemmer(finnish.Stem),
		"fr": newStemmer(french.Stem),
		"hu": newStemmer(hungarian.Stem),
		"it": newStemmer(italian.Stem),
		"nb": norwegianStemmer,
		"nl": newStemmer(dutch.Stem),
		"nn": norwegianStemmer,
		"no": norwegianStemmer,
		"pt": newStemmer(portuguese.Stem),
		"ro": newStemmer(romanian.Stem),
		"ru": newStemmer(russian.Stem),
		"sv": newStemmer(swedish.Stem),
		"tr": newStemmer(turkish.Stem),
	}
}()

var englishStemmer = newStemmer(english.Stem)

var envPool = sync.Pool{New: func() any { return snowball.NewEnv("") }}

// Stem returns the Snowball stem of the lower-case word w in language lang.
//
// lang is an ISO 639-1 code, case-insensitive, optionally with a region
// ("en-GB"); languages with a Snowball stemmer are da, de, en, es, fi, fr,
// hu, it, nl, no (nb, nn), pt, ro, ru, sv and tr, and any other or empty lang
// uses English. w must already be lower case (see Normalize); words of
// fewer than 3 bytes and invalid UTF-8 are returned unchanged. Stems are
// cached (at most 65,536 words a language).
func Stem(lang, w string) string {
	return stemmerFor(lang).word(w)
}

func stemmerFor(lang string) *stemmer {
	if st, ok := stemmers[langCode(lang)]; ok {
		return st
	}
	return englishStemmer
}

// word returns the stem of w (see Stem).
func (st *stemmer) word(w string) string {
	if len(w) < 3 || !utf8.ValidString(w) {
		return w
	}
	return st.get(w)
}

// langCode returns the lower-case primary subtag of a language tag.
func langCode(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if len(lang) == 2 && 'a' <= lang[0] && lang[0] <= 'z' && 'a' <= lang[1] && lang[1] <= 'z' {
		return lang
	}
	return strings.ToLower(lang)
}
