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

// stemmers maps an ISO 639-1 code to its Snowball stemmer.
var stemmers = map[string]func(*snowball.Env) bool{
	"da": danish.Stem,
	"de": german.Stem,
	"en": english.Stem,
	"es": spanish.Stem,
	"fi": finnish.Stem,
	"fr": french.Stem,
	"hu": hungarian.Stem,
	"it": italian.Stem,
	"nb": norwegian.Stem,
	"nl": dutch.Stem,
	"nn": norwegian.Stem,
	"no": norwegian.Stem,
	"pt": portuguese.Stem,
	"ro": romanian.Stem,
	"ru": russian.Stem,
	"sv": swedish.Stem,
	"tr": turkish.Stem,
}

var envPool = sync.Pool{New: func() any { return snowball.NewEnv("") }}

// Stem returns the Snowball stem of the lower-case word w in language lang.
//
// lang is an ISO 639-1 code, case-insensitive, optionally with a region
// ("en-GB"); languages with a Snowball stemmer are da, de, en, es, fi, fr,
// hu, it, nl, no (nb, nn), pt, ro, ru, sv and tr, and any other or empty lang
// uses English. w must already be lower case (see Normalize); words of
// fewer than 3 bytes and invalid UTF-8 are returned unchanged.
func Stem(lang, w string) string {
	if len(w) < 3 || !utf8.ValidString(w) {
		return w
	}
	stem, ok := stemmers[langCode(lang)]
	if !ok {
		stem = english.Stem
	}
	env := envPool.Get().(*snowball.Env)
	env.SetCurrent(w)
	stem(env)
	out := env.Current()
	env.SetCurrent("")
	envPool.Put(env)
	return out
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
