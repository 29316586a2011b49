package main

import (
	"strings"
	"testing"
)

// TestHelpAndUsageExit checks the exit status of help requests (0: the
// user asked for it) against bad usage (2), and that both print usage.
func TestHelpAndUsageExit(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"help command", []string{"help"}, 0},
		{"-h", []string{"-h"}, 0},
		{"--help", []string{"--help"}, 0},
		{"subcommand -h", []string{"summarize", "-h"}, 0},
		{"subcommand --help", []string{"cluster", "--help"}, 0},
		{"no command", nil, 2},
		{"unknown flag", []string{"summarize", "--nope", "x"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runBrief(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, "usage") || out != "" {
				t.Errorf("brief %v = exit %d, stdout %q, stderr %q; want exit %d and usage on stderr", tt.args, code, out, stderr, tt.code)
			}
		})
	}
}

// TestFlagErrorOnce checks that a bad flag is reported once on stderr (the
// flag set prints it with the usage; it is not printed again).
func TestFlagErrorOnce(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad number", []string{"summarize", "--words", "abc", "x"}, `invalid value "abc" for flag -words`},
		{"unknown flag", []string{"story", "--nope", "x"}, "flag provided but not defined: -nope"},
		{"rouge unknown flag", []string{"rouge", "-q", "p", "m"}, "flag provided but not defined: -q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runBrief(t, tt.args...)
			if n := strings.Count(stderr, tt.want); code != 2 || n != 1 {
				t.Errorf("brief %v = exit %d, %d times %q in stderr %q; want exit 2 and once", tt.args, code, n, tt.want, stderr)
			}
		})
	}
}
