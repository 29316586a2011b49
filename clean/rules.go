package clean

import (
	"regexp"

	"github.com/briefnews/brief"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief/text"
)

// datePrefix matches a machine date glued to the start of a text by a
// scraper: "date 2017-04-12 ", "Published: 2017-04-12T10:00 ".
var datePrefix = regexp.MustCompile(`^(?i:date|posted|published|updated)[:\s]+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?[\s:,|-]+`)

// prefixDate returns the date of a machine date prefix on the first line of
// txt ("date 2017-04-12 …"), or the zero time.
func prefixDate(txt string) time.Time {
	line := strings.TrimSpace(txt)
	if m := datePrefix.FindString(line); m != "" {
		if d := isoDate.FindString(m); d != "" {
			if t, err := time.Parse("2006-01-02", d); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

var isoDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// stripDatePrefix removes a machine date prefix from the first line of a
// text, returning the line unchanged when there is none or when nothing
// would be left.
func stripDatePrefix(line string) string {
	if loc := datePrefix.FindStringIndex(line); loc != nil && loc[1] < len(line) {
		return line[loc[1]:]
	}
	return line
}

// dateline matches a newswire dateline: a place, an optional date, an
// optional agency in parentheses, then a dash: "WASHINGTON (AP) -- ",
// "BRUSSELS, January 22 (Xinhua) -- ", "FRANKFURT, Germany (AP) _ ",
// "MOSCOW (Reuters) - ", "LONDON — ".
var dateline = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’ -]{1,40}?)(?:, [\p{L}\d. ]{1,30}?)?(?: ?(\([\p{L}\d .&/-]{1,30}\)))? ?(--|—|–|-|_) +\S`)

// stripDateline removes a newswire dateline from the start of a line. The
// place must be written in capitals ("WASHINGTON") or be followed by an
// agency in parentheses; a single hyphen counts as the dash only after an
// agency.
func stripDateline(line string) string {
	m := dateline.FindStringSubmatchIndex(line)
	if m == nil {
		return line
	}
	place := line[m[2]:m[3]]
	agency := m[4] >= 0
	dash := line[m[6]:m[7]]
	if !agency && (!allCaps(place) || dash == "-") {
		return line
	}
	return line[m[1]-1:]
}

// allCaps reports whether s has at least three letters, all upper case.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 3
}

var (
	bylineBy     = regexp.MustCompile(`^(?:By|BY)\s+\p{Lu}`)
	bylineCredit = regexp.MustCompile(`^(?i:(?:additional )?(?:reporting|writing|editing|compiled|produced) by)\s`)
	bulletName   = regexp.MustCompile(`^[•·▪●◦*–-]\s*\p{Lu}`)
)

// isByline reports whether line is a byline: "By Jane Doe", "By JANE DOE
// AND JOHN ROE", "• Jane Doe", "Jane Doe, Reuters", "Reporting by Jane
// Doe; Editing by John Roe".
func isByline(line string) bool {
	if brief.CountWords(line) > 25 {
		return false
	}
	words := strings.Fields(line)
	switch {
	case bylineCredit.MatchString(line):
		return len(words) <= 25
	case bylineBy.MatchString(line):
		return len(words) <= 10 && !endsSentence(line) && namesOnly(words[1:])
	case bulletName.MatchString(line):
		rest := strings.Fields(strings.TrimLeft(line, "•·▪●◦*–- "))
		return len(rest) >= 1 && len(rest) <= 4 && !endsSentence(line) && namesOnly(rest)
	}
	// "Name, Outlet": short, one comma, every word capitalised.
	if strings.Count(line, ",") == 1 && len(words) >= 2 && len(words) <= 7 && !endsSentence(line) {
		name, outlet, _ := strings.Cut(line, ",")
		nw, ow := strings.Fields(name), strings.Fields(outlet)
		return len(nw) >= 2 && len(nw) <= 4 && len(ow) >= 1 && len(ow) <= 3 && namesOnly(nw) && namesOnly(ow)
	}
	return false
}

// namesOnly reports whether every word starts with an upper-case letter,
// allowing "and", "&", "|", "de", "van", "von" between names.
func namesOnly(words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",;|")
		switch strings.ToLower(w) {
		case "", "and", "&", "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

var (
	datedLine = regexp.MustCompile(`^(?i:posted|updated|published|last updated|first published|last modified|modified)\b`)
	dateWords = map[string]bool{
		"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
		"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
		"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
		"october": true, "nov": true, "november": true, "dec": true, "december": true,
		"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true,
		"wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true,
		"friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
		"am": true, "pm": true, "a": true, "p": true, "m": true, "at": true, "on": true,
		"gmt": true, "utc": true, "et": true, "est": true, "edt": true, "bst": true, "cet": true,
		"pt": true, "pst": true, "pdt": true, "st": true, "nd": true, "rd": true, "th": true, "t": true, "z": true,
	}
)

// isDateLine reports whether line is a posting date rather than text:
// "Posted April 13, 2017", "Updated: 3:45 PM ET, Wed April 12, 2017", or a
// line that holds only a date.
func isDateLine(line string) bool {
	if brief.CountWords(line) > 14 {
		return false
	}
	if loc := datedLine.FindStringIndex(line); loc != nil {
		line = line[loc[1]:]
	}
	return dateOnly(line)
}

// dateOnly reports whether s holds a digit and nothing but the words of a
// date and time: month and weekday names, numbers, "am", "at", zones.
func dateOnly(s string) bool {
	if !strings.ContainsAny(s, "0123456789") || brief.CountWords(s) > 10 {
		return false
	}
	for _, t := range text.Tokens(s) {
		w := strings.ToLower(t.Text)
		if !dateWords[w] && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			// Allow "13th", "12pm": digits with a date suffix.
			digits := strings.TrimRightFunc(w, unicode.IsLetter)
			if digits == "" || !dateWords[w[len(digits):]] {
				return false
			}
		}
	}
	return true
}

// uiWords are the words of navigation and call-to-action lines of news
// sites.
var uiWords = map[string]bool{
	"advertisement": true, "advertising": true, "ad": true, "sponsored": true, "related": true,
	"read": true, "more": true, "share": true, "this": true, "article": true, "story": true,
	"stories": true, "comments": true, "comment": true, "subscribe": true, "sign": true,
	"up": true, "newsletter": true, "follow": true, "us": true, "on": true, "click": true,
	"here": true, "see": true, "also": true, "continue": true, "continued": true, "reading": true,
	"next": true, "previous": true, "back": true, "to": true, "top": true, "print": true,
	"email": true, "facebook": true, "twitter": true, "whatsapp": true, "linkedin": true,
	"video": true, "videos": true, "photo": true, "photos": true, "gallery": true,
	"watch": true, "listen": true, "content": true, "recommended": true, "popular": true,
	"most": true, "latest": true, "tags": true, "topics": true, "home": true, "menu": true,
	"skip": true, "main": true, "page": true, "full": true, "coverage": true, "view": true,
	"all": true, "the": true, "and": true, "our": true, "your": true, "for": true, "now": true,
	"log": true, "in": true, "out": true, "login": true, "register": true, "free": true, "trial": true,
	"you": true, "may": true, "like": true, "also:": true, "x": true,
}

// isNavLine reports whether line is a navigation or call-to-action line:
// at most five words with no final sentence punctuation, that is a label
// ending with a colon ("Related:") or made only of the words of site
// navigation ("Read more", "Share this", "Advertisement").
func isNavLine(line string) bool {
	if n := brief.CountWords(line); n == 0 || n > 5 || endsSentence(line) {
		return false
	}
	if strings.HasSuffix(line, ":") && brief.CountWords(line) <= 3 {
		return true
	}
	toks := text.Tokens(line)
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if !uiWords[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

var footer = regexp.MustCompile(`(?i)^(?:©|\(c\)\s|copyright\b)|all rights reserved|may not be (?:published|reproduced|redistributed)`)

// isFooter reports whether line is a copyright or reuse notice.
func isFooter(line string) bool {
	if !strings.Contains(line, "©") && !strings.Contains(line, "(c)") && !strings.Contains(line, "(C)") &&
		!strings.Contains(line, "opyright") && !strings.Contains(line, "OPYRIGHT") &&
		!strings.Contains(line, "eserved") && !strings.Contains(line, "may not be") {
		return false // cheap test first
	}
	return brief.CountWords(line) <= 40 && footer.MatchString(line)
}

var (
	photoCredit = regexp.MustCompile(`\((?:AP|AFP|Reuters|EPA|Getty|Xinhua|Bloomberg)?\s*Photos?\b|(?:^|\s)(?:Photo|Photograph|Image|Picture|Credit)s?:\s|\bGetty Images\b|(?i:^(?:file )?(?:- )?in this (?:file )?(?:photo|image|picture))`)
	// captionDate is the full date of an AP-style caption: ", Wednesday,
	// April 12, 2017,".
	captionDate = regexp.MustCompile(`, (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d\d\b`)
)

// isCaption reports whether line is a photo caption: it carries a photo
// credit, or the full "Weekday, Month D, YYYY" date of wire captions.
func isCaption(line string) bool {
	if brief.CountWords(line) > 60 {
		return false
	}
	// Cheap tests first: every credit names a photo, image, picture or
	// credit, and every caption date a day of the week.
	l := strings.ToLower(line)
	if (strings.Contains(l, "photo") || strings.Contains(l, "image") || strings.Contains(l, "picture") || strings.Contains(l, "credit")) && photoCredit.MatchString(line) {
		return true
	}
	return strings.Contains(line, "day, ") && captionDate.MatchString(line)
}

// endsSentence reports whether line ends with sentence punctuation, maybe
// followed by closing quotes or brackets.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?…", r)
}

// isHeadlineShaped reports whether line looks like a headline: 2 to 20
// words, a letter, and no final punctuation (sentence or clause), closing
// quotes aside. A final abbreviation such as "U.S." does not count as
// punctuation.
func isHeadlineShaped(line string) bool {
	if n := brief.CountWords(line); n < 2 || n > 20 || strings.IndexFunc(line, unicode.IsLetter) < 0 {
		return false
	}
	last := strings.TrimRightFunc(line, unicode.IsSpace)
	last = last[strings.LastIndexFunc(last, unicode.IsSpace)+1:]
	if strings.HasSuffix(last, ".") && strings.Count(last, ".") > 1 {
		return true
	}
	trimmed := strings.TrimRight(line, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(trimmed)
	return !strings.ContainsRune(".!?…:;,", r)
}

// isTitleCase reports whether at least two content words of line (words
// with a letter that are not stopwords and do not start with a digit) and
// at least 80% of them start with a capital letter.
func isTitleCase(lang, line string) bool {
	content, caps := 0, 0
	for _, t := range text.Tokens(line) {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		w := strings.ToLower(t.Text)
		if utf8.RuneCountInString(w) < 2 || text.IsStopword(lang, w) {
			continue
		}
		content++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return content >= 2 && caps*5 >= content*4
}
