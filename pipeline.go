package brief

import "slices"

// Pipeline chains the stages that turn the articles of one event into a
// summary. Nil stages are skipped, except Summarizer, which is required.
// A Pipeline is safe for concurrent use when its stages are.
type Pipeline struct {
	Cleaner    Cleaner    // drops lines that do not belong to the story
	Deduper    Deduper    // folds wire copies into one article
	Summarizer Summarizer // picks the summary sentences
}

// Run cleans and deduplicates the articles, then summarizes them under
// budget b. It returns the summary and the articles it summarized, whose
// Text the summary's citations point into. Nil articles are skipped. The
// input is not modified.
func (p *Pipeline) Run(articles []*Article, b Budget) (*Summary, []*Article) {
	if slices.Contains(articles, nil) {
		articles = slices.DeleteFunc(slices.Clone(articles), func(a *Article) bool { return a == nil })
	}
	if p.Cleaner != nil {
		articles = p.Cleaner.Clean(articles)
	}
	if p.Deduper != nil {
		articles = p.Deduper.Dedup(articles)
	}
	return p.Summarizer.Summarize(articles, b), articles
}
