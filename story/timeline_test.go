package story

import (
	"testing"
	"time"

	"github.com/briefnews/brief"
)

var timelineTests = []struct {
	name      string
	published time.Time // zero: unknown
	text      string
	want      []string // "date precision basis" of the entries, in order
}{
	{
		name:      "weekday on or before the article date",
		published: time.Date(2017, 4, 12, 15, 0, 0, 0, time.UTC), // a Wednesday
		text:      "The talks ended well. The minister arrived on Tuesday for the talks. The meeting ended on Wednesday evening.",
		want:      []string{"2017-04-11 day on Tuesday", "2017-04-12 day published", "2017-04-12 day on Wednesday"},
	},
	{
		name:      "day and month without a year",
		published: time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC),
		text:      "The attack took place on 4 April in the north. A vote is planned for April 20 at the council.",
		want:      []string{"2017-04-04 day 4 April", "2017-04-12 day published", "2017-04-20 day April 20"},
	},
	{
		name:      "year boundary",
		published: time.Date(2018, 1, 3, 0, 0, 0, 0, time.UTC),
		text:      "The fire started on December 30 near the port.",
		want:      []string{"2017-12-30 day December 30", "2018-01-03 day published"},
	},
	{
		name:      "relative words",
		published: time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC),
		text:      "The strike happened last week in the south. The ministry said yesterday that it would respond.",
		want:      []string{"2017-04-03 week last week", "2017-04-11 day yesterday", "2017-04-12 day published"},
	},
	{
		name: "no reference date: only full dates",
		text: "Posted April 13, 2017\n\nThe minister arrived on Tuesday for talks with his counterpart.",
		want: []string{"2017-04-11 day on Tuesday", "2017-04-13 day dateline"},
	},
	{
		name: "nothing to resolve",
		text: "The minister arrived on Tuesday for talks with his counterpart.",
		want: nil,
	},
	{
		name:      "weekdays to come are not guessed",
		published: time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC), // a Saturday
		text:      "Crossings are suspended until at least Monday. The council meets next Tuesday. A decision is due by Friday.",
		want:      []string{"2026-03-14 day published"},
	},
	{
		name:      "weekdays in a future clause are not guessed",
		published: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC), // a Sunday
		text:      "Families could return home on Tuesday if the pumps work. The gates will reopen on Friday. The gates would have closed on Thursday. Berg said on Saturday the ferries would sail again.",
		want:      []string{"2026-03-12 day on Thursday", "2026-03-14 day on Saturday", "2026-03-15 day published"},
	},
	{
		name:      "a future quotation before its attribution keeps the date",
		published: time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC),
		text:      "\"We will rebuild the quay,\" the mayor said on Saturday.",
		want:      []string{"2026-03-14 day on Saturday", "2026-03-15 day published"},
	},
	{
		name:      "ISO date",
		published: time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
		text:      "The report is dated 2017-04-10 and was leaked on the same day.",
		want:      []string{"2017-04-10 day 2017-04-10", "2017-04-13 day published"},
	},
}

func TestTimeline(t *testing.T) {
	for _, tt := range timelineTests {
		t.Run(tt.name, func(t *testing.T) {
			v := Build([]*brief.Article{{ID: "a", Text: tt.text, Published: tt.published}})
			var got []string
			for _, e := range v.Timeline {
				got = append(got, e.Date+" "+e.Precision+" "+e.Basis)
				if tt.text[e.Start:e.End] != e.Sentence {
					t.Errorf("entry %+v: span does not match the text", e)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Build(%q).Timeline = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Build(%q).Timeline = %q, want %q", tt.text, got, tt.want)
					break
				}
			}
		})
	}
}
