// Package column converts brief values to and from the column values of
// the SQL stores (store/sqlite and store/postgres), so that both write the
// same representation.
package column

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/briefnews/brief"
)

// List returns l as a JSON array of strings.
func List(l []string) string {
	b, _ := json.Marshal(l) // a []string always marshals
	return string(b)
}

// SummaryText returns the text of sum's sentences, one a line, for full-text
// search; "" for a nil summary.
func SummaryText(sum *brief.Summary) string {
	if sum == nil {
		return ""
	}
	var b strings.Builder
	for _, ss := range sum.Sentences {
		b.WriteString(ss.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// Nanos returns t in Unix nanoseconds, with 0 for the zero time.
func Nanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// Time is the inverse of Nanos: the UTC time of n Unix nanoseconds, or the
// zero time for 0.
func Time(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
