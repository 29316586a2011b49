// Package extract turns one HTML page into a brief.Article: the main text of
// the page, without navigation, comments and other boilerplate, plus the
// page's metadata (title, outlet, author, date, canonical URL, language).
//
// Extraction is pure: it reads the page from memory and never touches the
// network.
package extract

import (
	"bytes"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/briefnews/brief"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Defaults used for the zero fields of an Extractor.
const (
	DefaultMaxBytes = 20 << 20
	DefaultMinWords = 5
)

// Extractor extracts articles from HTML pages. The zero value is ready to
// use: balanced extraction by trafilatura, with go-readability as a fallback
// when trafilatura finds no main text. An Extractor is safe for concurrent
// use by multiple goroutines.
type Extractor struct {
	// FavorPrecision keeps less text when unsure (fewer boilerplate lines,
	// sometimes a missed paragraph). FavorRecall keeps more. When both are
	// set, FavorPrecision wins.
	FavorPrecision bool
	FavorRecall    bool

	// NoFallback disables the go-readability fallback.
	NoFallback bool

	// IncludeTables keeps the text of <table> elements in the main text.
	IncludeTables bool

	// MinWords is the fewest words a main text must have; a page with a
	// shorter one (a lone link, a caption) has no article. 0 means
	// DefaultMinWords.
	MinWords int

	// MaxBytes is the largest page accepted, in bytes; 0 means
	// DefaultMaxBytes. Larger pages give an error wrapping brief.ErrTooLarge.
	MaxBytes int64
}

// Extract reads an HTML page from r and returns its article. pageURL, which
// may be empty, is the address the page was fetched from; it resolves
// relative links and is the article URL when the page names no canonical URL.
//
// The page's bytes are decoded from the charset given by a byte order mark
// or a <meta charset> declaration; bytes that are valid UTF-8 are read as
// UTF-8 whatever the declaration says. The returned article has Text set to
// the main text, paragraphs separated by blank lines, and ID and Source left
// empty for the caller to fill in.
//
// Extract returns an error wrapping brief.ErrEmpty when the page has no main
// text, brief.ErrTooLarge when it is over the size limit, and
// brief.ErrInvalid when it cannot be parsed. It never panics.
func (e *Extractor) Extract(r io.Reader, pageURL string) (*brief.Article, error) {
	max := e.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("extract: read: %w: %v", brief.ErrInvalid, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("extract: page over %d bytes: %w", max, brief.ErrTooLarge)
	}
	return e.ExtractBytes(data, pageURL)
}

// ExtractBytes is Extract on a page held in memory.
func (e *Extractor) ExtractBytes(page []byte, pageURL string) (a *brief.Article, err error) {
	max := e.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if int64(len(page)) > max {
		return nil, fmt.Errorf("extract: page over %d bytes: %w", max, brief.ErrTooLarge)
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return nil, fmt.Errorf("extract: %w", brief.ErrEmpty)
	}
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("extract: parser failure (%v): %w", r, brief.ErrInvalid)
		}
	}()
	utf8Page, err := Decode(page)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(utf8Page))
	if err != nil {
		return nil, fmt.Errorf("extract: parse: %v: %w", err, brief.ErrInvalid)
	}
	var base *nurl.URL
	if pageURL != "" {
		if u, err := nurl.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	a = &brief.Article{}
	meta := pageMeta(doc)

	// Trafilatura's own rescue for short texts (MinExtractedSize) joins
	// paragraphs together; go-readability is the fallback instead.
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 0
	opts := trafilatura.Options{
		Config:          cfg,
		OriginalURL:     base,
		Focus:           trafilatura.Balanced,
		ExcludeComments: true,
		ExcludeTables:   !e.IncludeTables,
	}
	switch {
	case e.FavorPrecision:
		opts.Focus = trafilatura.FavorPrecision
	case e.FavorRecall:
		opts.Focus = trafilatura.FavorRecall
	}
	if res, terr := trafilatura.ExtractDocument(doc, opts); terr == nil && res != nil {
		a.Text = blockText(res.ContentNode)
		md := res.Metadata
		a.Title = clean(md.Title)
		a.Author = clean(md.Author)
		a.Outlet = clean(md.Sitename)
		a.URL = md.URL
		a.Published = md.Date
		a.Language = md.Language
	}
	if a.Text == "" && !e.NoFallback {
		doc2, perr := html.Parse(bytes.NewReader(utf8Page))
		if perr == nil {
			p := readability.NewParser()
			if ra, rerr := p.ParseAndMutate(doc2, base); rerr == nil && ra.Node != nil {
				a.Text = blockText(ra.Node)
				if a.Title == "" {
					a.Title = clean(ra.Title())
				}
				if a.Author == "" {
					a.Author = clean(ra.Byline())
				}
				if a.Outlet == "" {
					a.Outlet = clean(ra.SiteName())
				}
				if a.Language == "" {
					a.Language = ra.Language()
				}
				if a.Published.IsZero() {
					if t, err := ra.PublishedTime(); err == nil {
						a.Published = t
					}
				}
			}
		}
	}
	meta.fill(a, pageURL)
	a.Text = dropTitle(a.Text, a.Title)
	minWords := e.MinWords
	if minWords <= 0 {
		minWords = DefaultMinWords
	}
	if n := brief.CountWords(a.Text); n < minWords {
		return nil, fmt.Errorf("extract: no main text (%d words): %w", n, brief.ErrEmpty)
	}
	return a, nil
}

// Decode returns page converted to UTF-8. The charset is taken from a byte
// order mark, else from a <meta> charset declaration in the first 1024
// bytes, except that a page that is valid UTF-8 is kept as is; a page with
// neither is read as windows-1252. It returns an error wrapping
// brief.ErrInvalid when the declared charset is unknown and the page is not
// UTF-8.
func Decode(page []byte) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(page, "text/html")
	if name == "utf-8" {
		page = bytes.TrimPrefix(page, []byte("\xef\xbb\xbf"))
		if utf8.Valid(page) {
			return page, nil
		}
		return bytes.ToValidUTF8(page, []byte("\uFFFD")), nil
	}
	bom := bytes.HasPrefix(page, []byte{0xFE, 0xFF}) || bytes.HasPrefix(page, []byte{0xFF, 0xFE})
	if !bom && utf8.Valid(page) {
		return page, nil
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return nil, fmt.Errorf("extract: decode %s: %v: %w", name, err, brief.ErrInvalid)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil
}

// headMeta is the metadata read directly from the page, used where the
// extraction libraries found nothing.
type headMeta struct {
	title, site, author, canonical, lang, published string
}

func pageMeta(doc *html.Node) headMeta {
	var m headMeta
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if m.lang == "" {
					m.lang = attr(n, "lang")
				}
			case "title":
				if m.title == "" && n.FirstChild != nil {
					m.title = clean(n.FirstChild.Data)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case "meta":
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				val := clean(attr(n, "content"))
				switch key {
				case "og:title":
					m.title = val
				case "og:site_name", "application-name":
					if m.site == "" {
						m.site = val
					}
				case "author", "article:author":
					if m.author == "" {
						m.author = val
					}
				case "og:url":
					if m.canonical == "" {
						m.canonical = val
					}
				case "article:published_time", "date", "pubdate", "dc.date":
					if m.published == "" {
						m.published = val
					}
				}
			case "body":
				return // metadata lives in <head>
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func (m headMeta) fill(a *brief.Article, pageURL string) {
	if m.canonical != "" {
		if u, err := nurl.Parse(m.canonical); err == nil {
			if base, err := nurl.Parse(pageURL); err == nil && pageURL != "" {
				u = base.ResolveReference(u)
			}
			if u.IsAbs() {
				a.URL = u.String()
			}
		}
	}
	if a.URL == "" {
		a.URL = pageURL
	}
	if a.Title == "" {
		a.Title = m.title
	}
	if a.Outlet == "" {
		a.Outlet = m.site
	}
	if a.Author == "" {
		a.Author = m.author
	}
	if a.Language == "" || m.lang != "" {
		if l := langCode(m.lang); l != "" {
			a.Language = l
		}
	}
	a.Language = langCode(a.Language)
	// The page's own timestamp is more precise than a date found by the
	// libraries' heuristics, which keep the day only.
	if m.published != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, m.published); err == nil {
				a.Published = t
				break
			}
		}
	}
}

// dropTitle removes the first paragraph of text when it repeats the title.
func dropTitle(text, title string) string {
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if strings.EqualFold(first, title) {
		return rest
	}
	return text
}

// langCode reduces a language tag such as "en-US" to its ISO 639-1 code.
func langCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || !isASCIILetters(tag) {
		return ""
	}
	return tag
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// clean collapses runs of white space to one space and trims the ends.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// blocks are the elements that end a paragraph.
var blocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "blockquote": true, "pre": true,
	"section": true, "article": true, "header": true, "footer": true,
	"tr": true, "table": true, "ul": true, "ol": true, "dl": true, "dt": true,
	"dd": true, "figure": true, "figcaption": true, "head": true, "quote": true,
	"list": true, "item": true,
}

// blockText renders the text of n with one paragraph per block element,
// paragraphs separated by a blank line and white space collapsed inside
// them. <br> starts a new paragraph.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := clean(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br", "lb":
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	// Drop paragraphs that hold no letter or digit (separators, bullets).
	out := paras[:0]
	for _, p := range paras {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}
