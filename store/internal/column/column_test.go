package column

import (
	"testing"
	"time"

	"github.com/briefnews/brief"
)

func TestList(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"nil", nil, "null"},
		{"empty", []string{}, "[]"},
		{"escaped", []string{"a", `b"c`, "ü"}, `["a","b\"c","ü"]`},
	}
	for _, tt := range tests {
		if got := List(tt.in); got != tt.want {
			t.Errorf("%s: List(%q) = %s, want %s", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSummaryText(t *testing.T) {
	tests := []struct {
		name string
		in   *brief.Summary
		want string
	}{
		{"nil", nil, ""},
		{"no sentences", &brief.Summary{}, ""},
		{"one a line", &brief.Summary{Sentences: []brief.SummarySentence{{Text: "One."}, {Text: "Two."}}}, "One.\nTwo.\n"},
	}
	for _, tt := range tests {
		if got := SummaryText(tt.in); got != tt.want {
			t.Errorf("%s: SummaryText = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNanos(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want int64
	}{
		{"zero time", time.Time{}, 0},
		{"epoch plus one", time.Unix(0, 1), 1},
		{"zone dropped", time.Date(2024, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600)), time.Date(2024, 1, 2, 2, 4, 5, 6, time.UTC).UnixNano()},
	}
	for _, tt := range tests {
		got := Nanos(tt.in)
		if got != tt.want {
			t.Errorf("%s: Nanos = %d, want %d", tt.name, got, tt.want)
		}
		if back := Time(got); !back.Equal(tt.in) || !tt.in.IsZero() && back.Location() != time.UTC {
			t.Errorf("%s: Time(Nanos(t)) = %v, want %v in UTC", tt.name, back, tt.in)
		}
	}
}
