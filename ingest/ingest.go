// Package ingest reads articles from files and directories: plain text,
// HTML, JSON, JSONL and DUC SGML, detected by content.
//
// Every bad input (unreadable, empty, binary, malformed or too large) gives a
// *brief.InputError naming the file, or file:line for a line of a JSONL
// file, and wrapping one of the brief error kinds; the good inputs around it
// are still read.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/extract"
)

// DefaultMaxBytes is the file size limit used when Reader.MaxBytes is zero.
const DefaultMaxBytes = 20 << 20

// Reader reads articles from files. The zero value is ready to use. A
// Reader is safe for concurrent use by multiple goroutines as long as its
// fields are not changed.
type Reader struct {
	// MaxBytes is the largest file (or decompressed gzip stream) read, in
	// bytes; 0 means DefaultMaxBytes. Larger files give an error wrapping
	// brief.ErrTooLarge.
	MaxBytes int64

	// Extractor extracts the main text of HTML files and of JSON articles
	// given as "html".
	Extractor extract.Extractor
}

// Paths reads the articles of every file in paths with a zero Reader.
func Paths(ctx context.Context, paths []string) ([]*brief.Article, error) {
	var r Reader
	return r.Paths(ctx, paths)
}

// Paths reads the articles of every file in paths. A directory is read
// recursively in lexical order, skipping files and directories whose name
// starts with a dot. Articles come in the order of paths, then of files,
// then of articles in a file.
//
// Paths returns all the articles it could read and, when some inputs were
// bad, the errors.Join of one *brief.InputError per bad input; a path that
// does not exist wraps brief.ErrNotFound, and a directory with no articles
// brief.ErrEmpty. When ctx is cancelled it stops between files and adds
// ctx.Err() to the errors.
func (r *Reader) Paths(ctx context.Context, paths []string) ([]*brief.Article, error) {
	var arts []*brief.Article
	var errs []error
	for _, root := range paths {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, fileError(root, err))
			continue
		}
		if !info.IsDir() {
			a, err := r.File(root)
			arts = append(arts, a...)
			if err != nil {
				errs = append(errs, err)
			}
			continue
		}
		n := 0
		werr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fileError(path, err))
				if d != nil && d.IsDir() && path != root {
					return fs.SkipDir
				}
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			a, err := r.File(path)
			arts = append(arts, a...)
			n += len(a)
			if err != nil {
				errs = append(errs, err)
			}
			return nil
		})
		if werr != nil {
			errs = append(errs, werr)
			break
		}
		if n == 0 {
			errs = append(errs, &brief.InputError{Input: root, Err: fmt.Errorf("directory holds no articles: %w", brief.ErrEmpty)})
		}
	}
	return arts, errors.Join(errs...)
}

// File reads the articles of one file. It returns the good articles and,
// when some of the file (or all of it) is bad, the errors.Join of
// *brief.InputError values naming the file or its lines.
func (r *Reader) File(path string) ([]*brief.Article, error) {
	data, err := r.readFile(path)
	if err != nil {
		return nil, err
	}
	return r.Parse(path, data)
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return DefaultMaxBytes
}

func (r *Reader) readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	max := r.maxBytes()
	if info, err := f.Stat(); err == nil && info.Size() > max {
		return nil, &brief.InputError{Input: path, Err: fmt.Errorf("file of %d bytes is over the %d-byte limit: %w", info.Size(), max, brief.ErrTooLarge)}
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if int64(len(data)) > max {
		return nil, &brief.InputError{Input: path, Err: fmt.Errorf("file is over the %d-byte limit: %w", max, brief.ErrTooLarge)}
	}
	return data, nil
}

// fileError turns an error of the file system into an InputError with a
// brief error kind.
func fileError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	kind := brief.ErrUnavailable
	switch {
	case errors.Is(err, fs.ErrNotExist):
		kind = brief.ErrNotFound
	case errors.Is(err, fs.ErrPermission):
		kind = brief.ErrInvalid
	}
	return &brief.InputError{Input: path, Err: fmt.Errorf("%w: %v", kind, err)}
}
