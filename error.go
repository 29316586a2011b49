package brief

import (
	"errors"
	"fmt"
)

// Error kinds. Stages at the boundaries (ingest, extract, store, server)
// wrap one of these with the operation and the input it concerns, so callers
// can test the kind with errors.Is and people can read which input failed.
var (
	ErrInvalid     = errors.New("invalid input")   // malformed or unsupported content
	ErrEmpty       = errors.New("no content")      // the input holds no article text
	ErrNotFound    = errors.New("not found")       // no such file, article or story
	ErrUnavailable = errors.New("unavailable")     // a network or storage failure worth retrying
	ErrTooLarge    = errors.New("input too large") // over a configured size limit
)

// InputError is an error about one input: a file, a line of a file, or a URL.
type InputError struct {
	Input string // file path, "path:line" or URL
	Err   error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Input, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// Errorf returns an InputError for input with a formatted message; use %w in
// format to wrap a kind such as ErrInvalid.
func Errorf(input, format string, args ...any) error {
	return &InputError{Input: input, Err: fmt.Errorf(format, args...)}
}
