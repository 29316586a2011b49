package summarize

// Experimental knobs, set by tests only. TEMPORARY.
var (
	xPosBoost = 0.0
	xMinWords = MinWords
	xMinDocs  = 3
	xContent  = false
	xUni      = false
)
