// Package clean removes from article texts the lines that do not belong to
// the story: bylines, posted/updated date lines, dateline prefixes,
// navigation and section footers, photo captions, headlines of other stories
// and off-topic lines at the end.
//
// Each decision is made from the text itself: the shape of a line (length,
// capitalisation, final punctuation) and how many of its content words occur
// in the rest of the article and in the other articles of the cluster.
package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/text"
)

// minTailArticles is the fewest articles with text a cluster must hold for
// the off-topic tail rule to apply: one or two articles are too little
// context to tell a final sentence that adds a new fact from one that does
// not belong to the story.
const minTailArticles = 3

// Defaults used for the zero fields of a Cleaner.
const (
	DefaultMinShared     = 0.5
	DefaultMinSharedTail = 0.2
	DefaultTailLines     = 3
)

// Cleaner implements brief.Cleaner. The zero value is ready to use. A
// Cleaner is safe for concurrent use by multiple goroutines.
type Cleaner struct {
	// MinShared is the fraction of the content words of a headline-shaped
	// line in sentence case (short, no final punctuation) that must occur
	// elsewhere in its article or in the other articles for the line to be
	// kept. 0 means DefaultMinShared.
	MinShared float64

	// MinSharedTail is the same fraction for full lines at the end of an
	// article: final lines sharing less are dropped, from the last one
	// backwards, up to TailLines of them, when at least three articles are
	// cleaned together. 0 means DefaultMinSharedTail.
	MinSharedTail float64

	// TailLines is the most final lines the off-topic tail rule may drop.
	// 0 means DefaultTailLines; a negative value disables the rule.
	TailLines int
}

var _ brief.Cleaner = (*Cleaner)(nil)

// Clean returns a cleaned copy of every article, in order; the articles are
// used as context for one another and left unchanged. In each copy:
//   - a dateline or "date YYYY-MM-DD" prefix is cut from the first line,
//     and the date of such a prefix becomes Published when that is unknown;
//   - the first line becomes the Title when the Title is empty and the line
//     is headline-shaped, and is dropped when it repeats the Title;
//   - bylines, date lines, navigation and footer lines, photo captions,
//     title-case headlines, off-topic headline-shaped lines and off-topic
//     final lines are dropped.
//
// Paragraphs stay separated by one blank line. An article whose every line
// is dropped keeps its text unchanged: Clean never empties an article.
func (c *Cleaner) Clean(articles []*brief.Article) []*brief.Article {
	ctx := newContext(articles)
	out := make([]*brief.Article, len(articles))
	for i, a := range articles {
		if a == nil {
			continue
		}
		b := *a
		b.Outlets = slices.Clone(a.Outlets)
		b.Duplicates = slices.Clone(a.Duplicates)
		b.Title, b.Text = c.cleanText(ctx, i, a.Title, a.Text)
		if b.Published.IsZero() {
			b.Published = prefixDate(a.Text)
		}
		out[i] = &b
	}
	return out
}

func (c *Cleaner) minShared() float64 {
	if c.MinShared > 0 {
		return c.MinShared
	}
	return DefaultMinShared
}

func (c *Cleaner) minSharedTail() float64 {
	if c.MinSharedTail > 0 {
		return c.MinSharedTail
	}
	return DefaultMinSharedTail
}

func (c *Cleaner) tailLines() int {
	switch {
	case c.TailLines < 0:
		return 0
	case c.TailLines == 0:
		return DefaultTailLines
	}
	return c.TailLines
}

// cleanText cleans the text of article i and returns its title and text.
func (c *Cleaner) cleanText(ctx *cluster, i int, title, txt string) (string, string) {
	lines := strings.Split(strings.ReplaceAll(txt, "\r\n", "\n"), "\n")
	for j := range lines {
		lines[j] = strings.TrimSpace(lines[j])
	}
	drop := make([]bool, len(lines))
	first := -1
	for j, l := range lines {
		if l != "" {
			first = j
			break
		}
	}
	if first < 0 {
		return title, txt
	}
	lines[first] = stripPrefixes(lines[first])
	titleLine := -1 // the line that holds the title, if any
	if lines[first] == "" {
		drop[first] = true
	} else if title != "" && sameLine(lines[first], title) {
		drop[first], titleLine = true, first
	} else if title == "" && isHeadlineShaped(lines[first]) && hasMoreText(lines, first) && !isJunk(lines[first]) {
		title = lines[first]
		drop[first], titleLine = true, first
	}
	lang := ctx.lang[i]
	for j, l := range lines {
		if l == "" || drop[j] {
			continue
		}
		switch {
		case isJunk(l):
			drop[j] = true
		case isHeadlineShaped(l):
			switch {
			case isTitleCase(lang, l):
				drop[j] = true
			case inHeadlineList(lines, j, titleLine):
				drop[j] = true
			default:
				if w := contentWords(lang, l); len(w) >= 3 && brief.CountWords(l) <= 15 && ctx.shared(i, w) < c.minShared() {
					drop[j] = true
				}
			}
		}
	}
	// The dateline is on the first line of the story proper, after the
	// title and any byline.
	for j, l := range lines {
		if l != "" && !drop[j] {
			lines[j] = stripPrefixes(l)
			break
		}
	}
	// Off-topic lines at the end, from the last one backwards, when the
	// cluster is big enough to tell what is on topic.
	tail := c.tailLines()
	if ctx.articles < minTailArticles {
		tail = 0
	}
	for j, n := len(lines)-1, 0; j >= 0 && n < tail; j-- {
		if lines[j] == "" || drop[j] {
			continue
		}
		w := contentWords(lang, lines[j])
		if len(w) < 4 || ctx.shared(i, w) >= c.minSharedTail() {
			break
		}
		drop[j] = true
		n++
	}
	out := join(lines, drop)
	if out == "" {
		return title, txt
	}
	return title, out
}

// stripPrefixes removes a machine date prefix and a newswire dateline from
// the start of line.
func stripPrefixes(line string) string {
	return stripDateline(stripDatePrefix(line))
}

// isJunk reports whether line is, by its shape alone, a byline, a date
// line, a navigation line, a footer or a photo caption.
func isJunk(line string) bool {
	if len(line) > 800 {
		return false // no rule applies to a line of more than 60 words
	}
	n := brief.CountWords(line)
	switch {
	case n > 60:
		return false
	case isFooter(line) || isCaption(line):
		return true
	case n > 25: // longer than any byline, date or navigation line
		return false
	}
	return isByline(line) || isDateLine(line) || isNavLine(line)
}

// inHeadlineList reports whether line j is headline-shaped and next to
// another headline-shaped line, the title line aside: a list of links to
// other stories rather than a subheading.
func inHeadlineList(lines []string, j, titleLine int) bool {
	if !isHeadlineShaped(lines[j]) {
		return false
	}
	for _, step := range []int{-1, 1} {
		for k := j + step; k >= 0 && k < len(lines); k += step {
			if lines[k] == "" {
				continue
			}
			if k != titleLine && isHeadlineShaped(lines[k]) {
				return true
			}
			break
		}
	}
	return false
}

// hasMoreText reports whether a non-blank line follows line j.
func hasMoreText(lines []string, j int) bool {
	for _, l := range lines[j+1:] {
		if l != "" {
			return true
		}
	}
	return false
}

// join rebuilds a text from the lines not dropped: lines of a paragraph
// separated by a newline, paragraphs by one blank line.
func join(lines []string, drop []bool) string {
	var b strings.Builder
	blank := false
	for j, l := range lines {
		if drop[j] {
			continue
		}
		if l == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// sameLine reports whether two lines are equal but for case, white space
// and punctuation.
func sameLine(a, b string) bool {
	key := func(s string) string {
		var sb strings.Builder
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				sb.WriteRune(unicode.ToLower(r))
			}
		}
		return sb.String()
	}
	ka := key(a)
	return ka != "" && ka == key(b)
}

// cluster holds the content words of every article of a cluster.
type cluster struct {
	lang     []string
	articles int              // number of articles with text
	counts   []map[string]int // per article: content word → occurrences
	df       map[string]int   // content word → number of articles holding it
}

func newContext(articles []*brief.Article) *cluster {
	ctx := &cluster{
		lang:   make([]string, len(articles)),
		counts: make([]map[string]int, len(articles)),
		df:     make(map[string]int),
	}
	for i, a := range articles {
		if a == nil {
			continue
		}
		ctx.lang[i] = a.Language
		m := make(map[string]int)
		for _, w := range contentWords(a.Language, a.Title+"\n"+a.Text) {
			m[w]++
		}
		for w := range m {
			ctx.df[w]++
		}
		if len(m) > 0 {
			ctx.articles++
		}
		ctx.counts[i] = m
	}
	return ctx
}

// shared returns the fraction of the content words ws of a line of article
// i that occur elsewhere: in another article, or more often in article i
// than in the line.
func (ctx *cluster) shared(i int, ws []string) float64 {
	if len(ws) == 0 {
		return 1
	}
	inLine := make(map[string]int, len(ws))
	for _, w := range ws {
		inLine[w]++
	}
	n := 0
	for _, w := range ws {
		own := ctx.counts[i][w]
		other := ctx.df[w]
		if own > 0 {
			other--
		}
		if other > 0 || own > inLine[w] {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// contentWords returns the stems of the words of s that hold a letter and
// are not stopwords, lower-cased, with a possessive 's removed.
func contentWords(lang, s string) []string {
	var out []string
	for _, t := range text.Tokens(s) {
		w := strings.ToLower(t.Text)
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if utf8.RuneCountInString(w) < 2 || strings.IndexFunc(w, unicode.IsLetter) < 0 || text.IsStopword(lang, w) {
			continue
		}
		out = append(out, text.Stem(lang, w))
	}
	return out
}
