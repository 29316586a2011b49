package story

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/briefnews/brief/internal/vec"
	"github.com/briefnews/brief/text"
)

// claim is a statement: a sentence or the content of an attribution, with
// the speaker who made it (empty for the outlet's own voice).
type claim struct {
	doc         int
	start, end  int
	speaker     string // canonical speaker; "" when unresolved or the outlet's voice
	label       string // name shown for the side: speaker, or an unresolved noun phrase
	affil       string // country the speaker acts for
	terms       map[string]bool
	entTerms    map[string]bool // terms from capitalised words
	surf        map[string]string
	order       []string
	neg         bool
	negScope    map[string]bool // terms a local negation covers
	globalScope map[string]bool // terms a claim-wide negation covers
	words       map[string]bool // lower-case words, for antonyms
	agents      []agentAct
	nums        []numFact
	ids         []int // sorted ids of terms, for a fast overlap count
	antonym     bool  // holds a word of the antonyms list
}

// agentAct is an act verb with who did it and to what.
type agentAct struct {
	agent  string // agent key: "syria gov", "rebel", or a canonical name
	object map[string]bool
}

// numFact is a number with what it counts.
type numFact struct {
	lo, hi  float64
	unit    string // stem of the counted noun
	context string // stem of a content word just before the number
}

// claims returns the statements of the cluster.
func (cl *cluster) claims() []*claim {
	var out []*claim
	for _, d := range cl.docs {
		byUnit := map[int][]*attribution{}
		for _, a := range d.attrs {
			byUnit[a.unit] = append(byUnit[a.unit], a)
		}
		for ui, u := range d.units {
			if u.headline || u.w1-u.w0 < 4 {
				continue
			}
			attrs := byUnit[ui]
			var inner, outer []*attribution
			for _, a := range attrs {
				if a.inQuote {
					inner = append(inner, a)
				} else {
					outer = append(outer, a)
				}
			}
			switch {
			case len(inner) > 0:
				for _, a := range inner {
					out = append(out, cl.newClaim(d, a, a.cStart, a.cEnd))
				}
			case len(outer) == 1:
				out = append(out, cl.newClaim(d, outer[0], u.start, u.end))
			case len(outer) > 1:
				for _, a := range outer {
					out = append(out, cl.newClaim(d, a, a.cStart, a.cEnd))
				}
			default:
				out = append(out, cl.newClaim(d, nil, u.start, u.end))
			}
		}
	}
	return out
}

func (cl *cluster) newClaim(d *doc, a *attribution, start, end int) *claim {
	c := &claim{doc: d.idx, start: start, end: end, terms: map[string]bool{}, entTerms: map[string]bool{},
		surf: map[string]string{}, negScope: map[string]bool{}, globalScope: map[string]bool{}, words: map[string]bool{}}
	skip0, skip1, verb := -1, -1, -1
	if a != nil {
		c.speaker = a.speaker
		c.label = a.speaker
		if !a.resolved && (a.ref == refNP || a.ref == refTitle) {
			c.label = a.mention
		}
		if a.resolved {
			c.affil = cl.affiliation(a.kind, a.speaker)
			if a.kind == Person && strings.Contains(a.speaker, " and ") && len(a.ments) > 0 {
				c.affil = cl.affiliation(Person, a.ments[0].canon)
			}
		} else {
			for i := a.s0; i < a.s1; i++ {
				if co, ok := demonyms[d.words[i].lower]; ok {
					c.affil = co
				} else if co, ok := countries[d.words[i].lower]; ok {
					c.affil = co
				}
			}
		}
		skip0, skip1, verb = a.s0, a.s1, a.verb
	}
	var ws []int
	for i, w := range d.words {
		if w.start >= start && w.end <= end && !(i >= skip0 && i < skip1) && i != verb {
			ws = append(ws, i)
		}
	}
	// Negation scopes: a local cue ("not", "never") covers the next
	// content word of its clause, the negated head; a claim-wide cue
	// ("denied that", "rejected reports", "no evidence", "against
	// allegations") covers the rest of its clause, commas included; a
	// denying adjective ("false", "baseless") covers the whole claim.
	local, global, whole := 0, false, false
	// propositional reports whether the words after ws[x] state what is
	// denied: "denied that …", "rejected reports …", "denied firing …".
	propositional := func(x int) bool {
		for y := x + 1; y < len(ws) && y <= x+3; y++ {
			l := d.words[ws[y]].lower
			switch l {
			case "the", "any", "a", "an", "its", "his", "her", "their", "all", "these", "those":
				continue
			}
			return propObjects[l] || isAllegation(l) || strings.HasSuffix(l, "ing") && len(l) > 5
		}
		return false
	}
	for x, i := range ws {
		w := d.words[i]
		l := w.lower
		c.words[l] = true
		if x > 0 && strings.ContainsAny(d.gap(ws[x-1]), ";") || strongBreak[l] {
			global = false
		}
		if local > 0 && (clauseBreak[l] || x > 0 && strings.ContainsAny(d.gap(ws[x-1]), ",;:")) {
			local = 0
		}
		if a != nil && i > verb && negationGlobal[a.verbLower] && (x == 0 || ws[x-1] < verb) {
			global = propositional(x - 1)
		}
		next := ""
		if x+1 < len(ws) {
			next = d.words[ws[x+1]].lower
			// "against USA allegations": skip one qualifier.
			if l == "against" && x+2 < len(ws) && !isAllegation(next) {
				next = d.words[ws[x+2]].lower
			}
		}
		switch {
		case negationAdj[l]:
			whole = true
			continue
		case negationGlobal[l] && propositional(x), l == "no" && next == "evidence",
			l == "against" && isAllegation(next):
			global = true
			continue
		case negationLocal[l] || strings.HasSuffix(l, "n't") || strings.HasSuffix(l, "n’t"):
			local = 1
			continue
		}
		t := termOf(w)
		if t == "" {
			continue
		}
		if local > 0 {
			c.negScope[t] = true
			local--
		}
		if global {
			c.globalScope[t] = true
		}
		if !c.terms[t] {
			c.order = append(c.order, t)
			c.surf[t] = w.text
		}
		c.terms[t] = true
		if w.cap && !w.sentStart {
			c.entTerms[t] = true
		}
	}
	if whole {
		// "the accusation was false": the claim denies all it says.
		for t := range c.terms {
			c.globalScope[t] = true
		}
	}
	for _, p := range antonyms {
		if c.words[p[0]] || c.words[p[1]] {
			c.antonym = true
			break
		}
	}
	c.agents = cl.agentActs(d, ws)
	c.nums = numFacts(d, ws)
	return c
}

// clauseBreak words end the scope of a local negation.
// negationAdj are adjectives and nouns that deny what the claim reports.
var negationAdj = setOf("false", "baseless", "groundless", "untrue", "fabricated", "fabrication", "fake", "lies", "hoax", "unfounded", "nonsense")

// propObjects are words after a denial verb that introduce what is denied.
var propObjects = setOf("that", "reports", "report", "suggestions", "rumours", "rumors", "involvement",
	"responsibility", "knowledge", "it", "he", "she", "they", "having", "being", "wrongdoing", "accusation")

func isAllegation(l string) bool {
	return l == "allegations" || l == "accusations" || l == "claims" || l == "charges" || l == "allegation"
}

var strongBreak = setOf("while", "but", "whereas", "although", "though", "however")

var clauseBreak = setOf("and", "but", "while", "which", "who", "whereas", "although", "because", "as", "when", "if", "or")

// termOf returns the comparison term of a word: its stem, with demonyms
// mapped to their country; "" for stopwords, speech verbs and numbers.
func termOf(w word) string {
	l := strings.Trim(w.lower, ".")
	if l == "" || text.IsStopword("", l) || speechVerbs[l] || negationLocal[l] || negationGlobal[l] || generic[l] {
		return ""
	}
	if l[0] >= '0' && l[0] <= '9' {
		return ""
	}
	if c, ok := demonyms[l]; ok {
		l = strings.ToLower(c)
	} else if c, ok := countries[l]; ok {
		l = strings.ToLower(c)
	}
	if strings.Contains(l, " ") || len(l) < 2 {
		return l
	}
	return text.Stem("", l)
}

// agentActs finds act verbs ("conducted", "staged", "was behind") and the
// agent and object of each.
func (cl *cluster) agentActs(d *doc, ws []int) []agentAct {
	var out []agentAct
	for x, i := range ws {
		w := d.words[i]
		if !actVerbs[w.lower] {
			continue
		}
		var agentWords []int
		// "accused Y of staging": the agent is Y.
		if i > 0 && d.words[i-1].lower == "of" {
			for y := i - 2; y >= 0 && y >= i-8 && d.words[y].unit == w.unit; y-- {
				if strings.HasPrefix(d.words[y].lower, "accus") || strings.HasPrefix(d.words[y].lower, "blam") {
					for z := y + 1; z < i-1; z++ {
						agentWords = append(agentWords, z)
					}
					break
				}
			}
			if agentWords == nil {
				continue
			}
		} else {
			y := x - 1
			for y >= 0 && (verbSkip[d.words[ws[y]].lower] || d.words[ws[y]].lower == "allegedly") {
				y--
			}
			if y < 0 || ws[y] != i-(x-y) {
				continue // not adjacent in the text
			}
			e := y + 1
			s := y
			for s-1 >= 0 && e-s < 6 && ws[s-1] == ws[s]-1 && !text.IsStopword("", d.words[ws[s-1]].lower) || s-1 >= 0 && e-s < 6 && (d.words[ws[s-1]].lower == "of" || d.words[ws[s-1]].cap) && ws[s-1] == ws[s]-1 {
				s--
			}
			agentWords = ws[s:e]
		}
		key := cl.agentKey(d, agentWords)
		if key == "" {
			continue
		}
		obj := map[string]bool{}
		for y := x + 1; y < len(ws) && y <= x+6; y++ {
			if t := termOf(d.words[ws[y]]); t != "" && t != "out" {
				obj[normAct(t)] = true
			}
		}
		out = append(out, agentAct{agent: key, object: obj})
	}
	return out
}

// normAct maps synonyms of attack to one term.
func normAct(t string) string {
	switch t {
	case "assault", "attack", "attacks", "assaults":
		return "attack"
	}
	return t
}

// agentKey names the side of an agent phrase: "<country> gov" for a
// government, its leaders and forces, "rebel" for non-state fighters, or
// "" when unclear.
func (cl *cluster) agentKey(d *doc, ws []int) string {
	country, gov, rebel := "", false, false
	for _, i := range ws {
		w := d.words[i]
		if m := d.byLast[i]; m != nil {
			switch m.kind {
			case Person:
				e := cl.entityOf(m)
				if e == nil {
					continue
				}
				aff := cl.affiliation(Person, m.canon)
				for t := range e.titles {
					if govTitles[t] && aff != "" {
						return strings.ToLower(aff) + " gov"
					}
				}
				if aff != "" {
					country = aff
				}
			case Country:
				country = m.canon
			case Organization:
				if c := orgCountry[m.canon]; c != "" {
					country, gov = c, true
				}
			}
		}
		if c, ok := demonyms[w.lower]; ok {
			country = c
		}
		if agentGov[w.lower] {
			gov = true
		}
		if agentRebel[w.lower] {
			rebel = true
		}
	}
	switch {
	case rebel:
		return "rebel"
	case country != "" && (gov || len(ws) == 1):
		return strings.ToLower(country) + " gov"
	case gov:
		return "? gov"
	}
	return ""
}

// agentsConflict reports whether two agent keys name different sides: a
// government and rebels, or the governments of two different countries.
func agentsConflict(x, y string) bool {
	if x == "" || y == "" || x == y {
		return false
	}
	if x == "rebel" || y == "rebel" {
		return true
	}
	return !strings.HasPrefix(x, "? ") && !strings.HasPrefix(y, "? ")
}

// numFacts finds numbers with the noun they count.
func numFacts(d *doc, ws []int) []numFact {
	var out []numFact
	for x, i := range ws {
		w := d.words[i]
		v, ok := parseNumber(w.lower)
		if !ok || strings.HasPrefix(w.lower, "0") {
			continue
		}
		if x+1 < len(ws) && d.words[ws[x+1]].lower == "000" && strings.TrimSpace(d.gap(i)) == "," {
			v *= 1000 // "150, 000"
		}
		prevL, nextL := "", ""
		if x > 0 {
			prevL = d.words[ws[x-1]].lower
		}
		if x+1 < len(ws) {
			nextL = d.words[ws[x+1]].lower
		}
		if _, m := months[prevL]; m {
			continue
		}
		if _, m := months[nextL]; m {
			continue
		}
		if v >= 1900 && v <= 2100 && !strings.Contains(w.text, ",") {
			continue
		}
		lo, hi := v, v
		p2 := ""
		if x > 1 {
			p2 = d.words[ws[x-2]].lower + " " + prevL
		}
		switch {
		case p2 == "more than" || p2 == "at least" || prevL == "over":
			hi = math.Inf(1)
		case p2 == "less than" || p2 == "fewer than" || p2 == "up to" || p2 == "at most" || prevL == "under":
			lo = 0
		case prevL == "about" || prevL == "around" || prevL == "nearly" || prevL == "some" || prevL == "roughly" || prevL == "approximately" || prevL == "almost":
			lo, hi = v*0.8, v*1.2
		}
		unit := ""
		for y := x + 1; y < len(ws) && y <= x+3; y++ {
			if t := termOf(d.words[ws[y]]); t != "" {
				unit = normAct(t)
				break
			}
		}
		if nextL == "000" && x+2 < len(ws) {
			nextL = d.words[ws[x+2]].lower
		}
		if nextL == "people" || nextL == "percent" || nextL == "%" {
			unit = nextL
		}
		// The context is the verb or noun that governs the count: the
		// first term after the counted noun ("2,000 people attended"),
		// else the one before the number ("killed 12 workers").
		ctx := ""
		for y := x + 2; y < len(ws) && y <= x+3; y++ {
			if t := termOf(d.words[ws[y]]); t != "" && ws[y] == ws[y-1]+1 {
				ctx = t
				break
			}
		}
		for y := x - 1; ctx == "" && y >= 0 && y >= x-3; y-- {
			if t := termOf(d.words[ws[y]]); t != "" && !d.words[ws[y]].cap {
				ctx = t
				break
			}
		}
		if unit == "" {
			continue
		}
		out = append(out, numFact{lo: lo, hi: hi, unit: unit, context: ctx})
	}
	return out
}

var numberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}

func parseNumber(l string) (float64, bool) {
	if v, ok := numberWords[l]; ok {
		return v, true
	}
	if l == "" || l[0] < '0' || l[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(l, ",", ""), 64)
	return v, err == nil
}

// conflict is an incompatibility between two claims.
type conflict struct {
	i, j   int
	kind   string
	shared []string
}

// isSpecific reports whether term t is rare enough in the cluster's n
// claims to tie two claims to the same thing: in at most one claim in
// twenty, or two.
func isSpecific(df map[string]int, n int, t string) bool {
	return df[t] <= max(2, n/20)
}

// minShared is the number of non-generic content terms two claims must share
// to be about the same thing; two suffice when they are half of the
// shorter claim's terms.
const minShared = 3

// compare returns the kind of incompatibility between claims a and b, with
// their shared terms, or "" when they are compatible or unrelated. df gives
// the number of claims each term occurs in, n the number of claims: terms
// that are not specific (see isSpecific) are background and do not make two
// claims about the same thing by themselves.
func compare(a, b *claim, df map[string]int, n int) (string, []string) {
	if a.speaker != "" && a.speaker == b.speaker {
		return "", nil
	}
	if a.affil != "" && a.affil == b.affil {
		return "", nil
	}
	// Only claims with a cue can conflict: a negation on one side, or an
	// act, a number or an antonym on both.
	negCue := len(a.negScope) > 0 || len(b.negScope) > 0 || len(a.globalScope) > 0 || len(b.globalScope) > 0
	if !negCue && (len(a.agents) == 0 || len(b.agents) == 0) && (len(a.nums) == 0 || len(b.nums) == 0) && (!a.antonym || !b.antonym) {
		return "", nil
	}
	if a.ids != nil && b.ids != nil && vec.Common(a.ids, b.ids) < 2 {
		return "", nil
	}
	var shared []string
	plain := 0
	for _, t := range a.order {
		if b.terms[t] {
			shared = append(shared, t)
			if !a.entTerms[t] || !b.entTerms[t] {
				plain++
			}
		}
	}
	if plain == 0 || len(shared) < 2 {
		return "", nil
	}
	// Different agents of the same act.
	for _, x := range a.agents {
		for _, y := range b.agents {
			if !agentsConflict(x.agent, y.agent) {
				continue
			}
			for t := range x.object {
				if y.object[t] && !generic[t] {
					return "agent", shared
				}
			}
		}
	}
	if a.label == "" && b.label == "" {
		return "", nil // two outlets' own voices: background, not positions
	}
	specific := 0
	for _, t := range shared {
		if isSpecific(df, n, t) {
			specific++
		}
	}
	short := len(shared) == 2 && 2*len(shared) >= max(len(a.terms), len(b.terms))
	if len(shared) < minShared && !short || plain < 2 || specific < 2 {
		return "", nil
	}
	na, nb := a.negatedAgainst(b, df, n), b.negatedAgainst(a, df, n)
	if na != nb && 5*len(shared) >= min(len(a.terms), len(b.terms)) {
		return "negation", shared
	}
	for _, p := range antonyms {
		if a.words[p[0]] && b.words[p[1]] && !a.words[p[1]] && !b.words[p[0]] ||
			a.words[p[1]] && b.words[p[0]] && !a.words[p[0]] && !b.words[p[1]] {
			return "opposite", shared
		}
	}
	if 2*len(shared) < min(len(a.terms), len(b.terms)) {
		return "", nil // numbers only conflict between near-paraphrases
	}
	for _, x := range a.nums {
		for _, y := range b.nums {
			if x.unit == y.unit && x.context != "" && x.context == y.context && (x.hi < y.lo || y.hi < x.lo) {
				return "number", shared
			}
		}
	}
	return "", nil
}

// negatedAgainst reports whether c denies something b says: it holds a
// claim-wide negation ("denied", "no evidence") or a local one whose scope
// shares a term with b.
//
// A local negation must hit a term of b, and the two claims must be near
// paraphrases (they share 40% of the shorter one's terms). A claim-wide
// negation must cover at least two of b's terms, one of them a specific
// common word, and 40% of what it covers must be in b.
func (c *claim) negatedAgainst(b *claim, df map[string]int, n int) bool {
	for t := range c.negScope {
		if b.terms[t] && !generic[t] && !c.entTerms[t] && !b.entTerms[t] && isSpecific(df, n, t) {
			if 5*overlapTerms(c, b) >= 2*min(len(c.terms), len(b.terms)) {
				return true
			}
		}
	}
	shared, strong := 0, false
	for t := range c.globalScope {
		if b.terms[t] {
			shared++
			if !c.entTerms[t] && !b.entTerms[t] && isSpecific(df, n, t) {
				strong = true
			}
		}
	}
	return shared >= 2 && strong && 5*shared >= 2*len(c.globalScope)
}

// overlapTerms counts the terms two claims share.
func overlapTerms(a, b *claim) int {
	n := 0
	for t := range a.terms {
		if b.terms[t] {
			n++
		}
	}
	return n
}

// disagreements finds incompatible claims and groups them into sides.
func (cl *cluster) disagreements(maxSide int) []Disagreement {
	cs := cl.claims()
	df := termFreq(cs)
	var edges []conflict
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].doc == cs[j].doc && (cs[i].speaker == "" || cs[j].speaker == "") {
				continue
			}
			if k, sh := compare(cs[i], cs[j], df, len(cs)); k != "" {
				edges = append(edges, conflict{i, j, k, sh})
			}
		}
	}
	// Components: edges that share a claim and two terms are about the
	// same thing. Each component is two-coloured into sides.
	sets := newUnionFind(len(edges))
	byClaim := map[int][]int{}
	for e, c := range edges {
		byClaim[c.i] = append(byClaim[c.i], e)
		byClaim[c.j] = append(byClaim[c.j], e)
	}
	for _, es := range byClaim {
		for x := 0; x < len(es); x++ {
			for y := x + 1; y < len(es); y++ {
				if commonCount(edges[es[x]].shared, edges[es[y]].shared) >= 2 {
					sets.union(es[x], es[y])
				}
			}
		}
	}
	var comps [][]int // edge indices
	compOf := map[int]int{}
	for e := range edges {
		r := sets.find(e)
		k, ok := compOf[r]
		if !ok {
			k = len(comps)
			compOf[r] = k
			comps = append(comps, nil)
		}
		comps[k] = append(comps[k], e)
	}
	out := []Disagreement{}
	used := map[int]bool{} // claims already on a side
	for _, ce := range comps {
		// Two-colour the claims of the component, in edge order.
		color := map[int]int{}
		adj := map[int][]int{}
		for _, e := range ce {
			adj[edges[e].i] = append(adj[edges[e].i], e)
			adj[edges[e].j] = append(adj[edges[e].j], e)
		}
		var comp []int
		for _, e0 := range ce {
			if _, ok := color[edges[e0].i]; ok {
				continue
			}
			color[edges[e0].i] = 0
			queue := []int{edges[e0].i}
			for len(queue) > 0 {
				n := queue[0]
				queue = queue[1:]
				comp = append(comp, n)
				for _, e := range adj[n] {
					o := edges[e].i
					if o == n {
						o = edges[e].j
					}
					if _, ok := color[o]; !ok {
						color[o] = 1 - color[n]
						queue = append(queue, o)
					}
				}
			}
		}
		sort.Ints(comp)
		inComp := map[int]bool{}
		for _, n := range comp {
			inComp[n] = true
		}
		kinds := map[string]int{}
		topic := map[string]int{}
		surf := map[string]string{}
		valid := 0
		for _, ei := range ce {
			e := edges[ei]
			if color[e.i] == color[e.j] {
				continue
			}
			valid++
			kinds[e.kind]++
			for _, t := range e.shared {
				topic[t]++
				if surf[t] == "" {
					surf[t] = cs[e.i].surf[t]
				}
			}
		}
		if valid == 0 {
			continue
		}
		sides := [2][]int{}
		for _, n := range comp {
			sides[color[n]] = append(sides[color[n]], n)
		}
		// Claims by the same speakers or countries on the same topic join
		// their side.
		sideAffil := [2]map[string]bool{{}, {}}
		sideSpk := [2]map[string]bool{{}, {}}
		for s := range sides {
			for _, n := range sides[s] {
				if cs[n].affil != "" {
					sideAffil[s][cs[n].affil] = true
				}
				if cs[n].speaker != "" {
					sideSpk[s][cs[n].speaker] = true
				}
			}
		}
		for n, c := range cs {
			if inComp[n] || used[n] || c.speaker == "" {
				continue
			}
			on := 0
			for t := range c.terms {
				if topic[t] > 0 {
					on++
				}
			}
			if on < 3 {
				continue
			}
			join := -1
			for s := 0; s < 2; s++ {
				o := 1 - s
				if c.speaker != "" && sideSpk[s][c.speaker] && !sideSpk[o][c.speaker] ||
					c.affil != "" && sideAffil[s][c.affil] && !sideAffil[o][c.affil] {
					join = s
				}
			}
			if join >= 0 && len(sides[join]) < maxSide {
				sides[join] = append(sides[join], n)
				used[n] = true
			}
		}
		dis := Disagreement{Topic: topicLabel(topic, surf), Kind: topKind(kinds)}
		for s := 0; s < 2; s++ {
			sort.Slice(sides[s], func(a, b int) bool {
				ca, cb := cs[sides[s][a]], cs[sides[s][b]]
				if ca.doc != cb.doc {
					return ca.doc < cb.doc
				}
				return ca.start < cb.start
			})
			side := Side{Speakers: []string{}, Sentences: []Cite{}, Sources: []string{}}
			for k, n := range sides[s] {
				c := cs[n]
				d := cl.docs[c.doc]
				if k < maxSide {
					side.Sentences = append(side.Sentences, Cite{Article: d.a.ID, Start: c.start, End: c.end, Text: d.text[c.start:c.end]})
				}
				if c.label != "" && !contains(side.Speakers, c.label) {
					side.Speakers = append(side.Speakers, c.label)
				}
				if !contains(side.Sources, d.a.ID) {
					side.Sources = append(side.Sources, d.a.ID)
				}
			}
			sort.Strings(side.Speakers)
			sort.Strings(side.Sources)
			dis.Sides = append(dis.Sides, side)
		}
		out = append(out, dis)
	}
	sort.SliceStable(out, func(i, j int) bool {
		si := len(out[i].Sides[0].Sources) + len(out[i].Sides[1].Sources)
		sj := len(out[j].Sides[0].Sources) + len(out[j].Sides[1].Sources)
		return si > sj
	})
	return out
}

// termFreq returns the number of claims each term occurs in, and gives
// every claim the sorted ids of its terms.
func termFreq(cs []*claim) map[string]int {
	df := map[string]int{}
	id := map[string]int{}
	for _, c := range cs {
		c.ids = make([]int, 0, len(c.order))
		for _, t := range c.order {
			df[t]++
			k, ok := id[t]
			if !ok {
				k = len(id)
				id[t] = k
			}
			c.ids = append(c.ids, k)
		}
		sort.Ints(c.ids)
	}
	return df
}

// commonCount counts the strings two short lists have in common.
func commonCount(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
				break
			}
		}
	}
	return n
}

func topKind(kinds map[string]int) string {
	best, bn := "", 0
	for _, k := range []string{"agent", "negation", "opposite", "number"} {
		if kinds[k] > bn {
			best, bn = k, kinds[k]
		}
	}
	return best
}

// topicLabel returns up to four of the most shared terms, as written.
func topicLabel(topic map[string]int, surf map[string]string) string {
	type tc struct {
		t string
		n int
	}
	var list []tc
	for t, n := range topic {
		list = append(list, tc{t, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].t < list[j].t
	})
	var words []string
	for k, x := range list {
		if k == 4 {
			break
		}
		s := surf[x.t]
		if s == "" {
			s = x.t
		}
		words = append(words, s)
	}
	return strings.Join(words, " ")
}

// unionFind is a disjoint-set forest over 0…n-1 whose roots are the
// smallest element of their set.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the root of i's set.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union merges the sets of i and j and returns the root of the union.
func (u unionFind) union(i, j int) int {
	ri, rj := u.find(i), u.find(j)
	if ri > rj {
		ri, rj = rj, ri
	}
	u[rj] = ri
	return ri
}
