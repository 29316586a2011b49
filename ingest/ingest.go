// Package ingest reads articles from files, directories and standard input:
// plain text, HTML, JSON, JSONL and DUC SGML, detected by content.
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
	"runtime"
	"strings"
	"sync"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/extract"
)

// StdinName names standard input, the path "-", in errors and in the IDs
// and Source of its articles.
const StdinName = "<stdin>"

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

	// Workers is the number of files read at once; 0 means GOMAXPROCS.
	Workers int

	// Extractor extracts the main text of HTML files and of JSON articles
	// given as "html".
	Extractor extract.Extractor

	// Stdin is the standard input, read for a path of exactly "-" given to
	// Paths. It is read once, to its end (up to MaxBytes), its format
	// detected by content as for a file, and named StdinName. A second "-"
	// in the same call is an error wrapping brief.ErrInvalid. When Stdin is
	// nil, "-" is an ordinary file name.
	Stdin io.Reader
}

// Paths reads the articles of every file in paths with a zero Reader.
func Paths(ctx context.Context, paths []string) ([]*brief.Article, error) {
	var r Reader
	return r.Paths(ctx, paths)
}

// Paths reads the articles of every file in paths, and of Stdin for a path
// of "-" (see Reader.Stdin). A directory is read
// recursively in lexical order, skipping files and directories whose name
// starts with a dot and following symbolic links (a directory reached twice
// is read once; a dangling link is an error naming it). Files are parsed by up to Workers goroutines, but
// articles come in the order of paths, then of files, then of articles in a
// file.
//
// Paths returns all the articles it could read and, when some inputs were
// bad, the errors.Join of one *brief.InputError per bad input; a path that
// does not exist wraps brief.ErrNotFound, and a directory with no articles
// brief.ErrEmpty. When ctx is cancelled it stops starting files and adds
// ctx.Err() to the errors.
func (r *Reader) Paths(ctx context.Context, paths []string) ([]*brief.Article, error) {
	jobs := r.list(ctx, paths)
	r.run(ctx, jobs)
	var arts []*brief.Article
	var errs []error
	perRoot := make([]int, len(paths))
	for _, j := range jobs {
		arts = append(arts, j.arts...)
		perRoot[j.root] += len(j.arts)
		if j.err != nil {
			errs = append(errs, j.err)
		}
	}
	for i, root := range paths {
		if r.isStdin(root) {
			continue
		}
		if info, err := os.Stat(root); err == nil && info.IsDir() && perRoot[i] == 0 && ctx.Err() == nil {
			errs = append(errs, &brief.InputError{Input: root, Err: fmt.Errorf("directory holds no articles: %w", brief.ErrEmpty)})
		}
	}
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return arts, errors.Join(errs...)
}

// job is one file to read, or an error found while listing files.
type job struct {
	root  int    // index of the path it was found under
	path  string // empty for an error found while listing
	stdin bool   // read Reader.Stdin, not path
	arts  []*brief.Article
	err   error
}

// list returns the files under paths, in order, with the errors met while
// listing them.
func (r *Reader) list(ctx context.Context, paths []string) []*job {
	var jobs []*job
	stdin := false // a job reads Stdin
	for i, root := range paths {
		if ctx.Err() != nil {
			break
		}
		if r.isStdin(root) {
			if stdin {
				jobs = append(jobs, &job{root: i, err: brief.Errorf(StdinName, "standard input (-) given more than once: %w", brief.ErrInvalid)})
			} else {
				jobs = append(jobs, &job{root: i, path: root, stdin: true})
				stdin = true
			}
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			jobs = append(jobs, &job{root: i, err: fileError(root, err)})
			continue
		}
		if !info.IsDir() {
			jobs = append(jobs, &job{root: i, path: root})
			continue
		}
		jobs = walk(ctx, i, root, map[string]bool{}, jobs)
	}
	return jobs
}

// walk appends the files under the directory dir to jobs. It follows
// symbolic links: a link to a file is read, a dangling one is an error, and
// a link to a directory is walked unless seen (the real paths of the
// directories walked so far) holds it, which stops link loops.
func walk(ctx context.Context, root int, dir string, seen map[string]bool, jobs []*job) []*job {
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			jobs = append(jobs, &job{root: root, err: fileError(path, err)})
			if d != nil && d.IsDir() && path != dir {
				return fs.SkipDir
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			if real, err := filepath.EvalSymlinks(path); err == nil {
				if seen[real] && path != dir {
					return fs.SkipDir
				}
				seen[real] = true
			}
		case d.Type().IsRegular():
			jobs = append(jobs, &job{root: root, path: path})
		case d.Type()&fs.ModeSymlink != 0:
			info, err := os.Stat(path)
			switch {
			case err != nil:
				jobs = append(jobs, &job{root: root, err: fileError(path, err)})
			case info.Mode().IsRegular():
				jobs = append(jobs, &job{root: root, path: path})
			case info.IsDir():
				if real, err := filepath.EvalSymlinks(path); err == nil && !seen[real] {
					// The trailing separator makes WalkDir follow the link.
					jobs = walk(ctx, root, path+string(filepath.Separator), seen, jobs)
				}
			}
		}
		return ctx.Err()
	})
	return jobs
}

// run reads the files of jobs with up to r.Workers goroutines.
func (r *Reader) run(ctx context.Context, jobs []*job) {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan *job)
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				switch {
				case ctx.Err() != nil:
				case j.stdin:
					j.arts, j.err = r.readStdin()
				default:
					j.arts, j.err = r.File(j.path)
				}
			}
		}()
	}
	for _, j := range jobs {
		if j.path != "" {
			next <- j
		}
	}
	close(next)
	wg.Wait()
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

// isStdin reports whether path names the standard input.
func (r *Reader) isStdin(path string) bool { return path == "-" && r.Stdin != nil }

// readStdin reads the articles of r.Stdin.
func (r *Reader) readStdin() ([]*brief.Article, error) {
	max := r.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r.Stdin, max+1))
	switch {
	case err != nil:
		return nil, brief.Errorf(StdinName, "reading standard input: %w: %v", brief.ErrUnavailable, err)
	case int64(len(data)) > max:
		return nil, brief.Errorf(StdinName, "standard input is over the %d-byte limit: %w", max, brief.ErrTooLarge)
	case len(data) == 0:
		return nil, brief.Errorf(StdinName, "standard input is empty: %w", brief.ErrEmpty)
	}
	return r.Parse(StdinName, data)
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
