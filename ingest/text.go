package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/briefnews/brief"
)

// headerKeys are the keys of the plain-text header block, lower case.
var headerKeys = map[string]bool{
	"title": true, "headline": true, "date": true, "published": true,
	"source": true, "outlet": true, "url": true, "link": true,
	"author": true, "by": true, "language": true, "lang": true, "id": true,
}

// parseText reads a plain-text article. An optional header block of
// "Key: value" lines (keys in headerKeys, case-insensitive) ended by a
// blank line gives the metadata. Without one, a short first line with no
// final punctuation followed by more text is the title, and a line right
// after it that is only a date is the publication date.
// datePrefix matches the words that introduce a date line under a title:
// "Posted April 13, 2017", "Published: 12 April 2017", "Updated on …".
var datePrefix = regexp.MustCompile(`^(?i)\s*(posted|published|updated|last updated)\s*(:|on)?\s*`)

func parseText(name, text string) (*brief.Article, error) {
	a := &brief.Article{ID: name, Source: name}
	text = normalizeText(strings.ToValidUTF8(text, "\uFFFD"))
	if hdr, body, ok := headerBlock(text); ok {
		for _, kv := range hdr {
			if err := setHeader(a, kv[0], kv[1]); err != nil {
				return nil, brief.Errorf(name, "header %q: %w", kv[0], err)
			}
		}
		text = body
	} else if first, rest, ok := strings.Cut(text, "\n"); ok && isTitleLine(first) && strings.TrimSpace(rest) != "" {
		a.Title = first
		text = strings.TrimLeft(rest, "\n")
		if line, rest2, ok := strings.Cut(text, "\n"); ok {
			if t, isDate := parseDate(datePrefix.ReplaceAllString(line, "")); isDate && strings.TrimSpace(rest2) != "" {
				a.Published = t
				text = strings.TrimLeft(rest2, "\n")
			}
		}
	}
	a.Text = unwrap(text)
	if a.Text == "" {
		return nil, brief.Errorf(name, "no article text: %w", brief.ErrEmpty)
	}
	return a, nil
}

// headerBlock splits text into a header block and a body when every line
// before the first blank line is a "Key: value" line with a known key.
func headerBlock(text string) (hdr [][2]string, body string, ok bool) {
	head, body, found := strings.Cut(text, "\n\n")
	if !found {
		return nil, "", false
	}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || !headerKeys[k] {
			return nil, "", false
		}
		hdr = append(hdr, [2]string{k, strings.TrimSpace(v)})
	}
	return hdr, strings.TrimLeft(body, "\n"), true
}

func setHeader(a *brief.Article, key, val string) error {
	switch key {
	case "title", "headline":
		a.Title = val
	case "date", "published":
		if val == "" {
			return nil
		}
		t, ok := parseDate(val)
		if !ok {
			return brief.Errorf(val, "cannot read date: %w", brief.ErrInvalid)
		}
		a.Published = t
	case "source", "outlet":
		a.Outlet = val
	case "url", "link":
		a.URL = val
	case "author", "by":
		a.Author = val
	case "language", "lang":
		a.Language = strings.ToLower(val)
	case "id":
		if val != "" {
			a.ID = val
		}
	}
	return nil
}

// isTitleLine reports whether line looks like a headline: at most 20 words,
// with a letter, and without final punctuation.
func isTitleLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || len(strings.Fields(line)) > 20 || strings.IndexFunc(line, unicode.IsLetter) < 0 {
		return false
	}
	if f := strings.Fields(line); strings.HasSuffix(line, ".") && strings.Count(f[len(f)-1], ".") > 1 {
		return true // ends with an abbreviation such as "U.S."
	}
	// Closing quotes aside: `Iran "to be tried for espionage"` is a title.
	trimmed := strings.TrimRight(line, "\"”'’»)] ")
	if trimmed == "" {
		return false
	}
	last := []rune(trimmed)[len([]rune(trimmed))-1]
	return !strings.ContainsRune(".!?,;:…", last)
}

// unwrap joins with a space the lines of the paragraphs of text that are
// hard-wrapped: at least three lines, all but the last 40 to 100 bytes long
// and within 25 bytes of one another, most of them not ending a sentence.
// Other paragraphs keep their line breaks, so that a headline or byline on
// its own line stays a line.
func unwrap(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		if wrapped(lines) {
			paras[i] = strings.Join(lines, " ")
		}
	}
	return strings.Join(paras, "\n\n")
}

func wrapped(lines []string) bool {
	n := len(lines) - 1 // the last line may be short
	if n < 2 {
		return false
	}
	lo, hi, ends := len(lines[0]), len(lines[0]), 0
	for _, l := range lines[:n] {
		lo, hi = min(lo, len(l)), max(hi, len(l))
		if strings.ContainsAny(l[len(l)-1:], ".!?\"") {
			ends++
		}
	}
	return lo >= 40 && hi <= 100 && hi-lo <= 25 && ends*2 <= n
}

// normalizeText returns s with Unix line ends, each line trimmed of
// surrounding white space, runs of blank lines folded into one, and no
// blank lines at either end: paragraphs separated by one blank line.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for rest := s; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}
