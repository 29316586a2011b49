// Package summarize writes extractive multi-document summaries with
// citations.
//
// A Summarizer prepares a Cluster from the articles (sentences with byte
// offsets, stemmed content terms, near-duplicate groups across articles),
// asks a Method which sentences to keep under the Budget, and returns them in
// reading order (by article date, then position), each citing its article and
// span and the other articles that say the same.
//
// Methods are plug-ins behind the one-method interface Method. Methods that
// only score sentences implement Ranker and become a Method through Greedy,
// which adds redundancy control and the budget. Methods lists them by name.
package summarize
