package brief

import "time"

// Event is a story: a set of articles that report the same happening.
type Event struct {
	ID       string
	Articles []*Article
	First    time.Time // earliest publication time among the articles
	Last     time.Time // latest publication time among the articles
}

// Clusterer groups articles into events. Every article ends up in exactly
// one event.
type Clusterer interface {
	Cluster(articles []*Article) []*Event
}

// Cleaner removes lines that do not belong to the story (bylines, datelines,
// footers, unrelated headlines) from the text of a set of articles, which may
// be used as context for one another. It returns new articles and leaves its
// input unchanged.
type Cleaner interface {
	Clean(articles []*Article) []*Article
}

// Deduper folds near-duplicate articles (wire copies) into one, recording the
// other outlets in Article.Outlets.
type Deduper interface {
	Dedup(articles []*Article) []*Article
}
