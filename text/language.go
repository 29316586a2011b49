package text

import (
	"github.com/RadhiFadlillah/whatlanggo"
)

// languages are the languages Language can return: those with a stemmer
// here. Restricting the detector to them makes it faster and keeps it from
// picking a close relative we cannot stem anyway.
var languages = func() whatlanggo.Options {
	o := whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}}
	for _, l := range []whatlanggo.Lang{
		whatlanggo.Eng, whatlanggo.Deu, whatlanggo.Fra, whatlanggo.Spa, whatlanggo.Ita,
		whatlanggo.Por, whatlanggo.Nld, whatlanggo.Rus, whatlanggo.Swe, whatlanggo.Dan,
		whatlanggo.Nob, whatlanggo.Fin, whatlanggo.Hun, whatlanggo.Ron, whatlanggo.Tur,
	} {
		o.Whitelist[l] = true
	}
	return o
}()

// languageSample is how much of a text Language reads: enough for a
// reliable trigram profile, and a bound on the cost for long articles.
const languageSample = 1024

// minConfidence is the detector confidence below which Language makes no
// guess. whatlanggo's own "reliable" mark (0.8) rejects clear Spanish and
// Portuguese news sentences, whose trigram profiles are close; 0.5 still
// rejects one-word and digit-only texts.
const minConfidence = 0.5

// Language returns the ISO 639-1 code of the language s is written in, among
// the languages Stem supports, or "" when s is too short or the guess is not
// reliable. It reads at most the first 1 KiB of s (cut at a rune boundary).
// It uses the trigram detector of whatlanggo, which holds its profiles in
// memory once (about 1 MB), and is safe for concurrent use.
func Language(s string) string {
	if len(s) > languageSample {
		cut := languageSample
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut]
	}
	info := whatlanggo.DetectWithOptions(s, languages)
	if info.Confidence < minConfidence {
		return ""
	}
	code := whatlanggo.LangToStringShort(info.Lang)
	if code == "nb" {
		code = "no"
	}
	return code
}
