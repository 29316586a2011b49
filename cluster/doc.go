// Package cluster groups articles into events (stories).
//
// Three implementations of brief.Clusterer are here:
//
//   - SinglePass, backed by Online, is the one to use: it reads a stream in
//     publication order and assigns each article to a story at once, in time
//     linear in the number of articles and with an index whose size depends
//     on the time window, not on the length of the stream.
//   - Agglomerative is average-link clustering of a closed set, with the same
//     similarity and blocking by an inverted index; it is the batch
//     comparison point.
//   - Baseline is single-pass tf-idf cosine against every story, with one
//     threshold and nothing else; it is the floor the others must beat.
//
// Articles are compared through their content terms (text.Tokens, lower
// case, text.IsStopword removed, text.Stem), weighted by sublinear tf times
// idf; through the names in their text, found without a model as runs of
// two or more capitalised words separated only by white space, with
// connectors such as "of" or "van" allowed inside and stopwords trimmed from
// the ends ("Lena Ostrova", "Bank of Norland"); and optionally through their
// title terms.
// SinglePass and Agglomerative put exact and near-identical copies (same
// normalised body, or two of four bottom-k MinHash values of 8-word
// shingles) in one story; SinglePass does so while the first copy's story is
// within the window.
//
// BCubed and Evaluate score a clustering against gold events; the DUC 2007
// update corpus is the development set (see TestDUC and docs/benchmarks.md).
//
// Everything here is a total function of its input: no I/O, no errors, and
// deterministic results for a given input order.
package cluster
