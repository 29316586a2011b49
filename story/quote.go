package story

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief/internal/vec"
	"github.com/briefnews/brief/text"
)

// Speaker reference kinds.
const (
	refEntity  = "entity"  // a name: "Lavrov", "the US"
	refPronoun = "pronoun" // "he", "she"
	refTitle   = "title"   // "the foreign minister", "Russia's foreign minister"
	refNP      = "np"      // another noun phrase: "US officials", "the report"
)

// speakerNouns head noun phrases that may speak ("officials said").
var speakerNouns = setOf("officials", "official", "report", "reports", "source", "sources",
	"statement", "ministry", "government", "experts", "analysts", "diplomats", "residents",
	"witnesses", "activists", "police", "military", "army", "leaders", "allies", "observers",
	"agency", "media", "authorities", "critics", "lawmakers", "investigators", "prosecutors",
	"monitors", "group", "doctors", "eyewitnesses", "organisers", "organizers", "protesters", "scientists", "researchers", "economists", "engineers", "fishermen", "workers", "unions", "families", "sources", "spokespeople", "administration", "embassy", "kremlin",
	"rebels", "opposition", "campaign", "company", "study", "survey", "document", "letter")

// inversionVerbs may come before their speaker: "…, said Lavrov".
var inversionVerbs = setOf("said", "says", "added", "adds", "told", "asked", "replied", "explained",
	"wrote", "noted", "stated", "insisted", "warned", "argued", "conceded", "countered", "continued", "declared")

// isSpeakerNoun reports whether a noun can head a speaking noun phrase:
// "officials", "the report", "the opposition party".
func isSpeakerNoun(l string) bool { return speakerNouns[l] || orgSuffixes[l] }

// attribution is a speech verb with its speaker and what was said.
type attribution struct {
	doc, unit  int
	verb       int // word index of the verb ("said", "according")
	verbLower  string
	ref        string // refEntity, refPronoun, refTitle or refNP
	s0, s1     int    // speaker words [s0, s1)
	ments      []*mention
	title      string
	qual       string
	post       bool // the speaker follows what was said ("…, Lavrov said")
	inQuote    bool // found inside a direct quotation
	cStart     int  // content: byte span of what was said
	cEnd       int
	participle bool // ", saying …": the whole sentence is the speaker's

	speaker  string // canonical speaker, "" when unresolved
	mention  string // speaker as written
	resolved bool
	kind     string // entity kind of a resolved speaker
}

// findAttributions finds speech verbs and their speakers in every unit.
// An unknown name that speaks becomes a person, unless the cluster also
// writes it like a place ("of Norland", "in Norland").
func (cl *cluster) findAttributions() {
	cl.placeLike = map[string]bool{}
	for _, d := range cl.docs {
		for _, m := range d.ments {
			if m.w0 > 0 && m.kind == Other && d.gap(m.w0-1) == " " {
				switch d.words[m.w0-1].lower {
				case "in", "of", "from", "to", "at", "near":
					cl.placeLike[strings.ToLower(m.surface)] = true
				}
			}
		}
	}
	for _, d := range cl.docs {
		for ui := range d.units {
			u := &d.units[ui]
			if u.headline {
				continue
			}
			var list []*attribution
			for i := u.w0; i < u.w1; i++ {
				if a := cl.attributionAt(d, ui, i); a != nil {
					list = append(list, a)
					if a.s1 > i+1 {
						i = a.s1 - 1
					}
				}
			}
			// Content spans stop at the next attribution of the same
			// quotation level.
			for k, a := range list {
				if a.post || a.participle {
					continue
				}
				for _, b := range list[k+1:] {
					if b.inQuote == a.inQuote {
						stop := d.words[min(b.s0, b.verb)].start
						if b.post {
							stop = b.cStart
						}
						if stop >= a.cStart && stop < a.cEnd {
							a.cEnd = trimEnd(d.text, a.cStart, stop)
						}
						break
					}
				}
			}
			for _, a := range list {
				if a.inQuote {
					for _, q := range d.quotes {
						if q.start <= d.words[a.verb].start && d.words[a.verb].end <= q.end {
							a.cEnd = min(a.cEnd, q.end)
						}
					}
				}
				if a.cEnd > a.cStart {
					d.attrs = append(d.attrs, a)
					for _, m := range a.ments {
						if m.kind == Other && !cl.placeLike[strings.ToLower(m.surface)] {
							m.kind = Person
						}
					}
				}
			}
		}
	}
}

// attributionAt returns the attribution whose verb is word i, or nil.
func (cl *cluster) attributionAt(d *doc, ui, i int) *attribution {
	u := &d.units[ui]
	w := d.words[i]
	a := &attribution{doc: d.idx, unit: ui, verb: i, verbLower: w.lower, inQuote: w.quoted}
	next := func(j int) string {
		if j < u.w1 {
			return d.words[j].lower
		}
		return ""
	}
	switch {
	case w.lower == "according" && next(i+1) == "to":
		if !cl.speakerAfter(d, ui, i+2, a) {
			return nil
		}
		a.verb = i
		before := strings.TrimSpace(d.span(u.start, w.start))
		if before == "" || i == u.w0 {
			a.cStart, a.cEnd = contentFrom(d, u, a.s1), u.end
		} else {
			a.post = true
			a.cStart, a.cEnd = u.start, trimEnd(d.text, u.start, w.start)
		}
		a.s0 = i
	case (w.lower == "quotes" || w.lower == "quoting" || w.lower == "citing" || w.lower == "cites"):
		if !cl.speakerAfter(d, ui, i+1, a) {
			return nil
		}
		j := a.s1
		if next(j) == "as" {
			j++
		}
		if l := next(j); l != "saying" && l != "said" && l != "says" {
			return nil
		}
		a.cStart, a.cEnd = contentFrom(d, u, j+1), u.end
	case speechVerbs[w.lower]:
		if w.lower == "saying" {
			g := d.gap(i - 1)
			if i == u.w0 || !strings.Contains(g, ",") {
				return nil
			}
			// ", saying …": the subject of the sentence speaks.
			if !cl.speakerAfter(d, ui, u.w0, a) {
				return nil
			}
			a.participle = true
			a.cStart, a.cEnd = d.words[a.s1-1].after, u.end
			a.cStart = skipSpace(d.text, a.cStart)
			return a
		}
		if i == u.w0 {
			return nil
		}
		if p := d.words[i-1].lower; p == "was" || p == "were" || p == "been" || p == "being" || p == "be" {
			return nil // passive: "Greenberg was later told"
		}
		if i >= 2 && d.words[i-1].lower == "later" && d.words[i-2].lower == "was" {
			return nil
		}
		found := cl.speakerBefore(d, ui, i, a)
		inverted := false
		if !found {
			g := d.gap(i - 1)
			if inversionVerbs[w.lower] && (strings.ContainsAny(g, ",\"”") || d.words[i-1].quoted != w.quoted) {
				// "…, said Stephen Sestanovich, a …": the name ends the
				// clause; in "…, said Suu Kyi was working" it starts one.
				found = cl.speakerAfter(d, ui, i+1, a) && (a.s1 >= u.w1 || strings.ContainsAny(d.gap(a.s1-1), ",.;:"))
				inverted = found
			}
		}
		if !found {
			return nil
		}
		if inverted {
			a.post = true
		} else if a.s0 > u.w0 {
			g := d.span(d.words[a.s0-1].after, d.words[a.s0].start)
			a.post = strings.ContainsAny(g, ",\"”") && !longAfter(d, u, i)
		}
		switch {
		case a.post:
			// What was said runs from the start of the unit (or the
			// previous attribution) to the speaker.
			a.cStart, a.cEnd = u.start, trimEnd(d.text, u.start, d.words[min(a.s0, i)].start)
			if inverted {
				a.cEnd = trimEnd(d.text, u.start, w.start)
			}
		default:
			j := i + 1
			switch w.lower {
			case "accused", "accuses", "accusing", "denied", "denies", "called", "calls", "charged":
				j = i
			default:
				// Skip an object and time or place words before "that".
				for k := i + 1; k < u.w1 && k <= i+7; k++ {
					if d.words[k].lower == "that" {
						j = k + 1
						break
					}
					if d.words[k].quoted {
						break
					}
				}
				if j == i+1 {
					for j < u.w1 {
						l := d.words[j].lower
						_, wd := weekdays[l]
						if wd || l == "on" && j+1 < u.w1 && isWeekday(d.words[j+1].lower) || w.lower == "told" && (l == "reporters" || l == "journalists") {
							j++
							continue
						}
						break
					}
				}
			}
			a.cStart, a.cEnd = contentFrom(d, u, j), u.end
			if j == i+1 && objectVerbs[w.lower] && i+1 < u.w1 && objectDets[d.words[i+1].lower] && !d.hasQuote(a.cStart, a.cEnd) {
				return nil // an act on an object: "declared a state of emergency"
			}
			if w.lower == "called" || w.lower == "calls" {
				if !d.hasQuote(a.cStart, a.cEnd) {
					return nil
				}
			}
		}
	default:
		return nil
	}
	return a
}

// longAfter reports whether a clause follows speech verb i ("…, Tillerson
// said Russia had …"), rather than time, place or manner ("…, Tillerson
// said in Moscow on Tuesday").
func longAfter(d *doc, u *unit, i int) bool {
	if g := d.gap(i); strings.ContainsAny(g, ",:\"“”") {
		return false
	}
	if l := d.words[i].lower; l == "told" || l == "tells" || l == "tell" {
		// After an object: "told a news conference that …".
		for j := i + 1; j < u.w1 && j <= i+8; j++ {
			if d.words[j].lower == "that" {
				return true
			}
		}
		return false
	}
	n := 0
	first := true
	for j := i + 1; j < u.w1; j++ {
		w := d.words[j]
		if w.quoted || j > i+1 && strings.Contains(d.gap(j-1), ",") || w.lower == "according" {
			break
		}
		if isWeekday(w.lower) || w.lower == "reporters" || w.lower == "journalists" {
			continue
		}
		if first {
			first = false
			switch w.lower {
			case "in", "on", "at", "for", "from", "during", "after", "before", "while", "as", "when", "to", "with", "of":
				return false
			}
		}
		n++
	}
	return n >= 3
}

func isWeekday(l string) bool { _, ok := weekdays[l]; return ok }

func (d *doc) hasQuote(a, b int) bool {
	for _, q := range d.quotes {
		if q.start >= a && q.end <= b {
			return true
		}
	}
	return false
}

// contentFrom returns the byte offset where content starting at word j
// begins, skipping punctuation; the unit's end when j is past it.
func contentFrom(d *doc, u *unit, j int) int {
	if j >= u.w1 || j >= len(d.words) {
		return u.end
	}
	p := d.words[j].start
	// Include an opening quotation mark.
	for p > u.start {
		c := d.text[p-1]
		if c == '"' || c == '`' {
			p--
			continue
		}
		if p >= u.start+3 && d.text[p-3:p] == "“" {
			p -= 3
			continue
		}
		break
	}
	return p
}

// trimEnd moves end back over spaces and separating punctuation.
func trimEnd(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		if c == ' ' || c == ',' || c == '\n' || c == '\t' || c == ':' || c == ';' || c == '-' {
			end--
			continue
		}
		if end-start >= 3 && s[end-3:end] == "—" {
			end -= 3
			continue
		}
		break
	}
	return end
}

func skipSpace(s string, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == ',' || s[p] == ':') {
		p++
	}
	return p
}

// speakerBefore finds the speaker of verb i before it.
func (cl *cluster) speakerBefore(d *doc, ui, i int, a *attribution) bool {
	u := &d.units[ui]
	k := i - 1
	for k >= u.w0 && (verbSkip[d.words[k].lower] || isWeekday(d.words[k].lower)) && d.gap(k) == " " {
		k--
	}
	if k < u.w0 || d.words[k].quoted != d.words[i].quoted {
		return false
	}
	if g := d.gap(k); g != " " {
		// An appositive: "Keller, the authority's chairman, insisted".
		if strings.TrimSpace(g) != "," {
			return false
		}
		for c := k - 1; c >= u.w0 && c >= k-8; c-- {
			if strings.TrimSpace(d.gap(c)) == "," {
				// The name is the appositive: "a spokeswoman, Liv
				// Sandvik, said".
				if m := d.byLast[k]; m != nil && m.w0 == c+1 && m.kind == Person {
					s0 := c // the phrase the name stands beside: "a spokeswoman"
					for s0 > u.w0 && s0 > c-3 && d.gap(s0-1) == " " {
						s0--
					}
					a.ref, a.s0, a.s1, a.ments = refEntity, s0, m.w1, []*mention{m}
					return true
				}
				m := d.byLast[c]
				if m != nil && (m.kind == Person || m.kind == Other) {
					a.ref, a.s0, a.s1, a.ments = refEntity, m.t0, m.w1, []*mention{m}
					return true
				}
				return false
			}
			if d.gap(c) != " " {
				return false
			}
		}
		return false
	}
	return cl.speakerEndingAt(d, ui, k, a)
}

// speakerEndingAt reads a speaker noun phrase whose last word is k.
func (cl *cluster) speakerEndingAt(d *doc, ui, k int, a *attribution) bool {
	u := &d.units[ui]
	w := d.words[k]
	if w.poss {
		return false
	}
	if _, ok := pronouns[w.lower]; ok {
		a.ref, a.s0, a.s1 = refPronoun, k, k+1
		return true
	}
	if m := d.byLast[k]; m != nil {
		if m.kind == Place && capitals[strings.ToLower(m.surface)] == "" {
			return false
		}
		// "Witnesses in Sefra said": the name is a place, the speaker the
		// noun before it.
		if j := m.w0 - 1; j-1 >= u.w0 && (d.words[j].lower == "in" || d.words[j].lower == "at" || d.words[j].lower == "near" || d.words[j].lower == "from") {
			if isSpeakerNoun(d.words[j-1].lower) && d.gap(j-1) == " " && cl.speakerEndingAt(d, ui, j-1, a) {
				a.s1 = m.w1
				return true
			}
			if m.kind != Person {
				return false
			}
		}
		a.ref, a.s0, a.s1, a.ments = refEntity, m.t0, m.w1, []*mention{m}
		// "Prime Minister Jonas Berg of Norland said".
		if j := m.w0 - 1; j-1 >= u.w0 && (d.words[j].lower == "of" || d.words[j].lower == "from") && d.gap(j-1) == " " && d.gap(j) == " " {
			if p := d.byLast[j-1]; p != nil && p.kind == Person {
				a.s0, a.ments = p.t0, []*mention{p}
				return true
			}
		}
		// "Tillerson and Lavrov said".
		if j := m.w0 - 1; j-1 >= u.w0 && d.words[j].lower == "and" {
			if m2 := d.byLast[j-1]; m2 != nil && (m2.kind == m.kind || m.kind == Other || m2.kind == Other) {
				a.ments = []*mention{m2, m}
				a.s0 = m2.w0
			}
		}
		return true
	}
	// A title: "the foreign minister", "Russia's foreign minister".
	for _, parts := range titleLast[w.lower] {
		t := strings.Join(parts, " ")
		s := k - len(parts) + 1
		if s < u.w0 {
			continue
		}
		ok := true
		for x, p := range parts {
			if d.words[s+x].lower != p {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// It must be a definite phrase, not "an official". Up to two
		// lower-case modifiers may come first: "the transport minister".
		mods := 0
		for mods < 2 && s-1 > u.w0 && !d.words[s-1].cap && !text.IsStopword("", d.words[s-1].lower) && d.gap(s-1) == " " {
			s--
			mods++
		}
		if s-1 < u.w0 {
			return false
		}
		prev := d.words[s-1]
		q, qm := d.qualifierBefore(s)
		switch {
		case prev.lower == "the" || prev.lower == "his" || prev.lower == "her":
			a.s0 = s - 1
		case q != "" || qm != nil:
			a.s0 = s - 1
			if s-2 >= u.w0 && d.words[s-2].lower == "the" && d.gap(s-2) == " " {
				a.s0 = s - 2
			}
		default:
			return false
		}
		a.ref, a.s1, a.title, a.qual = refTitle, k+1, t, q
		if qm != nil {
			f := strings.Fields(qm.surface)
			a.qual = "@" + nameKey(f[len(f)-1])
		}
		return true
	}
	// "Doctors in three provinces said".
	for p := k - 1; p-1 >= u.w0 && p >= k-4; p-- {
		l := d.words[p].lower
		if d.gap(p) != " " || d.words[p].quoted {
			break
		}
		if l == "in" || l == "at" || l == "from" || l == "near" {
			if isSpeakerNoun(d.words[p-1].lower) && d.gap(p-1) == " " && cl.speakerEndingAt(d, ui, p-1, a) {
				a.s1 = k + 1
				return true
			}
			break
		}
	}
	if isSpeakerNoun(w.lower) {
		s := k
		for s-1 >= u.w0 && k-s < 3 && d.gap(s-1) == " " && !d.words[s-1].quoted {
			p := d.words[s-1]
			if p.lower == "the" || p.lower == "a" || p.lower == "an" {
				s--
				break
			}
			if p.cap || !text.IsStopword("", p.lower) && !speechVerbs[p.lower] && !verbSkip[p.lower] {
				s--
				continue
			}
			break
		}
		a.ref, a.s0, a.s1 = refNP, s, k+1
		return true
	}
	return false
}

// speakerAfter reads a speaker noun phrase starting at word j.
func (cl *cluster) speakerAfter(d *doc, ui, j int, a *attribution) bool {
	u := &d.units[ui]
	if j >= u.w1 {
		return false
	}
	if m := d.byTitle[j]; m != nil {
		a.ref, a.s0, a.s1, a.ments = refEntity, j, m.w1, []*mention{m}
		return true
	}
	if m := d.byFirst[j]; m != nil {
		// "said Port Authority chairman Thomas Keller".
		if p := d.byTitle[j]; p != nil {
			m = p
		}
		if m.kind == Place && capitals[strings.ToLower(m.surface)] == "" {
			return false
		}
		a.ref, a.s0, a.s1, a.ments = refEntity, j, m.w1, []*mention{m}
		return true
	}
	if d.words[j].lower == "the" || d.words[j].lower == "a" {
		// "said the foreign minister", "according to the Kremlin spokesman":
		// find the end of a title phrase or a titled name.
		for k := j + 1; k < u.w1 && k <= j+5; k++ {
			if m := d.byFirst[k]; m != nil {
				if m.title != "" {
					a.ref, a.s0, a.s1, a.ments = refEntity, j, m.w1, []*mention{m}
					return true
				}
				continue
			}
			if t, e := d.matchTitle(k); t != "" && e-1 < u.w1 {
				if e < u.w1 && d.byFirst[e] != nil {
					m := d.byFirst[e]
					a.ref, a.s0, a.s1, a.ments = refEntity, j, m.w1, []*mention{m}
					return true
				}
				if cl.speakerEndingAt(d, ui, e-1, a) {
					return true
				}
				return false
			}
			if d.words[k].cap || !text.IsStopword("", d.words[k].lower) {
				continue
			}
			break
		}
		return false
	}
	if l := d.words[j].lower; l == "he" || l == "she" {
		a.ref, a.s0, a.s1 = refPronoun, j, j+1
		return true
	}
	// A lower-case title before a name: "said spokesman Dmitry Peskov".
	if t, e := d.matchTitle(j); t != "" && e < u.w1 {
		if m := d.byFirst[e]; m != nil {
			a.ref, a.s0, a.s1, a.ments = refEntity, j, m.w1, []*mention{m}
			return true
		}
	}
	return false
}

// resolveSpeakers gives every attribution its canonical speaker.
func (cl *cluster) resolveSpeakers() {
	for _, d := range cl.docs {
		for k, a := range d.attrs {
			a.mention = d.span(d.words[a.s0].start, d.words[a.s1-1].end)
			switch a.ref {
			case refEntity:
				var names []string
				for _, m := range a.ments {
					names = append(names, m.canon)
				}
				a.speaker, a.resolved, a.kind = strings.Join(names, " and "), true, a.ments[len(a.ments)-1].kind
			case refTitle:
				var cands map[string]bool
				if a.qual != "" {
					cands = cl.qtitleOf[strings.ToLower(a.qual)+"|"+a.title]
				} else {
					cands = cl.titleOf[a.title]
					if len(cands) == 0 {
						cands = map[string]bool{}
						for t, ps := range cl.titleOf {
							if containsWord(t, a.title) {
								for p := range ps {
									cands[p] = true
								}
							}
						}
					}
				}
				if len(cands) > 1 {
					cands = cl.namedBefore(d, a, cands)
				}
				if len(cands) == 1 {
					for p := range cands {
						a.speaker, a.resolved, a.kind = p, true, Person
					}
				}
			case refPronoun:
				if pronouns[d.words[a.s0].lower] == Person {
					a.speaker = cl.antecedent(d, k)
					a.resolved, a.kind = a.speaker != "", Person
				}
			}
		}
	}
}

// namedBefore returns the candidates named in the paragraph of a before
// its speaker.
func (cl *cluster) namedBefore(d *doc, a *attribution, cands map[string]bool) map[string]bool {
	para := d.units[a.unit].para
	pos := d.words[a.s0].start
	out := map[string]bool{}
	for _, m := range d.ments {
		if m.start < pos && d.units[d.words[m.w0].unit].para == para && cands[m.canon] {
			out[m.canon] = true
		}
	}
	return out
}

func containsWord(phrase, w string) bool {
	for _, f := range strings.Fields(phrase) {
		if f == w {
			return true
		}
	}
	return false
}

// antecedent returns the person a "he" or "she" speaker of attribution k of
// d refers to: the most recent resolved person speaker in the paragraph;
// when the paragraph has no earlier speaker, the only person it names
// before the pronoun outside what was said. Otherwise "".
func (cl *cluster) antecedent(d *doc, k int) string {
	a := d.attrs[k]
	para := d.units[a.unit].para
	pos := d.words[a.s0].start
	for j := k - 1; j >= 0; j-- {
		b := d.attrs[j]
		if d.units[b.unit].para != para {
			break
		}
		if b.inQuote || d.words[b.s0].start >= pos {
			continue
		}
		if b.resolved && b.kind == Person && !strings.Contains(b.speaker, " and ") {
			return b.speaker
		}
		return ""
	}
	seen := map[string]bool{}
	for _, m := range d.ments {
		if m.start >= pos || d.units[d.words[m.w0].unit].para != para {
			continue
		}
		if m.start >= a.cStart && m.end <= a.cEnd {
			continue
		}
		if m.kind == Person {
			seen[m.canon] = true
		}
	}
	if len(seen) == 1 {
		for p := range seen {
			return p
		}
	}
	return ""
}

// quoteOcc is one occurrence of a quote before grouping.
type quoteOcc struct {
	q     Quote
	doc   int
	pos   int
	words []string // sorted stems of content words
	neg   bool     // holds an odd number of negations
}

// quotes returns the direct and reported quotes of the cluster, grouped.
func (cl *cluster) quotes() []Quote {
	var occs []*quoteOcc
	for _, d := range cl.docs {
		var prev *attribution // attribution of the previous quotation
		prevUnit := -1
		for _, q := range d.quotes {
			if d.units[q.unit].headline {
				continue
			}
			a := d.attributionFor(q)
			if a == nil && prev != nil && q.unit == prevUnit+1 && d.units[q.unit].para == d.units[prevUnit].para && d.quoteSentence(q) {
				// A quoted sentence right after an attributed quotation
				// in the same paragraph goes on with the same speaker:
				// "… today," Brandt said. "The roads are under water."
				a = prev
			}
			prev, prevUnit = a, q.unit
			n := countWords(d.text[q.start:q.end])
			if a == nil && n < 4 {
				continue
			}
			qq := Quote{Text: d.text[q.start:q.end], Kind: Direct, Sources: []string{d.a.ID},
				Cites: []Cite{{Article: d.a.ID, Start: q.start, End: q.end, Text: d.text[q.start:q.end]}}}
			if a != nil {
				qq.Speaker, qq.Mention, qq.Resolved = a.speaker, a.mention, a.resolved
			}
			occs = append(occs, &quoteOcc{q: qq, doc: d.idx, pos: q.start})
		}
		for _, a := range d.attrs {
			if a.participle || countWords(d.text[a.cStart:a.cEnd]) < 3 {
				continue
			}
			if d.quotedShare(a.cStart, a.cEnd) > 0.6 {
				continue
			}
			t := d.text[a.cStart:a.cEnd]
			qq := Quote{Speaker: a.speaker, Text: t, Kind: Reported, Sources: []string{d.a.ID},
				Mention: a.mention, Resolved: a.resolved,
				Cites: []Cite{{Article: d.a.ID, Start: a.cStart, End: a.cEnd, Text: t}}}
			occs = append(occs, &quoteOcc{q: qq, doc: d.idx, pos: a.cStart})
		}
	}
	for _, o := range occs {
		o.words = wordSet(o.q.Text)
		for _, w := range tokenize(o.q.Text) {
			if negationLocal[w.lower] || negationGlobal[w.lower] || strings.HasSuffix(w.lower, "n't") || strings.HasSuffix(w.lower, "n’t") {
				o.neg = !o.neg
			}
		}
	}
	// Group occurrences of the same words by compatible speakers.
	sets := newUnionFind(len(occs))
	speakerOf := map[int]string{}
	for i, o := range occs {
		if o.q.Resolved {
			speakerOf[i] = o.q.Speaker
		}
	}
	for i := range occs {
		for j := i + 1; j < len(occs); j++ {
			a, b := occs[i], occs[j]
			if a.q.Kind != b.q.Kind || a.neg != b.neg || !sameWords(a.words, b.words) {
				continue
			}
			ri, rj := sets.find(i), sets.find(j)
			if ri == rj {
				continue
			}
			si, sj := speakerOf[ri], speakerOf[rj]
			if si != "" && sj != "" && si != sj {
				continue
			}
			// Reported speech is a paraphrase: group it only under one
			// resolved speaker.
			if a.q.Kind == Reported && (si == "" || sj == "") {
				continue
			}
			ri = sets.union(ri, rj)
			if si == "" {
				si = sj
			}
			if si != "" {
				speakerOf[ri] = si
			}
		}
	}
	groups := map[int]*Quote{}
	var order []int
	for i, o := range occs {
		r := sets.find(i)
		g := groups[r]
		if g == nil {
			q := o.q
			q.Sources = nil
			q.Cites = nil
			groups[r] = &q
			g = &q
			order = append(order, r)
		}
		if len(o.q.Text) > len(g.Text) {
			g.Text = o.q.Text
		}
		if !g.Resolved && o.q.Resolved {
			g.Speaker, g.Mention, g.Resolved = o.q.Speaker, o.q.Mention, true
		}
		if g.Mention == "" {
			g.Mention = o.q.Mention
		}
		g.Cites = append(g.Cites, o.q.Cites...)
		if !contains(g.Sources, o.q.Sources[0]) {
			g.Sources = append(g.Sources, o.q.Sources[0])
		}
	}
	out := []Quote{}
	for _, r := range order {
		g := groups[r]
		if sp := speakerOf[r]; sp != "" && !g.Resolved {
			g.Speaker, g.Resolved = sp, true
		}
		sort.Strings(g.Sources)
		out = append(out, *g)
	}
	return out
}

// attributionFor returns the attribution of direct quotation q: the one in
// its unit whose content holds it, else the nearest one; nil when the unit
// has none, or when q is a fragment of fewer than four words outside every
// attribution's content.
func (d *doc) attributionFor(q qspan) *attribution {
	// A fragment of a few words ("Gore 2000" placards) is attributed only
	// when it lies inside what a speaker said.
	short := countWords(d.text[q.start:q.end]) < 4
	var best *attribution
	bestDist := 1 << 30
	for _, a := range d.attrs {
		if a.unit != q.unit || a.inQuote {
			continue
		}
		if a.cStart <= q.start && q.end <= a.cEnd+1 {
			return a
		}
		if short {
			continue
		}
		v := d.words[a.verb].start
		dist := v - q.end
		if dist < 0 {
			dist = q.start - v
		}
		if dist < 0 {
			continue // the verb is inside the quotation
		}
		if dist < bestDist {
			best, bestDist = a, dist
		}
	}
	return best
}

// quoteSentence reports whether the unit of q is the quotation alone, with
// no words outside its marks.
func (d *doc) quoteSentence(q qspan) bool {
	u := d.units[q.unit]
	_, size := utf8.DecodeRuneInString(d.text[q.close:])
	return q.open >= u.start && q.close+size <= u.end &&
		!hasWord(d.text[u.start:q.open]) && !hasWord(d.text[q.close+size:u.end])
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// quotedShare is the fraction of bytes of [a, b) inside direct quotations.
func (d *doc) quotedShare(a, b int) float64 {
	if b <= a {
		return 0
	}
	n := 0
	for _, q := range d.quotes {
		lo, hi := max(a, q.start), min(b, q.end)
		if hi > lo {
			n += hi - lo
		}
	}
	return float64(n) / float64(b-a)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func countWords(s string) int { return len(strings.Fields(s)) }

// wordSet returns the sorted, distinct stems of the content words of s.
func wordSet(s string) []string {
	var out []string
	for _, w := range tokenize(s) {
		if !text.IsStopword("", w.lower) {
			out = append(out, text.Stem("", w.lower))
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// sameWords reports whether two quotes are the same words: their stem sets
// overlap by at least 70% of the smaller, with at least four stems shared,
// or they are equal.
func sameWords(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	small := min(len(a), len(b))
	if small >= 4 && max(len(a), len(b)) > 4*small {
		return false
	}
	n := vec.Common(a, b)
	if small < 3 {
		return n == len(a) && n == len(b)
	}
	return n >= 4 && float64(n) >= 0.7*float64(small)
}
