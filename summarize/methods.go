package summarize

// Default is the name of the default method: the one that scores best on the
// DUC 2007 development sets (see docs/benchmarks.md).
const Default = "ilp"

// Methods maps each method name accepted by --method to its constructor. It
// is the one place where methods are registered.
var Methods = map[string]func() Method{
	"ilp":        func() Method { return ILP{} },
	"submodular": func() Method { return Submodular{} },
	"lead":       func() Method { return Lead{} },
	"centroid":   func() Method { return Centroid{} },
	"lexrank":    func() Method { return LexRank{} },
	"textrank":   func() Method { return TextRank{} },
	"mmr":        func() Method { return MMR{} },
	"klsum":      func() Method { return KLSum{} },
	"sumbasic":   func() Method { return SumBasic{} },
}
