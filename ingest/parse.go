package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/text"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Format is a kind of input file.
type Format int

// The formats Detect tells apart.
const (
	Unknown Format = iota
	Text           // plain text, with an optional header block
	HTML           // an HTML page
	JSON           // one JSON article object, or an array of them
	JSONL          // one JSON article object per line
	DUC            // DUC/TREC SGML: <DOC><DOCNO>…</DOCNO>…<TEXT>…</TEXT></DOC>
	Gzip           // gzip-compressed data
	Binary         // not text
)

var formatNames = [...]string{"unknown", "text", "html", "json", "jsonl", "duc", "gzip", "binary"}

func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formatNames[f]
}

// Detect returns the format of data from its content alone: gzip by its
// magic number; binary when it holds a NUL byte anywhere, or more than 1% of
// other control bytes in its first 8 KiB; then by the first non-space
// character: '{' is JSON when the whole input is one JSON value and JSONL
// otherwise, '[' is JSON, '<' is DUC when a <DOC> element comes first and
// HTML otherwise; anything else is Text. A UTF-16 input must be decoded
// first (see Parse). Empty input is Unknown.
func Detect(data []byte) Format {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return Gzip
	}
	if isBinary(data) {
		return Binary
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	trimmed := bytes.TrimLeftFunc(data, unicode.IsSpace)
	if len(trimmed) == 0 {
		return Unknown
	}
	switch trimmed[0] {
	case '{':
		if jsonSingle(trimmed) {
			return JSON
		}
		return JSONL
	case '[':
		return JSON
	case '<':
		if bytes.HasPrefix(trimmed, []byte("<DOC>")) || bytes.HasPrefix(trimmed, []byte("<DOC ")) {
			return DUC
		}
		return HTML
	}
	return Text
}

var utf8BOM = []byte("\xef\xbb\xbf")

// isBinary reports whether data holds a NUL byte anywhere, or more than 1%
// of control bytes other than white space in its first 8 KiB.
func isBinary(data []byte) bool { return binaryReason(data) != "" }

// binaryReason says why isBinary holds for data: where its first NUL byte
// is, or how many control bytes its first 8 KiB have; it is empty for text.
// The NUL search past the first 8 KiB is one bytes.IndexByte over the rest
// (see BenchmarkParseLargeText for its cost).
func binaryReason(data []byte) string {
	head := data
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	ctl := 0
	for i, b := range head {
		switch {
		case b == 0:
			return fmt.Sprintf("NUL byte at offset %d", i)
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' && b != 0x1b:
			ctl++
		}
	}
	if ctl*100 > len(head) {
		return fmt.Sprintf("%d control bytes in the first %d", ctl, len(head))
	}
	if i := bytes.IndexByte(data[len(head):], 0); i >= 0 {
		return fmt.Sprintf("NUL byte at offset %d", len(head)+i)
	}
	return ""
}

// Parse reads the articles of one input held in memory; name is the file
// path or other name of the input, used in article IDs, Source and errors.
// The format is detected by content (see Detect). Gzip data is decompressed
// first (up to the Reader's size limit). Text that is not UTF-8 is decoded
// from UTF-16 when it starts with a byte order mark, from the <meta> charset
// for HTML, from UTF-16 without a byte order mark when every other byte is
// NUL (see utf16Order), and from windows-1252 (a superset of ISO-8859-1)
// otherwise;
// input that is mostly UTF-8 but has invalid sequences is an error.
// Input holding a NUL byte is binary, an error: the check runs after gzip
// decompression and UTF-16 decoding (whose high bytes are NUL), so the
// offset it reports is one in the decompressed or decoded bytes.
//
// Parse returns the good articles and the errors.Join of one
// *brief.InputError per bad input or bad part of the input. Articles that
// do not name their language get the one text.Language detects, or none. It
// never panics.
func (r *Reader) Parse(name string, data []byte) (arts []*brief.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			arts, err = nil, brief.Errorf(name, "parser failure (%v): %w", p, brief.ErrInvalid)
		}
	}()
	arts, err = r.parse(name, data, 0)
	for _, a := range arts {
		if a.Language == "" {
			a.Language = text.Language(a.Text)
		}
	}
	return arts, err
}

func (r *Reader) parse(name string, data []byte, depth int) ([]*brief.Article, error) {
	if len(data) == 0 {
		return nil, brief.Errorf(name, "empty file: %w", brief.ErrEmpty)
	}
	if int64(len(data)) > r.maxBytes() {
		return nil, brief.Errorf(name, "over the %d-byte limit: %w", r.maxBytes(), brief.ErrTooLarge)
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		out, _, err := transform.Bytes(xunicode.BOMOverride(xunicode.UTF8.NewDecoder()), data)
		if err != nil {
			return nil, brief.Errorf(name, "bad UTF-16: %v: %w", err, brief.ErrInvalid)
		}
		data = out
	} else if e, ok := utf16Order(data); ok {
		out, _, err := transform.Bytes(xunicode.UTF16(e, xunicode.IgnoreBOM).NewDecoder(), data)
		if err != nil {
			return nil, brief.Errorf(name, "bad UTF-16: %v: %w", err, brief.ErrInvalid)
		}
		data = out
	}
	switch f := Detect(data); f {
	case Unknown:
		return nil, brief.Errorf(name, "file holds only white space: %w", brief.ErrEmpty)
	case Binary:
		return nil, brief.Errorf(name, "binary content (%s): %w", binaryReason(data), brief.ErrInvalid)
	case Gzip:
		if depth > 0 {
			return nil, brief.Errorf(name, "nested gzip: %w", brief.ErrInvalid)
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, brief.Errorf(name, "gzip: %v: %w", err, brief.ErrInvalid)
		}
		out, err := io.ReadAll(io.LimitReader(zr, r.maxBytes()+1))
		if err != nil {
			return nil, brief.Errorf(name, "gzip: %v: %w", err, brief.ErrInvalid)
		}
		if int64(len(out)) > r.maxBytes() {
			return nil, brief.Errorf(name, "decompressed data over the %d-byte limit: %w", r.maxBytes(), brief.ErrTooLarge)
		}
		return r.parse(name, out, depth+1)
	case HTML:
		a, err := r.Extractor.ExtractBytes(data, "")
		if err != nil {
			return nil, &brief.InputError{Input: name, Err: err}
		}
		a.ID, a.Source = name, name
		return []*brief.Article{a}, nil
	default:
		text, err := toUTF8(data)
		if err != nil {
			return nil, &brief.InputError{Input: name, Err: err}
		}
		switch f {
		case JSON:
			return r.parseJSON(name, text)
		case JSONL:
			return r.parseJSONL(name, text)
		case DUC:
			return parseDUC(name, text)
		}
		a, err := parseText(name, text)
		if err != nil {
			return nil, err
		}
		return []*brief.Article{a}, nil
	}
}

// utf16Order reports whether data, which has no byte order mark, looks like
// UTF-16 text in a Latin script: in its first 8 KiB, at least 8 code units,
// the high byte is NUL in 90% of them and the low byte NUL in at most 1%.
// It returns the byte order that puts the NULs in the high bytes.
func utf16Order(data []byte) (xunicode.Endianness, bool) {
	if len(data) > 8<<10 {
		data = data[:8<<10]
	}
	units := len(data) / 2
	if units < 8 {
		return xunicode.LittleEndian, false
	}
	var even, odd int // NUL bytes at even and odd offsets
	for i := 0; i+1 < len(data); i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= units*9 && even*100 <= units:
		return xunicode.LittleEndian, true
	case even*10 >= units*9 && odd*100 <= units:
		return xunicode.BigEndian, true
	}
	return xunicode.LittleEndian, false
}

// toUTF8 returns data as a UTF-8 string without a byte order mark. Valid
// UTF-8 is kept; data with no valid multi-byte UTF-8 sequence is decoded as
// windows-1252; data that mixes valid and invalid UTF-8 is an error, as is
// decoded text holding control characters.
func toUTF8(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return string(data), nil
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError && n > 1 {
			return "", fmt.Errorf("invalid UTF-8 at byte %d: %w", firstInvalid(data), brief.ErrInvalid)
		}
		i += n
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("not UTF-8 nor windows-1252: %w", brief.ErrInvalid)
	}
	for _, r := range string(out) {
		if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v') || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError {
			return "", fmt.Errorf("not UTF-8 and not text in windows-1252 (control character %U): %w", r, brief.ErrInvalid)
		}
	}
	return string(out), nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// lineOf returns the 1-based line number of byte offset off in s.
func lineOf(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	if off < 0 {
		off = 0
	}
	return 1 + bytes.Count([]byte(s[:off]), []byte("\n"))
}

var errJSONTrailing = errors.New("data after the JSON value")
