package text

import (
	"embed"
	"strings"
	"sync"
)

//go:embed stopwords/*.txt
var stopwordFiles embed.FS

// stopwordSets loads the embedded lists once: language code → set.
var stopwordSets = sync.OnceValue(func() map[string]map[string]struct{} {
	sets := map[string]map[string]struct{}{}
	entries, _ := stopwordFiles.ReadDir("stopwords")
	for _, e := range entries {
		b, err := stopwordFiles.ReadFile("stopwords/" + e.Name())
		if err != nil {
			panic("text: embedded stopwords: " + err.Error()) // cannot happen: embedded at build time
		}
		set := map[string]struct{}{}
		for line := range strings.Lines(string(b)) {
			w := strings.TrimSpace(line)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			set[w] = struct{}{}
		}
		sets[strings.TrimSuffix(e.Name(), ".txt")] = set
	}
	return sets
})

// IsStopword reports whether the lower-case word w is a stopword of language
// lang: a function word (article, pronoun, auxiliary, preposition,
// conjunction, ...) from the lists in stopwords/*.txt. Lists exist for de,
// en, es, fr, it, nl and pt; any other or empty lang uses English. Content
// words that are frequent in news ("said", "mr") are not stopwords. w must
// already be normalised (see Normalize).
func IsStopword(lang, w string) bool {
	_, stop := stopwords(lang)[w]
	return stop
}

// stopwords returns the stopword set of lang (English when unknown).
func stopwords(lang string) map[string]struct{} {
	sets := stopwordSets()
	if set, ok := sets[langCode(lang)]; ok {
		return set
	}
	return sets["en"]
}
