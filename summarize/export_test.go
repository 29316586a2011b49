package summarize

import (
	"os"
	"strconv"
)

func init() {
	f := func(name string, p *float64) {
		if v := os.Getenv(name); v != "" {
			*p, _ = strconv.ParseFloat(v, 64)
		}
	}
	i := func(name string, p *int) {
		if v := os.Getenv(name); v != "" {
			*p, _ = strconv.Atoi(v)
		}
	}
	f("X_POS", &xPosBoost)
	i("X_MINW", &xMinWords)
	i("X_MINDOCS", &xMinDocs)
	xContent = os.Getenv("X_CONTENT") != ""
	xUni = os.Getenv("X_UNI") != ""
}
