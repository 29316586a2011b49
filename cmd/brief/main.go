// Command brief summarizes news articles from many outlets into short,
// neutral, cited summaries, and scores summaries with ROUGE.
//
// Usage:
//
//	brief summarize [--words N | --bytes N | --sentences N] [--method NAME]
//	                [--format text|json|markdown] PATH...
//	brief rouge [-n N] [-m] [-s] [-l WORDS | -b BYTES] [-2 GAP -u] [-f A|B] [-p ALPHA]
//	            [--format text|json] PEER MODEL...
//	brief eval --layout duc|duc-update [--words N] [--method NAME] DATASET_DIR
//	brief cluster [--format jsonl|text] [--summarize] PATH...
//	brief fetch --out DIR FEED_URL...
//	brief story [--format json|markdown|text] PATH...
//	brief serve [--addr 127.0.0.1:8080] [--db PATH|postgres://…] [--load PATH]...
//
// A PATH of exactly "-" (for summarize, story and cluster, and for
// summarize --after) reads standard input, once: its format is detected by
// content as for a file, and its articles and errors are named <stdin> (the
// lines of JSONL input <stdin>:N). Giving "-" twice to one command is bad
// usage.
//
// Exit status is 0 on success (and after printing the help asked for with
// -h), 1 when a bad input stopped the job, and 2 on bad usage. Errors go to stderr and name the input.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
)

// command is one subcommand: it parses its own flags, then runs.
type command interface {
	// ParseFlags parses the arguments after the subcommand name. It returns
	// a usageError for bad usage, or flag.ErrHelp when help was asked for.
	ParseFlags(args []string) error
	// Run does the job. Errors about inputs name the input.
	Run(ctx context.Context) error
}

// commands maps a subcommand name to its constructor. It is the one place
// where subcommands are registered.
var commands = map[string]func(m *Main) command{
	"summarize": func(m *Main) command { return &summarizeCommand{main: m} },
	"rouge":     func(m *Main) command { return &rougeCommand{main: m} },
	"serve":     func(m *Main) command { return &serveCommand{main: m} },
	"story":     func(m *Main) command { return &storyCommand{main: m} },
	"cluster":   func(m *Main) command { return &clusterCommand{main: m} },
	"eval":      func(m *Main) command { return &evalCommand{main: m} },
	"fetch":     func(m *Main) command { return &fetchCommand{main: m} },
}

// Main is the brief program: its standard streams and the chosen subcommand.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	cmd command
}

// NewMain returns a Main wired to the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}

// usageError is bad usage of the command line: exit status 2. printed
// says the flag set has already written it to stderr, with the usage.
type usageError struct {
	msg     string
	printed bool
}

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// ParseFlags selects the subcommand named by args[0] and parses its flags.
func (m *Main) ParseFlags(args []string) error {
	if len(args) == 0 {
		m.usage()
		return usagef("brief: no command given")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage()
		return flag.ErrHelp
	}
	newCmd, ok := commands[args[0]]
	if !ok {
		return usagef("brief: unknown command %q (run 'brief help')", args[0])
	}
	m.cmd = newCmd(m)
	return m.cmd.ParseFlags(args[1:])
}

// Run runs the chosen subcommand.
func (m *Main) Run(ctx context.Context) error { return m.cmd.Run(ctx) }

// Close releases what Run opened. It is safe to call more than once.
func (m *Main) Close() error {
	if c, ok := m.cmd.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

func (m *Main) usage() {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Fprintln(m.Stderr, "usage: brief COMMAND [flags] ARGS...")
	fmt.Fprintln(m.Stderr, "commands:")
	for _, name := range names {
		fmt.Fprintln(m.Stderr, "  "+name)
	}
	fmt.Fprintln(m.Stderr, "run 'brief COMMAND -h' for a command's flags")
}

// exitCode maps an error from ParseFlags or Run to the exit status: 0 for
// success or a help request, 2 for bad usage, 1 otherwise.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	default:
		return 1
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m := NewMain()
	err := m.ParseFlags(os.Args[1:])
	if err == nil {
		err = m.Run(ctx)
		if cerr := m.Close(); err == nil {
			err = cerr
		}
	}
	m.report(err)
	os.Exit(exitCode(err))
}

// report writes err to m.Stderr, unless it is nil, a help request, or a
// flag error the flag set has already written.
func (m *Main) report(err error) {
	var ue *usageError
	if err == nil || errors.Is(err, flag.ErrHelp) || errors.As(err, &ue) && ue.printed {
		return
	}
	fmt.Fprintln(m.Stderr, err)
}

// newFlagSet returns a flag set for a subcommand that reports errors instead
// of exiting and prints usage to m.Stderr.
func (m *Main) newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("brief "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

// parse parses args with fs, turning flag errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{msg: err.Error(), printed: true}
	}
	return nil
}
