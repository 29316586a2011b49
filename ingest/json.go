package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/briefnews/brief"
)

// jsonArticle is the JSON form of an article (see docs/formats.md).
type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Language  string `json:"language"`
}

// checkNUL returns an error wrapping brief.ErrInvalid naming the first
// field of j that holds a NUL character (a \u0000 escape: the raw file has
// no NUL byte, see Detect), which no text stage expects.
func (j *jsonArticle) checkNUL() error {
	for _, f := range []struct{ name, v string }{
		{"id", j.ID}, {"title", j.Title}, {"text", j.Text}, {"html", j.HTML}, {"url", j.URL},
		{"outlet", j.Outlet}, {"author", j.Author}, {"published", j.Published}, {"language", j.Language},
	} {
		if i := strings.IndexByte(f.v, 0); i >= 0 {
			return fmt.Errorf("field %q: NUL character at byte %d: %w", f.name, i, brief.ErrInvalid)
		}
	}
	return nil
}

// jsonSingle reports whether data holds exactly one JSON value.
func jsonSingle(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		// A broken first value: call it JSONL only when there are more
		// lines that start like objects.
		return !multiObjectLines(data)
	}
	_, err := dec.Token()
	return err != nil
}

func multiObjectLines(data []byte) bool {
	n := 0
	for _, line := range bytes.Split(data, []byte("\n")) {
		if l := bytes.TrimSpace(line); len(l) > 0 && l[0] == '{' {
			n++
		}
	}
	return n > 1
}

// parseJSON reads one article object or an array of them. Elements of an
// array are named name#N, N counting from 1.
func (r *Reader) parseJSON(name, text string) ([]*brief.Article, error) {
	trimmed := strings.TrimSpace(text)
	if strings.HasPrefix(trimmed, "{") {
		a, err := r.decodeArticle(name, name, []byte(trimmed))
		if err != nil {
			return nil, err
		}
		return []*brief.Article{a}, nil
	}
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, brief.Errorf(jsonErrorPlace(name, text, err), "malformed JSON: %v: %w", err, brief.ErrInvalid)
	}
	if len(raw) == 0 {
		return nil, brief.Errorf(name, "empty JSON array: %w", brief.ErrEmpty)
	}
	var arts []*brief.Article
	var errs []error
	for i, m := range raw {
		a, err := r.decodeArticle(name+"#"+strconv.Itoa(i+1), name, m)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errors.Join(errs...)
}

// parseJSONL reads one article object per line; blank lines are skipped.
// Articles and errors are named name:LINE.
func (r *Reader) parseJSONL(name, text string) ([]*brief.Article, error) {
	var arts []*brief.Article
	var errs []error
	lineNo := 0
	for rest := text; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		lineNo++
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		place := name + ":" + strconv.Itoa(lineNo)
		a, err := r.decodeArticle(place, place, []byte(line))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		return nil, brief.Errorf(name, "no JSON lines: %w", brief.ErrEmpty)
	}
	return arts, errors.Join(errs...)
}

// decodeArticle decodes one JSON article; place names it in IDs and
// errors, source is the file it came from.
func (r *Reader) decodeArticle(place, source string, data []byte) (*brief.Article, error) {
	var j jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&j); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return nil, brief.Errorf(place, "JSON %s where an article object is expected: %w", te.Value, brief.ErrInvalid)
		}
		if errors.As(err, &te) {
			return nil, brief.Errorf(place, "field %q: JSON %s where a string is expected: %w", te.Field, te.Value, brief.ErrInvalid)
		}
		return nil, brief.Errorf(place, "malformed JSON: %v: %w", err, brief.ErrInvalid)
	}
	if _, err := dec.Token(); err == nil {
		return nil, brief.Errorf(place, "malformed JSON: %v: %w", errJSONTrailing, brief.ErrInvalid)
	}
	if err := j.checkNUL(); err != nil {
		return nil, &brief.InputError{Input: place, Err: err}
	}
	a := &brief.Article{}
	if strings.TrimSpace(j.Text) == "" && strings.TrimSpace(j.HTML) != "" {
		x, err := r.Extractor.ExtractBytes([]byte(j.HTML), j.URL)
		if err != nil {
			return nil, &brief.InputError{Input: place, Err: fmt.Errorf("field \"html\": %w", err)}
		}
		a = x
	} else {
		a.Text = normalizeText(j.Text)
	}
	if a.Text == "" {
		return nil, brief.Errorf(place, "article has no \"text\" or \"html\": %w", brief.ErrEmpty)
	}
	a.ID = place
	if j.ID != "" {
		a.ID = j.ID
	}
	a.Source = place
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&a.Title, j.Title)
	set(&a.URL, j.URL)
	set(&a.Outlet, j.Outlet)
	set(&a.Author, j.Author)
	set(&a.Language, strings.ToLower(j.Language))
	if j.Published != "" {
		t, ok := parseDate(j.Published)
		if !ok {
			return nil, brief.Errorf(place, "field \"published\": cannot read date %q: %w", j.Published, brief.ErrInvalid)
		}
		a.Published = t
	}
	return a, nil
}

// jsonErrorPlace names the line of a JSON syntax error: name:LINE.
func jsonErrorPlace(name, text string, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return name + ":" + strconv.Itoa(lineOf(text, int(se.Offset)))
	}
	return name
}
