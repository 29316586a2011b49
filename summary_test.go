package brief_test

import (
	"strings"
	"testing"

	"github.com/briefnews/brief"
)

// TestCountWords checks that CountWords splits on every white space that
// strings.Fields splits on, so a summary's words counted before printing
// (where white space runs fold into single spaces) match the words printed.
func TestCountWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"spaces only", " \t\n", 0},
		{"ascii", "The talks ended.", 3},
		{"no-break space", "10\u00a0km away", 3},
		{"thin space", "10\u2009km away", 3},
		{"ideographic space", "Tokyo\u3000Osaka", 2},
		{"line separator", "one\u2028two", 2},
		{"narrow no-break space", "5\u202fp.m. today", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := brief.CountWords(tt.in); got != tt.want {
				t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
			}
			if got, printed := brief.CountWords(tt.in), len(strings.Fields(tt.in)); got != printed {
				t.Errorf("CountWords(%q) = %d, but strings.Fields finds %d", tt.in, got, printed)
			}
		})
	}
}
