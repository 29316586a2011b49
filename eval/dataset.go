package eval

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Layouts of a data set directory that Open reads.
const (
	// LayoutDUC is a DUC-style directory: docs/<topic>/… (the documents,
	// possibly nested), models/<TOPIC>.M.<length>.<x>.<model ID> (human
	// summaries) and optionally peers/<TOPIC>.M.<length>.<x>.<peer ID>
	// (system summaries). A docs directory matches a topic when their
	// names are equal ignoring case, or equal but for one trailing letter
	// of the directory name (DUC's selector code: d30001t for D30001).
	LayoutDUC = "duc"
	// LayoutDUCUpdate is the DUC 2007 update task's directory:
	// docs/<topic>/<topic>-<kind>/… with kinds A, B, C in time order,
	// models/<TOPIC>-<kind>.M.<length>.<x>.<model ID> and
	// peers/<TOPIC>-<kind>.M.<length>.<x>.<peer ID>.
	LayoutDUCUpdate = "duc-update"
)

// SummaryFile is one summary of a set in a data set: by a human (a model)
// or by a participating system (a peer).
type SummaryFile struct {
	ID   string // the summarizer: "A"…"J" for NIST's assessors, "35" for a system
	Path string
}

// DocSet is one document set of a data set with its summaries.
type DocSet struct {
	ID    string // set ID as in the summary file names: "D0703-A", "D30001"
	Topic string // topic ID: "D0703"
	Kind  string // "A", "B", "C" for the sets of an update topic, in time order; "" otherwise
	// EvalBase is the summary file name without its final ".<ID>"
	// ("D0703-A.M.100.A"); NIST's jackknife names its evaluations
	// "<EvalBase>-<left-out model ID>".
	EvalBase string
	Dir      string        // directory of the documents
	Docs     []string      // paths of the documents, sorted
	Earlier  []DocSet      // earlier sets of the same topic, oldest first (update task); their Earlier is nil
	Models   []SummaryFile // human summaries, sorted by ID
	Peers    []SummaryFile // system summaries (and NIST's copies of the models), sorted by ID
}

// Dataset is a summarization data set: document sets with summaries.
type Dataset struct {
	Dir  string
	Sets []DocSet // sorted by ID
}

// Open reads the layout of the data set in dir. It reads directory names
// only, not the documents or summaries. Errors name the path at fault.
func Open(dir, layout string) (*Dataset, error) {
	if layout != LayoutDUC && layout != LayoutDUCUpdate {
		return nil, fmt.Errorf("eval: unknown layout %q (want %q or %q)", layout, LayoutDUC, LayoutDUCUpdate)
	}
	models, err := summaryFiles(filepath.Join(dir, "models"), true)
	if err != nil {
		return nil, err
	}
	peers, err := summaryFiles(filepath.Join(dir, "peers"), false)
	if err != nil {
		return nil, err
	}
	docDirs, err := docSetDirs(filepath.Join(dir, "docs"), layout)
	if err != nil {
		return nil, err
	}
	byID := map[string]*DocSet{}
	var ids []string
	for setID, files := range models {
		set := &DocSet{ID: setID, Topic: setID, Models: files.list}
		set.EvalBase = files.base
		if layout == LayoutDUCUpdate {
			i := strings.LastIndexByte(setID, '-')
			if i <= 0 || i == len(setID)-1 {
				return nil, fmt.Errorf("eval: %s: model summary for set %q: want <TOPIC>-<kind>.M.…", filepath.Join(dir, "models"), setID)
			}
			set.Topic, set.Kind = setID[:i], setID[i+1:]
		}
		if p, ok := peers[setID]; ok {
			set.Peers = p.list
		}
		byID[setID] = set
		ids = append(ids, setID)
	}
	for key, d := range docDirs {
		set, ok := byID[key]
		if !ok {
			continue // documents without human summaries cannot be scored
		}
		set.Dir = d
		if set.Docs, err = listFiles(d); err != nil {
			return nil, err
		}
	}
	sort.Strings(ids)
	ds := &Dataset{Dir: dir}
	for _, id := range ids {
		set := byID[id]
		if set.Dir == "" {
			return nil, fmt.Errorf("eval: %s: no documents for set %s", filepath.Join(dir, "docs"), id)
		}
		ds.Sets = append(ds.Sets, *set)
	}
	if len(ds.Sets) == 0 {
		return nil, fmt.Errorf("eval: %s: no model summaries", filepath.Join(dir, "models"))
	}
	if layout == LayoutDUCUpdate {
		for i := range ds.Sets {
			for j := range ds.Sets[:i] {
				e := ds.Sets[j]
				if e.Topic == ds.Sets[i].Topic && e.Kind < ds.Sets[i].Kind {
					e.Earlier = nil
					ds.Sets[i].Earlier = append(ds.Sets[i].Earlier, e)
				}
			}
		}
	}
	return ds, nil
}

// summaryGroup is the summaries of one set and their file name prefix.
type summaryGroup struct {
	base string
	list []SummaryFile
}

// summaryFiles lists the summaries in dir by set ID. File names are
// <SET>.M.<length>.<x>.<ID>. A missing dir is an error only when required.
func summaryFiles(dir string, required bool) (map[string]*summaryGroup, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !required && os.IsNotExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := map[string]*summaryGroup{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		parts := strings.Split(name, ".")
		if len(parts) < 5 || parts[1] != "M" {
			return nil, fmt.Errorf("eval: %s: want a name like <SET>.M.<length>.<x>.<ID>", filepath.Join(dir, name))
		}
		setID, id := parts[0], parts[len(parts)-1]
		g := out[setID]
		if g == nil {
			g = &summaryGroup{base: strings.TrimSuffix(name, "."+id)}
			out[setID] = g
		}
		g.list = append(g.list, SummaryFile{ID: id, Path: filepath.Join(dir, name)})
	}
	for _, g := range out {
		sort.Slice(g.list, func(i, j int) bool { return g.list[i].ID < g.list[j].ID })
	}
	return out, nil
}

// docSetDirs maps set IDs (upper case, as in summary names) to the
// directories holding their documents.
func docSetDirs(dir, layout string) (map[string]string, error) {
	topics, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := map[string]string{}
	for _, t := range topics {
		if !t.IsDir() {
			continue
		}
		tdir := filepath.Join(dir, t.Name())
		if layout == LayoutDUC {
			for _, key := range topicKeys(t.Name()) {
				out[key] = tdir
			}
			continue
		}
		sets, err := os.ReadDir(tdir)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		for _, s := range sets {
			i := strings.LastIndexByte(s.Name(), '-')
			if !s.IsDir() || i <= 0 {
				continue
			}
			kind := strings.ToUpper(s.Name()[i+1:])
			for _, key := range topicKeys(s.Name()[:i]) {
				out[key+"-"+kind] = filepath.Join(tdir, s.Name())
			}
		}
	}
	return out, nil
}

// topicKeys returns the topic IDs a docs directory name may stand for:
// itself and, when it ends in a letter after a digit, itself without that
// letter (NIST appends the assessor's or selector's code: D0703A, d30001t).
func topicKeys(name string) []string {
	up := strings.ToUpper(name)
	keys := []string{up}
	if n := len(up); n >= 2 && 'A' <= up[n-1] && up[n-1] <= 'Z' && '0' <= up[n-2] && up[n-2] <= '9' {
		keys = append(keys, up[:n-1])
	}
	return keys
}

// listFiles returns the regular files under dir, recursively, sorted.
func listFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(out)
	return out, nil
}

// ReadSummary reads a summary file in ROUGE-1.5.5's SPL format: one
// sentence a line. It returns the lines as the Perl script reads them:
// split at "\n" only, with no final empty line. Errors name the file.
func ReadSummary(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return SplitLines(b), nil
}

// SplitLines splits b into lines at "\n" as Perl's line reading with chomp
// does; a "\r" before the "\n" is kept (ROUGE treats it as a separator).
func SplitLines(b []byte) []string {
	if len(b) == 0 {
		return nil
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	return strings.Split(string(b), "\n")
}
