package text_test

import (
	"sync"
	"testing"

	"github.com/briefnews/brief/text"
)

func TestStem(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"en", "running", "run"},
		{"en", "ministers", "minist"},
		{"en", "russia's", "russia"},
		{"en", "news", "news"},
		{"en", "an", "an"},
		{"", "talks", "talk"},
		{"xx", "talks", "talk"},
		{"EN-GB", "flooding", "flood"},
		{"de", "häuser", "haus"},
		{"fr", "gouvernements", "gouvern"},
		{"es", "elecciones", "eleccion"},
		{"it", "ministri", "ministr"},
		{"pt", "eleições", "eleiçõ"},
		{"nl", "verkiezingen", "verkiez"},
		{"ru", "выборы", "выбор"},
		{"sv", "regeringen", "regering"},
		{"en", "\xff\xfe\xfd", "\xff\xfe\xfd"},
	}
	for _, tt := range tests {
		if got := text.Stem(tt.lang, tt.in); got != tt.want {
			t.Errorf("Stem(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestStemConcurrent(t *testing.T) {
	words := []string{"running", "ministers", "flooding", "elections", "governments"}
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = text.Stem("en", w)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for n := 0; n < 200; n++ {
				for i, w := range words {
					if got := text.Stem("en", w); got != want[i] {
						t.Errorf("Stem(%q) = %q concurrently, want %q", w, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestIsStopword(t *testing.T) {
	tests := []struct {
		lang, w string
		want    bool
	}{
		{"en", "the", true},
		{"en", "of", true},
		{"en", "don't", true},
		{"en", "said", false},
		{"en", "mr", false},
		{"en", "us", false},
		{"en", "moscow", false},
		{"", "and", true},
		{"xx", "which", true},
		{"de", "und", true},
		{"de", "the", false},
		{"fr", "les", true},
		{"es", "los", true},
		{"it", "della", true},
		{"pt", "não", true},
		{"nl", "het", true},
		{"en-US", "would", true},
	}
	for _, tt := range tests {
		if got := text.IsStopword(tt.lang, tt.w); got != tt.want {
			t.Errorf("IsStopword(%q, %q) = %v, want %v", tt.lang, tt.w, got, tt.want)
		}
	}
}
