package query

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"operators only", `* - "" () NEAR(`, []string{"near"}},
		{"case folded", "Harbour FLOOD", []string{"harbour", "flood"}},
		{"punctuation splits", "U.S. sea-wall's", []string{"u", "s", "sea", "wall", "s"}},
		{"digits are words", "2.4 metres in 1987", []string{"2", "4", "metres", "in", "1987"}},
		{"unicode letters", "Ålesund naïve", []string{"ålesund", "naïve"}},
		{"sql quote", "'; DROP TABLE", []string{"drop", "table"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Words(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
