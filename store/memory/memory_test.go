package memory_test

import (
	"testing"

	"github.com/briefnews/brief"
	"github.com/briefnews/brief/store/memory"
	"github.com/briefnews/brief/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) brief.Store {
		s := memory.New()
		t.Cleanup(func() { s.Close() })
		return s
	})
}
