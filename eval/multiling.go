package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LayoutMultiling is the English part of the TAC 2011 MultiLing pilot
// data set (Giannakopoulos et al. 2011): 10 WikiNews topics of 10 articles
// each, three human summaries a topic.
//
//	SourceTexts/M00<t><d>.english                 article d of topic t, plain UTF-8 text
//	Model Summaries/English/M00<t>.<ID>.<length>  human summary by model ID ("A", "B", "C")
//	correctedSubmissions/<peer ID>/English/M00<t> summary by a participant ("ID1"…"ID10")
//
// The set ID is the topic's file prefix ("M000"); files of other languages
// (M0000.french, …) are ignored.
const LayoutMultiling = "multiling"

// Paths of the MultiLing layout, relative to the data set directory.
var (
	multilingDocs   = "SourceTexts"
	multilingModels = filepath.Join("Model Summaries", "English")
	multilingPeers  = "correctedSubmissions"
)

// multilingSuffix ends the name of an English source text.
const multilingSuffix = ".english"

// MultilingOptions returns the ROUGE options of the MultiLing 2011 pilot's
// published automatic evaluation (its PublishedEvaluation/README.txt),
// "-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0 -d": ROUGE-1, ROUGE-2
// and ROUGE-SU4 on unstemmed words, stopwords kept, no ROUGE-L, no length
// limit, the average over all models (no jackknife: score with AllModels).
// NISTBootstrap is the matching resampling.
func MultilingOptions() Options {
	return Options{N: 2, NoLCS: true, Skip: true, SkipGap: 4, SkipUni: true, Alpha: 0.5}
}

// OpenMultiling reads the layout of a MultiLing 2011 data set in dir (see
// LayoutMultiling). Like Open it reads directory listings only. Sets are
// the topics with a model summary; the set ID is also the set's EvalBase
// and Topic. Participants' summaries are optional. Errors name the path at
// fault.
func OpenMultiling(dir string) (*Dataset, error) {
	docs, err := multilingDocSets(filepath.Join(dir, multilingDocs))
	if err != nil {
		return nil, err
	}
	models, err := multilingModelFiles(filepath.Join(dir, multilingModels))
	if err != nil {
		return nil, err
	}
	peers, err := multilingPeerFiles(filepath.Join(dir, multilingPeers))
	if err != nil {
		return nil, err
	}
	var ids []string
	for id := range models {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("eval: %s: no model summaries", filepath.Join(dir, multilingModels))
	}
	sort.Strings(ids)
	ds := &Dataset{Dir: dir}
	for _, id := range ids {
		paths := docs[id]
		if len(paths) == 0 {
			return nil, fmt.Errorf("eval: %s: no documents for set %s (want %s<d>%s)", filepath.Join(dir, multilingDocs), id, id, multilingSuffix)
		}
		sort.Strings(paths)
		ds.Sets = append(ds.Sets, DocSet{
			ID: id, Topic: id, EvalBase: id,
			Dir:    filepath.Join(dir, multilingDocs),
			Docs:   paths,
			Models: sortedSummaries(models[id]),
			Peers:  sortedSummaries(peers[id]),
		})
	}
	return ds, nil
}

// multilingDocSets maps set IDs to the paths of their English articles:
// M0000.english … M0009.english belong to set M000.
func multilingDocSets(dir string) (map[string][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := map[string][]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || !strings.HasSuffix(strings.ToLower(name), multilingSuffix) {
			continue
		}
		stem := name[:len(name)-len(multilingSuffix)]
		if len(stem) < 2 || !isDigits(stem[len(stem)-1:]) {
			return nil, fmt.Errorf("eval: %s: want a name like <SET><digit>%s", filepath.Join(dir, name), multilingSuffix)
		}
		id := stem[:len(stem)-1]
		out[id] = append(out[id], filepath.Join(dir, name))
	}
	return out, nil
}

// multilingModelFiles lists the model summaries in dir by set ID; their
// names are <SET>.<ID>.<length>.
func multilingModelFiles(dir string) (map[string][]SummaryFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := map[string][]SummaryFile{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		parts := strings.Split(name, ".")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || !isDigits(parts[2]) {
			return nil, fmt.Errorf("eval: %s: want a name like <SET>.<ID>.<length>", filepath.Join(dir, name))
		}
		out[parts[0]] = append(out[parts[0]], SummaryFile{ID: parts[1], Path: filepath.Join(dir, name)})
	}
	return out, nil
}

// multilingPeerFiles lists the participants' English summaries under dir
// (<peer ID>/English/<SET>) by set ID. A missing dir means no peers, as
// does a peer directory without an English one.
func multilingPeerFiles(dir string) (map[string][]SummaryFile, error) {
	peers, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("eval: %w", err)
	}
	out := map[string][]SummaryFile{}
	for _, p := range peers {
		if !p.IsDir() || strings.HasPrefix(p.Name(), ".") {
			continue
		}
		sub := filepath.Join(dir, p.Name(), "English")
		files, err := os.ReadDir(sub)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		for _, f := range files {
			if f.IsDir() || strings.HasPrefix(f.Name(), ".") {
				continue
			}
			out[f.Name()] = append(out[f.Name()], SummaryFile{ID: p.Name(), Path: filepath.Join(sub, f.Name())})
		}
	}
	return out, nil
}

func sortedSummaries(fs []SummaryFile) []SummaryFile {
	sort.Slice(fs, func(i, j int) bool { return fs[i].ID < fs[j].ID })
	return fs
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Scorer scores peer, a summary of set, against the set's models (their
// lines by model ID); peerModel is the ID of the model that wrote peer, or
// "" for a system. Jackknife and AllModels are Scorers.
type Scorer func(set DocSet, peer []string, models map[string][]string, peerModel string, opt Options) []Instance

// AllModels scores peer once against all of set's models, as a plain
// ROUGE-1.5.5 run with -f A does (no jackknife); the evaluation ID is
// set.EvalBase. A model's own summary (peerModel one of set's models) is
// scored against the others; a lone model has nothing to be scored
// against. AllModels does no I/O and never fails.
func AllModels(set DocSet, peer []string, models map[string][]string, peerModel string, opt Options) []Instance {
	var refs [][]string
	for _, m := range set.Models {
		if m.ID != peerModel {
			refs = append(refs, models[m.ID])
		}
	}
	if len(refs) == 0 {
		return nil
	}
	return []Instance{{EvalID: set.EvalBase, Set: set.ID, Kind: set.Kind, Measures: ROUGE(peer, refs, opt)}}
}

// EvalPeerWith is EvalPeer scoring with score instead of Jackknife.
func (ds *Dataset) EvalPeerWith(ctx context.Context, id string, opt Options, score Scorer, progress func()) ([]Instance, error) {
	var out []Instance
	for _, set := range ds.Sets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		path, model := "", ""
		if hasModel(set, id) {
			model = id // a model's summary, or a copy of it among the peers
			for _, m := range set.Models {
				if m.ID == id {
					path = m.Path
				}
			}
		}
		if p, ok := set.Peer(id); ok {
			path = p.Path
		}
		if path != "" {
			models, err := ReadModels(set)
			if err != nil {
				return nil, err
			}
			peer, err := ReadSummary(path)
			if err != nil {
				return nil, err
			}
			out = append(out, score(set, peer, models, model, opt)...)
		}
		if progress != nil {
			progress()
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: %s: no summaries by peer %q", ds.Dir, id)
	}
	return out, nil
}

// EvalSystemWith is EvalSystem scoring with score instead of Jackknife.
func (ds *Dataset) EvalSystemWith(ctx context.Context, sys System, opt Options, score Scorer, progress func()) ([]Instance, error) {
	var out []Instance
	for _, set := range ds.Sets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		models, err := ReadModels(set)
		if err != nil {
			return nil, err
		}
		peer, err := sys(ctx, set)
		if err != nil {
			return nil, fmt.Errorf("eval: set %s: %w", set.ID, err)
		}
		out = append(out, score(set, peer, models, "", opt)...)
		if progress != nil {
			progress()
		}
	}
	return out, nil
}
