package story

import "strings"

// The word lists below are small and hand-written: they name the common
// countries, organisations and titles of international news so that the
// entity pass can type the capitalised sequences it finds. Everything else
// is learned from the input (see gazetteer in entity.go).

// countries maps lower-case country names and aliases to a canonical name.
var countries = map[string]string{}

// demonyms maps lower-case demonyms to the canonical country name.
var demonyms = map[string]string{}

func init() {
	for _, line := range []string{
		"United States|us|u.s.|usa|u.s.a.|united states|america|united states of america|washington:American",
		"Russia|russia|russian federation|moscow:Russian",
		"Syria|syria:Syrian",
		"United Kingdom|uk|u.k.|britain|great britain|united kingdom:British",
		"France|france:French",
		"Germany|germany:German",
		"China|china|beijing:Chinese",
		"Iran|iran:Iranian",
		"Iraq|iraq:Iraqi",
		"Turkey|turkey:Turkish",
		"Israel|israel:Israeli",
		"Saudi Arabia|saudi arabia:Saudi",
		"North Korea|north korea|pyongyang:North Korean",
		"South Korea|south korea|seoul:South Korean",
		"Japan|japan:Japanese",
		"India|india:Indian",
		"Pakistan|pakistan:Pakistani",
		"Afghanistan|afghanistan:Afghan",
		"Ukraine|ukraine|kiev|kyiv:Ukrainian",
		"Libya|libya:Libyan",
		"Egypt|egypt:Egyptian",
		"Lebanon|lebanon:Lebanese",
		"Jordan|jordan:Jordanian",
		"Yemen|yemen:Yemeni",
		"Qatar|qatar:Qatari",
		"Sudan|sudan:Sudanese",
		"South Sudan|south sudan:South Sudanese",
		"Kosovo|kosovo:Kosovar",
		"Serbia|serbia:Serbian",
		"Poland|poland:Polish",
		"Italy|italy:Italian",
		"Spain|spain:Spanish",
		"Canada|canada:Canadian",
		"Mexico|mexico:Mexican",
		"Brazil|brazil:Brazilian",
		"Venezuela|venezuela:Venezuelan",
		"Cuba|cuba:Cuban",
		"Australia|australia:Australian",
		"Nigeria|nigeria:Nigerian",
		"Kenya|kenya:Kenyan",
		"Ethiopia|ethiopia:Ethiopian",
		"South Africa|south africa:South African",
		"Greece|greece:Greek",
		"Georgia|georgia:Georgian",
		"Belarus|belarus:Belarusian",
		"Netherlands|netherlands|holland:Dutch",
		"Belgium|belgium:Belgian",
		"Sweden|sweden:Swedish",
		"Norway|norway:Norwegian",
		"Switzerland|switzerland:Swiss",
		"Austria|austria:Austrian",
		"Ireland|ireland:Irish",
		"Vietnam|vietnam:Vietnamese",
		"Indonesia|indonesia:Indonesian",
		"Philippines|philippines:Philippine|Filipino",
		"Palestine|palestine|palestinian territories:Palestinian",
		"Crimea|crimea:Crimean",
		"Soviet Union|soviet union|ussr|u.s.s.r.:Soviet",
	} {
		names, dem, _ := strings.Cut(line, ":")
		parts := strings.Split(names, "|")
		canon := parts[0]
		for _, p := range parts[1:] {
			countries[p] = canon
		}
		for _, d := range strings.Split(dem, "|") {
			demonyms[strings.ToLower(d)] = canon
		}
	}
	// Capital cities stand for their government in news text ("Moscow
	// said"), but as entities they are places.
	for _, c := range []string{"washington", "moscow", "beijing", "pyongyang", "seoul", "kiev", "kyiv"} {
		delete(countries, c)
	}
}

// capitals maps lower-case capital cities to the country whose government
// they stand for as speakers or agents.
var capitals = map[string]string{
	"washington": "United States", "moscow": "Russia", "beijing": "China",
	"pyongyang": "North Korea", "seoul": "South Korea", "kiev": "Ukraine",
	"kyiv": "Ukraine", "damascus": "Syria", "tehran": "Iran", "london": "United Kingdom",
	"paris": "France", "berlin": "Germany", "ankara": "Turkey", "baghdad": "Iraq",
	"tokyo": "Japan", "jerusalem": "Israel", "cairo": "Egypt",
}

// places lists lower-case names of cities and regions often in the news.
var places = setOf("washington", "moscow", "beijing", "pyongyang", "seoul", "kiev",
	"kyiv", "damascus", "tehran", "london", "paris", "berlin", "ankara", "baghdad",
	"tokyo", "jerusalem", "cairo", "brussels", "geneva", "new york", "aleppo", "idlib",
	"homs", "raqqa", "mosul", "kabul", "gaza", "west bank", "europe", "asia", "africa",
	"middle east", "eastern europe", "western europe", "latin america", "khan sheikhoun",
	"hama", "deir ez-zor", "latakia", "tartus", "donetsk", "luhansk", "istanbul",
	"san francisco", "los angeles", "chicago", "hong kong", "the hague", "new delhi",
	"mumbai", "sydney", "toronto", "rome", "madrid", "vienna", "warsaw", "caracas",
	"havana", "beirut", "amman", "riyadh", "dubai", "doha", "baltic", "balkans",
	"shayrat")

// placeSuffixes mark the word before them as a place ("Idlib province").
var placeSuffixes = setOf("province", "region", "city", "county", "state", "district",
	"airbase", "valley", "river", "island", "islands", "peninsula", "border", "village", "town",
	"harbour", "harbor", "port", "coast", "airport")

// orgs maps lower-case organisation names and aliases to a canonical name.
var orgs = map[string]string{
	"un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
	"nato": "NATO", "north atlantic treaty organisation": "NATO", "north atlantic treaty organization": "NATO",
	"eu": "European Union", "european union": "European Union", "e.u.": "European Union",
	"security council": "UN Security Council", "un security council": "UN Security Council",
	"u.n. security council": "UN Security Council", "united nations security council": "UN Security Council",
	"kremlin": "Kremlin", "white house": "White House", "pentagon": "Pentagon",
	"state department": "State Department", "u.s. state department": "State Department",
	"congress": "Congress", "senate": "Senate", "cia": "CIA", "fbi": "FBI", "nsa": "NSA",
	"islamic state": "Islamic State", "isis": "Islamic State", "isil": "Islamic State",
	"hezbollah": "Hezbollah", "hamas": "Hamas", "taliban": "Taliban", "al qaeda": "Al Qaeda",
	"al-qaeda": "Al Qaeda", "bbc": "BBC", "npr": "NPR", "cnn": "CNN", "ap": "Associated Press",
	"associated press": "Associated Press", "the associated press": "Associated Press",
	"reuters": "Reuters", "tass": "Tass", "interfax": "Interfax", "xinhua": "Xinhua",
	"ria novosti": "RIA Novosti", "afp": "AFP", "agence france-presse": "AFP",
	"fox news": "Fox News", "fox business network": "Fox Business Network",
	"new york times": "New York Times", "washington post": "Washington Post",
	"opcw": "OPCW", "who": "WHO", "world health organization": "WHO", "imf": "IMF",
	"world bank": "World Bank", "g7": "G7", "group of seven": "G7", "g20": "G20",
	"central command": "Central Command", "duma": "Duma", "parliament": "Parliament",
	"downing street": "Downing Street", "elysee": "Elysee", "federal reserve": "Federal Reserve",
	"supreme court": "Supreme Court", "democratic party": "Democratic Party",
	"republican party": "Republican Party", "council on foreign relations": "Council on Foreign Relations",
}

// orgCountry maps canonical organisation names to the country whose
// government they speak for.
var orgCountry = map[string]string{
	"Kremlin": "Russia", "White House": "United States", "Pentagon": "United States",
	"State Department": "United States", "Congress": "United States", "CIA": "United States",
	"FBI": "United States", "Central Command": "United States", "Duma": "Russia",
	"Downing Street": "United Kingdom", "Elysee": "France",
}

// orgSuffixes mark a capitalised sequence ending with them as an organisation.
var orgSuffixes = setOf("ministry", "council", "agency", "party", "inc", "corp", "corporation",
	"company", "co", "ltd", "llc", "news", "network", "organisation", "organization",
	"committee", "commission", "department", "office", "command", "union", "bank", "fund",
	"group", "institute", "university", "association", "alliance", "court", "army", "forces",
	"times", "post", "journal", "press", "service", "services", "front", "brigade", "movement",
	"foundation", "club", "federation", "board", "authority", "administration", "guard", "police",
	"observatory", "league", "bureau", "centre", "center", "school", "college", "museum", "society")

// orgNouns are lower-case nouns that, written just before a name, say it
// names an organisation ("ferry operator Northline", "the airline Skyways").
var orgNouns = setOf("operator", "company", "firm", "carrier", "airline", "insurer",
	"lender", "retailer", "broadcaster", "manufacturer", "carmaker", "automaker",
	"chipmaker", "conglomerate", "startup", "charity", "utility", "supermarket",
	"bank", "newspaper", "broadsheet", "tabloid", "watchdog", "regulator")

// titles lists lower-case title phrases that, before a name, mark a person.
// Longer phrases are matched first.
var titles = []string{
	"deputy foreign minister", "foreign minister", "defence minister", "defense minister",
	"prime minister", "deputy prime minister", "interior minister", "finance minister",
	"minister", "vice president", "president", "president-elect",
	"secretary of state", "secretary of defense", "secretary of defence", "defense secretary",
	"defence secretary", "foreign secretary", "home secretary", "press secretary",
	"secretary general", "secretary-general", "general secretary", "secretary",
	"spokesman", "spokeswoman", "spokesperson", "deputy", "ambassador", "envoy",
	"chancellor", "senator", "sen", "rep", "congressman", "congresswoman", "governor",
	"gov", "mayor", "general", "gen", "lt", "col", "admiral", "commander", "chief",
	"mr", "mrs", "ms", "dr", "king", "queen", "prince", "princess", "pope", "sheikh",
	"leader", "director", "chairman", "chairwoman", "ceo", "diplomat", "nominee",
	"candidate", "judge", "justice", "attorney general", "prosecutor", "professor",
	"analyst", "expert", "official", "lawmaker", "adviser", "advisor", "aide",
	"national security adviser", "correspondent", "reporter", "editor", "counterpart",
}

// honorifics are titles that may be written with a full stop ("Mr.").
var honorifics = setOf("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "prof")

// govTitles are titles of people who act for their government.
var govTitles = setOf("foreign minister", "deputy foreign minister", "defence minister",
	"defense minister", "prime minister", "deputy prime minister", "interior minister",
	"finance minister", "minister", "vice president", "president", "secretary of state",
	"secretary of defense", "secretary of defence", "defense secretary", "defence secretary",
	"foreign secretary", "home secretary", "press secretary", "secretary", "spokesman",
	"spokeswoman", "spokesperson", "ambassador", "envoy", "chancellor", "king", "queen",
	"leader", "general", "gen", "chief", "admiral", "commander", "national security adviser")

// speechVerbs are the verbs that attribute speech to their subject.
var speechVerbs = setOf("say", "said", "says", "told", "tell", "tells", "added", "adds",
	"stated", "states", "asserted", "asserts", "argued", "argues", "claimed", "claims",
	"insisted", "insists", "warned", "warns", "maintained", "maintains", "conceded",
	"concedes", "noted", "notes", "explained", "explains", "announced", "announces",
	"declared", "declares", "denied", "denies", "accused", "accuses", "accusing",
	"stressed", "stresses", "acknowledged", "acknowledges", "admitted", "admits",
	"suggested", "suggests", "wrote", "writes", "reported", "reports", "replied",
	"responded", "confirmed", "confirms", "urged", "urges", "alleged", "alleges",
	"charged", "called", "calls", "saying", "countered", "complained", "predicted")

// objectVerbs are speech verbs that also take a plain object: followed by
// one of objectDets and no "that", they report an act ("declared a state of
// emergency", "announced its results"), not speech.
var objectVerbs = setOf("declared", "declares", "announced", "announces", "maintained",
	"maintains", "confirmed", "confirms", "reported", "reports", "acknowledged",
	"acknowledges", "admitted", "admits", "predicted")

// objectDets start the noun phrase an objectVerbs verb acts on.
var objectDets = setOf("a", "an", "its", "his", "her", "their")

// verbSkip are words allowed between a speaker and its speech verb.
var verbSkip = setOf("also", "has", "had", "have", "was", "were", "is", "are", "will",
	"would", "could", "may", "might", "previously", "later", "earlier", "again", "then",
	"reportedly", "repeatedly", "once", "further", "this", "last", "week", "today",
	"yesterday", "tonight", "on", "publicly", "openly", "separately", "recently",
	"flatly", "strongly", "angrily", "simply", "been", "already", "himself", "herself")

// pronouns that can be the subject of a speech verb, with the kind of
// antecedent they need.
var pronouns = map[string]string{"he": "person", "she": "person", "they": "", "we": "", "i": "", "it": ""}

// negationLocal are cues that negate the few words after them.
var negationLocal = setOf("not", "no", "never", "nor", "neither", "without", "none", "nothing", "nobody", "cannot")

// negationGlobal are cues that negate a whole claim ("denied that …").
var negationGlobal = setOf("deny", "denied", "denies", "denying", "denial", "reject", "rejected",
	"rejects", "rejecting", "dismissed", "dismisses", "dismiss", "refuted", "refutes", "disputed", "disputes")

// actVerbs are verbs of doing an act, whose agent may be disputed.
var actVerbs = setOf("conducted", "conduct", "conducts", "carried", "staged", "staging",
	"stage", "committed", "commit", "perpetrated", "launched", "launch", "orchestrated",
	"executed", "behind", "responsible", "ordered", "masterminded", "fired", "planted")

// agentGov and agentRebel are heads of noun phrases that name a government
// side or a non-state armed side.
var agentGov = setOf("regime", "government", "army", "military", "forces", "troops", "jets",
	"aircraft", "authorities", "administration", "air", "warplanes", "president", "leader", "state")
var agentRebel = setOf("rebels", "rebel", "terrorists", "terrorist", "militants", "militant",
	"insurgents", "insurgent", "opposition", "jihadists", "jihadist", "extremists", "fighters", "separatists")

// antonyms are verb or adjective pairs of opposite meaning.
var antonyms = [][2]string{
	{"rise", "fall"}, {"rose", "fell"}, {"increased", "decreased"}, {"increase", "decrease"},
	{"won", "lost"}, {"win", "lose"}, {"guilty", "innocent"}, {"true", "false"},
	{"confirmed", "denied"}, {"accepted", "rejected"}, {"approved", "rejected"},
	{"supports", "opposes"}, {"supported", "opposed"}, {"alive", "dead"}, {"open", "closed"},
	{"improved", "deteriorated"}, {"improving", "deteriorating"}, {"better", "worse"},
	{"succeeded", "failed"}, {"legal", "illegal"}, {"legitimate", "illegitimate"},
	{"complied", "violated"},
}

// generic are content words too common in news to make a topic by themselves.
var generic = setOf("say", "said", "says", "told", "added", "also", "would", "could", "one",
	"two", "three", "new", "last", "week", "year", "years", "time", "people", "official",
	"officials", "country", "countries", "government", "state", "will", "may", "today",
	"wednesday", "tuesday", "monday", "thursday", "friday", "saturday", "sunday", "just",
	"like", "even", "since", "still", "made", "make", "many", "much", "first", "well",
	"report", "reports", "reported", "according", "news", "world", "us", "u", "s", "mr")

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
	"june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3,
	"thursday": 4, "friday": 5, "saturday": 6}

// notNames are capitalised words that never start or make a name.
var notNames = setOf("i", "the", "a", "an", "but", "and", "or", "if", "in", "on", "at",
	"as", "for", "of", "to", "by", "with", "from", "this", "that", "these", "those",
	"it", "he", "she", "they", "we", "you", "his", "her", "their", "our", "its", "my",
	"there", "here", "when", "while", "after", "before", "since", "until", "despite",
	"however", "meanwhile", "instead", "although", "though", "because", "so", "then",
	"today", "yesterday", "tomorrow", "posted", "updated", "read", "more", "recently",
	"mr", "mrs", "ms", "dr", "what", "who", "why", "how", "where", "which", "unless",
	"all", "some", "any", "no", "not", "now", "also", "both", "each", "every", "other",
	"such", "only", "just", "still", "even", "already", "yet", "again", "once", "like",
	"according", "amid", "among", "under", "over", "against", "during", "without", "about",
	"later", "earlier", "finally", "first", "second", "third", "last", "next", "thus", "hence",
	"indeed", "officials", "police", "many", "several", "most", "few", "experts", "analysts",
	"critics", "residents", "witnesses", "speaking", "asked", "sources", "separately", "elsewhere",
	"overall", "together", "soon", "perhaps", "maybe", "clearly", "obviously", "ultimately")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
