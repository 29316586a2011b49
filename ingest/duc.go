package ingest

import (
	"errors"
	"html"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefnews/brief"
)

// ducOutlets names the news services of the DOCNO prefixes of the DUC and
// TREC newswire collections.
var ducOutlets = map[string]string{
	"APW":  "Associated Press",
	"NYT":  "New York Times",
	"XIE":  "Xinhua",
	"LTW":  "Los Angeles Times/Washington Post",
	"AFP":  "Agence France-Presse",
	"AP":   "Associated Press",
	"WSJ":  "Wall Street Journal",
	"FT":   "Financial Times",
	"LA":   "Los Angeles Times",
	"SJMN": "San Jose Mercury News",
	"FBIS": "Foreign Broadcast Information Service",
}

var (
	docnoDate = regexp.MustCompile(`^([A-Za-z_]+?)(\d{8})`)
	// sgmlEntity matches the entities of the newswire SGML, such as &AMP;,
	// &QL; and &Cx1f;.
	sgmlEntity = regexp.MustCompile(`&[A-Za-z][A-Za-z0-9]{0,7};`)
	sgmlTag    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9_]*(\s[^<>]*)?>`)
)

// parseDUC reads DUC/TREC SGML: one or more <DOC> elements, each with a
// <DOCNO>, an optional <DATE_TIME> (or <DATE>), <HEADLINE> and <TEXT>. The
// article ID is the DOCNO (name, or name#N for the N-th document of a file,
// when there is none); Source is name, or name#N when the file holds several
// documents. The text inside <P> elements, or indented paragraphs when there
// are none, is unwrapped: the lines of a paragraph are joined by a space and
// paragraphs are separated by a blank line.
func parseDUC(name, text string) ([]*brief.Article, error) {
	text = strings.ToValidUTF8(text, "\uFFFD")
	var docs []string
	for rest := text; ; {
		i := strings.Index(rest, "<DOC>")
		if i < 0 {
			break
		}
		rest = rest[i+len("<DOC>"):]
		j := strings.Index(rest, "</DOC>")
		if j < 0 {
			docs = append(docs, rest)
			break
		}
		docs = append(docs, rest[:j])
		rest = rest[j+len("</DOC>"):]
	}
	if len(docs) == 0 {
		return nil, brief.Errorf(name, "no <DOC> element: %w", brief.ErrInvalid)
	}
	var arts []*brief.Article
	var errs []error
	for i, doc := range docs {
		place := name
		if len(docs) > 1 {
			place = name + "#" + strconv.Itoa(i+1)
		}
		a, err := ducDoc(place, doc)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

func ducDoc(place, doc string) (*brief.Article, error) {
	a := &brief.Article{ID: place, Source: place, Language: "en"}
	docno, _ := element(doc, "DOCNO")
	docno = strings.TrimSpace(sgmlTag.ReplaceAllString(docno, ""))
	if docno != "" {
		a.ID = docno
	}
	body, ok := element(doc, "TEXT")
	if !ok {
		return nil, brief.Errorf(place, "document %s has no <TEXT>…</TEXT>: %w", docno, brief.ErrInvalid)
	}
	if h, ok := element(doc, "HEADLINE"); ok {
		a.Title = unSGML(h)
	}
	var docDay time.Time
	if m := docnoDate.FindStringSubmatch(docno); m != nil {
		a.Outlet = ducOutlets[strings.ToUpper(m[1])]
		if t, err := time.Parse("20060102", m[2]); err == nil {
			docDay = t
		}
	}
	a.Published = ducDate(doc, docDay)
	a.Author = ducByline(doc)
	a.Text = ducText(body)
	if a.Text == "" {
		return nil, brief.Errorf(place, "document %s has empty <TEXT>: %w", docno, brief.ErrEmpty)
	}
	return a, nil
}

// ducDate returns the time of <DATE_TIME> or <DATE> when it reads as a
// date within two days of docDay (the date in the DOCNO), trying day and
// month swapped as some collections write them; else docDay.
func ducDate(doc string, docDay time.Time) time.Time {
	for _, tag := range []string{"DATE_TIME", "DATE"} {
		s, ok := element(doc, tag)
		if !ok {
			continue
		}
		s = strings.TrimSpace(s)
		cands := []string{s}
		if f := strings.Fields(s); len(f) > 0 {
			if p := strings.Split(f[0], "-"); len(p) == 3 {
				cands = append(cands, strings.Join(append([]string{p[0] + "-" + p[2] + "-" + p[1]}, f[1:]...), " "))
			}
		}
		for _, c := range cands {
			t, ok := parseDate(c)
			if !ok {
				continue
			}
			if docDay.IsZero() || absDuration(t.Sub(docDay)) <= 72*time.Hour {
				return t
			}
		}
	}
	return docDay
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// ducByline returns the name of a "By NAME" line between the headline and
// the text, as the New York Times service writes them, or "".
func ducByline(doc string) string {
	start := strings.Index(doc, "</HEADLINE>")
	end := strings.Index(doc, "<TEXT>")
	if start < 0 || end < start {
		return ""
	}
	for _, line := range strings.Split(doc[start:end], "\n") {
		line = strings.TrimSpace(line)
		if name, ok := strings.CutPrefix(line, "By "); ok && len(strings.Fields(name)) <= 10 {
			return unSGML(name)
		}
	}
	return ""
}

// element returns the content of the first <tag>…</tag> in doc. A missing
// end tag is an error (ok false).
func element(doc, tag string) (string, bool) {
	open, close := "<"+tag+">", "</"+tag+">"
	i := strings.Index(doc, open)
	if i < 0 {
		return "", false
	}
	rest := doc[i+len(open):]
	j := strings.Index(rest, close)
	if j < 0 {
		return "", false
	}
	return rest[:j], true
}

// ducText unwraps the body of a <TEXT> element into paragraphs.
func ducText(body string) string {
	var paras []string
	if strings.Contains(body, "<P>") {
		for rest := body; ; {
			i := strings.Index(rest, "<P>")
			if i < 0 {
				break
			}
			rest = rest[i+3:]
			j := strings.Index(rest, "</P>")
			if j < 0 {
				j = len(rest)
				if k := strings.Index(rest, "<P>"); k >= 0 {
					j = k
				}
			}
			paras = append(paras, rest[:j])
			rest = rest[j:]
		}
	} else {
		// Paragraphs start with an indented line, or follow a blank line.
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = cur[:0]
			}
		}
		for _, line := range strings.Split(body, "\n") {
			if strings.TrimSpace(line) == "" {
				flush()
				continue
			}
			if line[0] == ' ' || line[0] == '\t' {
				flush()
			}
			cur = append(cur, line)
		}
		flush()
	}
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		if p = unSGML(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// unSGML removes tags and the newswire control entities from s, decodes the
// character entities, turns “ and ” quotes into ", and collapses white
// space.
func unSGML(s string) string {
	s = sgmlTag.ReplaceAllString(s, " ")
	s = sgmlEntity.ReplaceAllStringFunc(s, func(e string) string {
		switch e {
		case "&AMP;", "&amp;":
			return "&"
		case "&LT;", "&lt;":
			return "<"
		case "&GT;", "&gt;":
			return ">"
		case "&HT;":
			return " "
		}
		if u := html.UnescapeString(e); u != e {
			return u
		}
		return " " // control codes: &QL;, &LR;, &Cx1f;, …
	})
	s = strings.NewReplacer("``", "\"", "''", "\"").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
