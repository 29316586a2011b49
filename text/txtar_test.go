package text_test

import (
	"os"
	"strings"
	"testing"
)

// txtarFile is one file of a txtar archive.
type txtarFile struct {
	Name string
	Data string
}

// mustParseTxtar reads a txtar archive: a comment, then files that each start
// with a "-- name --" line. It is a small stand-in for
// golang.org/x/tools/txtar, which brief does not depend on.
func mustParseTxtar(tb testing.TB, path string) []txtarFile {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var files []txtarFile
	cur := -1
	for line := range strings.Lines(string(b)) {
		t := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			files = append(files, txtarFile{Name: strings.TrimSpace(t[3 : len(t)-3])})
			cur = len(files) - 1
			continue
		}
		if cur >= 0 {
			files[cur].Data += line
		}
	}
	return files
}
