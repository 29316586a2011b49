package story

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefnews/brief"
)

func articles(texts ...string) []*brief.Article {
	var out []*brief.Article
	for i, s := range texts {
		out = append(out, &brief.Article{ID: string(rune('a' + i)), Text: s,
			Published: time.Date(2017, 4, 12, 9, 0, 0, 0, time.UTC)})
	}
	return out
}

// entityTests list, for a cluster, entities expected as "kind:name".
var entityTests = []struct {
	name  string
	texts []string
	want  []string // "kind:name" that must be present
	not   []string // names, or "kind:name", that must not be entities
}{
	{
		name:  "title marks a person",
		texts: []string{"The talks were led by Foreign Minister Ana Lindqvist in Geneva."},
		want:  []string{"person:Ana Lindqvist", "place:Geneva"},
		not:   []string{"Foreign Minister Ana Lindqvist", "Foreign"},
	},
	{
		name:  "surname merges into the full name",
		texts: []string{"Secretary of State Rex Tillerson arrived on Tuesday.", "Officials said Tillerson would meet Putin."},
		want:  []string{"person:Rex Tillerson"},
		not:   []string{"Tillerson"},
	},
	{
		name:  "spelling variants of one full name merge",
		texts: []string{"He met Foreign Minister Sergei Lavrov.", "Talks with Russian Foreign Minister Sergey Lavrov went on. Later Sergey Lavrov spoke."},
		want:  []string{"person:Sergey Lavrov"},
		not:   []string{"Sergei Lavrov", "Lavrov"},
	},
	{
		name:  "two first names keep the surname ambiguous",
		texts: []string{"President Donald Trump spoke. His daughter Ivanka Trump said nothing, and officials said Trump left."},
		want:  []string{"person:Donald Trump", "person:Ivanka Trump"},
	},
	{
		name:  "countries, demonyms and organisations",
		texts: []string{"The U.S. and the Russian Federation disagreed at the United Nations, where NATO was criticised. The Kremlin said the Syrian army was not involved."},
		want:  []string{"country:United States", "country:Russia", "organization:United Nations", "organization:NATO", "organization:Kremlin"},
		not:   []string{"Syrian", "U.S.", "Russian Federation"},
	},
	{
		name:  "a name after an organisation noun is an organisation, even as a speaker",
		texts: []string{"Ferry operator Valdrun said all crossings were cancelled.", "Valdrun said its ships would stay in port, Mayor Ola Berg said."},
		want:  []string{"organization:Valdrun", "person:Ola Berg"},
		not:   []string{"person:Valdrun"},
	},
	{
		name:  "a state named a union is a country, not an organisation",
		texts: []string{"Relations have not been this bad since the Soviet Union collapsed, and the European Union is worried."},
		want:  []string{"country:Soviet Union", "organization:European Union"},
		not:   []string{"organization:Soviet Union"},
	},
	{
		name:  "a name before a place noun is a place in every article",
		texts: []string{"Water flooded Brevik harbour overnight.", "Brevik declared an emergency. Crews reached Brevik at dawn."},
		want:  []string{"place:Brevik"},
		not:   []string{"Brevik harbour", "other:Brevik"},
	},
	{
		name:  "a title still wins over an organisation noun",
		texts: []string{"The company Pellworth hired staff.", "Minister Pellworth said the plan was sound."},
		want:  []string{"person:Pellworth"},
	},
	{
		name:  "capitalised sentence starts are not names",
		texts: []string{"Making little progress, the envoys left. Those talks failed. Meanwhile Oslo waited."},
		not:   []string{"Making", "Those", "Meanwhile"},
	},
	{
		name:  "a possessive is not part of the name",
		texts: []string{"The minister rejected Russia's claim and Moscow's offer."},
		want:  []string{"country:Russia", "place:Moscow"},
		not:   []string{"Russia's"},
	},
	{
		name:  "particle names",
		texts: []string{"Syrian President Bashar al-Assad spoke. Critics said Assad had lied."},
		want:  []string{"person:Bashar al-Assad"},
		not:   []string{"Assad", "Bashar"},
	},
	{
		name:  "organisation suffix",
		texts: []string{"A report by the Syrian Observatory for Human Rights and the Arab League Council was read."},
		want:  []string{"organization:Arab League Council"},
	},
	{
		name:  "of joins organisations, not a person and a place",
		texts: []string{"Karl Holt of Norland spoke at the Council on Foreign Relations. Karl Holt said the Bank of Norland agreed."},
		want:  []string{"organization:Council on Foreign Relations", "organization:Bank of Norland", "person:Karl Holt"},
		not:   []string{"Karl Holt of Norland"},
	},
	{
		name:  "empty",
		texts: []string{""},
	},
}

func TestEntities(t *testing.T) {
	for _, tt := range entityTests {
		t.Run(tt.name, func(t *testing.T) {
			v := Build(articles(tt.texts...))
			got := map[string]bool{}
			names := map[string]bool{}
			var list []string
			for _, e := range v.Entities {
				got[e.Kind+":"+e.Name] = true
				names[e.Name] = true
				list = append(list, e.Kind+":"+e.Name)
			}
			sort.Strings(list)
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("Build(%q).Entities = %s, want %s", tt.texts, strings.Join(list, ", "), w)
				}
			}
			for _, n := range tt.not {
				if names[n] || got[n] {
					t.Errorf("Build(%q).Entities = %s, want no %q", tt.texts, strings.Join(list, ", "), n)
				}
			}
		})
	}
}

// speakerTests list quotes (by a word they contain) and their expected
// speaker; "" means the speaker must be left unresolved.
var speakerTests = []struct {
	name  string
	texts []string
	words string
	want  string
	kind  string
}{
	{"direct, speaker after", []string{`"We will not give in," Defence Minister Karl Holt said.`}, "give in", "Karl Holt", Direct},
	{"direct, inverted", []string{`"The deal is dead," said Karl Holt, the defence minister.`}, "deal is dead", "Karl Holt", Direct},
	{"direct, speaker before", []string{`Karl Holt told reporters: "The deal is dead."`}, "deal is dead", "Karl Holt", Direct},
	{"curly quotes", []string{"“It is over,” Mayor Rita Sand said."}, "It is over", "Rita Sand", Direct},
	{"TeX quotes", []string{"``It is over,'' Mayor Rita Sand said."}, "It is over", "Rita Sand", Direct},
	{"reported with that", []string{"Mayor Rita Sand said that the bridge would reopen in May."}, "bridge would reopen", "Rita Sand", Reported},
	{"reported without that", []string{"Mayor Rita Sand says the bridge will reopen in May."}, "bridge will reopen", "Rita Sand", Reported},
	{"according to", []string{"According to Mayor Rita Sand, the bridge will reopen in May."}, "bridge will reopen", "Rita Sand", Reported},
	{"according to, after", []string{"The bridge will reopen in May, according to Mayor Rita Sand."}, "bridge will reopen", "Rita Sand", Reported},
	{"accused of", []string{"Karl Holt accused the rebels of breaking the ceasefire twice."}, "breaking the ceasefire", "Karl Holt", Reported},
	{"clause then speaker", []string{"The ceasefire was broken twice on Sunday night, Karl Holt told reporters in Oslo."}, "ceasefire was broken", "Karl Holt", Reported},
	{"he after a speaker", []string{`Mayor Rita Sand opened the bridge. "It is a great day," she said.`}, "great day", "Rita Sand", Direct},
	{"he with two people is unresolved", []string{`Karl Holt met Peter Lund on Monday. "It went well," he said.`}, "went well", "", Direct},
	{"he alone in its paragraph is unresolved", []string{"Karl Holt met Peter Lund.\n\n\"It went well,\" he said."}, "went well", "", Direct},
	{"title learned elsewhere", []string{"Defence Minister Karl Holt arrived on Monday.", `"We are ready," the defence minister said.`}, "We are ready", "Karl Holt", Direct},
	{"ambiguous title is unresolved", []string{"Defence Minister Karl Holt met Defence Minister Peter Lund.", `"We are ready," the defence minister said.`}, "We are ready", "", Direct},
	{"surname resolves to full name", []string{"Mayor Rita Sand opened the bridge.", `"It is a great day," Sand said.`}, "great day", "Rita Sand", Direct},
	{"two speakers", []string{"Karl Holt and Peter Lund said the talks would resume in June."}, "talks would resume", "Karl Holt and Peter Lund", Reported},
	{"unattributed long quote", []string{`"This has gone on for far too long."`}, "gone on", "", Direct},
	{"noun phrase speaker is unresolved", []string{"The report said the dam had been inspected twice."}, "dam had been inspected", "", Reported},
	{"country as speaker", []string{"Russia said the strike was an act of aggression."}, "act of aggression", "Russia", Reported},
}

func TestSpeakers(t *testing.T) {
	for _, tt := range speakerTests {
		t.Run(tt.name, func(t *testing.T) {
			v := Build(articles(tt.texts...))
			var found *Quote
			for i, q := range v.Quotes {
				if strings.Contains(q.Text, tt.words) {
					found = &v.Quotes[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("Build(%q): no quote with %q; quotes: %+v", tt.texts, tt.words, v.Quotes)
			}
			got := ""
			if found.Resolved {
				got = found.Speaker
			}
			if got != tt.want || found.Kind != tt.kind {
				t.Errorf("Build(%q): quote %q speaker %q kind %s, want %q %s", tt.texts, found.Text, got, found.Kind, tt.want, tt.kind)
			}
		})
	}
}
