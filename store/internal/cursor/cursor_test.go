package cursor

import (
	"errors"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		t    time.Time
		id   string
	}{
		{"plain", time.Date(2024, 3, 5, 8, 0, 0, 123456789, time.UTC), "s12"},
		{"colon in id", time.Unix(0, 1), "a:b:c"},
		{"empty id", time.Unix(1700000000, 0), ""},
		{"unicode id", time.Unix(5, 0), "histoire-é"},
	}
	for _, tt := range tests {
		gt, gid, err := Decode(Encode(tt.t, tt.id))
		if err != nil || !gt.Equal(tt.t) || gid != tt.id {
			t.Errorf("%s: Decode(Encode(%v, %q)) = %v, %q, %v", tt.name, tt.t, tt.id, gt, gid, err)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, c := range []string{"!!", "bm90IGEgY3Vyc29y", Encode(time.Unix(1, 0), "x")[:3]} {
		if _, _, err := Decode(c); !errors.Is(err, brief.ErrInvalid) {
			t.Errorf("Decode(%q) error = %v, want ErrInvalid", c, err)
		}
	}
}

func TestBefore(t *testing.T) {
	t0 := time.Unix(100, 0)
	tests := []struct {
		t    time.Time
		id   string
		want bool
	}{
		{t0.Add(-time.Second), "z", true},
		{t0.Add(time.Second), "a", false},
		{t0, "a", true},
		{t0, "m", false},
		{t0, "z", false},
	}
	for _, tt := range tests {
		if got := Before(tt.t, tt.id, t0, "m"); got != tt.want {
			t.Errorf("Before(%v, %q, %v, m) = %v, want %v", tt.t, tt.id, t0, got, tt.want)
		}
	}
}
