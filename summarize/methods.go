package summarize

// Default is the name of the default method.
const Default = "ilp"

// Methods maps each method name accepted by --method to its constructor. It
// is the one place where methods are registered.
var Methods = map[string]func() Method{
	"lead":       func() Method { return Lead{} },
	"ilp":        func() Method { return ILP{} },
	"submodular": func() Method { return Submodular{} },
}
