package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences returns the sentences of s as byte spans into s.
//
// The spans are in order, do not overlap, are non-empty, are trimmed of
// surrounding white space (unicode.IsSpace), and together cover every
// non-space byte of s. An empty or all-space s yields no spans. Invalid UTF-8
// is kept inside the sentence it occurs in.
//
// A sentence ends after '.', '!', '?' or an ellipsis ("...", "…"), together
// with any closing quotes and brackets that follow, when white space and a
// word that can start a sentence come next. It does not end:
//   - inside a token ("3.5", "U.S.-led", "example.com", "e.g.,");
//   - before a lower-case word ('"Is it?" she asked.', "the U.S. economy");
//   - after a title ("Mr.", "Sen.", "Gen.", ...), a continuation
//     abbreviation ("vs.", "e.g.", "i.e.") or a number abbreviation before a
//     number ("No. 10", "Jan. 5");
//   - after an abbreviation that may also end a sentence ("U.S.", "Inc.",
//     "Jr.", "D.C.", an initial such as "F." or "J.R.R.") unless the next word
//     is a common sentence starter ("The", "He", "But", ...), an opening quote
//     or bracket follows, or the text breaks the line there;
//   - before a speech tag after a quoted question or exclamation
//     ('"Why now?" Lavrov asked.').
//
// Line breaks: a blank line always ends a sentence. A single newline ends a
// sentence only when the line before it has no final punctuation and does
// not look like a hard-wrapped line of a paragraph (so a headline, a byline
// or a dateline on its own line is a sentence). A line is taken as wrapped
// when the next line starts in lower case; when it ends in a comma, colon,
// semicolon or dash, or in a word that cannot end a sentence ("the", "of",
// "that"); or when the text is hard-wrapped (its paragraph, or else the
// whole text, has at least 3 lines and none wider than 120 characters, as
// wire copy wrapped at 70 columns) and the first word of the next line would
// not have fitted on the line.
//
// Sentences runs in linear time and allocates only the result.
func Sentences(s string) []Span {
	sp := splitter{s: s, out: make([]Span, 0, len(s)/64+1), bEnd: -1, docLines: -1}
	sp.run()
	return sp.out
}

const (
	maxWrapWidth = 120 // widest paragraph still taken as hard-wrapped, in runes
	wrapSlack    = 8   // runes of tolerance in the wrap test (indents, tabs)
)

// splitter holds the state of one Sentences call.
type splitter struct {
	s     string
	out   []Span
	start int // start of the current sentence, not yet trimmed

	// The paragraph last measured by block, and the whole text's line
	// statistics (docLines < 0 until measured).
	bStart, bEnd, bWidth, bLines int
	docWidth, docLines           int
}

// candidate marks the bytes that may begin a sentence boundary: ASCII
// terminals, newline, and lead bytes of the multi-byte terminals.
var candidate = [256]bool{'.': true, '!': true, '?': true, '\n': true, 0xE2: true, 0xE3: true, 0xEF: true}

func (sp *splitter) run() {
	s := sp.s
	for i := 0; i < len(s); {
		c := s[i]
		if !candidate[c] {
			i++
			continue
		}
		switch c {
		case '\n':
			if sp.newlineBreak(i) {
				sp.emit(i)
				sp.start = i + 1
			}
			i++
		case '.', '!', '?':
			i = sp.terminal(i)
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == '\u2029': // paragraph separator
				sp.emit(i)
				sp.start = i + n
				i += n
			case isTerminal(r):
				i = sp.terminal(i)
			default:
				i += n
			}
		}
	}
	sp.emit(len(s))
}

// emit appends s[sp.start:end], trimmed, unless it is empty.
func (sp *splitter) emit(end int) {
	a, b := trimSpan(sp.s, sp.start, end)
	if a < b {
		sp.out = append(sp.out, Span{a, b})
	}
}

// trimSpan returns [start,end) without leading and trailing white space.
func trimSpan(s string, start, end int) (int, int) {
	for start < end {
		c := s[start]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			start++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		c := s[end-1]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			end--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '“', '‘', '«', '‹', '」', '』', '）':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '`', '¿', '¡', '„', '‚', '「', '『', '（':
		return true
	}
	return false
}

func isBracket(r rune) bool {
	switch r {
	case '(', '[', '{', '（':
		return true
	}
	return false
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// terminal looks at the run of final punctuation that starts at s[i],
// records a boundary after it if there is one, and returns where scanning
// resumes.
func (sp *splitter) terminal(i int) int {
	s := sp.s
	j := i
	dots, marks := 0, 0
	ellipsis, closed, cjk := false, false, false
run:
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '.':
			dots++
			j += n
			// Spaced ellipsis ". . .".
			if j+1 < len(s) && s[j] == ' ' && s[j+1] == '.' &&
				(dots > 1 || strings.HasPrefix(s[j+2:], " .")) {
				j++
				ellipsis = true
			}
		case r == '…':
			ellipsis = true
			j += n
		case r == '。' || r == '！' || r == '？':
			cjk = true
			marks++
			j += n
		case r == '!' || r == '?' || r == '‼' || r == '⁇' || r == '⁈' || r == '⁉':
			marks++
			j += n
		case isCloser(r):
			closed = true
			j += n
		case (r == ' ' || r == '\u00a0') && strings.HasPrefix(s[j+n:], "»"):
			closed = true
			j += n + len("»")
		default:
			break run
		}
	}
	if dots > 1 {
		ellipsis = true
	}
	end := j
	if end >= len(s) {
		return end
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	if !isSpace(r) {
		if cjk {
			sp.emit(end)
			sp.start = end
		}
		return end
	}
	// Skip the white space to the next word.
	k := end
	nl := -1
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !isSpace(r) {
			break
		}
		if r == '\n' && nl < 0 {
			nl = k
		}
		k += n
	}
	if k >= len(s) {
		return end
	}
	if sp.boundary(i, k, nl, marks, ellipsis, closed) {
		sp.emit(end)
		sp.start = end
	}
	return end
}

// boundary decides whether the run of final punctuation that starts at s[i]
// ends a sentence, given that the next non-space text starts at k and the
// first newline before it (if any) is at nl. marks counts the question and
// exclamation marks of the run; ellipsis and closed say whether it holds an
// ellipsis and closing quotes or brackets.
func (sp *splitter) boundary(i, k, nl, marks int, ellipsis, closed bool) bool {
	s := sp.s
	if strings.HasPrefix(s[k:], "--") || strings.HasPrefix(s[k:], "—") || strings.HasPrefix(s[k:], "–") {
		return false // a dash continues the sentence
	}
	if r, _ := utf8.DecodeRuneInString(s[k:]); isTerminal(r) {
		return false // more punctuation: ". . .\n. If"
	}
	q := k
	opened, quoted := false, false
	for q < len(s) {
		r, n := utf8.DecodeRuneInString(s[q:])
		if !isOpener(r) {
			break
		}
		opened = true
		quoted = quoted || !isBracket(r)
		q += n
	}
	if q >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[q:])
	word := leadingWord(s[q:])
	upper := unicode.IsUpper(r) || unicode.IsTitle(r)
	digit := isDigit(r)
	if unicode.IsLower(r) {
		if !hasUpper(word) {
			return false // lower-case continuation
		}
		upper = true // "iPhone", "eBay"
	}
	if marks > 0 {
		if closed && upper && !opened && speechTag(s[q:]) {
			return false
		}
		return true
	}
	if ellipsis {
		return true // and the next word is not in lower case
	}
	w, glued := wordBefore(s, i)
	if w == "" {
		if nd := digitsBefore(s, i); nd > 0 && nd <= 2 {
			if a, b := trimSpan(s, sp.start, i-nd); a == b {
				return false // a list number: "1. The first point"
			}
			if upper && months[word] {
				return false // a German ordinal date: "am 3. Oktober"
			}
		}
		return true
	}
	kind := abbrNone
	if !glued {
		kind = classify(w)
	}
	switch kind {
	case abbrTitle, abbrContinue:
		return false
	case abbrNumber:
		return !digit
	case abbrTime:
		if digit && !quoted && !(nl >= 0 && sp.lineBreakAfter(nl)) {
			// News style spells out a number that starts a sentence, so
			// a numeral after "a.m." goes on: "at 4:31 a.m. 10 miles
			// north", "at 4:31 a.m. (1131 GMT)". A quotation or a
			// paragraph break still starts a new sentence.
			return false
		}
		return !(upper && timeWords[word])
	case abbrEtc:
		return true
	case abbrAmbiguous:
		if digit {
			return false
		}
		if nl >= 0 && sp.lineBreakAfter(nl) {
			return true
		}
		if quoted {
			return true // a quotation starts; a bracket more often continues
		}
		if upper && starters[word] && !strings.HasPrefix(s[q+len(word):], ".") {
			return true
		}
		return false
	}
	return true
}

// leadingWord returns the run of letters at the start of s.
func leadingWord(s string) string {
	for j := 0; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isLetter(r) {
			return s[:j]
		}
		j += n
	}
	return s
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// wordBefore returns the word that ends at s[i]: letters with single
// internal dots ("U.S", "a.m", "Mr"). glued reports that the word (or the
// punctuation) is attached to a digit or to URL-like characters, so that it
// cannot be an abbreviation.
func wordBefore(s string, i int) (w string, glued bool) {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if isLetter(r) {
			j -= n
			continue
		}
		if r == '.' && j < i && j-n > 0 {
			p, _ := utf8.DecodeLastRuneInString(s[:j-n])
			if isLetter(p) {
				j -= n
				continue
			}
		}
		break
	}
	if j > 0 {
		p, _ := utf8.DecodeLastRuneInString(s[:j])
		switch p {
		case '@', '/', '\\', '_', '&', '=', '#', '%', '+', '.':
			glued = true
		default:
			glued = isDigit(p)
		}
	}
	return s[j:i], glued
}

// digitsBefore returns the number of ASCII digits that end at s[i], if they
// are preceded by white space or the start of s; otherwise 0.
func digitsBefore(s string, i int) int {
	j := i
	for j > 0 && '0' <= s[j-1] && s[j-1] <= '9' {
		j--
	}
	if j > 0 && s[j-1] != '(' && (s[j-1] >= utf8.RuneSelf || !asciiSpace[s[j-1]]) {
		return 0
	}
	return i - j
}

// lineBreakAfter reports whether the newline at s[nl] is a hard break for a
// line that ends in an ambiguous abbreviation.
func (sp *splitter) lineBreakAfter(nl int) bool {
	s := sp.s
	ls := strings.LastIndexByte(s[:nl], '\n') + 1
	line := strings.TrimSpace(s[ls:nl])
	next := nextLine(s, nl)
	if next == "" {
		return true
	}
	return sp.hardBreak(line, next, nl)
}

// nextLine returns the line after the newline at s[nl], trimmed.
func nextLine(s string, nl int) string {
	rest := s[nl+1:]
	if e := strings.IndexByte(rest, '\n'); e >= 0 {
		rest = rest[:e]
	}
	return strings.TrimSpace(rest)
}

// newlineBreak reports whether the newline at s[i] ends a sentence.
func (sp *splitter) newlineBreak(i int) bool {
	s := sp.s
	ls := strings.LastIndexByte(s[:i], '\n') + 1
	line := strings.TrimSpace(s[ls:i])
	if line == "" {
		return false
	}
	next := nextLine(s, i)
	if next == "" {
		return true // a blank line follows
	}
	if endsInTerminal(line) {
		return false // the punctuation rules have decided
	}
	return sp.hardBreak(line, next, i)
}

// endsInTerminal reports whether line ends in final punctuation, possibly
// followed by closing quotes or brackets.
func endsInTerminal(line string) bool {
	for len(line) > 0 {
		r, n := utf8.DecodeLastRuneInString(line)
		if isTerminal(r) {
			return true
		}
		if !isCloser(r) {
			return false
		}
		line = line[:len(line)-n]
	}
	return false
}

// hardBreak reports whether the newline at s[nl] between the trimmed lines
// line and next is a paragraph or headline break rather than a soft wrap.
func (sp *splitter) hardBreak(line, next string, nl int) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case ',', ';', ':', '-', '–', '—', '&', '(', '/':
		return false
	}
	if dangling[trailingWord(line)] {
		return false // "... when we heard that\nOprah Winfrey wanted ..."
	}
	q := next
	for len(q) > 0 {
		r, n := utf8.DecodeRuneInString(q)
		if !isOpener(r) {
			break
		}
		q = q[n:]
	}
	if r, _ := utf8.DecodeRuneInString(q); unicode.IsLower(r) {
		return false
	}
	if width := sp.wrapWidth(nl); width > 0 {
		first := next
		if e := strings.IndexAny(first, " \t"); e >= 0 {
			first = first[:e]
		}
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(first) > width-wrapSlack {
			return false
		}
	}
	return true
}

// wrapWidth returns the width in runes to which the text around the newline
// at s[nl] looks hard-wrapped, or 0 when it does not look wrapped. It is the
// widest trimmed line of the paragraph (the lines between blank lines) when
// that has at least 3 lines, else of the whole text when that has at least 3
// lines; a width above maxWrapWidth means the text is not wrapped.
func (sp *splitter) wrapWidth(nl int) int {
	if !(sp.bStart <= nl && nl < sp.bEnd) {
		sp.bStart, sp.bEnd, sp.bWidth, sp.bLines = sp.block(nl)
	}
	width, lines := sp.bWidth, sp.bLines
	if lines < 3 {
		if sp.docLines < 0 {
			sp.docWidth, sp.docLines = lineStats(sp.s)
		}
		width, lines = sp.docWidth, sp.docLines
	}
	if lines < 3 || width > maxWrapWidth {
		return 0
	}
	return width
}

// lineStats returns the widest trimmed line of s in runes and the number of
// non-blank lines.
func lineStats(s string) (width, lines int) {
	for line := range strings.Lines(s) {
		w := utf8.RuneCountInString(strings.TrimSpace(line))
		if w > 0 {
			lines++
			width = max(width, w)
		}
	}
	return width, lines
}

// block returns the paragraph (lines between blank lines) around the
// newline at s[nl] as a byte range, with its widest trimmed line in runes
// and its number of lines.
func (sp *splitter) block(nl int) (start, end, width, lines int) {
	s := sp.s
	// Backward to the previous blank line.
	a := strings.LastIndexByte(s[:nl], '\n') + 1
	for a > 0 {
		p := strings.LastIndexByte(s[:a-1], '\n') + 1
		if strings.TrimSpace(s[p:a-1]) == "" {
			break
		}
		a = p
	}
	// Forward to the next blank line.
	b := a
	for b < len(s) {
		e := strings.IndexByte(s[b:], '\n')
		if e < 0 {
			e = len(s)
		} else {
			e += b
		}
		w := utf8.RuneCountInString(strings.TrimSpace(s[b:e]))
		if w == 0 && b > a {
			break
		}
		if w > 0 {
			lines++
			width = max(width, w)
		}
		b = e + 1
	}
	return a, b, width, lines
}

// trailingWord returns the run of letters at the end of s.
func trailingWord(s string) string {
	j := len(s)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isLetter(r) {
			break
		}
		j -= n
	}
	return s[j:]
}

// speechTag reports whether s starts with a speech tag such as
// "Lavrov asked" or "Foreign Minister Sergei Lavrov said".
func speechTag(s string) bool {
	for n := 0; n < 5 && s != ""; n++ {
		w := leadingWord(s)
		if w == "" {
			return false
		}
		if n == 0 && starters[w] {
			return false
		}
		if speechVerbs[w] {
			return true
		}
		s = strings.TrimLeft(s[len(w):], ". ")
	}
	return false
}
