package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/text"
)

// word is a token of an article with the features the passes need.
type word struct {
	text       string // as written, without a possessive 's
	lower      string
	start, end int  // byte span in the article's Text
	poss       bool // followed by a possessive 's
	after      int  // end of the word including a possessive 's
	cap        bool // starts with an upper-case letter
	sentStart  bool // first word of its unit, or first word inside a quote
	quoted     bool // inside a direct quotation
	unit       int  // index in doc.units
}

// unit is a sentence, widened so that no quotation crosses two units.
type unit struct {
	start, end int
	para       int
	w0, w1     int // words [w0, w1)
	headline   bool
}

// qspan is a direct quotation: the words between the quotation marks.
type qspan struct {
	start, end  int // inner text, trimmed
	open, close int // positions of the marks
	unit        int
}

// doc is one analysed article.
type doc struct {
	idx    int
	a      *brief.Article
	text   string
	words  []word
	units  []unit
	quotes []qspan
	ments  []*mention
	// byLast and byFirst index mentions by their last and first word.
	byLast, byFirst map[int]*mention
	byTitle         map[int]*mention // titled person mentions by the first word of their title
	attrs           []*attribution
	refDate         date // reference date for relative expressions; zero when unknown
}

// cluster is the analysed input of Build.
type cluster struct {
	docs       []*doc
	capMid     map[string]bool // lower-case words seen capitalised mid-sentence
	lowSeen    map[string]bool // lower-case words seen in lower case
	ents       map[string]*entity
	persons    map[string]bool            // lower-case surface forms known to name people
	orgNamed   map[string]bool            // lower-case surface forms written after an organisation noun
	placeNamed map[string]bool            // lower-case surface forms written before a place noun
	placeLike  map[string]bool            // unknown names written after "in", "of", "from" …
	titleOf    map[string]map[string]bool // title phrase → canonical persons
	qtitleOf   map[string]map[string]bool // country + "|" + title → canonical persons
}

func analyze(articles []*brief.Article) *cluster {
	cl := &cluster{
		capMid: map[string]bool{}, lowSeen: map[string]bool{}, ents: map[string]*entity{},
		persons: map[string]bool{}, orgNamed: map[string]bool{}, placeNamed: map[string]bool{}, titleOf: map[string]map[string]bool{}, qtitleOf: map[string]map[string]bool{},
	}
	for _, a := range articles {
		if a == nil || a.Text == "" || !utf8.ValidString(a.Text) {
			continue
		}
		d := newDoc(len(cl.docs), a)
		cl.docs = append(cl.docs, d)
		for _, w := range d.words {
			if !w.cap {
				cl.lowSeen[w.lower] = true
			} else if !w.sentStart && !d.units[w.unit].headline {
				cl.capMid[w.lower] = true
			}
		}
	}
	cl.findMentions()
	cl.findAttributions()
	cl.resolveEntities()
	cl.resolveSpeakers()
	for _, d := range cl.docs {
		d.refDate = refDate(d)
	}
	return cl
}

func newDoc(idx int, a *brief.Article) *doc {
	d := &doc{idx: idx, a: a, text: a.Text, byLast: map[int]*mention{}, byFirst: map[int]*mention{}, byTitle: map[int]*mention{}}
	s := a.Text
	d.words = tokenize(s)
	for _, p := range paragraphs(s) {
		qs := findQuotes(s, p)
		var spans []text.Span
		for _, sp := range text.Sentences(s[p.Start:p.End]) {
			sp.Start += p.Start
			sp.End += p.Start
			if sp.Start < p.Start || sp.End > p.End || sp.Start >= sp.End {
				continue
			}
			spans = append(spans, sp)
		}
		if len(spans) == 0 {
			spans = []text.Span{p}
		}
		// Merge sentences a quotation crosses. Quotations are in order and
		// do not overlap, so one pass over both lists suffices.
		var merged []text.Span
		qi := 0
		for _, sp := range spans {
			if n := len(merged); n > 0 {
				last := &merged[n-1]
				for qi < len(qs) && qs[qi].close < sp.Start {
					qi++
				}
				if qi < len(qs) && qs[qi].open < last.End {
					last.End = sp.End
					continue
				}
			}
			merged = append(merged, sp)
		}
		for _, sp := range merged {
			d.units = append(d.units, unit{start: sp.Start, end: sp.End, para: p.Start})
		}
		for _, q := range qs {
			d.quotes = append(d.quotes, q)
		}
	}
	// Assign words to units.
	u := 0
	for i := range d.words {
		w := &d.words[i]
		for u+1 < len(d.units) && w.start >= d.units[u].end {
			u++
		}
		w.unit = u
	}
	for i := range d.units {
		d.units[i].w0, d.units[i].w1 = -1, -1
	}
	for i, w := range d.words {
		if w.unit >= len(d.units) {
			continue
		}
		un := &d.units[w.unit]
		if un.w0 < 0 {
			un.w0 = i
			d.words[i].sentStart = true
		}
		un.w1 = i + 1
	}
	for i := range d.units {
		if d.units[i].w0 < 0 {
			d.units[i].w0, d.units[i].w1 = 0, 0
		}
	}
	wi := 0
	for qi := range d.quotes {
		q := &d.quotes[qi]
		for wi < len(d.words) && d.words[wi].start < q.start {
			wi++
		}
		for i := wi; i < len(d.words) && d.words[i].end <= q.end; i++ {
			w := &d.words[i]
			w.quoted = true
			if i == wi {
				w.sentStart = w.sentStart || w.cap
			}
			q.unit = w.unit
		}
	}
	for i := range d.units {
		d.units[i].headline = isHeadline(d, &d.units[i])
	}
	return d
}

// tokenize splits s into words with text.Tokens, then joins dotted acronyms
// ("U.S.") and apostrophe suffixes ("didn't", "Russia's").
func tokenize(s string) []word {
	toks := text.Tokens(s)
	var out []word
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Start < 0 || t.End > len(s) || t.Start >= t.End {
			continue
		}
		start, end := t.Start, t.End
		// Dotted acronym: single letters joined by '.'.
		if isSingleUpper(s[start:end]) && end < len(s) && s[end] == '.' {
			j := i
			for j+1 < len(toks) && toks[j+1].Start == toks[j].End+1 && s[toks[j].End] == '.' && isSingleUpper(toks[j+1].Text) {
				j++
			}
			if j > i {
				end = toks[j].End
				if end < len(s) && s[end] == '.' {
					end++
				}
				i = j
			}
		}
		w := word{text: s[start:end], start: start, end: end}
		// Apostrophe suffixes.
		if i+1 < len(toks) {
			n := toks[i+1]
			gap := s[end:min(n.Start, len(s))]
			if (gap == "'" || gap == "’") && n.End <= len(s) {
				switch strings.ToLower(n.Text) {
				case "s":
					w.poss = true
					w.after = n.End
					i++
				case "t", "re", "ll", "ve", "d", "m":
					w.text = s[start:n.End]
					w.end = n.End
					i++
				}
			}
		}
		if w.after == 0 {
			w.after = w.end
		}
		// A possessive kept inside the token ("Russia's").
		if n := len(w.text); !w.poss && n > 2 && (w.text[n-1] == 's' || w.text[n-1] == 'S') {
			for _, ap := range []string{"'", "’", "ʼ"} {
				if strings.HasSuffix(w.text[:n-1], ap) {
					w.poss = true
					w.end = start + n - 1 - len(ap)
					w.text = s[start:w.end]
					break
				}
			}
		}
		w.lower = strings.ToLower(w.text)
		r, _ := utf8.DecodeRuneInString(w.text)
		w.cap = unicode.IsUpper(r)
		out = append(out, w)
	}
	return out
}

func isSingleUpper(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}

// paragraphs returns the spans of s separated by blank lines, trimmed.
func paragraphs(s string) []text.Span {
	var out []text.Span
	start := 0
	emit := func(a, b int) {
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, text.Span{Start: a, End: b})
		}
	}
	i := 0
	for i < len(s) {
		if s[i] == '\n' {
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				emit(start, i)
				for j < len(s) && isSpaceByte(s[j]) {
					j++
				}
				start = j
				i = j
				continue
			}
		}
		i++
	}
	emit(start, len(s))
	return out
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// findQuotes returns the direct quotations of paragraph p of s: text between
// “ and ”, “ and ”, or a pair of straight double quotes.
func findQuotes(s string, p text.Span) []qspan {
	var out []qspan
	open := -1
	var closer string
	add := func(o, olen, c int) {
		a, b := o+olen, c
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && (isSpaceByte(s[b-1]) || s[b-1] == ',') {
			b--
		}
		if a < b {
			out = append(out, qspan{start: a, end: b, open: o, close: c})
		}
	}
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case open < 0 && r == '“':
			open, closer = i, "”"
		case open < 0 && r == '"':
			open, closer = i, "\""
		case open < 0 && strings.HasPrefix(s[i:], "``"):
			open, closer = i, "''"
			n = 2
		case open >= 0 && strings.HasPrefix(s[i:], closer):
			olen := 1
			switch closer {
			case "”":
				olen = len("“")
			case "''":
				olen = 2
			}
			add(open, olen, i)
			open = -1
			n = len(closer)
		case open >= 0 && closer == "”" && r == '"':
			// Mixed marks: a straight quote closes a curly one.
			add(open, len("“"), i)
			open = -1
		}
		i += n
	}
	return out
}

// isHeadline reports whether a unit looks like a title-case headline rather
// than a sentence.
func isHeadline(d *doc, u *unit) bool {
	n, caps := 0, 0
	for i := u.w0; i < u.w1; i++ {
		w := d.words[i]
		if i == u.w0 || text.IsStopword("", w.lower) {
			continue
		}
		n++
		if w.cap {
			caps++
		}
	}
	if n < 3 {
		return false
	}
	last := strings.TrimRight(d.text[u.start:u.end], " \t\"'”’")
	if strings.HasSuffix(last, ".") && (caps < n || n < 4) {
		return false // sentences end with a full stop; headlines rarely do
	}
	return caps*10 >= n*6
}

// gap returns the text between words i and i+1 of d.
func (d *doc) gap(i int) string {
	if i < 0 || i+1 >= len(d.words) {
		return ""
	}
	a, b := d.words[i].after, d.words[i+1].start
	if a > b {
		return ""
	}
	return d.text[a:b]
}

func (d *doc) span(a, b int) string {
	if a < 0 || b > len(d.text) || a > b {
		return ""
	}
	return d.text[a:b]
}
