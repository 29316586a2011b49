// Package story builds the analyst's view of a news story from the articles
// that report it: who said what (quotes with resolved speakers), where the
// sources disagree, which people, organisations and places are involved, and
// what happened when. Its JSON form is the "quotes", "disagreements",
// "entities" and "timeline" of `brief story --format json`.
//
// Build is a total function: it does no I/O, never fails and never panics;
// bad or empty input yields an empty View. Every quote, disagreement
// sentence and timeline entry cites its article and the byte span in that
// article's Text.
//
// The passes, all rule-based and without downloaded models:
//
//   - Entities: runs of capitalised words (a sentence's first word only when
//     the cluster also writes it capitalised mid-sentence), typed by small
//     word lists (countries and demonyms, organisations and their suffixes,
//     places, titles) and by a gazetteer learned from the input: a name
//     written after a title ("Foreign Minister Sergei Lavrov") or as the
//     subject of a speech verb is a person everywhere. Surname-only and
//     variant mentions ("Lavrov", "Sergey Lavrov") merge into the most
//     frequent full form when all full forms of that surname share a first
//     initial.
//   - Quotes: text between quotation marks (curly, straight, or TeX-style
//     double backquote and double apostrophe), and reported
//     speech ("X said that …", "according to X", "X told reporters …", "X
//     accused Y of …", "…, X said"). A speaker written as a pronoun is the
//     previous speaker of its paragraph, or the only person the paragraph
//     names before it; a title ("the foreign minister") is the one person
//     the cluster names with that title, preferring one named nearby. Any
//     other speaker is left unresolved: Resolved is false and Mention keeps
//     the words. The same words in several articles form one Quote.
//   - Disagreements: statements (attributed sentences or the outlets' own
//     sentences) about the same thing, by different speakers, that one
//     denies and the other asserts, that name different doers of the same
//     act, use antonyms, or give different numbers for the same count.
//     Precision comes before recall: statements must share several rare
//     words, negations must cover what the other statement says, and two
//     outlets' own voices never make a disagreement.
//   - Timeline: each article's publication date (or the latest full date
//     written in it) and the sentences with dates, weekdays ("on Tuesday":
//     the latest such day on or before the article's date), "yesterday" or
//     "last week", resolved against that date.
package story
