// Package cursor encodes the page cursors of brief.Store.Stories: the
// position (updated time, story ID) of the last story of a page.
package cursor

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefnews/brief"
)

// Encode returns the opaque cursor that resumes after the story with the
// given updated time and ID.
func Encode(updated time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(updated.UnixNano(), 10) + ":" + id))
}

// Decode returns the position encoded in c. A malformed cursor is an error
// wrapping brief.ErrInvalid.
func Decode(c string) (updated time.Time, id string, err error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, "", fmt.Errorf("cursor %q: %w", c, brief.ErrInvalid)
	}
	ns, id, ok := strings.Cut(string(b), ":")
	n, err := strconv.ParseInt(ns, 10, 64)
	if !ok || err != nil {
		return time.Time{}, "", fmt.Errorf("cursor %q: %w", c, brief.ErrInvalid)
	}
	return time.Unix(0, n).UTC(), id, nil
}

// Before reports whether a story at (t, id) comes after the position (ct,
// cid) in the order of the story list: newer first, ties by descending ID.
func Before(t time.Time, id string, ct time.Time, cid string) bool {
	if !t.Equal(ct) {
		return t.Before(ct)
	}
	return id < cid
}
