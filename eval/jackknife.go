package eval

import (
	"context"
	"sort"
)

// NISTOptions returns the ROUGE options of NIST's DUC 2005–2007 runs,
// "-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l <words>": ROUGE-1,
// ROUGE-2 and ROUGE-SU4 on stemmed words, no ROUGE-L, model average,
// summaries cut to words words, with the stems of NIST's installation
// (DUCStems). NISTBootstrap is the matching resampling.
func NISTOptions(words int) Options {
	return Options{N: 2, Stem: true, NoLCS: true, Skip: true, SkipGap: 4, SkipUni: true, Alpha: 0.5, Words: words, DUCStems: true}
}

// NISTBootstrap is the resampling of NIST's runs: 1000 resamples, 95%.
var NISTBootstrap = Bootstrap{Samples: 1000, Confidence: 95}

// Instance is the score of one peer in one evaluation of a jackknife: one
// set scored against all of its models but one.
type Instance struct {
	EvalID   string // NIST's evaluation ID: "<EvalBase>-<left-out model ID>"
	Set      string // the set ID
	Kind     string // the set's kind ("A", "B", "C", or "")
	Measures []Measure
}

// Jackknife scores peer, a summary of set, as NIST does (Lin 2004 §4;
// NIST's rougejk.in): with k models, once against each subset of k-1 of
// them. If peerModel is the ID of one of the set's models, peer is that
// model's own summary and is scored only against the others, once. With a
// single model there is one evaluation against it. models holds the lines
// of each model summary by ID. Jackknife does no I/O and never fails.
func Jackknife(set DocSet, peer []string, models map[string][]string, peerModel string, opt Options) []Instance {
	isModel := hasModel(set, peerModel)
	against := func(leftOut string) [][]string {
		var refs [][]string
		for _, m := range set.Models {
			if m.ID != leftOut {
				refs = append(refs, models[m.ID])
			}
		}
		return refs
	}
	instance := func(evalID string, refs [][]string) Instance {
		return Instance{EvalID: evalID, Set: set.ID, Kind: set.Kind, Measures: ROUGE(peer, refs, opt)}
	}
	switch {
	case isModel && len(set.Models) < 2:
		return nil // nothing to score a lone model against
	case isModel:
		return []Instance{instance(set.EvalBase+"-"+peerModel, against(peerModel))}
	case len(set.Models) == 1:
		return []Instance{instance(set.EvalBase, against(""))}
	}
	out := make([]Instance, 0, len(set.Models))
	for _, m := range set.Models {
		out = append(out, instance(set.EvalBase+"-"+m.ID, against(m.ID)))
	}
	return out
}

func hasModel(set DocSet, id string) bool {
	for _, m := range set.Models {
		if m.ID == id {
			return true
		}
	}
	return false
}

// Row is the averages of one peer over a group of sets.
type Row struct {
	Kind     string // "A", "B", "C", … or "all"
	Sets     int    // number of sets
	Evals    int    // number of evaluations averaged
	Measures []MeasureAverage
}

// MeasureAverage is the average of one measure.
type MeasureAverage struct {
	Name string
	Average
}

// Summarize averages a peer's instances per set kind (when the sets have
// kinds) and over all of them, resampling with b. It orders the instances
// as ROUGE-1.5.5 does (by "<eval ID>.<peer>"), so that with NISTBootstrap
// the "all" row reproduces NIST's published averages and intervals. The
// rows are the kinds in order, then "all".
func Summarize(peer string, inst []Instance, b Bootstrap) []Row {
	inst = append([]Instance(nil), inst...)
	sort.SliceStable(inst, func(i, j int) bool {
		return inst[i].EvalID+"."+peer < inst[j].EvalID+"."+peer
	})
	kinds := map[string]bool{}
	for _, in := range inst {
		if in.Kind != "" {
			kinds[in.Kind] = true
		}
	}
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	var rows []Row
	for _, k := range names {
		rows = append(rows, summarizeGroup(k, inst, func(in Instance) bool { return in.Kind == k }, b))
	}
	return append(rows, summarizeGroup("all", inst, func(Instance) bool { return true }, b))
}

func summarizeGroup(kind string, inst []Instance, keep func(Instance) bool, b Bootstrap) Row {
	row := Row{Kind: kind}
	sets := map[string]bool{}
	var names []string
	byName := map[string][]Score{}
	for _, in := range inst {
		if !keep(in) {
			continue
		}
		row.Evals++
		sets[in.Set] = true
		for _, m := range in.Measures {
			if _, ok := byName[m.Name]; !ok {
				names = append(names, m.Name)
			}
			byName[m.Name] = append(byName[m.Name], m.Score)
		}
	}
	row.Sets = len(sets)
	for _, n := range names {
		row.Measures = append(row.Measures, MeasureAverage{Name: n, Average: b.Average(byName[n])})
	}
	return row
}

// System summarizes one document set: it returns the summary's sentences.
// For an update set, set.Earlier holds the sets the reader has already
// seen. A System may be called from several goroutines at once only if it
// says so; Run calls it from one.
type System func(ctx context.Context, set DocSet) ([]string, error)

// ReadModels reads the model summaries of set, by model ID.
func ReadModels(set DocSet) (map[string][]string, error) {
	out := make(map[string][]string, len(set.Models))
	for _, m := range set.Models {
		lines, err := ReadSummary(m.Path)
		if err != nil {
			return nil, err
		}
		out[m.ID] = lines
	}
	return out, nil
}

// Peer returns the summary file of set by the peer with the given ID, and
// whether there is one.
func (s DocSet) Peer(id string) (SummaryFile, bool) {
	for _, p := range s.Peers {
		if p.ID == id {
			return p, true
		}
	}
	return SummaryFile{}, false
}

// PeerIDs returns the IDs of every peer with a summary in ds, sorted.
func (ds *Dataset) PeerIDs() []string {
	return ds.summarizerIDs(func(s DocSet) []SummaryFile { return s.Peers })
}

// ModelIDs returns the IDs of every model (human summarizer) in ds, sorted.
func (ds *Dataset) ModelIDs() []string {
	return ds.summarizerIDs(func(s DocSet) []SummaryFile { return s.Models })
}

// summarizerIDs returns the distinct IDs of the summary files that files
// picks from each set, sorted.
func (ds *Dataset) summarizerIDs(files func(DocSet) []SummaryFile) []string {
	seen := map[string]bool{}
	var ids []string
	for _, s := range ds.Sets {
		for _, f := range files(s) {
			if !seen[f.ID] {
				seen[f.ID] = true
				ids = append(ids, f.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

// EvalPeer scores the summaries of the peer with the given ID found in the
// data set's peers directory, or, when there is none for a set and id is
// one of the set's models, the model summary itself, with Jackknife.
// Sets without a summary by the peer are skipped, as ROUGE-1.5.5 skips
// them. progress, if not nil, is called after each set. Errors name the
// file that could not be read.
func (ds *Dataset) EvalPeer(ctx context.Context, id string, opt Options, progress func()) ([]Instance, error) {
	return ds.EvalPeerWith(ctx, id, opt, Jackknife, progress)
}

// EvalSystem summarizes every set with sys and scores the summaries with
// Jackknife. progress, if not nil, is called after each set.
func (ds *Dataset) EvalSystem(ctx context.Context, sys System, opt Options, progress func()) ([]Instance, error) {
	return ds.EvalSystemWith(ctx, sys, opt, Jackknife, progress)
}
