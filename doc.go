// Package brief turns news articles from many outlets into short, neutral,
// cited summaries of the events they report.
//
// The pipeline has five stages, each behind a small interface defined here:
//
//  1. ingest reads files, directories, feeds and URLs into Articles;
//  2. clean drops bylines, datelines and off-topic lines from their text;
//  3. text splits the cleaned text into Sentences with byte offsets;
//  4. cluster groups articles that report the same Event;
//  5. summarize picks the sentences of a Summary under a Budget, and every
//     summary sentence cites the article and byte span it came from.
//
// This package holds only the vocabulary (Article, Sentence, Summary,
// Budget, the stage interfaces and error kinds) and imports nothing but the
// standard library. Implementations live in the stage packages.
package brief
