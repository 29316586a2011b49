package story

import (
	"fmt"
	"testing"
)

func TestDebugEdges(t *testing.T) {
	if !*debugFlag {
		t.Skip()
	}
	arts := loadDirInternal(t, "../../shared/examples/tillerson-moscow-2017")
	cl := analyze(arts)
	cs := cl.claims()
	df := termFreq(cs)
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].doc == cs[j].doc && (cs[i].speaker == "" || cs[j].speaker == "") {
				continue
			}
			if k, sh := compare(cs[i], cs[j], df, len(cs)); k != "" {
				fmt.Printf("EDGE %s %v\n  A[%s|%s] %s\n  B[%s|%s] %s\n", k, sh, cs[i].label, cs[i].affil, cl.docs[cs[i].doc].text[cs[i].start:cs[i].end], cs[j].label, cs[j].affil, cl.docs[cs[j].doc].text[cs[j].start:cs[j].end])
			}
		}
	}
}
