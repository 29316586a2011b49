package story

import (
	"sort"
	"strings"

	"github.com/briefnews/brief/text"
)

// Entity kinds.
const (
	Person       = "person"
	Organization = "organization"
	Country      = "country"
	Place        = "place"
	Other        = "other"
)

// mention is a name in an article: a run of capitalised words, typed by the
// word lists, by a title before it, or by the gazetteer learned from the
// whole cluster.
type mention struct {
	doc        int
	w0, w1     int // words [w0, w1)
	start, end int
	surface    string
	kind       string
	title      string // lower-case title phrase written before the name
	qual       string // country qualifying the title ("Russian Foreign Minister")
	qualMent   *mention
	canon      string // canonical entity name, set by resolveEntities
	t0         int    // first word of the title and its qualifier; w0 when untitled
}

// entity is an entry of the cluster's gazetteer.
type entity struct {
	name     string
	kind     string
	mentions int
	articles map[string]bool
	aliases  map[string]bool
	titles   map[string]bool
	affil    map[string]int // country → votes
}

// titleIndex maps the first word of each title phrase to the phrases, split
// into words, longest first.
var titleIndex = func() map[string][][]string {
	m := map[string][][]string{}
	for _, t := range titles {
		f := strings.Fields(t)
		m[f[0]] = append(m[f[0]], f)
	}
	for _, list := range m {
		sort.Slice(list, func(i, j int) bool { return len(strings.Join(list[i], " ")) > len(strings.Join(list[j], " ")) })
	}
	return m
}()

// titleLast maps the last word of each title phrase to the phrases.
var titleLast = func() map[string][][]string {
	m := map[string][][]string{}
	for _, t := range titles {
		f := strings.Fields(t)
		m[f[len(f)-1]] = append(m[f[len(f)-1]], f)
	}
	return m
}()

// matchTitle returns the title phrase that starts at word i of d and the
// index of the word after it, or "" when none does.
func (d *doc) matchTitle(i int) (string, int) {
	if i >= len(d.words) {
		return "", i
	}
	for _, parts := range titleIndex[d.words[i].lower] {
		j := i
		ok := true
		for k, p := range parts {
			if j >= len(d.words) || d.words[j].lower != p {
				ok = false
				break
			}
			if k+1 < len(parts) {
				g := d.gap(j)
				if g != " " && g != "-" {
					ok = false
					break
				}
			}
			j++
		}
		if ok {
			return strings.Join(parts, " "), j
		}
	}
	return "", i
}

// nameStart reports whether word i can start a name.
func (cl *cluster) nameStart(d *doc, i int) bool {
	w := d.words[i]
	if !w.cap || notNames[w.lower] {
		return false
	}
	if _, ok := months[w.lower]; ok {
		return false
	}
	if _, ok := weekdays[w.lower]; ok {
		return false
	}
	if w.text == strings.ToUpper(w.text) && len(w.text) == 1 {
		return false
	}
	headline := d.units[w.unit].headline
	if w.sentStart || headline {
		if cl.known(w.lower) {
			return true
		}
		// "Karl Holt said": an unknown capitalised word, never seen in
		// lower case, followed by more of a name.
		return w.sentStart && !headline && !cl.lowSeen[w.lower] && !text.IsStopword("", w.lower) &&
			i+1 < len(d.words) && d.words[i+1].cap && cl.nameCont(d, i+1) && !isWeekday(d.words[i+1].lower)
	}
	return true
}

// known reports whether a lower-case word is known to be part of names:
// listed, or seen capitalised in mid-sentence somewhere in the cluster.
func (cl *cluster) known(l string) bool {
	if cl.capMid[l] {
		return true
	}
	if _, ok := countries[l]; ok {
		return true
	}
	if _, ok := orgs[l]; ok {
		return true
	}
	if _, ok := demonyms[l]; ok {
		return true
	}
	return places[l]
}

// nameCont reports whether word j continues the name that ends at word j-1.
func (cl *cluster) nameCont(d *doc, j int) bool {
	if j >= len(d.words) || d.words[j-1].poss || d.words[j].unit != d.words[j-1].unit && !honorifics[d.words[j-1].lower] {
		return false
	}
	g := d.gap(j - 1)
	w := d.words[j]
	prev := d.words[j-1].lower
	switch {
	case g == " ":
	case g == "-" && (prev == "al" || prev == "el" || w.cap && d.words[j-1].cap && !isAcronym(d.words[j-1].text) && !isAcronym(w.text)):
	default:
		return false
	}
	if w.cap {
		if notNames[w.lower] {
			return false
		}
		if _, ok := months[w.lower]; ok {
			return false
		}
		if _, ok := weekdays[w.lower]; ok {
			return false
		}
		return true
	}
	// Lower-case connectors inside names: "Council on Foreign Relations",
	// "Bashar al-Assad".
	if isParticleName(w.text) {
		return true
	}
	switch w.lower {
	case "of", "on", "for", "al", "el", "bin", "ibn", "de", "van", "von", "la", "du", "da":
		if j+1 < len(d.words) && d.words[j+1].cap && d.words[j+1].unit == w.unit && (d.gap(j) == " " || d.gap(j) == "-") {
			return true
		}
	}
	return false
}

// hasOrgWord reports whether words [i, j) of d hold an organisation
// suffix ("Council", "Bank", "Observatory").
func hasOrgWord(d *doc, i, j int) bool {
	for k := i; k < j; k++ {
		if orgSuffixes[d.words[k].lower] {
			return true
		}
	}
	return false
}

// isParticleName reports whether s is a name with an Arabic article:
// "al-Assad".
func isParticleName(s string) bool {
	return (strings.HasPrefix(s, "al-") || strings.HasPrefix(s, "el-")) && len(s) > 3 && s[3] >= 'A' && s[3] <= 'Z'
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// findMentions finds the names in every article.
func (cl *cluster) findMentions() {
	for _, d := range cl.docs {
		var pendTitle string
		var pendQual string
		var pendQualMent *mention
		pendEnd, pendStart := -1, -1
		for i := 0; i < len(d.words); {
			w := d.words[i]
			// A title phrase: remember it for the name that follows.
			if t, j := d.matchTitle(i); t != "" {
				if j < len(d.words) && d.words[j].unit == w.unit || j < len(d.words) && honorifics[d.words[j-1].lower] {
					q, qm := d.qualifierBefore(i)
					pendTitle, pendQual, pendQualMent, pendEnd = t, q, qm, j
					pendStart = i
					if q != "" || qm != nil {
						pendStart = i - 1
						if qm != nil {
							pendStart = qm.w0
						} else if m := d.byLast[i-1]; m != nil {
							pendStart = m.w0
						}
					}
					if pendStart > 0 && d.words[pendStart-1].lower == "the" && d.gap(pendStart-1) == " " {
						pendStart--
					}
				}
				i = j
				continue
			}
			if !cl.nameStart(d, i) && !(pendEnd == i && w.cap && !notNames[w.lower]) {
				i++
				continue
			}
			j := i + 1
			for j < len(d.words) && cl.nameCont(d, j) {
				// "of", "on", "for" join organisation names ("Council on
				// Foreign Relations") but not a person and a place
				// ("Blumenthal of Connecticut").
				if l := d.words[j].lower; (l == "of" || l == "on" || l == "for") && !hasOrgWord(d, i, j) {
					break
				}
				if t, _ := d.matchTitle(j); t != "" && j > i {
					break
				}
				if _, ok := demonyms[d.words[j].lower]; ok && !cl.multiKnown(d, i, j+1) {
					break
				}
				j++
			}
			// Trailing lower-case connectors are not part of the name.
			for j > i+1 && !d.words[j-1].cap && !isParticleName(d.words[j-1].text) {
				j--
			}
			titled := pendEnd == i || pendEnd >= 0 && pendEnd < i && strings.TrimSpace(d.span(d.words[pendEnd-1].after, d.words[i].start)) == ","
			if !titled {
				pendTitle, pendQual, pendQualMent = "", "", nil
			} else {
				// A person's name stops before "of": "Jonas Berg of Norland".
				for k := i + 1; k < j; k++ {
					if !d.words[k].cap && !isParticleName(d.words[k].text) {
						j = k
						break
					}
				}
			}
			for _, m := range cl.splitKnown(d, i, j) {
				m.t0 = m.w0
				if titled && m.w0 == i {
					m.kind, m.title, m.qual, m.qualMent, m.t0 = Person, pendTitle, pendQual, pendQualMent, pendStart
					d.byTitle[pendStart] = m
				}
				d.ments = append(d.ments, m)
				d.byFirst[m.w0] = m
				d.byLast[m.w1-1] = m
			}
			pendEnd = -1
			i = j
		}
	}
	// Learn people: names after a title are people everywhere.
	// Learn organisations: an untitled name right after a lower-case
	// organisation noun ("ferry operator Northline") names one everywhere;
	// likewise a place before a place noun ("Kellingham harbour").
	for _, d := range cl.docs {
		for _, m := range d.ments {
			if m.kind == Person {
				cl.persons[strings.ToLower(m.surface)] = true
			}
			if m.kind == "" && m.w0 > 0 && d.gap(m.w0-1) == " " {
				if p := d.words[m.w0-1]; !p.cap && orgNouns[p.lower] {
					cl.orgNamed[strings.ToLower(m.surface)] = true
				}
			}
			if m.kind == "" && m.w1 < len(d.words) && placeSuffixes[d.words[m.w1].lower] && d.gap(m.w1-1) == " " {
				cl.placeNamed[strings.ToLower(m.surface)] = true
			}
		}
	}
	for _, d := range cl.docs {
		for _, m := range d.ments {
			if m.kind == "" {
				m.kind = cl.classify(d, m)
			}
		}
	}
}

// multiKnown reports whether words [i, j) of d form a listed multi-word name
// ("Russian Federation").
func (cl *cluster) multiKnown(d *doc, i, j int) bool {
	l := strings.ToLower(d.span(d.words[i].start, d.words[j-1].end))
	_, c := countries[l]
	_, o := orgs[l]
	return c || o || places[l]
}

// splitKnown splits the capitalised run [i, j) into mentions: listed names
// (longest first) and demonyms are cut out, the rest stays whole.
func (cl *cluster) splitKnown(d *doc, i, j int) []*mention {
	var out []*mention
	mk := func(a, b int, kind string) {
		m := &mention{doc: d.idx, w0: a, w1: b, start: d.words[a].start, end: d.words[b-1].end, kind: kind}
		m.surface = d.text[m.start:m.end]
		out = append(out, m)
	}
	rest := i
	for k := i; k < j; {
		found := 0
		for e := j; e > k; e-- {
			if cl.multiKnown(d, k, e) {
				found = e
				break
			}
		}
		_, dem := demonyms[d.words[k].lower]
		if found == 0 && dem && (k+1 == j || k == rest) {
			// A demonym alone is not a mention.
			if rest < k {
				mk(rest, k, "")
			}
			k++
			rest = k
			continue
		}
		if found == 0 {
			k++
			continue
		}
		if rest < k {
			mk(rest, k, "")
		}
		mk(k, found, "")
		k, rest = found, found
	}
	if rest < j {
		mk(rest, j, "")
	}
	return out
}

// qualifierBefore returns the country qualifying a title that starts at word
// i: a demonym, a country, an organisation or a person's possessive just
// before it ("Russian", "Russia's", "Kremlin", "Putin's").
func (d *doc) qualifierBefore(i int) (string, *mention) {
	if i == 0 {
		return "", nil
	}
	g := d.gap(i - 1)
	if g != " " {
		return "", nil
	}
	p := d.words[i-1]
	if c, ok := demonyms[p.lower]; ok {
		return c, nil
	}
	if m := d.byLast[i-1]; m != nil {
		l := strings.ToLower(m.surface)
		if c, ok := countries[l]; ok {
			return c, nil
		}
		if o, ok := orgs[l]; ok {
			return orgCountry[o], nil
		}
		if c, ok := capitals[l]; ok {
			return c, nil
		}
		if p.poss {
			return "", m
		}
		// An unlisted demonym or place: "Estovian Foreign Minister".
		if m.kind == "" || m.kind == Other {
			return "~" + m.surface, nil
		}
	}
	return "", nil
}

// classify types a mention that no title marked.
func (cl *cluster) classify(d *doc, m *mention) string {
	l := strings.ToLower(m.surface)
	if _, ok := countries[l]; ok {
		return Country
	}
	if _, ok := orgs[l]; ok {
		return Organization
	}
	if places[l] {
		return Place
	}
	if cl.persons[l] {
		return Person
	}
	if cl.orgNamed[l] {
		return Organization
	}
	words := strings.Fields(l)
	last := words[len(words)-1]
	if orgSuffixes[last] && len(words) > 1 {
		return Organization
	}
	for k := 0; k+1 < len(words); k++ {
		if orgSuffixes[words[k]] && (words[k+1] == "of" || words[k+1] == "on" || words[k+1] == "for") {
			return Organization // "Bank of Norland"
		}
	}
	if isAcronym(m.surface) && len(m.surface) >= 3 {
		return Organization
	}
	if cl.placeNamed[l] {
		return Place
	}
	// A surname of a known person.
	for p := range cl.persons {
		if f := strings.Fields(p); len(f) > 1 && nameKey(f[len(f)-1]) == nameKey(last) && len(words) == 1 {
			return Person
		}
	}
	return Other
}

// nameKey normalises a surname: lower case, without an "al-" particle.
func nameKey(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"al-", "el-", "al ", "el "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// personWords returns the words of a person's name without leading
// particles ("Al Assad" → "Assad").
func personWords(s string) []string {
	f := strings.Fields(s)
	for len(f) > 1 && (strings.EqualFold(f[0], "al") || strings.EqualFold(f[0], "el")) {
		f = f[1:]
	}
	return f
}

// resolveEntities gives every mention its canonical entity: listed aliases
// map to their canonical name, and a person's surname-only and variant
// mentions ("Lavrov", "Sergey Lavrov") map to the most frequent full form
// when the full forms of that surname agree on the first name's initial.
func (cl *cluster) resolveEntities() {
	// Persons marked as speakers after findMentions are persons too.
	type form struct {
		name  string
		count int
	}
	full := map[string]map[string]int{} // surname key → full form → count
	for _, d := range cl.docs {
		for _, m := range d.ments {
			if m.kind != Person {
				continue
			}
			f := personWords(m.surface)
			if len(f) < 2 {
				continue
			}
			k := nameKey(f[len(f)-1])
			if full[k] == nil {
				full[k] = map[string]int{}
			}
			full[k][strings.Join(f, " ")]++
		}
	}
	// Group the full forms of each surname by first initial.
	canonOf := map[string]string{} // full form → canonical
	single := map[string]string{}  // surname key → canonical, when unambiguous
	for k, forms := range full {
		groups := map[string][]form{}
		for n, c := range forms {
			ini := strings.ToLower(n[:1])
			groups[ini] = append(groups[ini], form{n, c})
		}
		for _, g := range groups {
			sort.Slice(g, func(a, b int) bool {
				if g[a].count != g[b].count {
					return g[a].count > g[b].count
				}
				return g[a].name < g[b].name
			})
			for _, f := range g {
				canonOf[f.name] = g[0].name
			}
			if len(groups) == 1 {
				single[k] = g[0].name
			}
		}
	}
	for _, d := range cl.docs {
		for _, m := range d.ments {
			l := strings.ToLower(m.surface)
			switch m.kind {
			case Country:
				m.canon = countries[l]
			case Organization:
				if o, ok := orgs[l]; ok {
					m.canon = o
				} else {
					m.canon = m.surface
				}
			case Person:
				f := personWords(m.surface)
				if len(f) >= 2 {
					m.canon = canonOf[strings.Join(f, " ")]
				} else if c, ok := single[nameKey(f[0])]; ok {
					m.canon = c
				} else {
					m.canon = f[0]
				}
			default:
				if c, ok := single[nameKey(m.surface)]; ok && !strings.Contains(m.surface, " ") {
					m.kind, m.canon = Person, c
				} else {
					m.canon = m.surface
				}
			}
			if m.canon == "" {
				m.canon = m.surface
			}
			key := m.kind + "\x00" + m.canon
			e := cl.ents[key]
			if e == nil {
				e = &entity{name: m.canon, kind: m.kind, articles: map[string]bool{}, aliases: map[string]bool{}, titles: map[string]bool{}, affil: map[string]int{}}
				cl.ents[key] = e
			}
			e.mentions++
			e.articles[d.a.ID] = true
			if m.surface != m.canon {
				e.aliases[m.surface] = true
			}
			if m.title != "" {
				e.titles[m.title] = true
				add := func(mp map[string]map[string]bool, k string) {
					if mp[k] == nil {
						mp[k] = map[string]bool{}
					}
					mp[k][m.canon] = true
				}
				add(cl.titleOf, m.title)
				q := m.qual
				if q == "" && m.qualMent != nil {
					q = "@" + strings.ToLower(m.qualMent.surface)
				}
				if q != "" {
					add(cl.qtitleOf, strings.ToLower(q)+"|"+m.title)
				}
				if m.qual != "" {
					e.affil[m.qual]++
				}
			}
		}
	}
	// Possessive qualifiers ("Putin's spokesman") give the owner's country.
	for _, d := range cl.docs {
		for _, m := range d.ments {
			if m.qualMent != nil && m.qual == "" {
				if c := cl.affiliation(m.qualMent.kind, m.qualMent.canon); c != "" {
					cl.ents[m.kind+"\x00"+m.canon].affil[c]++
				}
			}
		}
	}
}

// entityOf returns the gazetteer entry of a resolved mention.
func (cl *cluster) entityOf(m *mention) *entity { return cl.ents[m.kind+"\x00"+m.canon] }

// affiliation returns the country an entity acts for, or "".
func (cl *cluster) affiliation(kind, canon string) string {
	switch kind {
	case Country:
		return canon
	case Organization:
		return orgCountry[canon]
	case Place:
		return capitals[strings.ToLower(canon)]
	case Person:
		e := cl.ents[kind+"\x00"+canon]
		if e == nil {
			return ""
		}
		best, bn := "", 0
		for c, n := range e.affil {
			if n > bn || n == bn && c < best {
				best, bn = c, n
			}
		}
		return best
	}
	return ""
}

// entityList returns the gazetteer as Entities, most mentioned first.
func (cl *cluster) entityList() []Entity {
	out := []Entity{}
	for _, e := range cl.ents {
		if e.kind == Other && e.mentions < 2 {
			continue
		}
		out = append(out, Entity{
			Name: e.name, Kind: e.kind, Mentions: e.mentions,
			Articles: sortedKeys(e.articles), Aliases: sortedKeys(e.aliases), Titles: sortedKeys(e.titles),
		})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) == 0 {
		return nil
	}
	return out
}
