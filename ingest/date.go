package ingest

import (
	"strings"
	"time"
)

// dateLayouts are the date formats parseDate accepts, most specific first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"01/02/2006",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"Monday, January 2, 2006",
	"Jan 2, 2006",
	"Mon, Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"Monday, 2 January 2006",
	"Monday 2 January 2006",
	"2 Jan 2006",
	"02 Jan 2006 15:04",
	"2 Jan 2006 15:04:05",
}

// parseDate reads a date in one of the common formats of news feeds and
// pages. Times without a zone are UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	// "Sept." and month names with a final period.
	if r := strings.NewReplacer("Sept.", "Sep", "Sept ", "Sep ", ".", ""); r.Replace(s) != s {
		s2 := r.Replace(s)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s2); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
