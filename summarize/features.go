package summarize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateline matches the dateline wire services put before the first sentence
// of a report: a place in capitals, an optional region and date, an
// optional agency in parentheses, and a dash: "WASHINGTON (AP) --",
// "BRUSSELS, January 22 (Xinhua) --", "NEW YORK _", "Moscow, April 12
// (AFP) -". Group 1 is the place, group 2 the agency.
var dateline = regexp.MustCompile(`^([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3})` +
	`(?:, ?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?` +
	`(?:, ?[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?` +
	` ?(\([A-Za-z][A-Za-z .&-]{0,30}\))? ?(?:--|—|–|_|-) *`)

// datelineLen returns the length in bytes of the dateline that starts s,
// with the space after it, or 0 when s has none or when cutting it would not
// leave a sentence (the rest must start with a capital, a digit or a
// quotation mark). Without an agency the place must be in capitals, so that
// "Mr. Smith - who ..." is left alone.
func datelineLen(s string) int {
	if len(s) < 4 || s[0] < 'A' || s[0] > 'Z' {
		return 0
	}
	head := s[:min(len(s), 90)]
	if !strings.Contains(head, "-") && !strings.Contains(head, "_") && !strings.Contains(head, "—") && !strings.Contains(head, "–") {
		return 0
	}
	m := dateline.FindStringSubmatchIndex(head)
	if m == nil {
		return 0
	}
	place := s[m[2]:m[3]]
	if m[4] < 0 && (strings.ToUpper(place) != place || len(place) < 3) {
		return 0
	}
	rest := s[m[1]:]
	r, _ := utf8.DecodeRuneInString(rest)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '`') {
		return 0
	}
	if len(strings.Fields(rest)) < 3 {
		return 0
	}
	return m[1]
}

// quote kinds of quoteAt.
const (
	notQuote = iota
	openQuote
	closeQuote
	toggleQuote
)

// quoteAt returns the kind and byte length of the quotation mark at s[i]:
// “ and “ open, ” and ” close, " toggles.
func quoteAt(s string, i int) (kind, n int) {
	if c := s[i]; c != '"' && c != '`' && c != '\'' && c != 0xE2 { // “ and ” start with 0xE2
		return notQuote, 0
	}
	switch {
	case s[i] == '"':
		return toggleQuote, 1
	case strings.HasPrefix(s[i:], "``"):
		return openQuote, 2
	case strings.HasPrefix(s[i:], "''"):
		return closeQuote, 2
	case strings.HasPrefix(s[i:], "“"):
		return openQuote, len("“")
	case strings.HasPrefix(s[i:], "”"):
		return closeQuote, len("”")
	}
	return notQuote, 0
}

// quoteState scans sentence s, which starts inside a quotation when in is
// true. It reports whether s is a quotation without its context — it starts
// inside a quotation or opens with a quotation mark, so that what is said
// comes before, or without, who says it — and whether a quotation is still
// open at its end. Sentences that name the speaker first ("The mayor said:
// "…"") are not bare.
func quoteState(s string, in bool) (bare, out bool) {
	state := in
	bare = in
	lead := true
	for i := 0; i < len(s); {
		if c := s[i]; c != '"' && c != '`' && c != '\'' && c != 0xE2 { // fast path
			lead = lead && c == ' '
			i++
			continue
		}
		kind, n := quoteAt(s, i)
		if kind == notQuote {
			lead = false
			i++
			continue
		}
		switch kind {
		case openQuote:
			state = true
		case closeQuote:
			state = false
		case toggleQuote:
			state = !state
		}
		if lead && state {
			bare = true
		}
		i += n
	}
	return bare, state
}

// endsSentence reports whether s ends with final punctuation, possibly
// followed by closing quotation marks or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'”’)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
