// Package summarize writes extractive multi-document summaries with
// citations.
//
// A Summarizer prepares a Cluster from the articles (candidate sentences
// with byte offsets, stemmed terms, near-duplicate groups across articles),
// asks a Method which sentences to keep under the Budget, and returns them in
// reading order (by article date, then position), each citing its article and
// span and the other articles that say the same.
//
// Candidates are the sentences worth quoting on their own: at least MinWords
// words, with final punctuation, not opening with a quotation; a wire
// dateline before the first sentence is cut from its span. A sentence
// repeated by several outlets is one near-duplicate group: evidence that it
// matters, but one sentence of the summary at most.
//
// Methods are plug-ins behind the one-method interface Method. The default,
// ILP, picks the sentences that cover the most weight of word and bigram
// concepts, weighted by how many articles state them and how early, and
// solves that integer program exactly (Gillick and Favre 2009). Submodular
// is the coverage-plus-diversity objective of Lin and Bilmes (2011). Methods
// that only score sentences implement Ranker and become a Method through
// Greedy, which adds redundancy control and the budget. Methods lists them
// all by name; docs/benchmarks.md compares them on DUC 2007.
package summarize
