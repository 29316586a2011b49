package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdinPath checks that a PATH of "-" reads the standard input of Main,
// detected by content and named <stdin> in the output and in errors, that a
// bad standard input is reported while the good files beside it are still
// used, and that giving "-" twice is bad usage.
func TestStdinPath(t *testing.T) {
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	sample := "../../testdata/sample"
	text := read(filepath.Join(sample, "01-coastal-herald.txt"))
	html := read(filepath.Join(sample, "03-morning-post.html"))
	json := read(filepath.Join(sample, "04-islands-today.json"))
	duc := read("../../ingest/testdata/good/newswire.sgml")
	jsonl := `{"title":"Harbour floods","text":"A storm surge flooded the harbour district of Kellingham overnight. Ferries to the outer islands were halted."}` + "\n" +
		`{"title":"Ferries halted","text":"Ferry services to the outer islands stayed in port on Saturday after the storm surge. The harbour master said crossings would resume on Monday."}` + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(jsonl))
	zw.Close()
	good := filepath.Join(sample, "02-wire.txt")

	tests := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		stdoutHas string // "" for no output
		stderrHas string // "" for no error output
	}{
		{"summarize JSONL", jsonl, []string{"summarize", "--format", "json", "-"}, 0, `"<stdin>:`, ""},
		{"summarize plain text", text, []string{"summarize", "--format", "json", "-"}, 0, `"<stdin>"`, ""},
		{"summarize HTML", html, []string{"summarize", "-"}, 0, "Kellingham", ""},
		{"summarize JSON", json, []string{"summarize", "--format", "json", "-"}, 0, "islands-today-kellingham", ""},
		{"summarize DUC SGML", duc, []string{"summarize", "-"}, 0, ".", ""},
		{"summarize gzip JSONL", gz.String(), []string{"summarize", "--format", "json", "-"}, 0, `"<stdin>:`, ""},
		{"summarize stdin beside a file", jsonl, []string{"summarize", "--format", "json", good, "-"}, 0, `"<stdin>:`, ""},
		{"summarize --after stdin, all said", read(good), []string{"summarize", "--after", "-", good}, 0, "", "no sentence of 1 articles fits"},
		{"summarize --after stdin, other said", jsonl, []string{"summarize", "--after", "-", good}, 0, "Mayor Ilse Brandt", ""},
		{"story JSONL", jsonl, []string{"story", "-"}, 0, `"<stdin>:`, ""},
		{"cluster JSONL", jsonl, []string{"cluster", "-"}, 0, `{"article":"<stdin>:1","story":`, ""},
		{"empty stdin", "", []string{"summarize", "-"}, 1, "", "<stdin>: standard input is empty"},
		{"white-space stdin", "\n \n", []string{"cluster", "-"}, 1, "", "<stdin>: file holds only white space"},
		{"binary stdin", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", []string{"story", "-"}, 1, "", "<stdin>: binary content (NUL byte at offset 7)"},
		{"garbage stdin beside a good file", "\x00\x01\x02\xff\xfe\x00", []string{"summarize", "-", good}, 0, ".", "<stdin>: binary content"},
		{"malformed JSON stdin beside a good file", `{"title": "x", "text": `, []string{"summarize", "-", good}, 0, ".", "<stdin>"},
		{"stdin twice", jsonl, []string{"summarize", "-", "-"}, 2, "", "standard input (-) given 2 times"},
		{"stdin in --after and PATH", jsonl, []string{"summarize", "--after", "-", "-"}, 2, "", "standard input (-) given 2 times"},
		{"story stdin twice", jsonl, []string{"story", "-", good, "-"}, 2, "", "given 2 times"},
		{"cluster stdin twice", jsonl, []string{"cluster", "-", "-"}, 2, "", "given 2 times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := runBriefIn(t, strings.NewReader(tt.stdin), tt.args...)
			out = unescapeJSON.Replace(out)
			if code != tt.code {
				t.Errorf("brief %q = exit %d, want %d; stderr %q", tt.args, code, tt.code, stderr)
			}
			if tt.stdoutHas == "" && out != "" || !strings.Contains(out, tt.stdoutHas) {
				t.Errorf("brief %q stdout = %q, want it to hold %q", tt.args, out, tt.stdoutHas)
			}
			if tt.stderrHas == "" && stderr != "" || !strings.Contains(stderr, tt.stderrHas) {
				t.Errorf("brief %q stderr = %q, want it to hold %q", tt.args, stderr, tt.stderrHas)
			}
		})
	}
}

// unescapeJSON undoes the escapes of < and > by encoding/json, which the
// JSON outputs keep (they are valid JSON) and the name <stdin> holds.
var unescapeJSON = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">")

// TestStdinReadOnce checks that the standard input is read once and not
// touched when no PATH is "-".
func TestStdinReadOnce(t *testing.T) {
	stdin := &countingReader{r: strings.NewReader("Harbour floods\n\nA storm surge flooded the harbour district overnight.\n")}
	if _, stderr, code := runBriefIn(t, stdin, "summarize", "../../testdata/sample"); code != 0 || stdin.reads != 0 {
		t.Errorf("summarize without -: exit %d, %d reads of stdin, stderr %q; want exit 0 and no read", code, stdin.reads, stderr)
	}
	if _, stderr, code := runBriefIn(t, stdin, "summarize", "-"); code != 0 || stdin.reads == 0 {
		t.Errorf("summarize -: exit %d, %d reads of stdin, stderr %q; want exit 0 and stdin read", code, stdin.reads, stderr)
	}
}

// countingReader counts the reads of r.
type countingReader struct {
	r     *strings.Reader
	reads int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.reads++
	return c.r.Read(p)
}

// TestJSONUnescaped checks that JSON output writes text as it is: "&", "<"
// and ">" are not turned into \u0026, \u003c and \u003e.
func TestJSONUnescaped(t *testing.T) {
	line := `{"id":"a1","title":"AT&T <Q3>","text":"AT&T said on Monday that its profit rose by a third in the quarter to June. Analysts at three banks had expected a smaller rise in the profit of the firm."}` + "\n"
	for _, args := range [][]string{
		{"summarize", "--format", "json", "-"},
		{"story", "--format", "json", "-"},
		{"cluster", "--format", "jsonl", "--summarize", "-"},
	} {
		stdout, stderr, code := runBriefIn(t, strings.NewReader(line), args...)
		if code != 0 {
			t.Fatalf("brief %v: exit %d, stderr %s", args, code, stderr)
		}
		if !strings.Contains(stdout, "AT&T") || strings.Contains(stdout, `\u0026`) {
			t.Errorf("brief %v: want AT&T written as is, got %s", args, stdout)
		}
	}
}
