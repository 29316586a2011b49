package story

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// date is a calendar day; the zero value means unknown.
type date struct{ t time.Time }

func (d date) known() bool { return !d.t.IsZero() }

func day(y, m, dd int) date { return date{time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)} }

func (d date) String() string { return d.t.Format("2006-01-02") }

// refDate returns the date relative expressions of d are resolved against:
// the article's publication date, else the latest full date (with a year)
// written in its text, else unknown.
func refDate(d *doc) date {
	if p := d.a.Published; !p.IsZero() {
		return day(p.Year(), int(p.Month()), p.Day())
	}
	var best date
	for i := range d.words {
		if dt, _, _, ok := absoluteDate(d, i, date{}); ok && dt.known() && (best.t.IsZero() || dt.t.After(best.t)) {
			best = dt
		}
	}
	return best
}

// absoluteDate parses a date written at word i: "2017-04-12", "April 12,
// 2017", "12 April 2017", or without a year when ref is known ("April 12",
// "on 4 April"). It returns the date, the words it spans, and whether one
// was found.
func absoluteDate(d *doc, i int, ref date) (date, int, string, bool) {
	w := d.words[i]
	at := func(j int) (word, bool) {
		if j < len(d.words) && d.words[j].unit == w.unit {
			return d.words[j], true
		}
		return word{}, false
	}
	num := func(s string, lo, hi int) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= lo && n <= hi
	}
	// ISO: read the raw text, however the tokenizer split it.
	if y, ok := num(d.span(w.start, min(w.start+4, len(d.text))), 1900, 2100); ok && (len(w.text) == 4 || len(w.text) == 10) {
		s := d.text[w.start:]
		if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
			m, ok1 := num(s[5:7], 1, 12)
			dd, ok2 := num(s[8:10], 1, 31)
			if ok1 && ok2 {
				e := i
				for e+1 < len(d.words) && d.words[e+1].end <= w.start+10 && d.words[e+1].start > w.start {
					e++
				}
				return day(y, m, dd), e + 1, s[:10], true
			}
		}
	}
	// Month D[, YYYY]
	if m, ok := months[w.lower]; ok && w.cap {
		if n, ok2 := at(i + 1); ok2 {
			if dd, ok3 := num(n.text, 1, 31); ok3 {
				e := i + 2
				y := 0
				if n2, ok4 := at(i + 2); ok4 {
					if yy, ok5 := num(n2.text, 1900, 2100); ok5 && len(n2.text) == 4 {
						y, e = yy, i+3
					}
				}
				return pickYear(y, m, dd, ref, d.span(w.start, d.words[e-1].end))
			}
		}
	}
	// D Month [YYYY]
	if dd, ok := num(w.text, 1, 31); ok {
		if n, ok2 := at(i + 1); ok2 {
			if m, ok3 := months[n.lower]; ok3 && n.cap {
				e := i + 2
				y := 0
				if n2, ok4 := at(i + 2); ok4 {
					if yy, ok5 := num(n2.text, 1900, 2100); ok5 && len(n2.text) == 4 {
						y, e = yy, i+3
					}
				}
				return pickYear(y, m, dd, ref, d.span(w.start, d.words[e-1].end))
			}
		}
	}
	return date{}, 0, "", false
}

// pickYear completes a day and month with the year nearest to ref.
func pickYear(y, m, dd int, ref date, expr string) (date, int, string, bool) {
	if y != 0 {
		dt := day(y, m, dd)
		if int(dt.t.Month()) != m {
			return date{}, 0, "", false
		}
		return dt, 0, expr, true
	}
	if !ref.known() {
		return date{}, 0, expr, true // found, unresolved
	}
	best := date{}
	bestGap := time.Duration(1 << 62)
	for yy := ref.t.Year() - 1; yy <= ref.t.Year()+1; yy++ {
		dt := day(yy, m, dd)
		if int(dt.t.Month()) != m {
			continue
		}
		g := dt.t.Sub(ref.t)
		if g < 0 {
			g = -g
		}
		if g < bestGap {
			best, bestGap = dt, g
		}
	}
	if bestGap > 183*24*time.Hour {
		return date{}, 0, expr, true
	}
	return best, 0, expr, true
}

// forward lists the words before a weekday that make it a day to come.
var forward = map[string]bool{"next": true, "until": true, "till": true, "by": true, "before": true}

// relativeDate resolves a weekday or a relative expression at word i
// against ref: weekdays to the most recent such day on or before ref,
// "yesterday", "today", "last week" (precision "week").
func relativeDate(d *doc, i int, ref date) (date, string, string, bool) {
	if !ref.known() {
		return date{}, "", "", false
	}
	w := d.words[i]
	prev := ""
	if i > 0 && d.words[i-1].unit == w.unit {
		prev = d.words[i-1].lower
	}
	if wd, ok := weekdays[w.lower]; ok && w.cap {
		// "next Monday", "until Monday", "by Friday" point forward, where
		// the past-tense reading of news does not hold: no guess.
		prev2 := ""
		if i > 1 && d.words[i-2].unit == w.unit {
			prev2 = d.words[i-2].lower
		}
		if forward[prev] || prev == "least" && prev2 == "at" || prev == "this" || prev == "coming" || futureClause(d, i) {
			return date{}, "", "", false
		}
		back := (int(ref.t.Weekday()) - wd + 7) % 7
		if prev == "last" && back == 0 {
			back = 7
		}
		expr := w.text
		if prev == "on" || prev == "last" {
			expr = d.words[i-1].text + " " + w.text
		}
		return date{ref.t.AddDate(0, 0, -back)}, "day", expr, true
	}
	switch w.lower {
	case "yesterday":
		return date{ref.t.AddDate(0, 0, -1)}, "day", w.text, true
	case "today", "tonight":
		return ref, "day", w.text, true
	case "week":
		if prev == "last" {
			wd := (int(ref.t.Weekday()) + 6) % 7 // days since Monday
			return date{ref.t.AddDate(0, 0, -wd-7)}, "week", "last week", true
		}
	}
	return date{}, "", "", false
}

// futureClause reports whether the clause of word i, back to the last comma,
// colon or quotation mark, puts it in the future with "will", "shall" or
// a "would"/"could" not followed by "have" ("families could return home
// on Tuesday"), where a weekday is a day to come.
func futureClause(d *doc, i int) bool {
	u := d.words[i].unit
	for k := i - 1; k >= 0 && d.words[k].unit == u; k-- {
		if strings.ContainsAny(d.gap(k), ",:;\"“”") {
			return false
		}
		switch d.words[k].lower {
		case "will", "shall", "'ll", "’ll":
			return true
		case "would", "could":
			return k+1 < len(d.words) && d.words[k+1].lower != "have"
		}
	}
	return false
}

// timeline returns the dated sentences of the cluster in time order.
func (cl *cluster) timeline(maxPer int) []TimelineEntry {
	type entry struct {
		TimelineEntry
		doc int
		t   time.Time
	}
	var list []entry
	for _, d := range cl.docs {
		ref := d.refDate
		if ref.known() {
			for _, u := range d.units {
				if u.headline || u.w1-u.w0 < 4 || !strings.ContainsAny(d.text[u.end-1:u.end], ".!?\"”") {
					continue
				}
				basis := "published"
				if d.a.Published.IsZero() {
					basis = "dateline"
				}
				list = append(list, entry{TimelineEntry{Date: ref.String(), Precision: "day", Article: d.a.ID,
					Sentence: d.text[u.start:u.end], Start: u.start, End: u.end, Basis: basis}, d.idx, ref.t})
				break
			}
		}
		n := 0
		for _, u := range d.units {
			if u.headline || n >= maxPer {
				continue
			}
			var got *entry
			for i := u.w0; i < u.w1 && got == nil; i++ {
				if dt, _, expr, ok := absoluteDate(d, i, ref); ok {
					if dt.known() {
						got = &entry{TimelineEntry{Date: dt.String(), Precision: "day", Basis: expr}, d.idx, dt.t}
					}
					continue
				}
				if isDatePart(d, i) {
					continue
				}
				if dt, prec, expr, ok := relativeDate(d, i, ref); ok {
					got = &entry{TimelineEntry{Date: dt.String(), Precision: prec, Basis: expr}, d.idx, dt.t}
				}
			}
			if got == nil {
				continue
			}
			got.Article, got.Sentence, got.Start, got.End = d.a.ID, d.text[u.start:u.end], u.start, u.end
			// A dateline, or the first sentence dated with the publication
			// date, adds nothing to the publication entry.
			if got.t.Equal(ref.t) && (u.w1-u.w0 < 6 || len(list) > 0 && list[len(list)-1].Article == got.Article && list[len(list)-1].Start == got.Start) {
				continue
			}
			list = append(list, *got)
			n++
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].t.Equal(list[j].t) {
			return list[i].t.Before(list[j].t)
		}
		if list[i].Precision != list[j].Precision {
			return list[i].Precision == "week"
		}
		if list[i].doc != list[j].doc {
			return list[i].doc < list[j].doc
		}
		return list[i].Start < list[j].Start
	})
	out := []TimelineEntry{}
	for _, e := range list {
		out = append(out, e.TimelineEntry)
	}
	return out
}

// isDatePart reports whether word i is the weekday of a full date
// ("Wednesday, April 12"), which absoluteDate reads instead.
func isDatePart(d *doc, i int) bool {
	if _, ok := weekdays[d.words[i].lower]; !ok || i+1 >= len(d.words) {
		return false
	}
	_, ok := months[d.words[i+1].lower]
	return ok && strings.TrimSpace(d.gap(i)) == ","
}
